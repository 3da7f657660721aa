//! The corpus: which files to read, what `manifest.toml` says about them, and reading them all
//! into [`Report`]s (in parallel, skipping byte-identical duplicates).
//!
//! A directory contributes its `*.txt` files (recursively, sorted); a file named on the command
//! line is read whatever its extension. A `manifest.toml` in a file's directory may override any
//! header field of that file; a file not in the manifest is read from its header alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::metadata::{Date, ReportKind};
use crate::report::{LoadOptions, Report};

/// The default corpus directory, relative to the working directory.
pub const DEFAULT_CORPUS: &str = "corpus";

/// One `[[report]]` entry of a manifest: every field but `file` is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// File name relative to the manifest's directory.
    pub file: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub year: Option<i32>,
    pub kind: Option<ReportKind>,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub meeting: Option<String>,
    pub region: Option<String>,
    /// Where the text was obtained (free text or URL); documentation only.
    pub source: Option<String>,
    /// What the file covers; documentation only.
    pub description: Option<String>,
    /// The name the file had where it was obtained; documentation only.
    pub original_name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    report: Vec<ManifestEntry>,
}

/// A file to read, with its manifest entry if it has one.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub manifest: Option<ManifestEntry>,
}

/// Expands the paths given by the user into the files to read.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<SourceFile>> {
    let mut manifests: HashMap<PathBuf, HashMap<String, ManifestEntry>> = HashMap::new();
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if metadata.is_dir() {
            collect_txt(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    let mut sources = Vec::with_capacity(files.len());
    for path in files {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if !manifests.contains_key(&dir) {
            manifests.insert(dir.clone(), read_manifest(&dir)?);
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let manifest = manifests.get(&dir).and_then(|m| m.get(&name)).cloned();
        sources.push(SourceFile { path, manifest });
    }
    Ok(sources)
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(path);
        }
    }
    Ok(())
}

fn read_manifest(dir: &Path) -> Result<HashMap<String, ManifestEntry>> {
    let path = dir.join("manifest.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| Error::Config { path: path.clone(), detail: format!("invalid manifest: {e}") })?;
    Ok(manifest.report.into_iter().map(|entry| (entry.file.clone(), entry)).collect())
}

/// The reports read, the files that failed, and notes (duplicates skipped).
#[derive(Debug, Default)]
pub struct Corpus {
    pub reports: Vec<Report>,
    pub failures: Vec<Error>,
    pub notes: Vec<String>,
}

/// Reads every source file into a report, in parallel. Byte-identical files are read once.
pub fn read_all(sources: &[SourceFile], options: &LoadOptions) -> Corpus {
    let sizes: Vec<u64> = sources.iter().map(|s| std::fs::metadata(&s.path).map_or(0, |m| m.len())).collect();
    let total: u64 = sizes.iter().sum();
    let bar = progress(total, "reading", sources.len() >= PROGRESS_FILES || total >= PROGRESS_BYTES);
    let loaded: Vec<(PathBuf, Result<(u64, Report)>)> = sources
        .par_iter()
        .zip(&sizes)
        .map(|(source, &size)| {
            let result = std::fs::read(&source.path)
                .map_err(|e| Error::io(&source.path, e))
                .and_then(|bytes| Ok((fingerprint(&bytes), Report::load(source, &bytes, options)?)));
            bar.inc(size);
            (source.path.clone(), result)
        })
        .collect();
    bar.finish_and_clear();
    let mut corpus = Corpus::default();
    let mut seen: HashMap<u64, PathBuf> = HashMap::new();
    let mut ids: HashMap<String, PathBuf> = HashMap::new();
    for (path, result) in loaded {
        match result {
            Err(error) => corpus.failures.push(error),
            Ok((hash, report)) => {
                if let Some(first) = seen.get(&hash) {
                    corpus.notes.push(format!(
                        "{}: same bytes as {}; read once",
                        path.display(),
                        first.display()
                    ));
                    continue;
                }
                if let Some(first) = ids.get(&report.id) {
                    corpus.failures.push(Error::Other(format!(
                        "{}: report id {:?} is already used by {}; give one of them another `id` in manifest.toml",
                        path.display(),
                        report.id,
                        first.display()
                    )));
                    continue;
                }
                seen.insert(hash, path.clone());
                ids.insert(report.id.clone(), path);
                corpus.reports.push(report);
            }
        }
    }
    corpus
}

/// Reading or analysing this many files, or this many bytes, shows progress on a terminal.
pub const PROGRESS_FILES: usize = 8;
pub const PROGRESS_BYTES: u64 = 4 << 20;

/// A progress bar counting bytes on stderr, drawn only when `worth_showing` and stderr is a
/// terminal (never in pipes, logs or tests).
pub fn progress(total_bytes: u64, message: &'static str, worth_showing: bool) -> indicatif::ProgressBar {
    if !worth_showing || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let style = indicatif::ProgressStyle::with_template("{msg:>10} [{bar:30}] {bytes}/{total_bytes} {elapsed}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
    indicatif::ProgressBar::with_draw_target(Some(total_bytes), indicatif::ProgressDrawTarget::stderr())
        .with_style(style)
        .with_message(message)
}

/// A spinner on stderr for a stage without steps to count, under the same conditions.
pub fn spinner(message: &'static str, worth_showing: bool) -> indicatif::ProgressBar {
    if !worth_showing || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr())
        .with_style(indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}").unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()))
        .with_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// A 64-bit FNV-1a hash of the file's bytes, to spot identical copies.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}
