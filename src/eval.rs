//! `gwkg eval`: precision, recall and F1 per entity type against the gold set in `tests/gold/`,
//! the share of entities whose years are right, and the same figures for a baseline of plain
//! jieba POS tags (ns = place, nt = institution, quoted text = programme, nothing for projects).
//!
//! - Mentions are compared on the exhaustively annotated sentences (`sentences.toml`): each gold
//!   sentence is found in its report (both sides normalised and stripped of white space); a
//!   predicted mention inside it matches a gold mention of the same type when their surfaces,
//!   quotes removed, are equal (strict) or one contains the other (lenient, the headline
//!   figure); matching is one to one. Precision counts predicted mentions in gold sentences only.
//! - Entity recall (`entities.toml`): a gold entity is found when a predicted entity of its
//!   type has a name form (label or alias) equal to one of the gold entity's names.
//! - Years right: among found gold entities, those whose predicted set of years equals gold's.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::{EntityKind, bare};
use crate::lexicon::Lexicon;
use crate::normalize::normalize;
use crate::pipeline::Knowledge;

#[derive(Debug, Deserialize)]
struct GoldEntities {
    entity: Vec<GoldEntity>,
}

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub years: Vec<i32>,
}

#[derive(Debug, Deserialize)]
struct GoldSentences {
    sentence: Vec<GoldSentence>,
}

#[derive(Debug, Deserialize)]
pub struct GoldSentence {
    pub report: String,
    pub text: String,
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

#[derive(Debug, Deserialize)]
pub struct GoldMention {
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub surface: String,
}

/// The gold set.
pub struct Gold {
    pub entities: Vec<GoldEntity>,
    pub sentences: Vec<GoldSentence>,
}

impl Gold {
    pub fn load(dir: &Path) -> Result<Gold> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e)).map(|t| (path, t))
        };
        let (path, text) = read("entities.toml")?;
        let entities: GoldEntities = toml::from_str(&text).map_err(|e| Error::Config { path, detail: e.to_string() })?;
        let (path, text) = read("sentences.toml")?;
        let sentences: GoldSentences = toml::from_str(&text).map_err(|e| Error::Config { path, detail: e.to_string() })?;
        Ok(Gold { entities: entities.entity, sentences: sentences.sentence })
    }
}

/// Counts for one entity type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub predicted: usize,
    pub gold: usize,
    pub matched_strict: usize,
    pub matched_lenient: usize,
    pub gold_entities: usize,
    pub found_entities: usize,
    pub years_right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_lenient, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_lenient, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A predicted mention reduced to what evaluation compares.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub kind: EntityKind,
    pub surface: String,
    /// Character span in the report's normalised text.
    pub start: u32,
    pub end: u32,
}

/// Evaluation results per type, plus the sentences that could not be found.
pub struct Evaluation {
    pub counts: BTreeMap<EntityKind, Counts>,
    pub missing_sentences: Vec<String>,
    /// Gold mentions not found and predicted mentions not in gold, for inspection.
    pub misses: Vec<Unmatched>,
    pub spurious: Vec<Unmatched>,
    /// Gold entities no predicted entity names, and found ones whose years differ (gold, predicted).
    pub entities_missed: Vec<(EntityKind, String)>,
    pub years_wrong: Vec<(EntityKind, String, BTreeSet<i32>, BTreeSet<i32>)>,
}

/// A mention on one side only (gold not found, or predicted and not in gold).
#[derive(Debug, Clone)]
pub struct Unmatched {
    pub kind: EntityKind,
    pub surface: String,
    pub report: String,
    /// A few characters either side of the mention in its sentence, the mention in 【】.
    pub context: String,
}

/// `…text【mention】text…` around characters `start..end` of a report (line breaks dropped).
fn report_context(text: &[char], start: usize, end: usize) -> String {
    let piece = |r: std::ops::Range<usize>| text[r].iter().filter(|c| !c.is_whitespace()).collect::<String>();
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(text.len());
    format!("…{}【{}】{}…", piece(from..start), piece(start..end), piece(end..to))
}

/// Characters shown either side of a mention.
const CONTEXT_CHARS: usize = 12;

/// `…text【surface】text…`: up to `CONTEXT_CHARS` characters either side of the n-th occurrence.
fn in_context(sentence: &[char], surface: &str, occurrence: usize) -> String {
    let needle: Vec<char> = surface.chars().collect();
    let mut starts = (0..sentence.len()).filter(|&i| !needle.is_empty() && sentence[i..].starts_with(&needle));
    let first = starts.clone().next();
    let at = starts.nth(occurrence).or(first);
    let Some(at) = at else { return format!("【{surface}】") };
    let from = at.saturating_sub(CONTEXT_CHARS);
    let to = (at + needle.len() + CONTEXT_CHARS).min(sentence.len());
    let piece = |r: std::ops::Range<usize>| sentence[r].iter().collect::<String>();
    format!("{}{}【{}】{}{}", if from > 0 { "…" } else { "" }, piece(from..at), surface, piece(at + needle.len()..to), if to < sentence.len() { "…" } else { "" })
}

