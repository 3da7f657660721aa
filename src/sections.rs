//! The time model: which year(s) each passage of a report speaks about.
//!
//! A report is cut into sections; each has a kind and the years it speaks about. The rules are
//! written for the genre (government work reports and plan-execution reports of any province
//! and year), from headings and from wording:
//! - the header (title, date, speaker lines) is `header`; what follows before any cue is
//!   `preamble` and speaks about the report year;
//! - a top-level heading (`一、…`, or `第一部分　…`), a line that is only a year (`2024`) or a short line of a
//!   review (`2024年工作回顾`, without numbering) starts a section when
//!   it names a review (`回顾`, a past year alone), a plan (`主要任务`, `工作安排`,
//!   `总体要求`, `目标任务`, `奋斗目标`, a year not in the past), an execution review (`执行情况`) or an
//!   outlook (`下一步`, `打算`, `下半年`); a heading naming a year and a five-year plan
//!   (`2025年和“十四五”时期工作回顾`) reviews the year, and a plan cue with a five-year plan that
//!   starts in the report year or later (`“十五五”时期主要目标任务`) speaks about the plan's years; a heading without such a cue (`三、全面加强政府自身建设`)
//!   continues the current section; a top-level heading run into the text of a one-line body
//!   (`…审议。一、2025年工作回顾2025年是…`) is read from its first characters;
//! - inside running text, a sentence that opens with `刚刚过去的YYYY年` / `过去一年` starts a
//!   review of that year; `回望“十四五”`, `“十四五”时期`, `过去五年`, `五年来` (or any count of 2 to 10 years: `过去四年`) start a
//!   retrospective over the five-year plan's years (the n-th plan, n ≥ 3, covers
//!   1966 + 5(n−3) … +4; “过去五年” covers the five years before the report year); `今年…总体要求`
//!   or `YYYY年…主要任务/工作安排/总体要求` start a plan.
//!
//! Review years default to the year before the report year, plan years to the report year; a
//! plan-execution report's execution and outlook sections speak about its own year.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::metadata::ReportKind;
use crate::sentences::Sentence;

/// What a section does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Header,
    Preamble,
    Review,
    Plan,
    Retrospective,
    Execution,
    Outlook,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Header => "header",
            SectionKind::Preamble => "preamble",
            SectionKind::Review => "review",
            SectionKind::Plan => "plan",
            SectionKind::Retrospective => "retrospective",
            SectionKind::Execution => "execution",
            SectionKind::Outlook => "outlook",
        }
    }
}

/// A stretch of a report that speaks about the same years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading or cue sentence that opened the section (empty for header and preamble).
    pub heading: String,
    pub about_years: Vec<i32>,
    /// Character offsets into the normalised text.
    pub start: u32,
    pub end: u32,
}

/// What the section rules need to know about a report.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub report_year: i32,
    pub kind: ReportKind,
    /// Character offset where the header ends.
    pub header_end: u32,
    pub text_len: u32,
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})年?").expect("static regex")); // ok: a fixed pattern
static TOP_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:部分|篇|章)[\s　：:、]*)").expect("static regex")); // ok: a fixed pattern
static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^((?:19|20)[0-9]{2})年").expect("static regex")); // ok: a fixed pattern
static YEAR_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^((?:19|20)[0-9]{2})年?$").expect("static regex")); // ok: a fixed pattern
static FIVE_YEAR_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"“?([一二三四五六七八九十]{1,3})五”?(?:时期|规划|期间)?").expect("static regex")); // ok: a fixed pattern

const PLAN_CUES: [&str; 11] =
    ["主要任务", "重点任务", "工作安排", "总体要求", "目标任务", "工作任务", "重点工作", "预期目标", "奋斗目标", "发展目标", "主要目标"];

