//! Entity extraction: runs the four recognisers over every sentence of a report and keeps the
//! best non-overlapping candidates as mentions.
//!
//! Each recogniser (one module per entity kind) proposes [`Candidate`]s over a segmented
//! sentence ([`tokens::SentenceView`]). Overlaps are settled by span length (the longest name
//! wins: 江北国际机场T3B航站楼 is a project, not the place 江北), then by recogniser
//! confidence. Nothing inside a document's title (《…》) or a train service's bracketed name
//! (中欧班列（长安号）) is a mention. Header lines (title,
//! date, speaker) are metadata and are not searched.

pub mod institution;
pub mod place;
pub mod programme;
pub mod project;
pub mod tokens;

use std::collections::{HashMap, HashSet};
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::report::Report;
use tokens::SentenceView;

/// The four kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Programme,
    Place,
    Project,
    Institution,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Programme, EntityKind::Place, EntityKind::Project, EntityKind::Institution];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Programme => "programme",
            EntityKind::Place => "place",
            EntityKind::Project => "project",
            EntityKind::Institution => "institution",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The ontology class local name.
    pub fn class(self) -> &'static str {
        match self {
            EntityKind::Programme => "Programme",
            EntityKind::Place => "Place",
            EntityKind::Project => "Project",
            EntityKind::Institution => "Institution",
        }
    }
}

/// A proposed mention inside one sentence (byte offsets into the sentence's analysis text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    /// Canonical label of the entity (Simplified script).
    pub label: String,
    /// Explicit resolution key (the code of a coded programme), else derived from the label.
    pub key: Option<String>,
    pub code: Option<String>,
    pub place_kind: Option<&'static str>,
    /// Label of a parent institution named inside this one (北京大学 in 北京大学重庆…研究院).
    pub parent: Option<String>,
    /// Higher wins between equally long overlapping candidates.
    pub confidence: u8,
}

impl Candidate {
    pub fn new(kind: EntityKind, start: usize, end: usize, label: impl Into<String>, confidence: u8) -> Candidate {
        Candidate { kind, start, end, label: label.into(), key: None, code: None, place_kind: None, parent: None, confidence }
    }
}

/// A gazetteer word found in a sentence: byte span and its index in `Lexicon::words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub word: usize,
}

/// A mention as found in a report: offsets are characters of the report's normalised text.
#[derive(Debug, Clone, Serialize)]
pub struct RawMention {
    pub sentence: usize,
    pub start: u32,
    pub end: u32,
    /// The text as it stands in the report (original script).
    pub surface: String,
    pub kind: EntityKind,
    pub label: String,
    pub key: Option<String>,
    pub code: Option<String>,
    pub place_kind: Option<&'static str>,
    pub parent: Option<String>,
}

/// What the recognisers know about the report being read.
pub struct Context<'a> {
    pub lexicon: &'a Lexicon,
    /// Two-digit province code of the report's region, if known.
    pub province: Option<&'a str>,
}

/// Extracts the mentions of one report, sentence by sentence.
pub fn extract_report(report: &Report, lexicon: &Lexicon) -> Vec<RawMention> {
    let province = report.region.as_deref().and_then(|r| lexicon.province_prefix(r));
    let ctx = Context { lexicon, province };
    let analysis = report.analysis_text();
    let original = &report.text.text;
    let mut mentions = Vec::new();
    for (index, sentence) in report.sentences.iter().enumerate() {
        if !report.is_body(index) {
            continue;
        }
        let text = sentence.text(analysis);
        let original_text = sentence.text(original);
        let mut view = SentenceView::new(&lexicon.jieba, text);
        let candidates = recognise(&mut view, &ctx);
        let mut char_of_byte = CharCounter::new(text);
        for candidate in candidates {
            let start = char_of_byte.chars_before(candidate.start);
            let end = char_of_byte.chars_before(candidate.end);
            let surface: String = original_text.chars().skip(start).take(end - start).collect();
            mentions.push(RawMention {
                sentence: index,
                start: sentence.start + start as u32,
                end: sentence.start + end as u32,
                surface,
                kind: candidate.kind,
                label: candidate.label,
                key: candidate.key,
                code: candidate.code,
                place_kind: candidate.place_kind,
                parent: candidate.parent,
            });
        }
    }
    mentions
}

