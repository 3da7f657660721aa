//! Resolution: one canonical entity per real-world thing across all reports.
//!
//! Mentions are grouped by (kind, key). The key is the code of a coded programme (“1361”), the
//! official name of an administrative division (璧山 and 璧山区 share 璧山区), otherwise the
//! label with quotes removed and a few spelling variants folded (国际机场 → 机场, 架构 →
//! 构架, X高速公路 → X高速, 中国（X）自由贸易试验区 → X自贸试验区, X经济技术开发区 → X经开区,
//! X综合保税区 → X综保区, X高新技术产业开发区 → X高新区, X国家自主创新示范区 → X自创区, X自由贸易试验区 → X自贸试验区, X自由贸易港 → X自贸港). The canonical label is the
//! label proposed most often (ties: the first seen); every other surface form becomes an alias.
//! Keys are IRI-safe.
//!
//! A short form then joins the one entity whose fuller name it shortens, when exactly one does:
//! - a body named without its owner or place (碳基集成电路研究院 → 北京大学重庆碳基集成电路研究院,
//!   重庆柴可夫斯基音乐学院 → 重庆师范大学重庆柴可夫斯基音乐学院), a project without its place
//!   (新田港二期 → 万州新田港二期); the short form keeps three characters or more;
//! - an area without its city (五象新区 → 南宁五象新区; four characters or more and not a
//!   suffix alone, so that 高新区 or 自贸试验区 alone stays the report's own zone), a company without its corporate suffix and trade (柳工 → 柳工集团, 吉利 → 吉利控股集团, 牧原 → 牧原食品股份有限公司,
//!   上汽通用五菱 → 上汽通用五菱汽车股份有限公司);
//! - a project named by its owner alone (安意法 → 安意法8英寸碳化硅晶圆): the fuller name
//!   continues with a specification (a digit, 第); a counted part with a head of its own is
//!   not one (江北机场第四跑道 is a runway of 江北机场), and is named without the whole (第四跑道);
//! - a name with a bracketed place inside, without the bracket or with the place for what
//!   precedes it (西部（重庆）科学城 → 西部科学城, 重庆科学城);
//! - a body's abbreviation, its characters kept in order and its head shortened (中科院金属所 →
//!   中国科学院金属研究所, 大连化物所 → 中国科学院大连化学物理研究所, 中国科大 → 中国科学技术大学), and a firm's that
//!   keeps three characters or more and drops its corporate form (国家电投黄河公司 →
//!   国家电投黄河上游水电开发有限责任公司).
//!
//! Programmes named by the same quotation with different heads are one programme, the one
//! mentioned most keeping key and label (“双倍增”行动计划, “双倍增”行动, “双倍增”持续促进行动).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::institution::Abbreviation;
use crate::extract::{EntityKind, RawMention, bare};
use crate::lexicon::Lexicon;
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

/// Resolves the raw mentions of every report (`raw[i]` belongs to `reports[i]`); the lexicon
/// tells which names are places when short forms are merged.
pub fn resolve(reports: &[Report], raw: &[Vec<RawMention>], lexicon: &Lexicon) -> Resolved {
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
    merge_short_names(&mut resolved, lexicon);
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
    let label = label.replace("国际机场", "机场").replace("架构", "构架");
    // `中国（湖南）自由贸易试验区` = `湖南自贸试验区`.
    if let Some(inner) = label.strip_prefix("中国（").and_then(|rest| rest.strip_suffix("）自由贸易试验区")) {
        return format!("{inner}自贸试验区");
    }
    // `万州经济技术开发区` = `万州经开区`, `万州综合保税区` = `万州综保区`: a zone by its short suffix.
    const ZONE_SUFFIXES: [(&str, &str); 6] = [
        ("经济技术开发区", "经开区"),
        ("综合保税区", "综保区"),
        ("高新技术产业开发区", "高新区"),
        ("国家自主创新示范区", "自创区"),
        ("自由贸易试验区", "自贸试验区"),
        ("自由贸易港", "自贸港"),
    ];
    for (long, short) in ZONE_SUFFIXES {
        if let Some(name) = label.strip_suffix(long).filter(|name| !name.is_empty()) {
            return format!("{name}{short}");
        }
    }
    match label.strip_suffix("高速公路") {
        Some(road) if !road.is_empty() => format!("{road}高速"),
        _ => label,
    }
}

/// Merges each entity named by a short form into the one entity whose fuller name it shortens
/// (see the module documentation): the fuller entity keeps its key and label, the short one's
/// names become aliases, and its mentions and years join.
/// Trades that follow a firm's own name before its corporate suffix (牧原食品股份有限公司).
const TRADES: [&str; 10] = ["汽车", "食品", "科技", "电子", "能源", "化工", "药业", "电气", "机械", "材料"];

