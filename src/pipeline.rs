//! The analysis pipeline after reading: extraction (in parallel, one jieba pass per sentence)
//! and resolution, with the time each stage took.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::extract::{RawMention, extract_report};
use crate::lexicon::Lexicon;
use crate::report::Report;
use crate::resolve::{Resolved, resolve};

/// Reports with their resolved entities and mentions.
pub struct Knowledge {
    pub reports: Vec<Report>,
    pub resolved: Resolved,
    pub timings: Timings,
}

/// Wall time per stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    pub lexicon: Duration,
    pub extract: Duration,
    /// Extraction time summed over the reports (CPU time across threads, not wall time).
    pub extract_cpu: Duration,
    pub resolve: Duration,
}

/// Extracts and resolves the entities of `reports`.
pub fn analyse(reports: Vec<Report>, lexicon: &Lexicon) -> Knowledge {
    let mut timings = Timings::default();
    let started = Instant::now();
    let timed: Vec<(Vec<RawMention>, Duration)> = reports
        .par_iter()
        .map(|r| {
            let started = Instant::now();
            (extract_report(r, lexicon), started.elapsed())
        })
        .collect();
    timings.extract = started.elapsed();
    timings.extract_cpu = timed.iter().map(|(_, d)| *d).sum();
    let raw: Vec<Vec<RawMention>> = timed.into_iter().map(|(r, _)| r).collect();
    let started = Instant::now();
    let resolved = resolve(&reports, &raw);
    timings.resolve = started.elapsed();
    Knowledge { reports, resolved, timings }
}

/// Arbitrary bytes through the whole reading pipeline (decode → normalise → header → sentences
/// → sections → script conversion → extraction), checking the offset invariants on the way.
/// Errors are fine; a panic is a bug. The first byte picks how the file is presented (plain,
/// with `--year`, or with a manifest entry giving date and kind) so that inputs without a usable
/// header still reach extraction. This is the fuzz target's body (`fuzz/`), kept here so that the
/// regression test replays exactly the same code.
pub fn check_arbitrary_bytes(data: &[u8], lexicon: &Lexicon) {
    use crate::corpus::{ManifestEntry, SourceFile};
    use crate::metadata::{Date, ReportKind};
    use crate::report::LoadOptions;
    let Some((&mode, bytes)) = data.split_first() else { return };
    let path = std::path::PathBuf::from("fuzz.txt");
    if let Ok(decoded) = crate::decode::decode_bytes(&path, bytes) {
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
    for mention in extract_report(&report, lexicon) {
        assert!(mention.start <= mention.end && mention.end as usize <= characters);
    }
}