/// A quoted name standing alone (`推进“上云用数赋智”`) that a report names with a head after
/// the quotes (`“上云用数赋智”行动`), or by the quotation alone (`“芯屏汽合”产业`), is a mention of
/// that programme. Run once every report is
/// extracted (`raw[i]` belongs to `reports[i]`), so that a bare quotation in one report reaches
/// the programme another report names; a quotation several programmes share names none.
pub fn add_bare_quotations(reports: &[Report], raw: &mut [Vec<RawMention>]) {
    let mut named: HashMap<String, Option<Named>> = HashMap::new();
    for m in raw.iter().flatten().filter(|m| m.kind == EntityKind::Programme && m.code.is_none()) {
        let Some(quoted) = crate::resolve::quotation(&m.surface) else { continue };
        // `黄河下游“十四五”防洪工程`: a five-year plan's period qualifies the name; standing
        // alone it names the period, not this programme.
        if is_plan_period(quoted) {
            continue;
        }
        // Only a head right after the quotes (`“满天星”行动计划`), or after words for a kind
        // (`“六新六特六优”现代产业体系`): `新时代“枫桥经验”重庆实践十项行动` is a programme named
        // after a concept the bare quotation still names.
        let after = &m.surface[m.surface.rfind('”').map_or(m.surface.len(), |i| i + '”'.len_utf8())..];
        // (Or a quotation that is the programme's whole name: “芯屏汽合”, “三攻坚一盘活”; not a
        // name of dotted parts, which is a campaign only where it acts: `“世界苗乡·养心彭水”品牌`.)
        let named_right_after = (after.is_empty() && !quoted.contains('·'))
            || programme::HEADS.iter().any(|head| after.strip_suffix(head).is_some_and(|kind| kind.is_empty() || tokens::is_generic_name(kind)));
        if named_right_after {
            note_name(&mut named, quoted, m);
        }
    }
    add_named_occurrences(reports, raw, &named, false, |text| {
        if !text.contains('“') {
            return Vec::new();
        }
        // `首届“一带一路”科技交流大会`: the event is atomic.
        tokens::quotations(text)
            .filter(|q| !tokens::opens_event_name(&text[q.end()..]))
            .map(|q| (q.open, q.end(), q.open + '“'.len_utf8()..q.end() - '”'.len_utf8()))
            .collect()
    });
}

/// Whether a quotation names a five-year plan's period (十四五, 十五五).
fn is_plan_period(quoted: &str) -> bool {
    let mut chars = quoted.chars();
    chars.next() == Some('十') && chars.next().is_some_and(|c| "一二三四五六七八九".contains(c)) && chars.next() == Some('五') && chars.next().is_none()
}

