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
        if text.text.chars().filter(|&c| crate::normalize::is_han(c)).count() < 20 {
            return Err(Error::NotAReport { path: path.clone(), detail: "it holds almost no Chinese text".into() });
        }
        let header = parse_header(&text.text);
        let manifest = source.manifest.clone().unwrap_or_default();
        let date = manifest.date.or(header.date);
        let report_year = manifest.year.or(date.map(|d| d.year)).or(options.year).ok_or_else(|| Error::NotAReport {
            path: path.clone(),
            detail: "no date in its header".into(),
        })?;
        let title = manifest.title.clone().or(header.title).unwrap_or_default();
        let kind = manifest.kind.or(header.kind).or_else(|| ReportKind::from_title(&title)).ok_or_else(|| {
            Error::NotAReport {
                path: path.clone(),
                detail: format!("its title {title:?} names neither a government work report nor a plan report"),
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
        let sections = sections(&text.text, &sentences, ctx);
        let sentence_section = sentences.iter().map(|s| section_at(&sections, s.start) as u32).collect();
        let id = manifest.id.clone().unwrap_or_else(|| default_id(path, date, report_year, kind, bytes));
        let simplified = simplified_for_analysis(&text.text);
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
            region: manifest.region.or(header.region),
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

/// The file stem when it is IRI-safe (`[a-z0-9._-]`), else `{year}-{kind}-{hash}`.
fn default_id(path: &Path, date: Option<Date>, year: i32, kind: ReportKind, bytes: &[u8]) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
        return stem;
    }
    let when = date.map_or(year.to_string(), |d| d.to_string());
    format!("{when}-{kind}-{:08x}", crate::corpus::fingerprint(bytes) as u32)
}