fn merge_short_names(resolved: &mut Resolved, lexicon: &Lexicon) {
    let entities = &resolved.entities;
    let mut places: HashSet<&str> = HashSet::new();
    let mut institutions: HashSet<&str> = HashSet::new();
    for e in entities {
        let names = std::iter::once(e.key.as_str()).chain(e.aliases.iter().map(String::as_str));
        match e.kind {
            EntityKind::Place => places.extend(names),
            EntityKind::Institution => institutions.extend(names),
            _ => {}
        }
    }
    let is_place = |s: &str| places.contains(s) || lexicon.lookup(s).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Place));
    // 北京大学, 重庆, 北京大学重庆: who or where a body belongs to.
    let is_owner = |s: &str, parent: Option<&str>| {
        let is_body = |b: &str| institutions.contains(b) || parent.is_some_and(|p| bare(p) == b);
        is_place(s) || is_body(s) || s.char_indices().any(|(i, _)| i > 0 && is_body(&s[..i]) && is_place(&s[i..]))
    };
    let mut by_key: HashMap<(EntityKind, &str), usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        by_key.insert((e.kind, e.key.as_str()), i);
    }
    // For each entity, the fuller entities it may shorten.
    let mut fuller: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); entities.len()];
    for (b, long) in entities.iter().enumerate() {
        let key = long.key.as_str();
        let mut short_form = |short: &str| {
            if let Some(&a) = by_key.get(&(long.kind, short)) {
                if a != b {
                    fuller[a].insert(b);
                }
            }
        };
        if let Some((outer, inner, rest)) = bracketed_place(key).filter(|(_, inner, _)| is_place(inner)) {
            short_form(&format!("{outer}{rest}"));
            short_form(&format!("{inner}{rest}"));
        }
        // `柳工` → 柳工集团, `上汽通用五菱` → 上汽通用五菱汽车股份有限公司: a company without its
        // corporate suffix.
        if long.kind == EntityKind::Institution {
            for suffix in ["集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "控股集团", "集团", "控股", "公司"] {
                if let Some(stem) = key.strip_suffix(suffix).filter(|stem| stem.chars().count() >= 2) {
                    short_form(stem);
                    // `牧原` → 牧原食品股份有限公司: the firm's name without its trade.
                    if let Some(firm) = TRADES.iter().find_map(|t| stem.strip_suffix(t)).filter(|firm| firm.chars().count() >= 2) {
                        short_form(firm);
                    }
                    break;
                }
            }
        }
        for (i, _) in key.char_indices().skip(1) {
            let (head, tail) = key.split_at(i);
            let owned = match long.kind {
                EntityKind::Institution => is_owner(head, long.parent.as_deref()),
                EntityKind::Project => is_place(head),
                // `五象新区` → 南宁五象新区 (not `高新区` alone: the report's own zone).
                EntityKind::Place => is_place(head) && tail.chars().count() >= 4 && !crate::extract::place::SUFFIX_WORDS.contains(&tail),
                _ => false,
            };
            if owned && tail.chars().count() >= 3 {
                short_form(tail);
            }
            // A counted part with a head of its own (江北机场|第四跑道) is no specification of
            // the whole, and it is named without the whole too (第四跑道).
            let ends_with_head = |name: &str| crate::extract::project::HEADS.iter().any(|h| name.ends_with(h));
            let counted_part = tail.strip_prefix('第').is_some_and(|rest| rest.starts_with(|c: char| "一二三四五六七八九十".contains(c)))
                && ends_with_head(tail)
                && ends_with_head(head);
            if long.kind == EntityKind::Project && counted_part {
                short_form(tail);
            }
            let specified = tail.starts_with(|c: char| c.is_ascii_digit() || c == '第') && !counted_part;
            if long.kind == EntityKind::Project && specified && head.chars().count() >= 2 {
                short_form(head);
            }
        }
    }
    // `中科院金属所`, `大连化物所`, `中国科大`: a body's abbreviation keeps characters of its
    // full name in order and shortens its head.
    let abbreviations: Vec<(usize, Abbreviation)> =
        entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Institution).filter_map(|(i, e)| Some((i, Abbreviation::of(&e.key)?))).collect();
    for (b, long) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Institution && !abbreviations.is_empty()) {
        for (a, abbreviation) in &abbreviations {
            if *a != b && abbreviation.shortens(&long.key) {
                fuller[*a].insert(b);
            }
        }
    }
    // Programmes named by the same quotation with different heads (“双倍增”行动计划,
    // “双倍增”持续促进行动) join the one mentioned most (the first seen on a tie).
    let mut by_quotation: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Programme && e.code.is_none()) {
        let quotations: BTreeSet<&str> = e.aliases.iter().filter_map(|form| quotation(form)).collect();
        if let [only] = quotations.into_iter().collect::<Vec<_>>()[..] {
            by_quotation.entry(only).or_default().push(i);
        }
    }
    for group in by_quotation.values().filter(|g| g.len() > 1) {
        let first = group.iter().copied().max_by(|&a, &b| entities[a].mentions.len().cmp(&entities[b].mentions.len()).then(b.cmp(&a)));
        let Some(representative) = first else { continue };
        for &a in group.iter().filter(|&&a| a != representative) {
            fuller[a] = BTreeSet::from([representative]);
        }
    }
    // A short form of exactly one fuller name joins it (following chains: the fuller name may
    // itself shorten another).
    let mut target: Vec<usize> = (0..entities.len()).collect();
    for a in 0..entities.len() {
        let mut at = a;
        while let (1, Some(&next)) = (fuller[at].len(), fuller[at].first()) {
            at = next;
        }
        target[a] = at;
    }
    if target.iter().enumerate().all(|(a, &t)| a == t) {
        return;
    }
    let old = std::mem::take(&mut resolved.entities);
    let mut new_index = vec![usize::MAX; old.len()];
    let mut kept: Vec<Option<Entity>> = old.into_iter().map(Some).collect();
    for a in 0..kept.len() {
        if target[a] == a {
            new_index[a] = resolved.entities.len();
            if let Some(entity) = kept[a].take() {
                resolved.entities.push(entity);
            }
        }
    }
    for a in 0..kept.len() {
        let Some(short) = kept[a].take() else { continue };
        let into = &mut resolved.entities[new_index[target[a]]];
        into.aliases.insert(short.label);
        into.aliases.extend(short.aliases);
        into.aliases.remove(&into.label);
        into.years.extend(short.years);
        into.mentions.extend(short.mentions);
        if into.parent.is_none() {
            into.parent = short.parent;
        }
        new_index[a] = new_index[target[a]];
    }
    for mention in &mut resolved.mentions {
        mention.entity = new_index[mention.entity];
    }
}

