//! Lineage: how an entity develops across years, and how entities relate.
//!
//! Per mention, from the clause around it (text between ，；。 marks):
//! - **stage** from the verbs nearest the mention, normalised to four stages:
//!   launch (谋划, 布局, 启动, 出台, 开局, 部署, 推出, 印发, 设立, 组建, 开工, 获批, 挂牌),
//!   iterate (优化, 迭代, 升级, 完善, 深化, 提升, 拓展, 健全, 丰富, 增强),
//!   continue (持续, 纵深推进, 加快, 推动, 推进, 实施, 加强, 落实, 坚持, 培育, 壮大, 构建),
//!   deliver (建成, 新建, 形成, 取得, 标志性成果, 收官, 完成, 投用, 投产, 通车, 开通, 覆盖, 实现, 达到, 落地);
//!   the raw verb is the run of adjacent listed verbs (布局实施, 迭代完善); when the run mixes
//!   stages, launch and deliver win over iterate, iterate over continue (持续优化 → iterate);
//! - **quantities**: numbers with a unit in the same clause (50.5万亩, 4000P, 1万家, 320个);
//!   years (2024年) and dates are not quantities.
//!
//! Between entities, found by rules over the text:
//! - **renames**: `A更名为B` in one sentence, A and B mentions of the same kind;
//! - **versions**: a label ending in a version number (渝赛计划2.0) is a revision of the entity
//!   whose label is the same without it, when the corpus has one;
//! - **parents**: a coded programme qualified by another programme (数字重庆“1361”) is part of it;
//! - **components**: a run of phrases, close together after a coded programme is named or in
//!   one passage, whose leading numerals spell the programme's code digit by digit (一体化…平台,
//!   三级治理中心, 六大应用系统, 基层智治体系 spell 1-3-6-1); a phrase without a numeral counts
//!   as 1; and a programme named by a count of a character (四千行动) whose next actions each
//!   contain that character (千万亩…行动, 千亿级…行动, …);
//!
//! These facts and relations are written to RDF at build time; `lineage_graph` reads them
//! back from the store into a petgraph graph for the `lineage`, `trace` and `dot` commands.

use std::collections::HashMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;

use crate::extract::tokens::WordList;
use crate::extract::{EntityKind, bare};
use crate::pipeline::Knowledge;

/// The normalised stage of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Launch,
    Iterate,
    Continue,
    Deliver,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Launch => "launch",
            Stage::Iterate => "iterate",
            Stage::Continue => "continue",
            Stage::Deliver => "deliver",
        }
    }

    fn strength(self) -> u8 {
        match self {
            Stage::Launch | Stage::Deliver => 3,
            Stage::Iterate => 2,
            Stage::Continue => 1,
        }
    }
}

const VERBS: [(&str, Stage); 58] = [
    ("标志性成果", Stage::Deliver),
    ("纵深推进", Stage::Continue),
    ("谋划", Stage::Launch),
    ("布局", Stage::Launch),
    ("启动", Stage::Launch),
    ("出台", Stage::Launch),
    ("开局", Stage::Launch),
    ("部署", Stage::Launch),
    ("推出", Stage::Launch),
    ("印发", Stage::Launch),
    ("设立", Stage::Launch),
    ("组建", Stage::Launch),
    ("开工", Stage::Launch),
    ("获批", Stage::Launch),
    ("挂牌", Stage::Launch),
    ("优化", Stage::Iterate),
    ("迭代", Stage::Iterate),
    ("升级", Stage::Iterate),
    ("完善", Stage::Iterate),
    ("深化", Stage::Iterate),
    ("提升", Stage::Iterate),
    ("拓展", Stage::Iterate),
    ("健全", Stage::Iterate),
    ("丰富", Stage::Iterate),
    ("增强", Stage::Iterate),
    ("提质", Stage::Iterate),
    ("持续", Stage::Continue),
    ("加快", Stage::Continue),
    ("推动", Stage::Continue),
    ("推进", Stage::Continue),
    ("统筹", Stage::Continue),
    ("实施", Stage::Continue),
    ("加强", Stage::Continue),
    ("落实", Stage::Continue),
    ("坚持", Stage::Continue),
    ("培育", Stage::Continue),
    ("壮大", Stage::Continue),
    ("构建", Stage::Continue),
    ("建设", Stage::Continue),
    ("打造", Stage::Continue),
    ("深入", Stage::Continue),
    ("积极", Stage::Continue),
    ("着力", Stage::Continue),
    ("扎实", Stage::Continue),
    ("建成", Stage::Deliver),
    ("新建", Stage::Deliver),
    ("形成", Stage::Deliver),
    ("取得", Stage::Deliver),
    ("收官", Stage::Deliver),
    ("完成", Stage::Deliver),
    ("投用", Stage::Deliver),
    ("投产", Stage::Deliver),
    ("通车", Stage::Deliver),
    ("开通", Stage::Deliver),
    ("覆盖", Stage::Deliver),
    ("实现", Stage::Deliver),
    ("达到", Stage::Deliver),
    ("落地", Stage::Deliver),
];

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]+(?:\.[0-9]+)?(?:万亿|亿|万|千)?(?:平方公里|平方米|千瓦|兆瓦|公里|亿元|万元|元|亩|个|家|项|所|条|座|户|人次|人|吨|辆|套|台|P|GW|MW|%|倍|类|件|km)")
        .expect("static regex") // ok: a fixed pattern
});
static VERSION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(.+?)([0-9]+\.[0-9]+)$").expect("static regex")); // ok: a fixed pattern

