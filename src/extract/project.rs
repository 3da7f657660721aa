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

use super::tokens::{SentenceView, coordination};
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
    LazyLock::new(|| Regex::new(r"(?:轨道交通|地铁|轻轨)?[0-9]{1,2}号线(?:[一二三四五六七八九]期|北延伸段|南延伸段|东延伸段|西延伸段|延伸段)?").expect("static regex"));
static STATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Han}{2,4}(?:东|西|南|北)站").expect("static regex"));
static SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Han}{1,6}至\p{Han}{1,6}段|\p{Han}{2}段|[一二三四五六七八九]期)").expect("static regex"));
static PHASE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[一二三四五六七八九]期|T[0-9][A-Z]?航站楼)").expect("static regex"));
static PRODUCT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第?[0-9.]+(?:代|英寸|寸|GW|万吨|兆瓦)\p{Han}{0,8}?(?:晶圆|面板|生产线|产线|显示屏|电池|芯片|基地)").expect("static regex")
});

pub fn recognise(view: &SentenceView, _ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    for head in HEADS {
        for (at, _) in text.match_indices(head) {
            let end = at + head.len();
            if !view.is_boundary(end) && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) && !SEGMENT.is_match(&text[end..]) {
                continue;
            }
            if head_inside_place(view, at) {
                continue; // 港 in 香港
            }
            let start = view.name_start_before(at, 12);
            coordinated(view, start, end, head, out);
            if text[start..at].chars().count() >= 2 {
                push_project(view, start, end, out);
            }
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
    for found in LINE.find_iter(text) {
        push_project(view, found.start(), found.end(), out);
    }
    for found in STATION.find_iter(text) {
        let start = view.name_start_before(found.end() - "站".len() - "东".len(), 6);
        let start = if start < found.end() - "东站".len() { start } else { found.start() };
        if view.is_boundary(start) {
            push_project(view, start, found.end(), out);
        }
    }
    for found in PRODUCT_LINE.find_iter(text) {
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

/// Whether the head starting at `at` lies inside a token that is a place name (香港).
fn head_inside_place(view: &SentenceView, at: usize) -> bool {
    view.token_index_at(at).map(|i| view.tokens[i]).is_some_and(|t| t.start < at && t.tag == "ns")
}

/// Items of a coordination before a project head get the head appended
/// (`成渝中线、渝西、渝万、成达万等高铁`, `万州和黔江机场`). An item that carries a head of its
/// own is a complete project and ends the list.
fn coordinated(view: &SentenceView, name_start: usize, head_end: usize, head: &str, out: &mut Vec<Candidate>) {
    let text = view.text;
    let head_start = head_end - head.len();
    let with_etc = text[..head_start].ends_with('等');
    let end = if with_etc { head_start - '等'.len_utf8() } else { head_start };
    let _ = name_start;
    let items = coordination(view, end, 8);
    // A plain list of places before one project (四川、西北地区、三峡电站) does not share the
    // head; `A、B等高铁` and `A和B机场` do.
    let joined_by_word = items.len() == 2 && !text[items[0].1..items[1].0].contains('、');
    if !with_etc && !joined_by_word {
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
        LazyLock::new(|| Regex::new(r"等(?:[0-9]+个)?(?:\p{Han}{0,6}?)项目").expect("static regex"));
    let text = view.text;
    for found in LISTED.find_iter(text) {
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
