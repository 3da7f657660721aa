//! Places: administrative divisions, countries and blocs, regional groupings (gazetteers, see
//! `lexicon`), and functional areas found by their suffix.
//!
//! Rules:
//! - a gazetteer word counts only where it starts and ends on jieba token boundaries (so 长治
//!   inside 长治久安 is not the city), and short district/county names (璧山) only in reports of
//!   their own province;
//! - a word right after a modifier in the same noun phrase (新重庆, 数字重庆, 美丽重庆) or before
//!   式 or 造 (中国式, 重庆造) is part of a slogan, and one that opens an event name (重庆国际人才
//!   交流大会, …论坛, …博览会) belongs to the event: neither is a place mention;
//! - functional areas: a place or name phrase followed by 新区, 高新区, 经开区, 自贸试验区,
//!   综合保税区, 科学城, …; 高新区 and 经开区 also stand alone (the report's own zones);
//! - when one name could be several divisions (江北区 is in Chongqing and in Ningbo), the one in
//!   the report's province is chosen, else the first by code.

use std::sync::LazyLock;

use super::tokens::{SentenceView, WordList};
use super::{Candidate, Context, EntityKind, Hit};
use crate::lexicon::GazetteerEntry;

/// Suffixes of functional areas, and whether the suffix alone names a place.
const FUNCTIONAL_SUFFIXES: [(&str, bool); 14] = [
    ("高新技术产业开发区", false),
    ("经济技术开发区", false),
    ("自由贸易试验区", false),
    ("综合保税区", false),
    ("自贸试验区", true),
    ("保税港区", false),
    ("高新区", true),
    ("经开区", true),
    ("综保区", false),
    ("科学城", false),
    ("新区", false),
    ("开发区", false),
    ("自贸区", false),
    ("示范区", false),
];

pub fn recognise(view: &SentenceView, ctx: &Context, hits: &[Hit], out: &mut Vec<Candidate>) {
    gazetteer(view, ctx, hits, out);
    functional_areas(view, out);
}

/// Picks the entry a word stands for in this report, if any.
pub fn choose<'e>(entries: &'e [GazetteerEntry], province: Option<&str>) -> Option<&'e GazetteerEntry> {
    let allowed = |e: &&GazetteerEntry| e.only_in_province.as_deref().is_none_or(|p| Some(p) == province);
    let in_province = |e: &&GazetteerEntry| {
        province.is_some_and(|p| e.code.as_deref().is_some_and(|c| c.starts_with(p)))
    };
    entries.iter().filter(allowed).find(in_province).or_else(|| entries.iter().find(allowed))
}

fn gazetteer(view: &SentenceView, ctx: &Context, hits: &[Hit], out: &mut Vec<Candidate>) {
    for &Hit { start, end, word } in hits {
        if !view.is_boundary(start) || !view.is_boundary(end) {
            continue;
        }
        let entries = ctx.lexicon.entries[word].as_slice();
        let Some(entry) = choose(entries, ctx.province) else { continue };
        if entry.kind != EntityKind::Place {
            // Other gazetteers (strategies, companies) are read by their own recognisers.
            continue;
        }
        if is_slogan_part(view, ctx, start, end) {
            continue;
        }
        let mut candidate = Candidate::new(EntityKind::Place, start, end, entry.label.clone(), 5);
        candidate.code = entry.code.clone();
        candidate.place_kind = entry.place_kind;
        out.push(candidate);
    }
}

/// A place word right after a modifier that belongs to the same noun phrase (数字重庆,
/// 美丽重庆, 新重庆, 健康中国) or before 式 (中国式) is part of a slogan or a longer name.
fn is_slogan_part(view: &SentenceView, ctx: &Context, start: usize, end: usize) -> bool {
    if view.text[end..].starts_with(['式', '造']) || view.text[end..].starts_with("特色") || opens_event_name(&view.text[end..]) {
        return true;
    }
    let Some(i) = view.token_index_at(start).filter(|&i| i > 0) else { return false };
    let previous = view.tokens[i - 1];
    previous.end == start
        && previous.word.chars().all(crate::normalize::is_han)
        && (matches!(previous.tag, "a" | "an" | "ad" | "b" | "n" | "vn" | "nz" | "l" | "i" | "d" | "ns")
            || previous.word == "新")
        && !ctx.lexicon.lookup(previous.word).is_some_and(|entries| entries.iter().any(|e| e.kind == EntityKind::Place))
        && !matches!(previous.word, "全" | "在" | "到" | "赴" | "和" | "与" | "及" | "等")
}

/// Heads of event names (重庆国际人才交流大会, 中国西部国际投资贸易洽谈会): a place that opens
/// such a name belongs to the event, which is none of the four kinds.
const EVENT_HEADS: [&str; 12] = ["大会", "论坛", "博览会", "交易会", "洽谈会", "峰会", "年会", "运动会", "艺术节", "文化节", "大赛", "实践"];

/// Whether the text right after a place continues into an event name (at most 12 Han
/// characters, no punctuation, ending in an event head).
fn opens_event_name(after: &str) -> bool {
    let run: String = after
        .chars()
        .take_while(|&c| crate::normalize::is_han(c) || c.is_ascii_alphanumeric())
        .take(12)
        .collect();
    EVENT_HEADS.iter().any(|head| run.find(head).is_some_and(|at| at + head.len() <= run.len()))
}

fn functional_areas(view: &SentenceView, out: &mut Vec<Candidate>) {
    let text = view.text;
    static SUFFIX_WORDS: LazyLock<[&str; FUNCTIONAL_SUFFIXES.len()]> = LazyLock::new(|| FUNCTIONAL_SUFFIXES.map(|(s, _)| s));
    static SUFFIX_LIST: LazyLock<WordList> = LazyLock::new(|| WordList::new(&*SUFFIX_WORDS));
    for (index, at) in SUFFIX_LIST.occurrences(text) {
        let (suffix, stands_alone) = FUNCTIONAL_SUFFIXES[index];
        let end = at + suffix.len();
        if !view.is_boundary(end) && !text[end..].starts_with('（') {
            continue;
        }
        let start = view.name_start_before(at, 10);
        let start = include_bracketed_qualifier(text, start, at, view);
        // `西部科学城重庆高新区` is two areas: a name does not run across another suffix.
        let start = FUNCTIONAL_SUFFIXES
            .iter()
            .filter_map(|(other, _)| text[start..at].rfind(other).map(|i| start + i + other.len()))
            .filter(|&cut| view.is_boundary(cut))
            .max()
            .unwrap_or(start);
        if start == at {
            if stands_alone {
                out.push(Candidate::new(EntityKind::Place, at, end, suffix, 3).with_place_kind("functional-area"));
            }
            continue;
        }
        let label = &text[start..end];
        out.push(Candidate::new(EntityKind::Place, start, end, label, 4).with_place_kind("functional-area"));
    }
}

/// `西部（重庆）科学城`: a bracketed qualifier between a name and the suffix belongs to the name.
fn include_bracketed_qualifier(text: &str, start: usize, at: usize, view: &SentenceView) -> usize {
    if start == at && text[..at].ends_with('）') {
        if let Some(open) = text[..at].rfind('（') {
            let before = view.name_start_before(open, 6);
            if before < open {
                return before;
            }
        }
    }
    start
}

impl Candidate {
    pub fn with_place_kind(mut self, kind: &'static str) -> Candidate {
        self.place_kind = Some(kind);
        self
    }
}
