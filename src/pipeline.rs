//! The build, stage by stage: reading (beside the dictionary load), extraction (in parallel,
//! one jieba pass per sentence), resolution, lineage and the store write, with the time each
//! stage took. `gwkg build` and `gwkg bench` both run [`build`], so the bench measures exactly
//! what a build does.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cli::InputArgs;
use crate::error::Result;
use crate::extract::{RawMention, extract_report};
use crate::lexicon::Lexicon;
use crate::report::Report;
use crate::resolve::{Resolved, resolve};

/// The reports of the inputs and the lexicon to read them with.
pub struct Loaded {
    pub reports: Vec<Report>,
    pub lexicon: Lexicon,
    /// Wall time of reading (find, decode, normalise, sentences, sections).
    pub read: Duration,
    /// Wall time the dictionary load added after reading was done: it runs beside reading, and
    /// this is the part reading did not hide (so that the stage times add up to the build).
    pub dictionary: Duration,
}

/// Reads the inputs and loads the lexicon side by side: reading is parallel over files, while
/// the lexicon load keeps about one core busy, so neither waits for the other.
pub fn load(input: &InputArgs) -> Result<Loaded> {
    let (((reports, read), lexicon), both) =
        timed(|| rayon::join(|| timed(|| crate::cli::read_inputs(input)), || Lexicon::load(&input.dicts)));
    Ok(Loaded { reports: reports?, lexicon: lexicon?, read, dictionary: both.saturating_sub(read) })
}

/// What a build did, with the wall time of each stage.
pub struct BuildSummary {
    pub reports: usize,
    pub sentences: usize,
    pub characters: usize,
    pub entities: usize,
    pub mentions: usize,
    /// Quads in the store, the ontology's included.
    pub quads: usize,
    /// Reading, and the dictionary load beyond it (see [`Loaded`]).
    pub read: Duration,
    pub dictionary: Duration,
    pub analysis: Timings,
    pub lineage: Duration,
    /// Making the quads; they stream into the bulk loader, so this is counted apart from `store`.
    pub rdf: Duration,
    /// The store write, quad making excluded.
    pub store: Duration,
    /// The whole build.
    pub total: Duration,
}

/// Reads the inputs, analyses them and writes the store: `gwkg build`.
pub fn build(input: &InputArgs, store: &Path) -> Result<BuildSummary> {
    let started = Instant::now();
    let Loaded { reports, lexicon, read, dictionary } = load(input)?;
    let sources: Vec<PathBuf> = reports.iter().filter_map(|r| std::fs::canonicalize(&r.file).ok()).collect();
    let spinner = crate::corpus::spinner("analysing", is_big_work(&reports));
    let mut knowledge = analyse(reports, &lexicon);
    let (lineage, lineage_time) = timed(|| crate::lineage::build(&mut knowledge));
    spinner.set_message("writing the store");
    // The quads go to the bulk loader a few report graphs at a time, never all in memory at once.
    let quad_making = std::cell::Cell::new(Duration::ZERO);
    let (written, write_time) =
        timed(|| crate::store::write_atomically(store, crate::rdf::timed_stream(&knowledge, &lineage, Some(&quad_making)), &sources));
    spinner.finish_and_clear();
    let quads = written?;
    let total = started.elapsed();
    Ok(BuildSummary {
        reports: knowledge.reports.len(),
        sentences: knowledge.reports.iter().map(|r| r.sentences.len()).sum(),
        characters: knowledge.reports.iter().map(|r| r.text.char_len()).sum(),
        entities: knowledge.resolved.entities.len(),
        mentions: knowledge.resolved.mentions.len(),
        quads,
        read,
        dictionary,
        analysis: knowledge.timings,
        lineage: lineage_time,
        rdf: quad_making.get(),
        store: write_time.saturating_sub(quad_making.get()),
        total,
    })
}

/// Whether analysing `reports` takes long enough to show a spinner (on a terminal).
pub fn is_big_work(reports: &[Report]) -> bool {
    reports.len() >= crate::corpus::PROGRESS_FILES
        || reports.iter().map(|r| r.text.text.len() as u64).sum::<u64>() >= crate::corpus::PROGRESS_BYTES
}

/// Runs `f` and returns what it returned with its wall time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

/// Reports with their resolved entities and mentions.
pub struct Knowledge {
    pub reports: Vec<Report>,
    pub resolved: Resolved,
    pub timings: Timings,
}

/// Wall time per analysis stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
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
    timings.extract_cpu = timed.iter().map(|(_, d)| *d).sum();
    let mut raw: Vec<Vec<RawMention>> = timed.into_iter().map(|(r, _)| r).collect();
    crate::extract::add_bare_quotations(&reports, &mut raw);
    crate::extract::add_bare_firms(&reports, &mut raw);
    crate::extract::add_abbreviated_bodies(&reports, &mut raw);
    timings.extract = started.elapsed();
    let started = Instant::now();
    let resolved = resolve(&reports, &raw, lexicon);
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
