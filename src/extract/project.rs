//! Projects: infrastructure and industrial projects, found by head nouns.
//!
//! Rules:
//! - a name phrase (see `tokens::SentenceView::name_start_before`) followed by an
//!   infrastructure head: 高铁, 铁路, 高速公路, 机场, 航站楼, 水库, 大桥, 港, 轨道交通N号线,
//!   枢纽, 电站, 输电工程, …; the name must not be empty (水库 alone is no project);
//! - X工程 without quotes is a project when X names physical works (水, 电, 输, 引, 管, 路,
//!   桥, 隧, 港, 航道, 枢纽, 特高压, 交流, 直流); with quotes it is a programme;
//! - a segment after a railway or road (`渝厦高铁重庆东至黔江段`, `渝昆高铁川渝段`) belongs to
//!   the project's surface, but the entity is the project (渝厦高铁);
//! - a phase suffix (二期, 三期) stays part of the name (新田港二期 is its own stage of work);
//! - a coordination sharing the head (`成渝中线、渝西、渝万、成达万等高铁项目`, `万州和黔江机场`)
//!   gives one project per item, the head appended to the label (成渝中线高铁); a plain list
//!   without 等 (`四川、西北地区、三峡电站`) does not share the head;
//! - a head inside a place name (港 in 香港) is no head;
//! - items listed before `等N个项目` / `等项目` are projects as they stand when they carry a
//!   proper name (`中国长安线控底盘、吉利动力电池、奥松MEMS传感器等项目`; not `无人机`);
//! - the name before a head has at least two characters (宅基地 and 大枢纽 are no projects).

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{SentenceView, WordList, coordination, may_match};
use super::{Candidate, Context, EntityKind};

/// Heads of infrastructure projects, longest first.
const HEADS: [&str; 34] = [
    "抽水蓄能电站", "国际机场", "城际铁路", "高速公路", "水利枢纽", "航电枢纽", "长江大桥", "航站楼", "水电站", "电站", "高铁",
    "铁路", "高速", "机场", "水库", "大桥", "隧道", "港区", "码头", "枢纽", "环线", "快速路", "储能电站", "燃机", "综合体",
    "火车站", "新工厂", "工厂", "生产线", "基地", "跑道", "航道整治", "港", "产业园",
];
const WORKS: [&str; 17] =
    ["水", "电", "输", "引", "管", "路", "桥", "隧", "港", "航道", "枢纽", "特高压", "交流", "直流", "灌区", "气", "堤"];

static LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:轨道交通|地铁|轻轨)?[0-9]{1,2}号线(?:[一二三四五六七八九]期|北延伸段|南延伸段|东延伸段|西延伸段|延伸段)?").expect("static regex")); // ok: a fixed pattern
static STATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Han}{2,4}(?:东|西|南|北)站").expect("static regex")); // ok: a fixed pattern
static SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Han}{1,6}至\p{Han}{1,6}段|\p{Han}{2}段|[一二三四五六七八九]期)").expect("static regex")); // ok: a fixed pattern
static PHASE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[一二三四五六七八九]期|T[0-9][A-Z]?航站楼)").expect("static regex")); // ok: a fixed pattern
static PRODUCT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第?[0-9.]+(?:代|英寸|寸|GW|万吨|兆瓦)\p{Han}{0,8}?(?:晶圆|面板|生产线|产线|显示屏|电池|芯片|基地)").expect("static regex") // ok: a fixed pattern
});

pub fn recognise(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    routes_and_stations(view, ctx, out);
    static HEAD_LIST: LazyLock<WordList> = LazyLock::new(|| WordList::new(&HEADS));
    for (index, at) in HEAD_LIST.occurrences(text) {
        let head = HEADS[index];
        let end = at + head.len();
        if !view.is_boundary(end) && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) && !SEGMENT.is_match(&text[end..]) {
            continue;
        }
        if head_inside_place(view, at) {
            continue; // 港 in 香港
        }
        let mut start = view.name_start_before(at, 12);
        if RAIL_HEADS.contains(&head) && text[start..at].chars().count() < 2 {
            start = abbreviated_route_start(view, at).unwrap_or(start);
        }
        coordinated(view, ctx, start, end, head, out);
        if text[start..at].chars().count() >= 2 {
            push_project(view, start, end, out);
        }
    }
    for (at, _) in text.match_indices("工程") {
        let start = view.name_start_before(at, 14);
        let name = &text[start..at];
        if start == at || text[..at].ends_with('”') || !WORKS.iter().any(|w| name.contains(w)) {
            continue;
        }
        push_project(view, start, at + "工程".len(), out);
    }
    for found in may_match(text, &["号线"]).then(|| LINE.find_iter(text)).into_iter().flatten() {
        push_project(view, found.start(), found.end(), out);
    }
    for found in may_match(text, &["站"]).then(|| STATION.find_iter(text)).into_iter().flatten() {
        let start = view.name_start_before(found.end() - "站".len() - "东".len(), 6);
        let start = if start < found.end() - "东站".len() { start } else { found.start() };
        if view.is_boundary(start) {
            push_project(view, start, found.end(), out);
        }
    }
    for found in may_match(text, &["晶圆", "面板", "产线", "显示屏", "电池", "芯片", "基地"]).then(|| PRODUCT_LINE.find_iter(text)).into_iter().flatten() {
        let start = view.name_start_before(found.start(), 8);
        if start < found.start() {
            push_project(view, start, found.end(), out);
        }
    }
    listed_projects(view, out);
}