/// Evaluates `predicted` mentions (per report id) and entity names against the gold set.
pub fn evaluate(
    gold: &Gold,
    knowledge: &Knowledge,
    predicted: &HashMap<String, Vec<Predicted>>,
    entity_names: &[(EntityKind, BTreeSet<String>, BTreeSet<i32>)],
) -> Evaluation {
    let mut counts: BTreeMap<EntityKind, Counts> = EntityKind::ALL.iter().map(|k| (*k, Counts::default())).collect();
    let mut missing_sentences = Vec::new();
    let mut misses = Vec::new();
    let mut spurious = Vec::new();
    let report_chars: HashMap<&str, Vec<char>> = knowledge.reports.iter().map(|r| (r.id.as_str(), r.text.text.chars().collect())).collect();
    let compact_reports: HashMap<&str, (Vec<char>, Vec<u32>)> =
        knowledge.reports.iter().map(|r| (r.id.as_str(), compact(&r.text.text))).collect();
    for sentence in &gold.sentences {
        let Some((haystack, offsets)) = compact_reports.get(sentence.report.as_str()) else {
            missing_sentences.push(format!("{}: report not read", sentence.report));
            continue;
        };
        // A half-width mark that ends the sentence (`…增长9%;`) becomes full-width in the report
        // when Chinese text follows it, which the sentence alone does not show: it is left out of
        // the search.
        let normalised = normalize_gold(&sentence.text);
        let (needle, _) = compact(normalised.trim_end_matches([',', ';', ':', '!', '?']));
        let Some(at) = find(haystack, &needle) else {
            missing_sentences.push(format!("{}: {}", sentence.report, sentence.text));
            continue;
        };
        let span = (offsets[at], offsets[at + needle.len() - 1] + 1);
        let inside: Vec<&Predicted> = predicted
            .get(&sentence.report)
            .map(|list| list.iter().filter(|p| p.start >= span.0 && p.end <= span.1).collect())
            .unwrap_or_default();
        for kind in EntityKind::ALL {
            let gold_surfaces: Vec<String> =
                sentence.mentions.iter().filter(|m| m.kind == kind).map(|m| bare(&normalize_gold(&m.surface))).collect();
            let predicted_surfaces: Vec<String> =
                inside.iter().filter(|p| p.kind == kind).map(|p| bare(&p.surface)).collect();
            let c = counts.entry(kind).or_default();
            c.gold += gold_surfaces.len();
            c.predicted += predicted_surfaces.len();
            c.matched_strict += one_to_one(&gold_surfaces, &predicted_surfaces, |g, p| g == p).0;
            let (n, gold_hit, predicted_hit) =
                one_to_one(&gold_surfaces, &predicted_surfaces, |g, p| g == p || g.contains(p.as_str()) || p.contains(g.as_str()));
            c.matched_lenient += n;
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (surface, hit) in gold_surfaces.iter().zip(gold_hit) {
                let occurrence = seen.entry(surface.as_str()).or_default();
                if !hit {
                    let context = in_context(&needle, surface, *occurrence);
                    misses.push(Unmatched { kind, surface: surface.clone(), report: sentence.report.clone(), context });
                }
                *occurrence += 1;
            }
            let predicted_of_kind = inside.iter().filter(|p| p.kind == kind);
            for ((surface, hit), p) in predicted_surfaces.iter().zip(predicted_hit).zip(predicted_of_kind) {
                if !hit {
                    let context = report_context(&report_chars[sentence.report.as_str()], p.start as usize, p.end as usize);
                    spurious.push(Unmatched { kind, surface: surface.clone(), report: sentence.report.clone(), context });
                }
            }
        }
    }
    let mut entities_missed = Vec::new();
    let mut years_wrong = Vec::new();
    for entity in &gold.entities {
        let names: BTreeSet<String> =
            std::iter::once(&entity.name).chain(&entity.aliases).map(|n| bare(&normalize_gold(n))).collect();
        let c = counts.entry(entity.kind).or_default();
        c.gold_entities += 1;
        // The predicted entity that shares a name with the gold entity; when several do (the
        // surface 万州 of both 万州机场 and 万州机场T2航站楼), the first that has the gold
        // entity's own name among its forms.
        let gold_name = bare(&normalize_gold(&entity.name));
        let found = entity_names
            .iter()
            .filter(|(kind, forms, _)| *kind == entity.kind && forms.iter().any(|f| names.contains(f)))
            .min_by_key(|(_, forms, _)| !forms.contains(&gold_name));
        if let Some((_, _, years)) = found {
            c.found_entities += 1;
            let gold_years: BTreeSet<i32> = entity.years.iter().copied().collect();
            if *years == gold_years {
                c.years_right += 1;
            } else {
                years_wrong.push((entity.kind, entity.name.clone(), gold_years, years.clone()));
            }
        } else {
            entities_missed.push((entity.kind, entity.name.clone()));
        }
    }
    Evaluation { counts, missing_sentences, misses, spurious, entities_missed, years_wrong }
}

