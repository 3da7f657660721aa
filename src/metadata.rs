//! Report metadata read from a report's header: title, date, meeting, speaker, kind and year.
//!
//! The header is the first few lines before the body. Rules (for any province and year):
//! - title: the first line, without leading dashes;
//! - date and meeting: `YYYY年M月D日在<meeting>上` (Arabic or Chinese numerals, 二〇二四年一月二十一日);
//! - speaker: the rest of the date line, or the next line, `<role> <name>`; a head of
//!   government's role (`重庆市人民政府市长`) is reduced to the title (`市长`), other roles
//!   (`市发展改革委副主任`) are kept whole;
//! - kind: a title naming a plan (`计划执行情况`, `国民经济和社会发展计划`) is a
//!   plan-execution report, one naming `政府工作报告` a government work report;
//! - report year: the year of the date; a report without a date in its header may be signed at
//!   its end (`贵阳市人民政府` over `2026年1月16日`, see [`signature`]), and its date and region are
//!   then read from the signature.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// A calendar date, or `None` for one that does not exist (2月31日, 2023-02-29).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        };
        ((1900..=2200).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {s}")))
    }
}

/// The genre of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    GovernmentWorkReport,
    PlanExecutionReport,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::GovernmentWorkReport => "government-work-report",
            ReportKind::PlanExecutionReport => "plan-execution-report",
        }
    }

    /// The kind a title names, if any.
    pub fn from_title(title: &str) -> Option<ReportKind> {
        if ["计划执行", "国民经济和社会发展计划", "计划的报告", "计划草案"].iter().any(|k| title.contains(k)) {
            Some(ReportKind::PlanExecutionReport)
        } else if title.contains("政府工作报告") {
            Some(ReportKind::GovernmentWorkReport)
        } else {
            None
        }
    }
}

impl fmt::Display for ReportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who delivered the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub role: String,
}

/// What the header says. Fields the header lacks are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderInfo {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub meeting: Option<String>,
    pub speaker: Option<Speaker>,
    pub kind: Option<ReportKind>,
    /// The province-level region named by the title (`重庆市`, `广东省`).
    pub region: Option<String>,
    /// Character offset where the header ends (the body starts after it).
    pub header_end: u32,
}

/// How many lines at the top are searched for the header.
pub const HEADER_LINES: usize = 8;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4}|[〇零一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日(?:在(.+?)上)?")
        .expect("static regex") // ok: a fixed pattern
});
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{2,10}?(?:特别行政区|自治区|省|市))").expect("static regex") // ok: a fixed pattern
});
/// The region of a meeting or a signer, which may be a district or county (`云阳县第十八届…`,
/// a county of one character: `忠县第十八届…`, and a prefecture: `大理白族自治州第…`).
static LOCAL_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{1,10}?(?:特别行政区|自治区|自治州|省|市|县|区|旗|盟))").expect("static regex") // ok: a fixed pattern
});
/// Titles of people who head a government: their role is the title alone.
const HEAD_TITLES: [&str; 7] = ["自治区主席", "省长", "市长", "主席", "区长", "县长", "州长"];
/// Words a role ends with.
const ROLE_ENDINGS: [&str; 16] = [
    "市长", "省长", "主席", "区长", "县长", "州长", "主任", "局长", "厅长", "部长", "书记", "行长", "院长", "委员", "秘书长", "负责人",
];

/// Reads the header of normalised report text.
pub fn parse_header(text: &str) -> HeaderInfo {
    let mut info = HeaderInfo::default();
    let mut offset = 0u32; // character offset of the current line
    let mut lines = Vec::new();
    for line in text.split('\n').take(HEADER_LINES) {
        let chars = line.chars().count() as u32;
        lines.push((offset, line));
        offset += chars + 1;
    }
    let Some(&(_, first)) = lines.first() else { return info };
    let title = first.trim_start_matches(['—', '─', '-', ' ']).trim();
    info.title = (!title.is_empty()).then(|| title.to_string());
    info.kind = info.title.as_deref().and_then(ReportKind::from_title);
    info.region = info.title.as_deref().and_then(region_of);
    info.header_end = lines.first().map_or(0, |(start, line)| start + line.chars().count() as u32);

    for (index, &(line_start, line)) in lines.iter().enumerate() {
        let Some(found) = DATE.captures(line) else { continue };
        // A year-only mention in running text is not a header date: require it early in the line.
        let whole = found.get(0).map_or(0..0, |m| m.range());
        if line[..whole.start].chars().count() > 4 {
            continue;
        }
        info.date = date_from(&found);
        info.meeting = found.get(4).map(|m| m.as_str().to_string());
        info.header_end = line_start + line.chars().count() as u32;
        let rest = line[whole.end..].trim();
        info.speaker = parse_speaker(rest);
        if info.speaker.is_none()
            && let Some(&(next_start, next)) = lines.get(index + 1)
            && let Some(speaker) = parse_speaker(next)
        {
            info.speaker = Some(speaker);
            info.header_end = next_start + next.chars().count() as u32;
        }
        break;
    }
    // `政府工作报告` alone: the meeting names the region (`成都市第十八届人民代表大会…`).
    if info.region.is_none() {
        info.region = info.meeting.as_deref().and_then(local_region_of);
    }
    info
}