/// A firm recognised from its company in a list (`江西铜业、晶科能源`: a proper word and a trade,
/// see `institution`) is the firm wherever the reports name it alone (`江铃汽车新能源车型销量…`).
/// A group named in full (`酒钢集团`) is also the group where an item of a list names it without
/// its head (`金川集团、酒钢、白银有色集团`, `超聚变、宇通等龙头企业`), or anywhere by a stem of
/// four characters or more (`支持吉林化纤建设…` for 吉林化纤集团); a place found there as
/// long (金川) stays the place, a shorter one (铜陵 in 铜陵有色) gives way. Run once every report is extracted, like [`add_bare_quotations`].
pub fn add_bare_firms(reports: &[Report], raw: &mut [Vec<RawMention>]) {
    let mut named: HashMap<String, Option<Named>> = HashMap::new();
    let mut stems: HashMap<String, Option<Named>> = HashMap::new();
    for m in raw.iter().flatten().filter(|m| m.kind == EntityKind::Institution && m.surface == m.label) {
        if institution::TRADES.iter().any(|t| m.label.ends_with(t)) && m.label.chars().count() >= 4 && m.label.chars().all(crate::normalize::is_han) {
            note_name(&mut named, &m.label, m);
        }
        if let Some(stem) = m.label.strip_suffix("集团").filter(|s| (2..=4).contains(&s.chars().count()) && s.chars().all(crate::normalize::is_han)) {
            note_name(&mut stems, stem, m);
        }
    }
    // (A stem the reports also use for a place, 鄂尔多斯 of 鄂尔多斯集团, names the place.)
    let places: HashSet<&str> = raw.iter().flatten().filter(|m| m.kind == EntityKind::Place).map(|m| m.surface.as_str()).collect();
    stems.retain(|stem, _| !places.contains(stem.as_str()));
    let stem_names: Vec<&str> = stems.keys().map(String::as_str).collect();
    add_named_occurrences(reports, raw, &stems, true, |text| {
        let item_before = |at: usize| text[..at].ends_with(['、', '和', '及', '与']);
        let item_after = |end: usize| text[end..].starts_with(['、', '和', '及', '与', '等']);
        stem_names
            .iter()
            .flat_map(|stem| text.match_indices(*stem).map(move |(at, _)| (at, at + stem.len())))
            .filter(|&(at, end)| {
                let listed = item_before(at) && (item_after(end) || text[end..].starts_with(|c: char| !crate::normalize::is_han(c))) || at == 0 && item_after(end);
                // A stem of four characters or more (`支持吉林化纤建设…`) is the group's anywhere.
                listed || text[at..end].chars().count() >= 4
            })
            .map(|(at, end)| (at, end, at..end))
            .collect()
    });
    let names: Vec<&str> = named.keys().map(String::as_str).collect();
    add_named_occurrences(reports, raw, &named, true, |text| {
        // (Not before a capacity or a product code: `宝丰能源50万吨/年煤制烯烃`, `巴山食品年产5000吨…`
        // are plants.)
        let ends_name = |end: usize| !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) && !text[end..].starts_with("年产");
        names
            .iter()
            .flat_map(|name| text.match_indices(*name).map(move |(at, _)| (at, at + name.len())))
            .filter(|&(_, end)| ends_name(end))
            .map(|(at, end)| (at, end, at..end))
            .collect()
    });
}

/// A research body the reports name in full (`中国科学院山西煤炭化学研究所`) is that body wherever
/// they name it by an abbreviation (`山西煤化所`, `合肥物质院`: see
/// [`institution::Abbreviation`]; `中国科大` for 中国科学技术大学) that shortens no other. The abbreviation is found in the text,
/// not in jieba's words (煤化/n 所/c); it must keep three characters of the name or the
/// Academy's prefix. Run once every report is extracted, like [`add_bare_quotations`].
pub fn add_abbreviated_bodies(reports: &[Report], raw: &mut [Vec<RawMention>]) {
    use rayon::prelude::*;
    let mut full: HashMap<String, Option<Named>> = HashMap::new();
    for m in raw.iter().flatten().filter(|m| m.kind == EntityKind::Institution && ["研究所", "研究院", "大学"].iter().any(|h| m.label.ends_with(h))) {
        note_name(&mut full, &m.label, m);
    }
    if full.is_empty() {
        return;
    }
    // The abbreviations in the text: a span ending in 所, 院 or 大 (not 所长, 院士, 大学…) that
    // shortens one full name, the longest at each end.
    let found: Vec<(String, String)> = reports
        .par_iter()
        .flat_map_iter(|report| {
            let text = report.analysis_text();
            let mut spans = Vec::new();
            for (at, head) in text.char_indices().filter(|&(_, c)| matches!(c, '所' | '院' | '大')) {
                let end = at + head.len_utf8();
                if text[end..].starts_with(['士', '长', '属', '有', '在', '需', '得', '以', '谓', '学']) {
                    continue;
                }
                let starts = text[..at].char_indices().rev().take(10).map(|(i, _)| i).collect::<Vec<_>>();
                let shortened = starts.iter().rev().find_map(|&start| {
                    let span = &text[start..end];
                    let abbreviation = institution::Abbreviation::of(span).filter(|a| a.academy || a.kept.chars().count() >= 3)?;
                    let mut fulls = full.keys().filter(|name| *name != span && abbreviation.shortens(name));
                    match (fulls.next(), fulls.next()) {
                        (Some(name), None) => Some((span.to_string(), name.clone())),
                        _ => None,
                    }
                });
                spans.extend(shortened);
            }
            spans
        })
        .collect();
    let mut named: HashMap<String, Option<Named>> = HashMap::new();
    for (span, name) in found {
        let info = full.get(&name).cloned().flatten();
        let entry = named.entry(span).or_insert_with(|| info.clone());
        if entry.as_ref().map(|e| &e.1) != info.as_ref().map(|e| &e.1) {
            *entry = None;
        }
    }
    let names: Vec<&str> = named.keys().map(String::as_str).collect();
    add_named_occurrences(reports, raw, &named, true, |text| {
        names.iter().flat_map(|name| text.match_indices(*name).map(move |(at, _)| (at, at + name.len(), at..at + name.len()))).collect()
    });
}