/// The quotation in a surface form (`企业上市“千里马”行动` → 千里马), when it has one.
pub(crate) fn quotation(form: &str) -> Option<&str> {
    let open = form.find('“')? + '“'.len_utf8();
    let close = open + form[open..].find('”')?;
    (close > open && !form[close..].contains('“')).then(|| &form[open..close])
}

/// `西部（重庆）科学城` → (西部, 重庆, 科学城): a name with a bracketed qualifier inside it.
fn bracketed_place(key: &str) -> Option<(&str, &str, &str)> {
    let open = key.find(['（', '('])?;
    let inner_start = open + key[open..].chars().next()?.len_utf8();
    let close = inner_start + key[inner_start..].find(['）', ')'])?;
    let rest = close + key[close..].chars().next()?.len_utf8();
    (open > 0 && rest < key.len()).then(|| (&key[..open], &key[inner_start..close], &key[rest..]))
}

/// Replaces characters that are not allowed (or awkward) in an IRI path segment.
pub fn iri_safe(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_whitespace() || "<>\"{}|\\^`#%?/[]'“”‘’".contains(c) { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_place_inside_a_name_is_found() {
        assert_eq!(bracketed_place("西部（重庆）科学城"), Some(("西部", "重庆", "科学城")));
        assert_eq!(bracketed_place("南沙(广州)科学城"), Some(("南沙", "广州", "科学城")));
        // A bracket at either end qualifies the whole name: no short form.
        assert_eq!(bracketed_place("中欧班列（成渝）"), None);
        assert_eq!(bracketed_place("（重庆）科学城"), None);
    }

    #[test]
    fn abbreviations_shorten_the_names_they_keep_in_order() {
        let shortens = |short: &str, full: &str| Abbreviation::of(short).is_some_and(|a| a.shortens(full));
        assert!(shortens("中科院金属所", "中国科学院金属研究所"));
        assert!(shortens("大连化物所", "中国科学院大连化学物理研究所"));
        assert!(shortens("合肥物质院", "中国科学院合肥物质科学研究院"));
        assert!(shortens("中国科大", "中国科学技术大学"));
        assert!(shortens("西湖物理所", "西湖理论物理研究所"));
        assert!(shortens("国家电投黄河公司", "国家电投黄河上游水电开发有限责任公司"));
        assert!(!shortens("国家电投黄河公司", "国家电投黄河上游水电开发集团"));
        assert!(Abbreviation::of("电投公司").is_none());
        assert!(Abbreviation::of("黄河水电有限公司").is_none());
        // Another head, other characters, another order, or no academy in the full name.
        assert!(!shortens("中科院金属所", "中国科学院金属研究院"));
        assert!(!shortens("大连物化所", "中国科学院大连化学物理研究所"));
        assert!(!shortens("化物所", "中国科学院大连化学物理研究所"));
        assert!(!shortens("中科院光电所", "光电技术研究所"));
        // Full heads and one kept character are no abbreviations.
        assert!(Abbreviation::of("金属研究所").is_none());
        assert!(Abbreviation::of("川大").is_none());
        assert!(Abbreviation::of("瑞金医院").is_none());
    }

    #[test]
    fn roads_fold_to_one_key() {
        assert_eq!(fold_variants("成渝高速公路"), "成渝高速");
        assert_eq!(fold_variants("成渝高速"), "成渝高速");
        assert_eq!(fold_variants("高速公路"), "高速公路");
        assert_eq!(fold_variants("江北国际机场"), "江北机场");
    }
}