/// The signature closing a report dated only at its end: the last non-blank line is a date and
/// nothing else, the line before it names the body that signs (`贵阳市人民政府`, `…常务委员会`).
/// Returns the date and the region the signer names.
pub fn signature(text: &str) -> Option<(Date, Option<String>)> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).rev();
    let (last, signer) = (lines.next()?, lines.next()?);
    let found = DATE.captures(last)?;
    let whole_line = found.get(0).is_some_and(|m| m.as_str() == last);
    let signs = signer.chars().count() <= 24 && ["政府", "委员会", "常委会", "办公厅", "办公室"].iter().any(|s| signer.ends_with(s));
    (whole_line && signs).then(|| date_from(&found).map(|date| (date, local_region_of(signer)))).flatten()
}

fn date_from(found: &regex::Captures) -> Option<Date> {
    let year = chinese_or_arabic(found.get(1)?.as_str())?;
    let month = chinese_or_arabic(found.get(2)?.as_str())?;
    let day = chinese_or_arabic(found.get(3)?.as_str())?;
    Date::new(year as i32, month, day)
}

/// `2024`, `二〇二四` (digit by digit), `十二`, `二十一`.
fn chinese_or_arabic(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / 3) as u32).or((c == '零').then_some(0));
    if s.chars().count() == 4 {
        return s.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?));
    }
    match s.chars().collect::<Vec<_>>()[..] {
        ['十'] => Some(10),
        ['十', b] => Some(10 + digit(b)?),
        [a, '十'] => Some(digit(a)? * 10),
        [a, '十', b] => Some(digit(a)? * 10 + digit(b)?),
        [a] => digit(a),
        _ => None,
    }
}

/// The region a meeting or a signer names first, a province, city, district or county
/// (`云阳县第十八届人民代表大会`: 云阳县; `重庆市沙坪坝区…`: 重庆市).
fn local_region_of(meeting: &str) -> Option<String> {
    LOCAL_REGION.captures(meeting).map(|c| c[1].to_string())
}

/// The region a title opens with (`关于贵州省2025年…的报告`: 贵州省; a title names no district:
/// `关于成渝地区…` is no region).
fn region_of(title: &str) -> Option<String> {
    let title = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    let title = title.strip_prefix("关于").unwrap_or(title);
    REGION.captures(title).map(|c| c[1].to_string())
}