/// What a later pass names a surface: label, key and code of its entity.
type Named = (EntityKind, String, Option<String>, Option<String>);

/// Records that `surface` names the entity of `m`; a surface two entities share names none.
fn note_name(named: &mut HashMap<String, Option<Named>>, surface: &str, m: &RawMention) {
    let info = Some((m.kind, m.label.clone(), m.key.clone(), m.code.clone()));
    let entry = named.entry(surface.to_string()).or_insert_with(|| info.clone());
    if entry.as_ref().map(|e| &e.1) != info.as_ref().map(|e| &e.1) {
        *entry = None;
    }
}

/// Adds a mention for every span `find` gives in a body sentence (byte offsets into the
/// sentence's text: the mention, and the part of it looked up in `named`) that no mention
/// already covers (with `replace_inside`, shorter mentions inside it give way).
fn add_named_occurrences(
    reports: &[Report],
    raw: &mut [Vec<RawMention>],
    named: &HashMap<String, Option<Named>>,
    replace_inside: bool,
    find: impl Fn(&str) -> Vec<(usize, usize, std::ops::Range<usize>)> + Sync,
) {
    use rayon::prelude::*;
    if named.values().all(Option::is_none) {
        return;
    }
    raw.par_iter_mut().zip(reports).for_each(|(mentions, report)| {
        let analysis = report.analysis_text();
        let original = &report.text.text;
        let before = mentions.len();
        for (index, sentence) in report.sentences.iter().enumerate() {
            if !report.is_body(index) {
                continue;
            }
            let text = sentence.text(analysis);
            let mut chars = CharCounter::new(text);
            for (open, close, looked_up) in find(text) {
                let Some(Some((kind, label, key, code))) = named.get(&text[looked_up]) else { continue };
                let start = sentence.start + chars.chars_before(open) as u32;
                let end = sentence.start + chars.chars_before(close) as u32;
                // A shorter mention inside the name (the place 江西 in 江西铜业) gives way to it.
                let inside = |m: &RawMention| m.sentence == index && m.start >= start && m.end <= end && m.end - m.start < end - start;
                if replace_inside {
                    mentions.retain(|m| !inside(m));
                }
                if mentions.iter().any(|m| m.sentence == index && m.start < end && m.end > start) {
                    continue;
                }
                let surface: String = original.chars().skip(start as usize).take((end - start) as usize).collect();
                mentions.push(RawMention {
                    sentence: index,
                    start,
                    end,
                    surface,
                    kind: *kind,
                    label: label.clone(),
                    key: key.clone(),
                    code: code.clone(),
                    place_kind: None,
                    parent: None,
                });
            }
        }
        if mentions.len() > before {
            mentions.sort_by_key(|m| (m.sentence, m.start));
        }
    });
}

/// The head-word lists of the recognisers, searched together once per sentence (see [`Heads`]).
#[derive(Debug, Clone, Copy)]
pub enum HeadList {
    ProgrammeActions,
    ProgrammeClauses,
    ProjectHeads,
    InstitutionHeads,
    PlaceSuffixes,
}

impl HeadList {
    const ALL: [HeadList; 5] =
        [HeadList::ProgrammeActions, HeadList::ProgrammeClauses, HeadList::ProjectHeads, HeadList::InstitutionHeads, HeadList::PlaceSuffixes];

    /// The words of the list, in the order the recogniser indexes them.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            HeadList::ProgrammeActions => &programme::ACTION_HEADS,
            HeadList::ProgrammeClauses => &programme::CLAUSE_HEADS,
            HeadList::ProjectHeads => &project::HEADS,
            HeadList::InstitutionHeads => &institution::HEADS,
            HeadList::PlaceSuffixes => &*place::SUFFIX_WORDS,
        }
    }
}

