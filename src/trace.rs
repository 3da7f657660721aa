//! `gwkg trace`: an entity's story over the years, read from the store: every mention in time
//! order with year, report, section, stage and verb, quantities and the sentence, then the
//! related entities (components, parts, renames, versions, strongest co-mentions).

use std::fmt::Write as _;

use oxigraph::store::Store;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lineage_graph::{LineageGraph, select};

/// One mention on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// The year the sentence speaks about (the last one, for a look-back over several years).
    pub year: i32,
    pub years: Vec<i32>,
    pub report: String,
    pub report_date: String,
    pub section: String,
    pub stage: Option<String>,
    pub verb: Option<String>,
    pub surface: String,
    pub sentence: String,
    /// Character offsets of the mention in the report's normalised text.
    pub start: u32,
    pub end: u32,
    /// Character offset of the mention inside `sentence`.
    pub offset_in_sentence: u32,
    pub quantities: Vec<String>,
}

/// The one entity whose key is `name` (quotes stripped), looked up in the store: the answer
/// [`find_entity`] gives first, found without loading every entity. `None` when no entity or
/// several have that key.
pub fn entity_with_key(db: &Store, name: &str) -> Result<Option<String>> {
    let key = oxigraph::model::Literal::new_simple_literal(crate::extract::bare(name.trim()));
    let rows = select(db, &format!("SELECT DISTINCT ?e WHERE {{ GRAPH <{}> {{ ?e gw:key {key} }} }}", crate::rdf::ENTITY_GRAPH), &["e"])?;
    Ok(match rows.as_slice() {
        [one] => one.first().cloned(),
        _ => None,
    })
}

/// Finds the entity a user means: a code, key, label or alias (exact, then unique substring).
pub fn find_entity(graph: &LineageGraph, name: &str) -> Result<usize> {
    let name = name.trim();
    let stripped = crate::extract::bare(name);
    let exact: Vec<usize> = (0..graph.entities.len())
        .filter(|&i| {
            let e = &graph.entities[i];
            e.key == stripped || crate::extract::bare(&e.label) == stripped || e.aliases.iter().any(|a| crate::extract::bare(a) == stripped)
        })
        .collect();
    let by_key: Vec<usize> = exact.iter().copied().filter(|&i| graph.entities[i].key == stripped).collect();
    match (by_key.as_slice(), exact.as_slice()) {
        ([one], _) | ([], [one]) => return Ok(*one),
        _ => {}
    }
    let mut candidates: Vec<usize> = if exact.is_empty() {
        (0..graph.entities.len())
            .filter(|&i| {
                let e = &graph.entities[i];
                !stripped.is_empty()
                    && (e.label.contains(stripped.as_str()) || e.aliases.iter().any(|a| a.contains(stripped.as_str())))
            })
            .collect()
    } else {
        exact
    };
    if candidates.len() == 1 {
        return Ok(candidates[0]);
    }
    let mention_count = |i: &usize| graph.states[*i].len();
    candidates.sort_by_key(|i| std::cmp::Reverse(mention_count(i)));
    let suggestions: Vec<String> = candidates
        .iter()
        .take(12)
        .map(|&i| format!("{} ({}, key {})", graph.entities[i].label, graph.entities[i].kind, graph.entities[i].key))
        .collect();
    if candidates.is_empty() {
        let names = graph.entities.iter().flat_map(|e| std::iter::once(e.label.as_str()).chain(e.aliases.iter().map(String::as_str)));
        Err(Error::Unknown { what: name.to_string(), suggestions: crate::error::closest_names(name, names, 5) })
    } else {
        Err(Error::Other(format!("{name:?} is ambiguous; did you mean one of: {}", suggestions.join(", "))))
    }
}

/// The SPARQL query behind [`timeline`] (also linked from `gwkg serve`'s entity page).
pub fn timeline_query(iri: &str) -> String {
    format!(
        "SELECT ?m ?r ?date ?kind ?stage ?verb ?surface ?text ?start ?end ?sstart\n       \
         (GROUP_CONCAT(DISTINCT STR(?y); SEPARATOR=\",\") AS ?years)\n       \
         (GROUP_CONCAT(DISTINCT ?q; SEPARATOR=\" | \") AS ?qs)\nWHERE {{\n  \
         ?m gw:mentionOf <{iri}> ; gw:inReport ?r ; gw:aboutYear ?y ; gw:surface ?surface ;\n     \
         gw:sentence ?s ; gw:start ?start ; gw:end ?end .\n  \
         ?s rdf:value ?text ; gw:start ?sstart ; gw:inSection ?sec .\n  ?sec gw:sectionKind ?kind .\n  \
         OPTIONAL {{ ?r dcterms:date ?date }}\n  OPTIONAL {{ ?m gw:stage ?stage }} OPTIONAL {{ ?m gw:verb ?verb }} \
         OPTIONAL {{ ?m gw:quantity ?q }}\n}} GROUP BY ?m ?r ?date ?kind ?stage ?verb ?surface ?text ?start ?end ?sstart\n\
         ORDER BY ?years ?date ?start"
    )
}