/// What lineage reads off one mention.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MentionFacts {
    pub stage: Option<Stage>,
    pub verb: Option<String>,
    pub quantities: Vec<String>,
}

/// A relation between two entities (indices into the resolved entities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Relation {
    pub from: usize,
    pub to: usize,
    pub kind: RelationKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    HasComponent,
    PartOf,
    RenamedTo,
    RevisionOf,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::HasComponent => "has component",
            RelationKind::PartOf => "part of",
            RelationKind::RenamedTo => "renamed to",
            RelationKind::RevisionOf => "revision of",
        }
    }
}

/// Everything lineage reads off the text.
pub struct Lineage {
    /// Parallel to the resolved mentions.
    pub facts: Vec<MentionFacts>,
    pub relations: Vec<Relation>,
}

/// Computes mention facts and relations. Components that are not entities of their own yet
/// (一体化智能化公共数据平台) are added to the resolved entities, without mentions.
pub fn build(knowledge: &mut Knowledge) -> Lineage {
    let facts: Vec<MentionFacts> = knowledge
        .resolved
        .mentions
        .par_iter()
        .map(|m| {
            let report = &knowledge.reports[m.report];
            let sentence = &report.sentences[m.sentence];
            let text = sentence.text(report.analysis_text());
            let start = (m.start - sentence.start) as usize;
            let end = (m.end - sentence.start) as usize;
            mention_facts(text, start, end)
        })
        .collect();
    let mut relations = Vec::new();
    renames(knowledge, &mut relations);
    versions(knowledge, &mut relations);
    parents(knowledge, &mut relations);
    components(knowledge, &mut relations);
    counted_components(knowledge, &mut relations);
    relations.sort();
    relations.dedup();
    Lineage { facts, relations }
}

/// Stage, verb and quantities of a mention at characters `start..end` of a sentence.
pub fn mention_facts(sentence: &str, start: usize, end: usize) -> MentionFacts {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(sentence.len(), |c| c.0);
    let is_clause_break = |c: char| matches!(c, '，' | '；' | '。' | '：' | '！' | '？' | '、');
    let mut clause_start = start.min(chars.len());
    while clause_start > 0 && !is_clause_break(chars[clause_start - 1].1) {
        clause_start -= 1;
    }
    let mut clause_end = end.min(chars.len());
    while clause_end < chars.len() && !is_clause_break(chars[clause_end].1) {
        clause_end += 1;
    }
    let before = &sentence[byte(clause_start)..byte(start)];
    let after = &sentence[byte(end.min(chars.len()))..byte(clause_end)];
    // `…行动和房地产八大提升行动`: after a conjunction comes the next item, not this one's verb.
    let after = &after[..after.find(['和', '及', '与']).unwrap_or(after.len())];
    let clause = &sentence[byte(clause_start)..byte(clause_end)];
    // `统筹推进扩消费六大工程、城建六大攻坚行动`: an item of a list takes the list's verb, before
    // its first item.
    let mut list_start = clause_start;
    while list_start > 0 && chars[list_start - 1].1 == '、' {
        list_start -= 1;
        while list_start > 0 && !is_clause_break(chars[list_start - 1].1) {
            list_start -= 1;
        }
    }
    let list_opening = &sentence[byte(list_start)..byte(clause_start)];
    // Verbs before the mention are read first (布局实施数字重庆…); then those after it (…迭代完善),
    // then the list's.
    let (stage, verb) = verb_run(before, true)
        .or_else(|| verb_run(after, false))
        .or_else(|| list_verb(list_opening))
        .map_or((None, None), |(s, v)| (Some(s), Some(v)));
    let quantities = QUANTITY
        .find_iter(clause)
        .map(|m| m.as_str().to_string())
        .filter(|q| !q.ends_with('年'))
        .collect();
    MentionFacts { stage, verb, quantities }
}