/// Cuts the report into sections, given its sentences (in order).
pub fn sections(text: &str, sentences: &[Sentence], ctx: Context) -> Vec<Section> {
    let mut out = vec![Section {
        kind: SectionKind::Header,
        heading: String::new(),
        about_years: vec![ctx.report_year],
        start: 0,
        end: ctx.header_end,
    }];
    let mut current = Section {
        kind: SectionKind::Preamble,
        heading: String::new(),
        about_years: vec![ctx.report_year],
        start: ctx.header_end,
        end: ctx.text_len,
    };
    for sentence in sentences.iter().filter(|s| s.start >= ctx.header_end) {
        let sentence_text = sentence.text(text);
        let found = if sentence.line_start && is_heading(sentence_text) {
            classify_heading(sentence_text, ctx)
        } else if let Some(heading) = inline_heading(sentence_text) {
            classify_heading(heading, ctx).or_else(|| classify_cue(sentence_text, ctx))
        } else {
            classify_cue(sentence_text, ctx)
        };
        let Some((kind, years)) = found else { continue };
        if kind == current.kind && years == current.about_years {
            continue;
        }
        let mut finished = std::mem::replace(
            &mut current,
            Section { kind, heading: sentence_text.to_string(), about_years: years, start: sentence.start, end: ctx.text_len },
        );
        finished.end = sentence.start;
        if finished.end > finished.start {
            out.push(finished);
        }
    }
    out.push(current);
    out
}

/// Index of the section containing character offset `at`.
pub fn section_at(sections: &[Section], at: u32) -> usize {
    sections.partition_point(|s| s.end <= at).min(sections.len().saturating_sub(1))
}

/// Where a top-level heading run into the text after it ends, when it ends in a cue of the
/// section kinds (`一、2025年工作回顾|2025年是…`, `二、2026年主要任务|…`): the byte offset in
/// `text`, which starts at the heading's numbering. Headings without a cue word stay in their
/// sentence.
pub fn inline_heading_end(text: &str) -> Option<usize> {
    const CUES: [&str; 4] = ["回顾", "执行情况", "打算", "下一步工作"];
    let marker = TOP_HEADING.find(text)?;
    let window_end = text[marker.end()..].char_indices().nth(16).map_or(text.len(), |(at, _)| marker.end() + at);
    let window = &text[marker.end()..window_end];
    CUES.iter()
        .chain(PLAN_CUES.iter())
        .filter_map(|cue| window.find(cue).map(|at| marker.end() + at + cue.len()))
        .min()
        .filter(|&end| end < text.len() && !text[end..].starts_with(|c: char| "。，；！？".contains(c)))
}

/// A top-level heading run into the text after it, as in a report whose body is one line
/// (`…请予审议。一、2025年工作回顾2025年是…`): the numbering and the next 14 characters, where
/// a heading's cue sits.
fn inline_heading(sentence: &str) -> Option<&str> {
    let marker = TOP_HEADING.find(sentence)?;
    let end = sentence[marker.end()..].char_indices().nth(14).map_or(sentence.len(), |(at, _)| marker.end() + at);
    Some(&sentence[..end])
}

fn is_heading(sentence: &str) -> bool {
    let short = sentence.chars().count() <= 60;
    // `2024年工作回顾` on a line of its own, without a numbering (a summary's heading).
    let review_line = sentence.chars().count() <= 20 && (sentence.contains("工作回顾") || (OPENING_YEAR.is_match(sentence) && sentence.contains("回顾")));
    short && (TOP_HEADING.is_match(sentence) || YEAR_LINE.is_match(sentence) || review_line || is_plan_line(sentence))
}

/// A line that announces a plan: it opens with a year (`2025年，做好政府工作的总体要求`) or ends
/// with the cue (`重点任务`); a bullet that only names a cue word in passing (`落实“1+1+4+N”目标
/// 任务体系，推动…`) does not, nor does a sentence that says what a year is (`2024年是实现
/// “十四五”规划目标任务的关键一年。`, inside a review).
fn is_plan_line(line: &str) -> bool {
    let bare = line.trim_end_matches(|c: char| !crate::normalize::is_han(c));
    let opens_with_year = OPENING_YEAR.find(line).is_some_and(|year| !line[year.end()..].starts_with('是'));
    PLAN_CUES.iter().any(|c| line.contains(c)) && (opens_with_year || PLAN_CUES.iter().any(|c| bare.ends_with(c)))
}

