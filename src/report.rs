//! A report read from one file: metadata, normalised text with its offset map, sentences and
//! the sections that say which year each sentence speaks about.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::SourceFile;
use crate::decode::decode_bytes;
use crate::error::{Error, Result};
use crate::metadata::{Date, ReportKind, Speaker, parse_header};
use crate::normalize::{NormalizedText, normalize};
use crate::script::simplified_for_analysis;
use crate::sections::{Context, Section, SectionKind, section_at, sections};
use crate::sentences::{Sentence, split};

/// Options given on the command line that apply to every file read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Report year for files whose header has no date (`--year`).
    pub year: Option<i32>,
}

/// One report, ready for extraction.
#[derive(Debug, Clone)]
pub struct Report {
    /// Stable, IRI-safe identifier (the file stem when it is one).
    pub id: String,
    pub file: PathBuf,
    pub encoding: &'static str,
    pub title: String,
    pub date: Option<Date>,
    pub report_year: i32,
    pub kind: ReportKind,
    pub speaker: Option<Speaker>,
    pub meeting: Option<String>,
    pub region: Option<String>,
    pub text: NormalizedText,
    /// Simplified-script copy of `text.text` (same character count) when the original is
    /// Traditional; extraction reads this, mentions point into `text`.
    pub simplified: Option<String>,
    pub sentences: Vec<Sentence>,
    pub sections: Vec<Section>,
    /// Index into `sections` of each sentence.
    pub sentence_section: Vec<u32>,
}

impl Report {
    /// Reads a report from the bytes of `source`.
    pub fn load(source: &SourceFile, bytes: &[u8], options: &LoadOptions) -> Result<Report> {
        let path = &source.path;
        let decoded = decode_bytes(path, bytes)?;
        let text = normalize(&decoded.text, &decoded.origin);
        let han = text.text.chars().filter(|&c| crate::normalize::is_han(c)).count();
        if han < 20 {
            return Err(Error::NotAReport {
                path: path.clone(),
                detail: format!(
                    "it holds almost no Chinese text ({han} Chinese characters, read as {}); gwkg reads Chinese government reports: remove the file from the input",
                    decoded.encoding
                ),
            });
        }
        // Header and section cues are read on Simplified text (a Traditional 政府工作報告 is a
        // 政府工作报告); what they quote is taken back from the original at the same bytes.
        let simplified = simplified_for_analysis(&text.text);
        let analysis = simplified.as_deref().unwrap_or(&text.text);
        let mut header = parse_header(analysis);
        if header.date.is_none()
            && let Some((date, region)) = crate::metadata::signature(analysis)
        {
            header.date = Some(date);
            header.region = header.region.or(region);
        }
        if simplified.is_some() {
            let original = |s: &mut String| *s = in_original(&text.text, analysis, s);
            let speaker = header.speaker.as_mut().map(|s| [&mut s.name, &mut s.role]).into_iter().flatten();
            header.title.iter_mut().chain(header.meeting.iter_mut()).chain(speaker).for_each(original);
        }
        let manifest = source.manifest.clone().unwrap_or_default();
        for (year, given) in [(manifest.year, "its `year` in manifest.toml"), (options.year, "--year")] {
            if let Some(year) = year.filter(|y| !(1900..=2200).contains(y)) {
                return Err(Error::Other(format!(
                    "{}: {given} {year} is not a report year; give a year between 1900 and 2200",
                    path.display()
                )));
            }
        }
        let date = manifest.date.or(header.date);
        let report_year = manifest.year.or(date.map(|d| d.year)).or(options.year).ok_or_else(|| Error::NotAReport {
            path: path.clone(),
            detail: format!(
                "no date in its header (a line such as `2024年1月21日在…会议上` among the first {} lines) nor in a signature at its end (`…人民政府` over `2024年1月21日`); add the file to {} with its `date = \"YYYY-MM-DD\"`, or pass --year YEAR",
                crate::metadata::HEADER_LINES,
                manifest_path(path).display()
            ),
        })?;
        let title = manifest.title.clone().or(header.title).unwrap_or_default();
        let kind = manifest.kind.or(header.kind).or_else(|| ReportKind::from_title(&to_simplified(&title))).ok_or_else(|| {
            let shown: String = title.chars().take(40).collect();
            let ellipsis = if title.chars().count() > 40 { "…" } else { "" };
            Error::NotAReport {
                path: path.clone(),
                detail: format!(
                    "its title {:?} names neither a government work report (政府工作报告) nor a plan report (计划执行情况); add the file to {} with its `kind = \"government-work-report\"` or `\"plan-execution-report\"`",
                    format!("{shown}{ellipsis}"),
                    manifest_path(path).display()
                ),
            }
        })?;
        let speaker = match (manifest.speaker.clone(), header.speaker) {
            (Some(name), header) => Some(Speaker {
                name,
                role: manifest.speaker_role.clone().or(header.map(|s| s.role)).unwrap_or_default(),
            }),
            (None, header) => header,
        };
        let sentences = split(&text.text);
        let ctx = Context { report_year, kind, header_end: header.header_end, text_len: text.char_len() as u32 };
        let mut sections = sections(analysis, &sentences, ctx);
        if simplified.is_some() {
            for section in sections.iter_mut().filter(|s| !s.heading.is_empty()) {
                section.heading = in_original(&text.text, analysis, &section.heading);
            }
        }
        let sentence_section = sentences.iter().map(|s| section_at(&sections, s.start) as u32).collect();
        let id = manifest.id.clone().unwrap_or_else(|| default_id(path, date, report_year, kind, bytes));
        // The region is a key for lexicon look-ups: always Simplified.
        let region = manifest.region.or(header.region).map(|r| to_simplified(&r));
        Ok(Report {
            id,
            file: path.clone(),
            encoding: decoded.encoding,
            title,
            date,
            report_year,
            kind,
            speaker,
            meeting: manifest.meeting.or(header.meeting),
            region,
            text,
            simplified,
            sentences,
            sections,
            sentence_section,
        })
    }