/// The verb that opens a list (`统筹推进|扩消费六大工程、…`): the first run of verbs in the list's
/// first item, when the item starts with it.
fn list_verb(first_items: &str) -> Option<(Stage, String)> {
    let first_item = &first_items[..first_items.find('、').unwrap_or(first_items.len())];
    verb_run(first_item, false).filter(|(_, verb)| first_item.starts_with(verb.as_str()))
}

/// The run of listed verbs nearest to the mention: at the end of `text` when `before`,
/// else the first run in `text`.
fn verb_run(text: &str, before: bool) -> Option<(Stage, String)> {
    static VERB_WORDS: LazyLock<[&str; VERBS.len()]> = LazyLock::new(|| VERBS.map(|(v, _)| v));
    static VERB_LIST: LazyLock<WordList> = LazyLock::new(|| WordList::new(&*VERB_WORDS));
    let mut found: Vec<(usize, usize, Stage)> = Vec::new();
    for (index, at) in VERB_LIST.occurrences(text) {
        let (verb, stage) = VERBS[index];
        if !found.iter().any(|&(s, e, _)| at < e && at + verb.len() > s) {
            found.push((at, at + verb.len(), stage));
        }
    }
    found.sort();
    let pick = if before { found.last().copied() } else { found.first().copied() }?;
    // Extend to adjacent verbs.
    let (mut s, mut e, mut stage) = pick;
    loop {
        let mut grew = false;
        for &(fs, fe, fstage) in &found {
            if fe == s || fs == e {
                if fstage.strength() > stage.strength() {
                    stage = fstage;
                }
                s = s.min(fs);
                e = e.max(fe);
                grew = true;
            }
        }
        if !grew {
            break;
        }
        let before_len = found.len();
        found.retain(|&(fs, fe, _)| !(fs >= s && fe <= e));
        if found.len() == before_len {
            break;
        }
    }
    Some((stage, text[s..e].to_string()))
}

fn renames(knowledge: &Knowledge, out: &mut Vec<Relation>) {
    let mentions = &knowledge.resolved.mentions;
    for pair in mentions.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.report != b.report || a.sentence != b.sentence {
            continue;
        }
        // Read between the two mentions inside their sentence (offsets relative to it), so the
        // cost does not grow with the report's length.
        let report = &knowledge.reports[a.report];
        let sentence = &report.sentences[a.sentence];
        let between: String = sentence
            .text(report.analysis_text())
            .chars()
            .skip((a.end - sentence.start) as usize)
            .take(b.start.saturating_sub(a.end) as usize)
            .collect();
        let (ea, eb) = (&knowledge.resolved.entities[a.entity], &knowledge.resolved.entities[b.entity]);
        if ["更名为", "改名为", "更名", "升格为"].contains(&between.as_str()) && ea.kind == eb.kind && a.entity != b.entity {
            out.push(Relation { from: a.entity, to: b.entity, kind: RelationKind::RenamedTo });
        }
    }
}

fn versions(knowledge: &Knowledge, out: &mut Vec<Relation>) {
    let entities = &knowledge.resolved.entities;
    let by_label: HashMap<(EntityKind, String), usize> =
        entities.iter().enumerate().map(|(i, e)| ((e.kind, bare(&e.label)), i)).collect();
    for (i, e) in entities.iter().enumerate() {
        for name in std::iter::once(&e.label).chain(e.aliases.iter()) {
            if let Some(caps) = VERSION.captures(&bare(name))
                && let Some(&older) = by_label.get(&(e.kind, caps[1].to_string()))
                && older != i
            {
                out.push(Relation { from: i, to: older, kind: RelationKind::RevisionOf });
            }
        }
    }
}