/// The kind and years a heading line announces, if it announces one.
pub fn classify_heading(heading: &str, ctx: Context) -> Option<(SectionKind, Vec<i32>)> {
    let year = first_year(heading);
    // `一、2025年和“十四五”时期工作回顾` reviews the year first; the look-back on the plan's years
    // starts at its own cue (`“十四五”时期是…`, `五年来`).
    if let Some(years) = five_year_plan_years(heading).filter(|_| year.is_none() && (heading.contains("回顾") || heading.contains("回望"))) {
        return Some((SectionKind::Retrospective, years));
    }
    if heading.contains("执行情况") {
        return Some((SectionKind::Execution, vec![year.unwrap_or(ctx.report_year)]));
    }
    if ["下一步", "打算", "下半年"].iter().any(|c| heading.contains(c)) {
        return Some((SectionKind::Outlook, vec![ctx.report_year]));
    }
    if heading.contains("回顾") {
        return Some((SectionKind::Review, vec![year.unwrap_or(ctx.report_year - 1)]));
    }
    if PLAN_CUES.iter().any(|c| heading.contains(c)) {
        // `二、“十五五”时期主要目标任务`: the goals of a plan that starts now speak about its years.
        if let Some(years) = five_year_plan_years(heading).filter(|y| year.is_none() && y.first() >= Some(&ctx.report_year)) {
            return Some((SectionKind::Plan, years));
        }
        return Some((SectionKind::Plan, vec![year.unwrap_or(ctx.report_year)]));
    }
    if let Some(caps) = YEAR_LINE.captures(heading) {
        let year: i32 = caps[1].parse().ok()?;
        let kind = if year < ctx.report_year { SectionKind::Review } else { SectionKind::Plan };
        return Some((kind, vec![year]));
    }
    // `二、2024年重点工程建设` without a cue word: a top-level heading that opens with a year
    // looks back when the year is past and ahead otherwise.
    if let Some(rest) = TOP_HEADING.find(heading).map(|m| &heading[m.end()..])
        && let Some(caps) = OPENING_YEAR.captures(rest)
    {
        let year: i32 = caps[1].parse().ok()?;
        let kind = if year < ctx.report_year { SectionKind::Review } else { SectionKind::Plan };
        return Some((kind, vec![year]));
    }
    None
}

/// The kind and years a sentence of running text announces, if any.
pub fn classify_cue(sentence: &str, ctx: Context) -> Option<(SectionKind, Vec<i32>)> {
    let opening = &sentence[..sentence.char_indices().nth(24).map_or(sentence.len(), |(at, _)| at)];
    if ["回望", "回顾"].iter().any(|c| opening.contains(c))
        && let Some(years) = five_year_plan_years(opening)
    {
        return Some((SectionKind::Retrospective, years));
    }
    if opening.contains("时期") && let Some(years) = five_year_plan_years(opening) {
        return Some((SectionKind::Retrospective, years));
    }
    if let Some(n) = years_looked_back(opening) {
        return Some((SectionKind::Retrospective, (ctx.report_year - n..ctx.report_year).collect()));
    }
    if let Some(rest) = opening.strip_prefix("刚刚过去的").or_else(|| opening.strip_prefix("过去的")) {
        let year = first_year(rest).unwrap_or(ctx.report_year - 1);
        return Some((SectionKind::Review, vec![year]));
    }
    if opening.starts_with("过去一年") || opening.starts_with("一年来") && ctx.kind == ReportKind::GovernmentWorkReport {
        return Some((SectionKind::Review, vec![ctx.report_year - 1]));
    }
    if ctx.kind == ReportKind::GovernmentWorkReport
        && (opening.starts_with("今年") || opening.get(..4).and_then(|y| y.parse().ok()) == Some(ctx.report_year) && opening[4..].starts_with('年'))
        && PLAN_CUES.iter().any(|c| opening.contains(c))
    {
        return Some((SectionKind::Plan, vec![ctx.report_year]));
    }
    None
}