/// One automaton over the words of every [`HeadList`]; each word knows the lists it is in.
struct HeadScanner {
    matcher: aho_corasick::AhoCorasick,
    /// For each word of the automaton: (list, index in that list).
    members: Vec<Vec<(usize, usize)>>,
}

static HEAD_SCANNER: std::sync::LazyLock<HeadScanner> = std::sync::LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut members: Vec<Vec<(usize, usize)>> = Vec::new();
    for (list, head_list) in HeadList::ALL.iter().enumerate() {
        for (index, word) in head_list.words().iter().enumerate() {
            let at = words.iter().position(|w| w == word).unwrap_or_else(|| {
                words.push(word);
                members.push(Vec::new());
                words.len() - 1
            });
            members[at].push((list, index));
        }
    }
    let matcher = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(&words)
        .expect("head word automaton"); // ok: fixed lists of words always build
    HeadScanner { matcher, members }
});

/// Where the head words of every list occur in one sentence: one pass for all recognisers.
pub struct Heads {
    found: [Vec<(usize, usize)>; 5],
}

impl Heads {
    fn scan(text: &str) -> Heads {
        let scanner = &*HEAD_SCANNER;
        let mut found: [Vec<(usize, usize)>; 5] = Default::default();
        for m in scanner.matcher.find_overlapping_iter(text) {
            for &(list, index) in &scanner.members[m.pattern().as_usize()] {
                found[list].push((index, m.start()));
            }
        }
        for list in &mut found {
            list.sort_unstable();
        }
        Heads { found }
    }

    /// Every occurrence of the list's words as (index in the list, byte offset), ordered by
    /// word then offset.
    pub fn of(&self, list: HeadList) -> &[(usize, usize)] {
        &self.found[list as usize]
    }
}

/// What one pass over a sentence found for all recognisers: gazetteer words, head words and
/// the `…等(N个)…项目` lists (read by the project and the institution recognisers).
pub struct Scan {
    pub hits: Vec<Hit>,
    pub heads: Heads,
    pub project_lists: Vec<tokens::ProjectList>,
}

/// Short names of divisions that are everyday words (新建 of 新建区, 平安 of 平安区, 城中 of
/// 城中区, 合作 of 合作市, 友好 of 友好区; and the full names 市中区, 老城区, 新城区): outside a list of places (新建高标准农田, 平安重庆) such a word is the everyday word,
/// and only the full name names the division.
const COMMON_WORD_SHORT_NAMES: [&str; 14] = ["新建", "平安", "安定", "城中", "港口", "城区", "郊区", "矿区", "古城", "合作", "友好", "市中区", "老城区", "新城区"];

/// Whether `hit` is such a word outside a list of places: no place of `hits` is its neighbour
/// across 、 or 和 (`港口、铁路、公路` lists no places).
fn is_common_word_short_name(view: &SentenceView, ctx: &Context, hits: &[Hit], hit: &Hit) -> bool {
    let text = view.text;
    if !COMMON_WORD_SHORT_NAMES.contains(&&text[hit.start..hit.end]) || !ctx.lexicon.entries[hit.word].iter().all(|e| e.kind == EntityKind::Place) {
        return false;
    }
    let is_place = |h: &Hit| ctx.lexicon.entries[h.word].iter().any(|e| e.kind == EntityKind::Place);
    let separated = |end: usize, start: usize| ["、", "和"].iter().any(|s| end + s.len() == start && text[end..start] == **s);
    !hits.iter().any(|h| h != hit && is_place(h) && (separated(h.end, hit.start) || separated(hit.end, h.start)))
}