/// `数字重庆“1361”`: a coded programme whose surface starts with another programme's name.
fn parents(knowledge: &Knowledge, out: &mut Vec<Relation>) {
    let entities = &knowledge.resolved.entities;
    let programmes: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Programme)
        .map(|(i, e)| (i, bare(&e.label)))
        .filter(|(_, label)| label.chars().count() >= 3)
        .collect();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Programme) {
        for surface in &e.aliases {
            let Some(quote) = surface.find('“') else { continue };
            let qualifier = &surface[..quote];
            if let Some((parent, _)) = programmes.iter().find(|(p, label)| *p != i && label == qualifier) {
                out.push(Relation { from: i, to: *parent, kind: RelationKind::PartOf });
            }
        }
    }
}

const CLAUSE_VERBS: [&str; 7] = ["提升", "完善", "丰富", "增强", "升级", "深化拓展", "建强"];

/// A component phrase at the start of a clause: after punctuation or a verb of improvement.
static COMPONENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，。；：■●、\n]|提升|完善|丰富|增强|升级|深化拓展|建强)((?:一体化|[一二三四五六七八九十]+(?:级|大|个|张|项|类))?\p{Han}{1,8}?(?:平台|中心|系统|体系|底座|清单))")
        .expect("static regex") // ok: a fixed pattern
});

/// The programme entity labelled `label`, created (without mentions) when there is none.
fn programme_named(knowledge: &mut Knowledge, label: &str) -> usize {
    let key = crate::resolve::iri_safe(&bare(label));
    if let Some(i) = knowledge.resolved.find(EntityKind::Programme, &key) {
        return i;
    }
    knowledge.resolved.entities.push(crate::resolve::Entity {
        kind: EntityKind::Programme,
        key,
        label: label.to_string(),
        aliases: Default::default(),
        code: None,
        place_kind: None,
        parent: None,
        mentions: Vec::new(),
        years: Default::default(),
    });
    knowledge.resolved.entities.len() - 1
}

/// `四千行动`: a programme named by a count of a character; the next actions after a mention
/// that contain the character (千万亩…行动, 千亿级…行动, …) are its components.
fn counted_components(knowledge: &mut Knowledge, out: &mut Vec<Relation>) {
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十])(\p{Han})(行动|工程|计划)$").expect("static regex")); // ok: a fixed pattern
    static ACTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:实施|开展|推进)([^，。；、“”■●]{2,20}?行动)").expect("static regex")); // ok: a fixed pattern
    let mut found = Vec::new();
    for (i, e) in knowledge.resolved.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Programme) {
        let label = bare(&e.label);
        let Some(caps) = COUNTED.captures(&label) else { continue };
        let count = "一二三四五六七八九十".find(&caps[1]).map_or(0, |p| p / 3 + 1);
        let marker = caps[2].to_string();
        for &m in &e.mentions {
            let mention = &knowledge.resolved.mentions[m];
            let report = &knowledge.reports[mention.report];
            let text = report.analysis_text();
            let sentence = &report.sentences[mention.sentence];
            let within = sentence.text(text).char_indices().nth((mention.end - sentence.start) as usize);
            let from = within.map_or(sentence.byte_end as usize, |(b, _)| sentence.byte_start as usize + b);
            let window: String = text[from..].chars().take(300).collect();
            let parts: Vec<String> =
                ACTION.captures_iter(&window).map(|c| c[1].to_string()).filter(|a| a.contains(&marker)).take(count).collect();
            if parts.len() == count && count > 1 {
                found.push((i, parts));
                break;
            }
        }
    }
    for (programme, parts) in found {
        for part in parts {
            let component = programme_named(knowledge, &part);
            out.push(Relation { from: programme, to: component, kind: RelationKind::HasComponent });
        }
    }
}

