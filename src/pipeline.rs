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
    pub resolve: Duration,
}

/// Extracts and resolves the entities of `reports`.
pub fn analyse(reports: Vec<Report>, lexicon: &Lexicon) -> Knowledge {
    let mut timings = Timings::default();
    let started = Instant::now();
    let raw: Vec<Vec<RawMention>> = reports.par_iter().map(|r| extract_report(r, lexicon)).collect();
    timings.extract = started.elapsed();
    let started = Instant::now();
    let resolved = resolve(&reports, &raw);
    timings.resolve = started.elapsed();
    Knowledge { reports, resolved, timings }
}
