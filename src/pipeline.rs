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