/// The timeline of one entity.
pub fn timeline(db: &Store, entity_iri: &str) -> Result<Vec<TimelineEntry>> {
    let query = timeline_query(entity_iri);
    let rows = select(
        db,
        &query,
        &["m", "r", "date", "kind", "stage", "verb", "surface", "text", "start", "end", "sstart", "years", "qs"],
    )?;
    let mut entries: Vec<TimelineEntry> = rows
        .into_iter()
        .map(|row| {
            let mut years: Vec<i32> = row[11].split(',').filter_map(|y| y.parse().ok()).collect();
            years.sort_unstable();
            let start: u32 = row[8].parse().unwrap_or(0);
            let sentence_start: u32 = row[10].parse().unwrap_or(0);
            let optional = |s: &String| (!s.is_empty()).then(|| s.clone());
            TimelineEntry {
                year: years.last().copied().unwrap_or(0),
                years,
                report: row[1].rsplit('/').next().unwrap_or_default().to_string(),
                report_date: row[2].clone(),
                section: row[3].clone(),
                stage: optional(&row[4]),
                verb: optional(&row[5]),
                surface: row[6].clone(),
                sentence: row[7].clone(),
                start,
                end: row[9].parse().unwrap_or(start),
                offset_in_sentence: start.saturating_sub(sentence_start),
                quantities: row[12].split(" | ").filter(|q| !q.is_empty()).map(String::from).collect(),
            }
        })
        .collect();
    entries.sort_by(|a, b| (a.year, &a.report_date, &a.report, a.start).cmp(&(b.year, &b.report_date, &b.report, b.start)));
    Ok(entries)
}

/// The sentence with the mention marked 【like this】.
pub fn highlight(entry: &TimelineEntry) -> String {
    let chars: Vec<char> = entry.sentence.chars().collect();
    let at = (entry.offset_in_sentence as usize).min(chars.len());
    let len = entry.surface.chars().count();
    let end = (at + len).min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    out.push('【');
    out.extend(&chars[at..end]);
    out.push('】');
    out.extend(&chars[end..]);
    out
}

/// Strongest co-mentions of an entity: (label, kind, shared sentences).
pub fn co_mentions(db: &Store, entity_iri: &str, limit: usize) -> Result<Vec<(String, String, u32)>> {
    let rows = select(
        db,
        &format!(
            "SELECT ?label ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
               ?m gw:mentionOf <{entity_iri}> ; gw:sentence ?s .
               ?m2 gw:sentence ?s ; gw:mentionOf ?other .
               FILTER(?other != <{entity_iri}>)
               ?other rdfs:label ?label ; a ?class .
             }} GROUP BY ?label ?class ORDER BY DESC(?n) ?label LIMIT {limit}"
        ),
        &["label", "class", "n"],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| (r[0].clone(), r[1].rsplit('#').next().unwrap_or_default().to_lowercase(), r[2].parse().unwrap_or(0)))
        .collect())
}

/// The readable text timeline.
pub fn render_text(graph: &LineageGraph, entity: usize, entries: &[TimelineEntry], co: &[(String, String, u32)]) -> String {
    let e = &graph.entities[entity];
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, key {})", e.label, e.kind, e.key);
    if !e.aliases.is_empty() {
        let _ = writeln!(out, "also: {}", e.aliases.join(" / "));
    }
    let mut year = None;
    for entry in entries {
        if year != Some(entry.year) {
            year = Some(entry.year);
            let span = if entry.years.len() > 1 {
                format!(" (look-back {}-{})", entry.years[0], entry.years[entry.years.len() - 1])
            } else {
                String::new()
            };
            let _ = writeln!(out, "\n{}{}", entry.year, span);
        }
        let stage = match (&entry.stage, &entry.verb) {
            (Some(s), Some(v)) => format!("{s} ({v})"),
            (Some(s), None) => s.clone(),
            _ => "-".into(),
        };
        let quantities = if entry.quantities.is_empty() { String::new() } else { format!("  [{}]", entry.quantities.join(", ")) };
        let _ = writeln!(out, "  {} · {} · {}{}", entry.report, entry.section, stage, quantities);
        let _ = writeln!(out, "    {}", highlight(entry));
    }
    let relations = graph.relations_of(entity);
    if !relations.is_empty() {
        let _ = writeln!(out, "\nrelated:");
        for (relation, other, outgoing) in relations {
            let o = &graph.entities[other];
            let arrow = if outgoing { relation.label() } else { relation.inverse_label() };
            let _ = writeln!(out, "  {arrow}: {} ({})", o.label, o.kind);
        }
    }
    if !co.is_empty() {
        let _ = writeln!(out, "\nmentioned with:");
        for (label, kind, n) in co {
            let _ = writeln!(out, "  {label} ({kind}) ×{n}");
        }
    }
    out
}