/// A project from `start..end`, extended by a phase (二期, T3B航站楼) and a segment
/// (重庆东至黔江段) that the label leaves out.
fn push_project(view: &SentenceView, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let text = view.text;
    let mut label_end = end;
    if let Some(phase) = PHASE.find(&text[end..]) {
        label_end = end + phase.end();
    }
    let mut surface_end = label_end;
    if let Some(segment) = SEGMENT.find(&text[label_end..]) {
        surface_end = label_end + segment.end();
    }
    let label = text[start..label_end].to_string();
    out.push(Candidate::new(EntityKind::Project, start, surface_end, label, 5));
}

/// Heads of railways and roads, whose names are often two one-character abbreviations (渝贵铁路).
const RAIL_HEADS: [&str; 5] = ["高铁", "铁路", "高速", "城际铁路", "高速公路"];

/// `渝贵铁路`, `渝宜高铁`: jieba splits such names into single characters it tags as anything;
/// the two Han characters before the head form the name unless they are a policy verb.
fn abbreviated_route_start(view: &SentenceView, head_start: usize) -> Option<usize> {
    let before = &view.text[..head_start];
    let mut chars = before.char_indices().rev().take(2);
    let (_, second) = chars.next()?;
    let (start, first) = chars.next()?;
    let pair = &before[start..];
    let is_verb = super::tokens::is_stop_word(pair) || matches!(pair, "推进" | "建设" | "开通" | "启动");
    (crate::normalize::is_han(first) && crate::normalize::is_han(second) && view.is_boundary(start) && !is_verb).then_some(start)
}

/// Routes (`黔江至吉首高铁`) and stations named after a place (`沙坪坝站`, `重庆北站`).
fn routes_and_stations(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    static ROUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Han}{2,4}至\p{Han}{2,4}(?:高铁|城际铁路|铁路|高速公路|高速)").expect("static regex") // ok: a fixed pattern
    });
    let text = view.text;
    for found in may_match(text, &["至"]).then(|| ROUTE.find_iter(text)).into_iter().flatten() {
        let start = if view.is_boundary(found.start()) { found.start() } else { continue };
        push_project(view, start, found.end(), out);
    }
    for (at, _) in text.match_indices('站') {
        let before = &text[..at];
        let before = before.strip_suffix(['东', '西', '南', '北']).unwrap_or(before);
        let starts: Vec<usize> = before.char_indices().rev().take(5).map(|(i, _)| i).collect();
        if let Some(&start) = starts.iter().skip(1).find(|&&s| view.is_boundary(s) && is_place(ctx, &before[s..])) {
            push_project(view, start, at + '站'.len_utf8(), out);
        }
    }
}

/// Whether a word is a place in this report (see `place::choose`).
fn is_place(ctx: &Context, word: &str) -> bool {
    ctx.lexicon.lookup(word).and_then(|entries| super::place::choose(entries, ctx.province)).is_some_and(|e| e.kind == EntityKind::Place)
}

/// Whether the head starting at `at` lies inside a token that is a place name (香港).
fn head_inside_place(view: &SentenceView, at: usize) -> bool {
    view.token_index_at(at).map(|i| view.tokens[i]).is_some_and(|t| t.start < at && t.tag == "ns")
}

/// Items of a coordination before a project head get the head appended
/// (`成渝中线、渝西、渝万、成达万等高铁`, `万州和黔江机场`). An item that carries a head of its
/// own is a complete project and ends the list.
fn coordinated(view: &SentenceView, ctx: &Context, name_start: usize, head_end: usize, head: &str, out: &mut Vec<Candidate>) {
    let text = view.text;
    let head_start = head_end - head.len();
    let with_etc = text[..head_start].ends_with('等');
    let end = if with_etc { head_start - '等'.len_utf8() } else { head_start };
    let _ = name_start;
    let items = coordination(view, end, 8);
    // A plain list of places before one project (四川、西北地区、三峡电站) does not share the
    // head; `A、B等高铁` and `A和B机场` do.
    let joined_by_word = items.len() == 2 && !text[items[0].1..items[1].0].contains('、');
    let any_place = items.iter().any(|&(s, e)| is_place(ctx, &text[s..e]));
    if !with_etc && !joined_by_word && any_place {
        return;
    }
    for (s, e) in items {
        let item = &text[s..e];
        if HEADS.iter().any(|h| item.contains(h)) {
            continue;
        }
        out.push(Candidate::new(EntityKind::Project, s, e, format!("{item}{head}"), 6));
    }
}

/// `A、B、C等(N个)项目`: each item is a project as named.
fn listed_projects(view: &SentenceView, out: &mut Vec<Candidate>) {
    static LISTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"等(?:[0-9]+个)?(?:\p{Han}{0,6}?)项目").expect("static regex")); // ok: a fixed pattern
    let text = view.text;
    for found in may_match(text, &["项目"]).then(|| LISTED.find_iter(text)).into_iter().flatten() {
        for (s, e) in coordination(view, found.start(), 16) {
            // An item names a project when it carries a proper name (a place, a company, a
            // Latin brand): `吉利动力电池`, `奥松MEMS传感器`; `无人机` or `跨省域` do not.
            let proper = view.tokens.iter().any(|t| t.start >= s && t.end <= e && matches!(t.tag, "ns" | "nt" | "nz" | "nr" | "nrt" | "eng" | "j"));
            let chars = text[s..e].chars().count();
            if chars >= 5 || (chars >= 2 && proper) {
                out.push(Candidate::new(EntityKind::Project, s, e, &text[s..e], 2));
            }
        }
    }
}