/// All recognisers over one sentence, overlaps settled.
pub fn recognise(view: &mut SentenceView, ctx: &Context) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    // One pass of the gazetteer automaton and one of the head words per sentence, shared by
    // the recognisers.
    let mut hits: Vec<Hit> =
        ctx.lexicon.matcher.find_overlapping_iter(view.text).map(|m| Hit { start: m.start(), end: m.end(), word: m.pattern().as_usize() }).collect();
    if hits.iter().any(|hit| COMMON_WORD_SHORT_NAMES.contains(&&view.text[hit.start..hit.end])) {
        let everyday: Vec<bool> = hits.iter().map(|hit| is_common_word_short_name(view, ctx, &hits, hit)).collect();
        let mut flags = everyday.into_iter();
        hits.retain(|_| !flags.next().unwrap_or(false));
    }
    // jieba keeps its own tag for a word its dictionary knows (大连/d, 铁岭/nr, 本溪/nz) when the
    // gazetteer adds it: a token that is a place of the gazetteers is tagged a place.
    for hit in &hits {
        if place::choose(&ctx.lexicon.entries[hit.word], ctx.province).is_some_and(|e| e.kind == EntityKind::Place) {
            view.tag_as_place(hit.start, hit.end);
        }
    }
    let view = &*view;
    let scan = Scan { hits, heads: Heads::scan(view.text), project_lists: tokens::project_lists(view) };
    place::recognise(view, ctx, &scan, &mut candidates);
    programme::recognise(view, ctx, &scan, &mut candidates);
    project::recognise(view, ctx, &scan, &mut candidates);
    institution::recognise(view, ctx, &scan, &mut candidates);
    project::join_hospital_buildings(view, &mut candidates);
    project::join_hospital_relocations(view, &mut candidates);
    drop_inside_titles(view.text, &mut candidates);
    settle_overlaps(candidates)
}

/// A document's title is atomic (`《成都都市圈发展规划》`), and so is the bracketed name of a
/// train service (`中欧班列（长安号）`, `中欧班列(成渝)`): nothing named inside is a mention.
fn drop_inside_titles(text: &str, candidates: &mut Vec<Candidate>) {
    if !text.contains(['《', '班']) {
        return;
    }
    let mut atomic = Vec::new();
    for (open, close) in [("《", "》"), ("班列（", "）"), ("班列(", ")")] {
        for (at, _) in text.match_indices(open) {
            let inner = at + open.len();
            if let Some(end) = text[inner..].find(close) {
                atomic.push((inner, inner + end));
            }
        }
    }
    if !atomic.is_empty() {
        candidates.retain(|c| !atomic.iter().any(|&(start, end)| c.start >= start && c.end <= end));
    }
}

/// Keeps the longest candidates (then the most confident) that do not overlap, in text order.
pub fn settle_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.retain(|c| c.end > c.start && !is_generic(c));
    candidates.sort_by(|a, b| {
        (b.end - b.start).cmp(&(a.end - a.start)).then(b.confidence.cmp(&a.confidence)).then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if kept.iter().all(|k| candidate.end <= k.start || candidate.start >= k.end) {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Words that are never entities on their own (项目, 中心, 集群, a head noun alone), and
/// labels too short to name a project (two characters only as an item of a project list:
/// `仁宝、萤石、三安衬底材料等项目`, confidence 7).
fn is_generic(candidate: &Candidate) -> bool {
    const GENERIC: [&str; 38] = [
        "装置", "科学装置", "大科学装置", "项目", "中心", "集群", "基地", "枢纽", "高铁", "铁路", "机场", "港", "工程", "行动", "计划", "战略", "体系", "平台",
        "实验室", "研究院", "大学", "学院", "公司", "集团", "银行", "医院", "重大项目", "高速公路", "高速", "公路", "水库", "大桥",
        "隧道", "码头", "港口", "航道", "电站", "管网",
    ];
    let label = bare(&candidate.label);
    let chars = label.chars().count();
    label.is_empty()
        || candidate.label.contains(['《', '》'])
        || GENERIC.contains(&label.as_str())
        || (candidate.kind == EntityKind::Project && (chars < 2 || (chars < 3 && candidate.confidence < LISTED_PROJECT)))
        || (candidate.kind == EntityKind::Programme && chars < 3 && !label.chars().any(|c| c.is_ascii_digit()))
}

/// Confidence of an item of a `…等项目` list (see `project`): named as a project by the text.
pub const LISTED_PROJECT: u8 = 7;

/// Converts increasing byte offsets of a string to character offsets in one pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    fn chars_before(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Strips quotes and spaces: the form used to compare names.
pub fn bare(label: &str) -> String {
    label.chars().filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | ' ' | '《' | '》')).collect()
}
