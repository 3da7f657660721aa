//! Arbitrary bytes through the reading pipeline: decode → normalise → header → sentences →
//! sections → Traditional/Simplified → extraction. Errors are fine; panics, hangs and
//! out-of-memory are bugs.
//!
//! The first byte picks how the file is presented, so that inputs without a usable header still
//! reach extraction: as a plain file, with `--year`, or with a manifest entry giving date and kind.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use gwkg::corpus::{ManifestEntry, SourceFile};
use gwkg::lexicon::Lexicon;
use gwkg::metadata::{Date, ReportKind};
use gwkg::report::{LoadOptions, Report};
use libfuzzer_sys::fuzz_target;

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let lexicon = LEXICON.get_or_init(|| Lexicon::load(&[] as &[&str]).expect("the built-in lexicon loads"));
    let Some((&mode, bytes)) = data.split_first() else { return };
    let path = PathBuf::from("fuzz.txt");
    // Decoding alone must hold its promises: one origin per character plus the end.
    if let Ok(decoded) = gwkg::decode::decode_bytes(Path::new("fuzz.txt"), bytes) {
        assert_eq!(decoded.origin.len(), decoded.text.chars().count() + 1);
    }
    let manifest = (mode & 3 == 2).then(|| ManifestEntry {
        file: "fuzz.txt".into(),
        date: Date::new(2024, 1, 21),
        kind: Some(if mode & 4 == 0 { ReportKind::GovernmentWorkReport } else { ReportKind::PlanExecutionReport }),
        ..ManifestEntry::default()
    });
    let options = LoadOptions { year: (mode & 3 == 1).then_some(2024) };
    let source = SourceFile { path, manifest };
    let Ok(report) = Report::load(&source, bytes, &options) else { return };
    let characters = report.text.char_len();
    assert_eq!(report.text.text.chars().count(), characters);
    assert_eq!(report.analysis_text().chars().count(), characters);
    for sentence in &report.sentences {
        assert!(sentence.start <= sentence.end && sentence.end as usize <= characters);
        let _ = sentence.text(&report.text.text);
    }
    let _ = report.summary();
    for mention in gwkg::extract::extract_report(&report, lexicon) {
        assert!(mention.start <= mention.end && mention.end as usize <= characters);
    }
});