/// `过去五年`, `五年来`, `过去四年`, `三年来`: a look back on the N (2 to 10) years before the
/// report year.
fn years_looked_back(opening: &str) -> Option<i32> {
    const NUMERALS: [(char, i32); 10] =
        [('两', 2), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('七', 7), ('八', 8), ('九', 9), ('十', 10)];
    let count = |c: char| NUMERALS.iter().find(|(n, _)| *n == c).map(|&(_, v)| v);
    let mut chars = opening.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('过'), Some('去'), Some(n)) if chars.next() == Some('年') => count(n),
        (Some(n), Some('年'), Some('来')) => count(n),
        _ => None,
    }
}

fn first_year(text: &str) -> Option<i32> {
    YEAR.captures(text).and_then(|c| c[1].parse().ok())
}

/// `十四五` → 2021..=2025.
fn five_year_plan_years(text: &str) -> Option<Vec<i32>> {
    let caps = FIVE_YEAR_PLAN.captures(text)?;
    let n = match caps[1].chars().collect::<Vec<_>>()[..] {
        ['十'] => 10,
        ['十', d] => 10 + ordinal(d)?,
        [d] => ordinal(d)?,
        _ => return None,
    };
    (n >= 3).then(|| {
        let start = 1966 + 5 * (n as i32 - 3);
        (start..start + 5).collect()
    })
}