    /// The text extraction reads: Simplified script, aligned character for character with `text`.
    pub fn analysis_text(&self) -> &str {
        self.simplified.as_deref().unwrap_or(&self.text.text)
    }

    /// The section a sentence belongs to.
    pub fn section_of(&self, sentence: usize) -> &Section {
        &self.sections[self.sentence_section[sentence] as usize]
    }

    /// Whether a sentence is part of the body (not the title/date/speaker header).
    pub fn is_body(&self, sentence: usize) -> bool {
        self.section_of(sentence).kind != SectionKind::Header
    }

    /// A one-row summary for `gwkg reports`.
    pub fn summary(&self) -> ReportSummary {
        ReportSummary {
            id: self.id.clone(),
            file: self.file.display().to_string(),
            title: self.title.clone(),
            date: self.date.map(|d| d.to_string()),
            report_year: self.report_year,
            kind: self.kind.as_str(),
            speaker: self.speaker.as_ref().map(|s| s.name.clone()),
            speaker_role: self.speaker.as_ref().map(|s| s.role.clone()),
            meeting: self.meeting.clone(),
            region: self.region.clone(),
            encoding: self.encoding,
            characters: self.text.char_len(),
            sentences: self.sentences.len(),
            sections: self.sections.clone(),
        }
    }
}

/// What `gwkg reports --format json` prints for one report.
#[derive(Debug, Serialize)]
pub struct ReportSummary {
    pub id: String,
    pub file: String,
    pub title: String,
    pub date: Option<String>,
    pub report_year: i32,
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub meeting: Option<String>,
    pub region: Option<String>,
    pub encoding: &'static str,
    pub characters: usize,
    pub sentences: usize,
    pub sections: Vec<Section>,
}

/// `text` in Simplified script.
fn to_simplified(text: &str) -> String {
    simplified_for_analysis(text).unwrap_or_else(|| text.to_string())
}

/// The original-script form of `found`, a piece of `analysis` (the Simplified copy of
/// `original`, aligned byte for byte): the original bytes where it first occurs.
fn in_original(original: &str, analysis: &str, found: &str) -> String {
    analysis
        .find(found)
        .and_then(|at| original.get(at..at + found.len()))
        .map_or_else(|| found.to_string(), str::to_string)
}

/// The manifest that may describe `path`: `manifest.toml` in the file's directory.
fn manifest_path(path: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new("")).join("manifest.toml")
}

/// The file stem when it is IRI-safe (`[a-z0-9._-]`), else `{year}-{kind}-{hash}`.
fn default_id(path: &Path, date: Option<Date>, year: i32, kind: ReportKind, bytes: &[u8]) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
        return stem;
    }
    let when = date.map_or(year.to_string(), |d| d.to_string());
    format!("{when}-{kind}-{:08x}", crate::corpus::fingerprint(bytes) as u32)
}