/// Greedy one-to-one matching; returns the number of pairs and which items were matched.
fn one_to_one(gold: &[String], predicted: &[String], same: impl Fn(&String, &String) -> bool) -> (usize, Vec<bool>, Vec<bool>) {
    let mut gold_hit = vec![false; gold.len()];
    let mut predicted_hit = vec![false; predicted.len()];
    let mut n = 0;
    // Exact pairs first, then the looser ones.
    for pass in 0..2 {
        for (i, g) in gold.iter().enumerate() {
            if gold_hit[i] {
                continue;
            }
            if let Some(j) = (0..predicted.len()).find(|&j| !predicted_hit[j] && if pass == 0 { g == &predicted[j] } else { same(g, &predicted[j]) }) {
                gold_hit[i] = true;
                predicted_hit[j] = true;
                n += 1;
            }
        }
    }
    (n, gold_hit, predicted_hit)
}

/// Gold text through the same normalisation as reports (full-width punctuation and so on).
fn normalize_gold(text: &str) -> String {
    let origin: Vec<u32> = (0..=text.chars().count() as u32).collect();
    normalize(text, &origin).text
}

/// Characters without white space, and the character offset of each in the original.
fn compact(text: &str) -> (Vec<char>, Vec<u32>) {
    let mut chars = Vec::with_capacity(text.len() / 3);
    let mut offsets = Vec::with_capacity(text.len() / 3);
    for (i, c) in text.chars().enumerate() {
        if !c.is_whitespace() {
            chars.push(c);
            offsets.push(i as u32);
        }
    }
    (chars, offsets)
}

fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// gwkg's own mentions and entities, in the form `evaluate` takes.
pub fn system_predictions(knowledge: &Knowledge) -> (HashMap<String, Vec<Predicted>>, Vec<(EntityKind, BTreeSet<String>, BTreeSet<i32>)>) {
    let mut predicted: HashMap<String, Vec<Predicted>> = HashMap::new();
    for m in &knowledge.resolved.mentions {
        let kind = knowledge.resolved.entities[m.entity].kind;
        predicted.entry(knowledge.reports[m.report].id.clone()).or_default().push(Predicted {
            kind,
            surface: m.surface.clone(),
            start: m.start,
            end: m.end,
        });
    }
    let names = knowledge
        .resolved
        .entities
        .iter()
        .map(|e| {
            let forms = std::iter::once(&e.label).chain(&e.aliases).map(|n| bare(n)).collect();
            (e.kind, forms, e.years.clone())
        })
        .collect();
    (predicted, names)
}

/// The baseline: jieba POS tags alone (ns → place, nt → institution, quoted text → programme).
pub fn baseline_predictions(knowledge: &Knowledge, lexicon: &Lexicon) -> (HashMap<String, Vec<Predicted>>, Vec<(EntityKind, BTreeSet<String>, BTreeSet<i32>)>) {
    let plain = jieba_rs::Jieba::new();
    let _ = lexicon;
    let mut predicted: HashMap<String, Vec<Predicted>> = HashMap::new();
    let mut names: HashMap<(EntityKind, String), BTreeSet<i32>> = HashMap::new();
    for report in &knowledge.reports {
        let list = predicted.entry(report.id.clone()).or_default();
        for (index, sentence) in report.sentences.iter().enumerate() {
            if !report.is_body(index) {
                continue;
            }
            let text = sentence.text(report.analysis_text());
            let years = &report.section_of(index).about_years;
            let mut push = |kind: EntityKind, char_start: usize, surface: &str| {
                let start = sentence.start + char_start as u32;
                let end = start + surface.chars().count() as u32;
                list.push(Predicted { kind, surface: surface.to_string(), start, end });
                names.entry((kind, bare(surface))).or_default().extend(years.iter().copied());
            };
            let mut chars = 0;
            for tag in plain.tag(text, true) {
                let kind = match tag.tag {
                    "ns" => Some(EntityKind::Place),
                    "nt" => Some(EntityKind::Institution),
                    _ => None,
                };
                if let Some(kind) = kind {
                    push(kind, chars, tag.word);
                }
                chars += tag.word.chars().count();
            }
            let mut char_at = 0;
            let mut open: Option<usize> = None;
            for c in text.chars() {
                match c {
                    '“' => open = Some(char_at),
                    '”' => {
                        if let Some(o) = open.take() {
                            let surface: String = text.chars().skip(o).take(char_at + 1 - o).collect();
                            push(EntityKind::Programme, o, &surface);
                        }
                    }
                    _ => {}
                }
                char_at += 1;
            }
        }
    }
    let names = names.into_iter().map(|((kind, form), years)| (kind, BTreeSet::from([form]), years)).collect();
    (predicted, names)
}