/// `重庆市人民政府市长 胡衡华` → (市长, 胡衡华); `市发展改革委副主任 朱江` → (市发展改革委副主任, 朱江).
pub fn parse_speaker(line: &str) -> Option<Speaker> {
    let line = line.trim();
    let (role, name) = match line.rsplit_once(' ') {
        Some((role, name)) => (role.trim(), name.trim()),
        None => {
            let ending = ROLE_ENDINGS.iter().filter_map(|e| line.rfind(e).map(|at| at + e.len())).max()?;
            (&line[..ending], &line[ending..])
        }
    };
    let name_len = name.chars().count();
    if !(2..=4).contains(&name_len) || !name.chars().all(crate::normalize::is_han) {
        return None;
    }
    if !ROLE_ENDINGS.iter().any(|e| role.ends_with(e)) || role.chars().count() > 30 {
        return None;
    }
    let role = HEAD_TITLES.iter().find(|t| role.ends_with(*t)).map_or(role, |t| &role[role.len() - t.len()..]);
    Some(Speaker { name: name.to_string(), role: role.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_meeting_and_speaker_on_separate_lines() {
        let h = parse_header("重庆市人民政府工作报告\n——2024年1月21日在重庆市第六届人民代表大会第二次会议上\n重庆市人民政府市长 胡衡华\n各位代表：");
        assert_eq!(h.title.as_deref(), Some("重庆市人民政府工作报告"));
        assert_eq!(h.date.unwrap().to_string(), "2024-01-21");
        assert_eq!(h.meeting.as_deref(), Some("重庆市第六届人民代表大会第二次会议"));
        assert_eq!(h.speaker, Some(Speaker { name: "胡衡华".into(), role: "市长".into() }));
        assert_eq!(h.kind, Some(ReportKind::GovernmentWorkReport));
        assert_eq!(h.region.as_deref(), Some("重庆市"));
        assert_eq!(h.header_end, "重庆市人民政府工作报告\n——2024年1月21日在重庆市第六届人民代表大会第二次会议上\n重庆市人民政府市长 胡衡华".chars().count() as u32);
    }

    #[test]
    fn speaker_on_the_date_line() {
        let h = parse_header("重庆市人民政府工作报告\n——2026年1月28日在重庆市第六届人民代表大会第四次会议上重庆市人民政府市长 胡衡华\n现在，");
        assert_eq!(h.date.unwrap().to_string(), "2026-01-28");
        assert_eq!(h.speaker.unwrap().role, "市长");
    }

    #[test]
    fn plan_report_with_a_deputy_director() {
        let h = parse_header("重庆市人民政府关于我市2025年1—6月国民经济和社会发展计划执行情况的报告\n重庆市人民政府\n──2025年7月30日在市六届人大常委会第十七次会议上\n市发展改革委副主任 朱江\n市人大常委会：");
        assert_eq!(h.kind, Some(ReportKind::PlanExecutionReport));
        assert_eq!(h.date.unwrap().to_string(), "2025-07-30");
        assert_eq!(h.meeting.as_deref(), Some("市六届人大常委会第十七次会议"));
        assert_eq!(h.speaker, Some(Speaker { name: "朱江".into(), role: "市发展改革委副主任".into() }));
    }

    #[test]
    fn a_title_opening_with_about_names_its_province() {
        let h = parse_header("关于贵州省2025年上半年国民经济和社会发展计划执行情况的报告\n——2025年7月24日在贵州省第十四届人民代表大会常务委员会第十八次会议上");
        assert_eq!(h.region.as_deref(), Some("贵州省"));
        assert_eq!(h.kind, Some(ReportKind::PlanExecutionReport));
    }

    #[test]
    fn a_title_without_a_region_takes_the_meeting_s() {
        let h = parse_header("政府工作报告\n——2025年1月15日在成都市第十八届人民代表大会第三次会议上\n成都市市长 王凤朝");
        assert_eq!(h.region.as_deref(), Some("成都市"));
        let h = parse_header("重庆市人民政府关于我市2025年1—6月国民经济和社会发展计划执行情况的报告\n──2025年7月30日在市六届人大常委会第十七次会议上");
        assert_eq!(h.region.as_deref(), Some("重庆市"));
        // A county's meeting names the county; a district's, the city first.
        for (meeting, region) in [
            ("云阳县第十八届人民代表大会第六次会议", "云阳县"),
            ("重庆市沙坪坝区第十九届人民代表大会第五次会议", "重庆市"),
            ("忠县第十八届人民代表大会常务委员会第十七次会议", "忠县"),
            ("大理白族自治州第十五届人民代表大会第四次会议", "大理白族自治州"),
        ] {
            let h = parse_header(&format!("政府工作报告\n——2026年1月9日在{meeting}上"));
            assert_eq!(h.region.as_deref(), Some(region), "{meeting}");
        }
        // A title names no district.
        let h = parse_header("关于成渝地区双城经济圈建设情况的报告\n——2026年1月9日在市六届人大常委会第十七次会议上");
        assert_eq!(h.region, None);
    }

    #[test]
    fn chinese_numeral_dates_and_other_provinces() {
        let h = parse_header("四川省人民政府工作报告\n——二〇二三年一月十二日在四川省第十四届人民代表大会第一次会议上\n四川省省长黄强\n各位代表：");
        assert_eq!(h.date.unwrap().to_string(), "2023-01-12");
        assert_eq!(h.region.as_deref(), Some("四川省"));
        assert_eq!(h.speaker, Some(Speaker { name: "黄强".into(), role: "省长".into() }));
    }

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2025, 2, 31).is_none());
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(2025, 13, 1).is_none());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn a_report_signed_at_its_end_is_dated_by_its_signature() {
        let text = format!("政府工作报告\n各位代表：\n{}\n遵义市人民政府\n2026年1月12日\n", "过去一年，我们……。\n".repeat(8));
        let text = text.as_str();
        assert_eq!(parse_header(text).date, None);
        assert_eq!(signature(text), Some((Date::new(2026, 1, 12).unwrap(), Some("遵义市".to_string())))); // ok: a valid date
        // A date closing a sentence, or a last line that is no date alone, is no signature.
        assert_eq!(signature("政府工作报告\n各位代表：\n遵义市人民政府\n2026年1月12日发布。"), None);
        assert_eq!(signature("政府工作报告\n今年的目标是：\n2026年1月12日"), None);
    }

    #[test]
    fn a_text_without_a_header_date_has_none() {
        let h = parse_header("关于天气的随笔\n今天下雨了。2024年的雨很多。");
        assert_eq!(h.date, None);
        assert_eq!(h.kind, None);
    }
}