/// Components spelled by the digits of a coded programme.
fn components(knowledge: &mut Knowledge, out: &mut Vec<Relation>) {
    let entities = &knowledge.resolved.entities;
    let coded: HashMap<&str, usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Programme && e.key.chars().all(|c| c.is_ascii_digit()) && e.key.len() >= 3)
        .map(|(i, e)| (e.key.as_str(), i))
        .collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for report in &knowledge.reports {
        let text = report.analysis_text();
        // Digit-spelled components: consecutive phrases, each at the start of a clause.
        let phrases: Vec<(usize, usize, (u32, bool))> = COMPONENT
            .captures_iter(text)
            .filter_map(|caps| {
                let m = caps.get(1)?;
                let verb = CLAUSE_VERBS.iter().find(|v| m.as_str().starts_with(*v)).map_or(0, |v| v.len());
                let (start, phrase) = (m.start() + verb, &m.as_str()[verb..]);
                // (digit, spelled out): a phrase without a numeral stands for 1.
                let digit = match phrase.chars().next() {
                    Some('一') => (1, true),
                    Some(c) => "二三四五六七八九".find(c).map_or((1, false), |i| (i as u32 / 3 + 2, true)),
                    None => return None,
                };
                Some((start, m.end(), digit))
            })
            .collect();
        for window_start in 0..phrases.len() {
            let mut code = String::new();
            let mut items = Vec::new();
            for &(s, e, (d, spelled)) in &phrases[window_start..] {
                if let Some(&(_, prev_end, _)) = items.last()
                    && s - prev_end > 240
                {
                    break;
                }
                if items.is_empty() && !spelled {
                    break; // a run starts with a numeral (一体化, 三级, 六大)
                }
                code.push(char::from_digit(d, 10).unwrap_or('1'));
                items.push((s, e, d));
                if let Some(&programme) = coded.get(code.as_str())
                    && code.len() >= 3
                {
                    for &(s, e, _) in &items {
                        found.push((programme, text[s..e].to_string()));
                    }
                }
                if code.len() >= 6 {
                    break;
                }
            }
        }
    }
    for (programme, part) in found {
        let component = programme_named(knowledge, &part);
        out.push(Relation { from: programme, to: component, kind: RelationKind::HasComponent });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(sentence: &str, mention: &str) -> MentionFacts {
        let start = sentence.find(mention).unwrap();
        let s = sentence[..start].chars().count();
        let e = s + mention.chars().count();
        mention_facts(sentence, s, e)
    }

    #[test]
    fn stages_and_raw_verbs() {
        let f = facts("布局实施数字重庆“1361”整体构架，梯次推进改革。", "数字重庆“1361”整体构架");
        assert_eq!((f.stage, f.verb.as_deref()), (Some(Stage::Launch), Some("布局实施")));
        let f = facts("优化“1361”整体构架，探索建立标准。", "“1361”整体构架");
        assert_eq!((f.stage, f.verb.as_deref()), (Some(Stage::Iterate), Some("优化")));
        let f = facts("数字重庆“1361”整体构架迭代完善、改革取得成效", "数字重庆“1361”整体构架");
        assert_eq!((f.stage, f.verb.as_deref()), (Some(Stage::Iterate), Some("迭代完善")));
        let f = facts("持续优化营商环境", "营商环境");
        assert_eq!(f.stage, Some(Stage::Iterate));
        // An item of a list takes the list's verb, not a word inside the next item's name.
        let f = facts("统筹推进扩消费六大工程、城建六大攻坚行动和房地产八大提升行动。", "六大攻坚行动");
        assert_eq!((f.stage, f.verb.as_deref()), (Some(Stage::Continue), Some("统筹推进")));
        // Items with verbs of their own keep them.
        let f = facts("数字重庆“1361”整体构架迭代完善、“三攻坚一盘活”取得积极成效", "“三攻坚一盘活”");
        assert_ne!(f.verb.as_deref(), Some("迭代完善"));
    }

    #[test]
    fn quantities_in_the_clause() {
        let f = facts("新建“两岸青山·千里林带”50.5万亩、国家储备林101.5万亩，新增治理面积2133平方公里。", "“两岸青山·千里林带”");
        assert_eq!(f.quantities, ["50.5万亩"]);
        let f = facts("全市算力规模超过1000P；2024年新建17个智能工厂", "全市");
        assert_eq!(f.quantities, ["1000P"]);
    }
}
#[cfg(test)]
mod component_tests {
    #[test]
    fn component_phrases_start_at_a_clause() {
        let text = "1.推动形成数字重庆基本能力\n提升一体化智能化公共数据平台基础支撑能力。提升三级治理中心贯通实战能力。提升六大应用系统服务治理能力。提升基层智治体系执行能力\n■建强";
        let found: Vec<&str> = super::COMPONENT
            .captures_iter(text)
            .map(|c| c.get(1).unwrap().as_str())
            .map(|p| super::CLAUSE_VERBS.iter().find_map(|v| p.strip_prefix(v)).unwrap_or(p))
            .collect();
        assert_eq!(found, ["一体化智能化公共数据平台", "三级治理中心", "六大应用系统", "基层智治体系"]);
    }
}