/// Figures per type (and `all`) as JSON: precision, recall, f1, entity recall, years right.
pub fn to_json(evaluation: &Evaluation) -> serde_json::Value {
    let mut total = Counts::default();
    let mut map = serde_json::Map::new();
    let figures = |c: &Counts| {
        serde_json::json!({
            "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
            "gold_mentions": c.gold, "predicted_mentions": c.predicted,
            "entity_recall": ratio(c.found_entities, c.gold_entities), "gold_entities": c.gold_entities,
            "years_right": ratio(c.years_right, c.found_entities),
        })
    };
    for kind in EntityKind::ALL {
        let c = evaluation.counts[&kind];
        accumulate(&mut total, &c);
        map.insert(kind.as_str().to_string(), figures(&c));
    }
    map.insert("all".into(), figures(&total));
    map.insert("missing_sentences".into(), evaluation.missing_sentences.len().into());
    serde_json::Value::Object(map)
}

/// The evaluation table (optionally beside the baseline's).
pub fn render(system: &Evaluation, baseline: Option<&Evaluation>) -> String {
    let mut rows = vec![vec![
        "type".to_string(), "precision".into(), "recall".into(), "F1".into(), "strict P/R".into(), "entities found".into(), "years right".into(),
    ]];
    if baseline.is_some() {
        rows[0].extend(["baseline P".to_string(), "baseline R".into(), "baseline F1".into()]);
    }
    let mut total = Counts::default();
    let mut base_total = Counts::default();
    for kind in EntityKind::ALL {
        let c = system.counts[&kind];
        accumulate(&mut total, &c);
        let mut row = row_for(kind.as_str(), &c);
        if let Some(b) = baseline {
            let bc = b.counts[&kind];
            accumulate(&mut base_total, &bc);
            row.extend([format!("{:.3}", bc.precision()), format!("{:.3}", bc.recall()), format!("{:.3}", bc.f1())]);
        }
        rows.push(row);
    }
    let mut row = row_for("all", &total);
    if baseline.is_some() {
        row.extend([format!("{:.3}", base_total.precision()), format!("{:.3}", base_total.recall()), format!("{:.3}", base_total.f1())]);
    }
    rows.push(row);
    let mut out = crate::table::render(&rows);
    let _ = writeln!(
        out,
        "\n{} gold mentions in {} sentences; {} gold entities. Precision/recall/F1: lenient mention match (see `gwkg eval --help`).",
        total.gold, "the exhaustive", total.gold_entities
    );
    if !system.missing_sentences.is_empty() {
        let _ = writeln!(out, "{} gold sentences not found in the reports:", system.missing_sentences.len());
        for s in system.missing_sentences.iter().take(10) {
            let _ = writeln!(out, "  {s}");
        }
    }
    out
}

fn accumulate(total: &mut Counts, c: &Counts) {
    total.predicted += c.predicted;
    total.gold += c.gold;
    total.matched_strict += c.matched_strict;
    total.matched_lenient += c.matched_lenient;
    total.gold_entities += c.gold_entities;
    total.found_entities += c.found_entities;
    total.years_right += c.years_right;
}

fn row_for(name: &str, c: &Counts) -> Vec<String> {
    vec![
        name.to_string(),
        format!("{:.3}", c.precision()),
        format!("{:.3}", c.recall()),
        format!("{:.3}", c.f1()),
        format!("{:.2}/{:.2}", ratio(c.matched_strict, c.predicted), ratio(c.matched_strict, c.gold)),
        format!("{}/{} ({:.3})", c.found_entities, c.gold_entities, ratio(c.found_entities, c.gold_entities)),
        format!("{}/{} ({:.3})", c.years_right, c.found_entities, ratio(c.years_right, c.found_entities)),
    ]
}