fn ordinal(c: char) -> Option<u32> {
    "一二三四五六七八九".find(c).map(|i| (i / 3) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn ctx(year: i32, kind: ReportKind, text: &str) -> Context {
        Context { report_year: year, kind, header_end: 0, text_len: text.chars().count() as u32 }
    }

    fn kinds(text: &str, ctx: Context) -> Vec<(SectionKind, Vec<i32>)> {
        sections(text, &split(text), ctx).into_iter().skip(1).map(|s| (s.kind, s.about_years)).collect()
    }

    #[test]
    fn five_year_plans() {
        assert_eq!(five_year_plan_years("回望“十四五”"), Some(vec![2021, 2022, 2023, 2024, 2025]));
        assert_eq!(five_year_plan_years("“十三五”时期"), Some(vec![2016, 2017, 2018, 2019, 2020]));
        assert_eq!(five_year_plan_years("“十五五”规划"), Some(vec![2026, 2027, 2028, 2029, 2030]));
    }

    #[test]
    fn headings_of_a_government_work_report() {
        let text = "各位代表：\n一、2023年工作回顾\n刚刚过去的2023年很好。\n二、2024年主要任务\n做好工作。\n三、全面加强政府自身建设\n好。";
        use SectionKind::*;
        assert_eq!(
            kinds(text, ctx(2024, ReportKind::GovernmentWorkReport, text)),
            [(Preamble, vec![2024]), (Review, vec![2023]), (Plan, vec![2024])]
        );
        // Parts numbered `第一部分` are top-level headings too.
        let text = "各位代表：\n第一部分　2023年工作回顾\n刚刚过去的2023年很好。\n第二部分 2024年主要任务\n做好工作。";
        assert_eq!(
            kinds(text, ctx(2024, ReportKind::GovernmentWorkReport, text)),
            [(Preamble, vec![2024]), (Review, vec![2023]), (Plan, vec![2024])]
        );
    }

    #[test]
    fn bullet_summary_and_plan_report() {
        use SectionKind::*;
        let text = "2024\n●2024年是里程碑。\n2025年，做好政府工作的总体要求\n坚持。\n一、聚力打造先行区\n好。";
        assert_eq!(kinds(text, ctx(2025, ReportKind::GovernmentWorkReport, text)), [(Review, vec![2024]), (Plan, vec![2025])]);
        // A sentence saying what the reviewed year was announces no plan.
        let text = "一、2024年工作回顾\n2024年是实现“十四五”规划目标任务的关键一年。\n一年来，我们坚持创新。\n二、2025年主要任务\n好。";
        assert_eq!(kinds(text, ctx(2025, ReportKind::GovernmentWorkReport, text)), [(Review, vec![2024]), (Plan, vec![2025])]);
        // A summary's review heading without numbering.
        let text = "2024年工作回顾\n●经济运行平稳。\n●落实“1+1+4+N”目标任务体系，推动协调发展\n2025年重点工作\n——坚持稳中求进。";
        assert_eq!(kinds(text, ctx(2025, ReportKind::GovernmentWorkReport, text)), [(Review, vec![2024]), (Plan, vec![2025])]);
        // Plan-execution reports: the outlook (下一步工作打算, 下半年工作安排) is the report's year.
        for (year, text) in [
            (2025, "市人大常委会：\n一、1—6月计划执行情况\n今年以来好。\n二、下一步工作打算\n好。"),
            (2026, "省人大常委会：\n一、上半年计划执行情况\n今年以来好。\n二、下半年工作安排\n好。"),
        ] {
            assert_eq!(
                kinds(text, ctx(year, ReportKind::PlanExecutionReport, text)),
                [(Preamble, vec![year]), (Execution, vec![year]), (Outlook, vec![year])]
            );
        }
    }

    #[test]
    fn a_year_and_a_five_year_plan_under_one_heading() {
        use SectionKind::*;
        // The goals of the new plan go by several names (`奋斗目标`: a Jiangsu city's heading).
        for goals in ["主要目标任务", "奋斗目标", "发展目标", "经济社会发展主要目标"] {
            let text = format!("各位代表：\n一、2025年和“十四五”时期工作回顾\n2025年是收官之年。\n“十四五”时期是极不平凡的五年。\n二、“十五五”时期{goals}\n今后五年很关键。\n三、2026年重点工作\n好。");
            assert_eq!(
                kinds(&text, ctx(2026, ReportKind::GovernmentWorkReport, &text)),
                [
                    (Preamble, vec![2026]),
                    (Review, vec![2025]),
                    (Retrospective, vec![2021, 2022, 2023, 2024, 2025]),
                    (Plan, vec![2026, 2027, 2028, 2029, 2030]),
                    (Plan, vec![2026])
                ],
                "{goals}"
            );
        }
    }

    #[test]
    fn headings_run_into_a_one_line_body() {
        use SectionKind::*;
        let text = "各位代表：现在，我代表省人民政府报告工作。一、2025年工作回顾2025年是关键之年。五年来，我们走过了不平凡的历程。二、2026年主要任务2026年是开局之年。三、全面加强政府自身建设坚持依法行政。";
        assert_eq!(
            kinds(text, ctx(2026, ReportKind::GovernmentWorkReport, text)),
            [(Preamble, vec![2026]), (Review, vec![2025]), (Retrospective, vec![2021, 2022, 2023, 2024, 2025]), (Plan, vec![2026])]
        );
    }

    #[test]
    fn a_report_without_headings_is_read_from_its_wording() {
        use SectionKind::*;
        let text = "现在，我代表市人民政府报告工作。刚刚过去的2025年，是关键之年。（一）着力推动。各位代表！透过2025回望“十四五”，重庆走过了不平凡的历程。这五年好。";
        assert_eq!(
            kinds(text, ctx(2026, ReportKind::GovernmentWorkReport, text)),
            [(Preamble, vec![2026]), (Review, vec![2025]), (Retrospective, vec![2021, 2022, 2023, 2024, 2025])]
        );
    }
}
