//! Resolution: one canonical entity per real-world thing across all reports.
//!
//! Mentions are grouped by (kind, key). The key is the code of a coded programme (“1361”), the
//! official name of an administrative division (璧山 and 璧山区 share 璧山区), otherwise the
//! label with quotes removed and a few spelling variants folded (国际机场 → 机场, 架构 →
//! 构架). The canonical label is the label proposed most often (ties: the first seen); every
//! other surface form becomes an alias. Keys are IRI-safe.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::{EntityKind, RawMention, bare};
use crate::report::Report;

/// One real-world thing.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    pub key: String,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub code: Option<String>,
    pub place_kind: Option<&'static str>,
    /// Key of a parent institution (same kind), if named inside this one.
    pub parent: Option<String>,
    /// Indices into [`Resolved::mentions`], in time order.
    pub mentions: Vec<usize>,
    pub years: BTreeSet<i32>,
}

/// A mention tied to its entity and report.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub report: usize,
    pub sentence: usize,
    pub start: u32,
    pub end: u32,
    pub surface: String,
    pub entity: usize,
    pub years: Vec<i32>,
}

/// The result of resolution over a corpus.
#[derive(Debug, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Resolved {
    /// The entity with this kind and key.
    pub fn find(&self, kind: EntityKind, key: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.kind == kind && e.key == key)
    }
}

/// Resolves the raw mentions of every report (`raw[i]` belongs to `reports[i]`).
pub fn resolve(reports: &[Report], raw: &[Vec<RawMention>]) -> Resolved {
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut label_votes: Vec<BTreeMap<String, (usize, usize)>> = Vec::new(); // label → (count, first order)
    let mut resolved = Resolved::default();
    let mut order = 0usize;
    // The keys depend on each mention alone: made in parallel, then grouped in order.
    let keys: Vec<Vec<String>> = raw.par_iter().map(|mentions| mentions.iter().map(key_of).collect()).collect();
    for ((report_index, mentions), keys) in raw.iter().enumerate().zip(keys) {
        let report = &reports[report_index];
        for (m, key) in mentions.iter().zip(keys) {
            let entity = *index.entry((m.kind, key.clone())).or_insert_with(|| {
                resolved.entities.push(Entity {
                    kind: m.kind,
                    key: key.clone(),
                    label: String::new(),
                    aliases: BTreeSet::new(),
                    code: m.code.clone(),
                    place_kind: m.place_kind,
                    parent: None,
                    mentions: Vec::new(),
                    years: BTreeSet::new(),
                });
                label_votes.push(BTreeMap::new());
                resolved.entities.len() - 1
            });
            order += 1;
            let vote = label_votes[entity].entry(m.label.clone()).or_insert((0, order));
            vote.0 += 1;
            let years = report.section_of(m.sentence).about_years.clone();
            let e = &mut resolved.entities[entity];
            e.aliases.insert(m.surface.clone());
            e.years.extend(years.iter().copied());
            if e.parent.is_none() {
                e.parent = m.parent.clone();
            }
            e.mentions.push(resolved.mentions.len());
            resolved.mentions.push(Mention {
                report: report_index,
                sentence: m.sentence,
                start: m.start,
                end: m.end,
                surface: m.surface.clone(),
                entity,
                years,
            });
        }
    }
    for (entity, votes) in resolved.entities.iter_mut().zip(&label_votes) {
        let best = votes.iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)));
        entity.label = best.map(|(label, _)| label.clone()).unwrap_or_default();
        entity.aliases.extend(votes.keys().cloned());
        let label = entity.label.clone();
        entity.aliases.remove(&label);
    }
    // Parents named by label become keys of existing institutions, else are dropped.
    let by_label: HashMap<(EntityKind, String), String> =
        resolved.entities.iter().map(|e| ((e.kind, bare(&e.label)), e.key.clone())).collect();
    for entity in &mut resolved.entities {
        entity.parent = entity.parent.take().and_then(|p| by_label.get(&(entity.kind, bare(&p))).cloned());
    }
    // Mentions of each entity in time order (years, then report date order, then offset).
    let mention_years: Vec<(i32, usize, u32)> =
        resolved.mentions.iter().map(|m| (m.years.first().copied().unwrap_or(0), m.report, m.start)).collect();
    for entity in &mut resolved.entities {
        entity.mentions.sort_by_key(|&i| mention_years[i]);
    }
    resolved
}

/// The resolution key of a raw mention.
pub fn key_of(m: &RawMention) -> String {
    if let Some(key) = &m.key {
        return iri_safe(key);
    }
    if m.kind == EntityKind::Place && m.code.is_some() {
        return iri_safe(&m.label);
    }
    iri_safe(&fold_variants(&bare(&m.label)))
}

/// Spelling variants that name the same thing.
fn fold_variants(label: &str) -> String {
    label.replace("国际机场", "机场").replace("架构", "构架")
}

/// Replaces characters that are not allowed (or awkward) in an IRI path segment.
pub fn iri_safe(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_whitespace() || "<>\"{}|\\^`#%?/[]'“”‘’".contains(c) { '-' } else { c })
        .collect()
}
