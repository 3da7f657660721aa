//! Programmes: coded slogans, named actions, plans and campaigns, national strategies.
//!
//! Rules (a quoted phrase alone is not a programme; it needs one of these):
//! 1. a quoted code of digits (“1361”, “33618”, “9+2”, “2+N”, “415X”): a programme keyed by the code;
//!    the surface takes a qualifier right before it (数字重庆“1361”; not the body that issued it
//!    nor anything before that body: `落实市委|“六区一高地”布局`) and a head phrase right
//!    after it (“1361”整体构架, “33618”现代制造业集群体系);
//! 2. a quoted name followed by a head noun (“满天星”行动计划, “智融惠畅”工程, “885”机制, or
//!    活动 right after the quote: “三个年”活动) or
//!    ending with one inside the quotes (“渝跃行动”, “三大攻坚战”, “重庆英才计划”); head nouns:
//!    行动计划, 行动, 计划, 工程, 战略, 布局, 体系, 构架, 架构, 集群, 攻坚战, 会战 (“黑土粮仓”科技会战), 机制,
//!    改革, 工作法;
//!    a domain qualifier right before the quote joins the surface (乡村振兴“四千行动”); the
//!    quotation names the programme (see `resolve`: “双倍增”行动计划 = “双倍增”持续促进行动);
//!    the items of a quoted list share the head after the last one, without the list's count
//!    (`“春雁”、“头雁”行动`: 春雁行动 and 头雁行动; `“兴工”、“兴农”、“兴商”三大行动`: 兴商行动);
//!    a middle dot inside a quoted name ending with its head joins its parts (“智汇郑州·1125聚才计划”;
//!    “稳·进·好” stays a formula);
//!    a quoted verb needs a head noun right after the quotes (“攀登”工程, not `完善“引进”和“留住”
//!    人才机制`);
//! 3. an unquoted numbered head: 八项行动计划, 三大攻坚战, 六大攻坚行动, 十项行动, with up
//!    to four characters between count and head (十大便捷行动), up to ten before a campaign head
//!    (九大高原湖泊保护治理攻坚战);
//! 4. an unquoted name phrase ending in 行动计划, 专项行动, 三年行动, 行动 or 计划 after a verb
//!    of implementation (实施, 启动, 开展, 推进, 深化, 部署, 出台, 制定, 落实, 谋划, 深入推进)
//!    or after another such name joined by 和/及/、 (…行动和招大引强行动) (城市更新提升行动,
//!    新重庆引才计划), with a version suffix kept (渝赛计划2.0) and a scope before it dropped
//!    (落实全市八项行动计划 names 八项行动计划); not before 方案/规划/协议
//!    (高铁建设五年行动方案 is a document); and a name
//!    that fills its clause between opening policy verbs and a head (坚决打好|防范化解重大风险
//!    攻坚战, 实施|名校长名教师工程, 打好|长江经济带污染治理和生态保护攻坚战, or after another
//!    name and 和: …三年行动和|城市基础设施生命线安全工程), 3 to 26 Han
//!    characters, not physical works (a 工程 protecting or restoring an ecosystem is no physical works:
//!    赤水河流域生态保护修复工程), no list closed by 等 and no document (报告, 规划); a clause
//!    that opens with the name needs a strong head (行动计划, 三年行动, 专项行动, 攻坚行动, a campaign:
//!    `，疏解整治促提升专项行动完成…`);
//! 5. the national-strategy gazetteer (成渝地区双城经济圈, 西部陆海新通道, 长江经济带, 空中丝绸之路, …), not
//!    inside a designation or goal (国家乡村振兴重点帮扶县, 中部地区崛起重要战略支点, 海上丝绸之路核心区);
//! 6. a name of two phrases joined by a middle dot (两岸青山·千里林带) after a verb of
//!    implementation (not 打造: `打造“山水巴南·品质之城”` is a brand) or followed by a verb or a
//!    quantity is a campaign;
//! 7. a quotation of counted tasks, a number word and a two-character verb each (“三攻坚一盘活”),
//!    after an opening verb or before 取得 or 改革 is a reform programme (not counted nouns:
//!    “三基地一通道”, nor principles before 要求: 贯彻“一尊重五统筹”要求);
//! 8. a quoted abbreviation code of industries before 产业 or 主导产业 (“芯屏汽合”“急终生智”产业,
//!    “六新六特六优”产业): two number words, or a bound morpheme (芯屏/ng, 车/zg) and no place in it
//!    (not “夜经济”, “黔江鸡杂”, “保税+”).
//!
//! Quoted phrases that are formulas (“两个维护”, “稳、进、好”, “四个扎实”) match none of these,
//! unless a head phrase follows the closing quote (“机器人+”行动, “五沿带动、全域整治”行动, or a list
//! of quoted formulas: “人工智能+”“数据要素×”行动,
//! “一主引领、两翼驱动、全域协同”区域发展布局), and a head followed by 定位 or 地位 (“一个桥头堡”
//! 战略定位) is a positioning, and one followed by a degree (…联合培养工程硕士, 工程师) is none. Quoted verbs
//! before a head their list shares after its count are programmes (“招商”“育苗”“强链”三大行动). Short items before a campaign head (攻坚战, 保卫战, 歼灭战) share it
//! (打好蓝天、碧水、净土保卫战: three campaigns), and counted items share the noun after the count
//! with it (科尔沁、浑善达克两大沙地歼灭战: 科尔沁沙地歼灭战, 浑善达克沙地歼灭战).

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{SentenceView, coordination, inside_numbered_event, opens_event_name, quotations};
use super::{Candidate, Context, EntityKind, HeadList, Hit, Scan};

/// Head nouns that make a quoted name a programme, longest first.
pub const HEADS: [&str; 17] = [
    "行动计划", "攻坚行动", "专项行动", "攻坚战", "战略布局", "整体构架", "整体架构", "行动", "计划", "工程", "战略", "布局",
    "体系", "构架", "架构", "机制", "会战",
];
/// Qualifiers that make a head noun generic, not a name (国家战略, 重大战略).
const GENERIC_QUALIFIERS: [&str; 8] = ["国家", "重大", "发展", "区域重大", "国家重大", "重点", "首位", "一系列"];
/// Heads of designations and pilots (国家乡村振兴示范区, 赋能乡村振兴试点县, 国家乡村振兴重点帮扶县): a strategy named
/// right before one belongs to the designation, which is none of the four kinds.
const DESIGNATION_HEADS: [&str; 12] = ["核心区", "示范区", "试点", "示范县", "示范市", "示范镇", "示范城市", "典范城市", "先行区", "示范带", "重点帮扶县", "重要战略支点"];
/// Words after a head noun that make it a modifier (战略合作协议, 行动方案, “一个桥头堡”战略定位, 工程硕博士, 工程师):
/// the name is a document, an agreement, a positioning or a degree, not a programme.
const HEAD_MODIFIES: [&str; 13] = ["合作", "协议", "方案", "规划", "纲要", "意见", "实施方案", "性", "定位", "地位", "硕", "博士", "师"];
/// Extra heads accepted after a quoted code (“33618”现代制造业集群体系); of them, 产业链 also
/// after a quoted name (“芯屏器核网”全产业链).
const CODE_HEADS: [&str; 5] = ["集群", "集群体系", "产业链", "清单", "重大工程"];
/// A rank, not a name: “一号工程”.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]号").expect("static regex")); // ok: a fixed pattern
/// The most characters of a head phrase after a quoted code.
const CODE_HEAD_MAX: usize = 12;

/// A quotation that is a code: “1361”, “33618”, “9+2”, “6+3”, “5G+”.
static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[0-9]{2,6}[XN]?[+＋]?|[0-9]{1,6}(?:[+＋][0-9N]{1,3})+[+＋]?)$").expect("static regex")); // ok: a fixed pattern
/// The characters a quoted name may have.
const QUOTED_CHARS: std::ops::RangeInclusive<usize> = 2..=24;
/// The most characters of a quoted name; a longer quotation names a programme only as a list of
/// clauses with a head after it (“大产业、大平台、大项目、大企业、大环境”五大提升行动).
const QUOTED_NAME_MAX: usize = 14;
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[一二三四五六七八九十两百千]{1,3}(?:(?:大|项|个)\p{Han}{0,4}?)?(?:行动计划|攻坚行动|攻坚战|专项行动|行动|工程)|[一二三四五六七八九十]大[\p{Han}--[的和及与]]{5,10}?(?:攻坚战|保卫战|歼灭战)").expect("static regex") // ok: a fixed pattern
});
static NAMED_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:深入推进|实施|启动|开展|推进|深化|部署|出台|制定|落实|谋划|推出|打造|迭代)+([^，。；：、“”（）\s]{2,16}?(?:行动计划|专项行动|三年行动|提升行动|行动|计划)(?:[0-9]\.[0-9])?)")
        .expect("static regex") // ok: a fixed pattern
});
/// A named action right after another (`实施重点产业链高质量发展行动和招大引强行动`,
/// `…就业攻坚计划、大学生创业启航计划`): the verb of the first one governs both.
static CHAINED_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:行动|计划|战略)”?(?:和|及|、)([^，。；：、“”（）\s]{2,16}?(?:行动计划|专项行动|三年行动|提升行动|行动|计划)(?:[0-9]\.[0-9])?)")
        .expect("static regex") // ok: a fixed pattern
});
static VERSION_SUFFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+\.[0-9]+$").expect("static regex")); // ok: a fixed pattern
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"“?(\p{Han}{2,6}·\p{Han}{2,6})”?").expect("static regex")); // ok: a fixed pattern

pub fn recognise(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    let text = view.text;
    let hits = &scan.hits;
    coded(view, ctx, out);
    quoted_names(view, ctx, out);
    for found in view.may_match(&["行动", "工程", "攻坚战", "保卫战", "歼灭战"]).then(|| NUMBERED.find_iter(text)).into_iter().flatten() {
        if text[..found.start()].ends_with('“') || is_counted_list(text, found.start()) {
            continue;
        }
        out.push(Candidate::new(EntityKind::Programme, found.start(), found.end(), found.as_str(), 5));
    }
    for (at, end) in heads_ending_names(view, scan, HeadList::ProgrammeActions) {
        shared_campaign_head(view, at, end, out);
        let start = view.name_start_before(at, 14);
        let name = &text[start..at];
        // `服务国家战略`: a name ending in a generic qualifier is a phrase, not a programme.
        // `区域发展战略`: a kind of strategy.
        let kind_only = name.strip_suffix("发展").is_some_and(|rest| rest.is_empty() || super::tokens::is_generic_name(rest));
        let generic = kind_only || GENERIC_QUALIFIERS.iter().any(|g| name == *g || (name.ends_with(g) && g.contains("国家")));
        // `…等产业集群高质量发展行动计划`: the head a list of actions shares, not one name.
        let after_etc = text[..start].ends_with('等');
        if name.chars().count() < 3 || lists_with_etc(view, start, at) || generic || after_etc || text[..start].ends_with('”') {
            continue;
        }
        out.push(Candidate::new(EntityKind::Programme, start, end, strategy_label(ctx, name, &text[start..end]), 3));
    }
    for (at, end) in heads_ending_names(view, scan, HeadList::ProgrammeClauses) {
        shared_campaign_head(view, at, end, out);
        if let Some(start) = clause_name_start(text, at) {
            let name = &text[start..at];
            // The last of counted items (`科尔沁、|浑善达克两大沙地|歼灭战`): `shared_campaign_head` names it.
            if text[..start].ends_with('、') && COUNTED_SHARED_HEAD.is_match(name) {
                continue;
            }
            // `…会议通过的市政府工作报告和计划`: documents, not a programme's name.
            let documents = ["报告", "规划", "方案", "纲要", "意见"].iter().any(|d| name.contains(d));
            let generic = GENERIC_QUALIFIERS.contains(&name) || name.contains("项目") || name.starts_with("重大") || documents;
            if !generic && !lists_with_etc(view, start, at) && !is_physical_works(name, &text[at..end]) {
                out.push(Candidate::new(EntityKind::Programme, start, end, &text[start..end], 2));
            }
        }
    }
    // `实施乡村振兴战略和兴边富民行动`: two names, not one (the chained rule finds the second).
    static TWO_NAMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:战略|行动|计划|工程)(?:和|及)").expect("static regex")); // ok: a fixed pattern
    // Both patterns end in 行动 or 计划: sentences without either are skipped.
    let actions = view.may_match(&["行动", "计划"]);
    for caps in actions.then(|| NAMED_ACTION.captures_iter(text).chain(CHAINED_ACTION.captures_iter(text))).into_iter().flatten() {
        let Some(name) = caps.get(1) else { continue };
        if TWO_NAMES.is_match(name.as_str()) {
            continue;
        }
        if !view.is_boundary(name.start()) || lists_with_etc(view, name.start(), name.end()) || HEAD_MODIFIES.iter().any(|m| text[name.end()..].starts_with(m)) {
            continue;
        }
        let start = after_opening_verbs(text, name.start(), name.end());
        if text[start..name.end()].chars().count() > 2 && view.is_boundary(start) {
            out.push(Candidate::new(EntityKind::Programme, start, name.end(), &text[start..name.end()], 4));
        }
    }
    for &Hit { start, end, word } in hits {
        let Some(entry) = ctx.lexicon.entries[word].iter().find(|e| e.kind == EntityKind::Programme) else { continue };
        let after = text[end..].trim_start_matches('”');
        if opens_event_name(after) || DESIGNATION_HEADS.iter().any(|h| after.starts_with(h)) || inside_numbered_event(text, start, end) {
            continue; // 首届“一带一路”科技交流大会, 国家乡村振兴示范区: the event or designation is atomic
        }
        if view.is_boundary(start) || text[..start].ends_with('“') {
            out.push(Candidate::new(EntityKind::Programme, start, end, entry.label.clone(), 6));
        }
    }
    // `数字重庆`, `数字中国`: a digital-government programme named after a place.
    // (`“智慧海南”` too, only in quotes: 智慧 before a place otherwise describes it.)
    let prefixed = |prefix: &'static str| view.may_match(&[prefix]).then(|| text.match_indices(prefix)).into_iter().flatten();
    let smart_quoted = prefixed("智慧").filter(|&(at, _)| text[..at].ends_with('“'));
    for (at, prefix) in prefixed("数字").chain(smart_quoted) {
        let rest = at + prefix.len();
        if let Some(name) = PROVINCE_LITERARY_NAMES.iter().find(|n| text[rest..].starts_with(*n) && view.is_boundary(rest + n.len())) {
            out.push(Candidate::new(EntityKind::Programme, at, rest + name.len(), &text[at..rest + name.len()], 6));
            continue; // 数字龙江: a province by its literary name
        }
        let Some(found) = ctx.lexicon.matcher.find(&text[rest..]) else { continue };
        if found.start() != 0 || !view.is_boundary(rest + found.end()) || inside_numbered_event(text, at, rest + found.end()) {
            continue; // 第六届数字中国建设峰会: the event is atomic
        }
        let word = &text[rest..rest + found.end()];
        let is_region = ctx.lexicon.lookup(word).is_some_and(|entries| {
            entries.iter().any(|e| matches!(e.place_kind, Some("province" | "city" | "country")) && e.only_in_province.is_none())
        });
        if is_region && (prefix == "数字" || text[rest + found.end()..].starts_with('”')) {
            let end = rest + found.end();
            out.push(Candidate::new(EntityKind::Programme, at, end, &text[at..end], 6));
        }
    }
    regional_strategies(view, ctx, hits, out);
    for caps in view.may_match(&["·"]).then(|| DOTTED.captures_iter(text)).into_iter().flatten() {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else { continue };
        // `“泸州老窖·国窖1573”品牌`: a quotation that goes on past the match is a longer name.
        if whole.as_str().starts_with('“') != whole.as_str().ends_with('”') {
            continue;
        }
        let after = &text[whole.end()..];
        let before = &text[..whole.start()];
        let acts = after.starts_with(|c: char| c.is_ascii_digit())
            || ["行动", "工程", "建设", "累计", "完成", "新增"].iter().any(|v| after.starts_with(v))
            || ["建设", "实施", "推进", "新建", "完成"].iter().any(|v| before.ends_with(v));
        if acts {
            out.push(Candidate::new(EntityKind::Programme, whole.start(), whole.end(), name.as_str(), 5));
        }
    }
}

/// Provinces by their literary names, as digital-government programmes name them (数字龙江).
/// Alone such a name is cultural, not a place (巴渝), so only this rule reads them.
const PROVINCE_LITERARY_NAMES: [&str; 14] =
    ["龙江", "齐鲁", "八桂", "三秦", "荆楚", "八闽", "燕赵", "三晋", "中原", "江淮", "陇原", "巴蜀", "湖湘", "赣鄱"];

/// `京津冀、长三角、粤港澳大湾区等区域重大战略`: regions listed as strategies are named as
/// programmes there (the region as a strategy of regional development), over the place reading.
fn regional_strategies(view: &SentenceView, ctx: &Context, hits: &[Hit], out: &mut Vec<Candidate>) {
    static LISTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"等(?:区域|国家)?(?:重大|发展)?战略").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["战略"]).then(|| LISTED.find_iter(view.text)).into_iter().flatten() {
        if view.text[found.end()..].starts_with('性') {
            continue; // 等战略性新兴产业
        }
        for (s, e) in coordination(view, found.start(), 8) {
            // The first item may carry the verb before it (对接京津冀): keep the region's name.
            let s = (s..e).filter(|&i| view.text.is_char_boundary(i) && view.is_boundary(i)).find(|&i| is_place(ctx, &view.text[i..e])).unwrap_or(s);
            // `长江经济带发展等区域重大战略`, `粤港澳大湾区建设等国家重大战略`: the strategy without
            // 发展 or 建设 when it is a strategy or a region of the gazetteers.
            let item = &view.text[s..e];
            let core = item.strip_suffix("发展").or_else(|| item.strip_suffix("建设"));
            let e = match core {
                Some(core) if ctx.lexicon.lookup(core).is_some_and(|es| es.iter().any(|x| matches!(x.kind, EntityKind::Programme | EntityKind::Place))) => s + core.len(),
                _ => e,
            };
            // `新时代西部大开发`, `粤港澳大湾区建设`: a strategy of the gazetteer inside the item
            // is the strategy named (its qualifier and the work on it left out).
            let inner = hits
                .iter()
                .filter(|h| h.start >= s && h.end <= e && (h.start, h.end) != (s, e))
                .filter(|h| ctx.lexicon.entries[h.word].iter().any(|x| x.kind == EntityKind::Programme))
                .max_by_key(|h| h.end - h.start);
            let (s, e) = inner.map_or((s, e), |h| (h.start, h.end));
            out.push(Candidate::new(EntityKind::Programme, s, e, &view.text[s..e], 7));
        }
    }
}

/// Whether `start..end` holds a list closed by 等 (`交通通信、畅游巴蜀等十大便捷行动`,
/// `中国国新等央企战略`): a word that starts with 等, not the character (中等收入群体倍增计划
/// is one name).
fn lists_with_etc(view: &SentenceView, start: usize, end: usize) -> bool {
    view.tokens.iter().any(|t| t.start >= start && t.end <= end && t.word.starts_with('等'))
}

/// Occurrences `(start, end)` of a list's head nouns that end on a token boundary (or before a
/// version number: 渝赛计划2.0).
fn heads_ending_names(view: &SentenceView, scan: &Scan, list: HeadList) -> Vec<(usize, usize)> {
    let text = view.text;
    let words = list.words();
    scan.heads
        .of(list)
        .iter()
        .map(|&(index, at)| (at, at + words[index].len()))
        .filter(|&(_, end)| view.is_boundary(end) || text[end..].starts_with(|c: char| c.is_ascii_digit()))
        .filter(|&(_, end)| !HEAD_MODIFIES.iter().any(|m| text[end..].starts_with(m)))
        .collect()
}

/// Heads after which the name reaches back to the start of the clause, once the policy verbs
/// that open it are stripped (`坚决打好防范化解重大风险攻坚战` → 防范化解重大风险攻坚战).
/// Heads after which the name is found by `name_start_before` (rule 4).
pub const ACTION_HEADS: [&str; 8] = ["行动计划", "专项行动", "提升行动", "培育行动", "三年行动", "五年行动", "提升战略", "战略"];
pub const CLAUSE_HEADS: [&str; 10] = ["行动计划", "攻坚战", "保卫战", "歼灭战", "攻坚行动", "三年行动", "专项行动", "提升行动", "工程", "计划"];
/// Verbs and adverbs that open a clause before a programme's name.
const OPENING_VERBS: [&str; 48] = [
    "坚决", "深入", "全面", "持续", "扎实", "大力", "加快", "着力", "积极", "认真", "继续", "统筹", "实施", "开展", "推进",
    "推动", "深化", "启动", "打好", "打赢", "谋划", "部署", "落实", "出台", "制定", "迭代", "组织", "完成", "推行", "抓好",
    "做好", "打造", "健全", "完善", "优化", "升级", "纵深", "高质量", "全力", "一体", "协同", "加力", "强化", "探索", "编制",
    "和", "及", "与",
];

/// Verbs after a programme's head that say it is carried out (…工程深入实施).
const IMPLEMENTED: [&str; 9] = ["深入实施", "全面实施", "扎实实施", "有序实施", "顺利实施", "深入推进", "扎实推进", "全面推进", "纵深推进"];

/// Start of a programme name that fills its clause up to the head at `head_start`, after the
/// opening verbs; `None` when the clause is too long or too short to be a name.
fn clause_name_start(text: &str, head_start: usize) -> Option<usize> {
    let before = &text[..head_start];
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | '。' | '；' | '：' | '、' | '“' | '”' | '（' | '）' | '●' | '■' | '《' | '》'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // `A行动计划和B行动计划`: the second name starts after the conjunction.
    let clause_start = ["和", "及", "与"]
        .iter()
        .filter_map(|w| before[clause_start..].rfind(w).map(|i| clause_start + i))
        .filter(|&i| HEADS.iter().any(|h| before[..i].ends_with(h)))
        .map(|i| i + "和".len())
        .max()
        .unwrap_or(clause_start);
    let chained = clause_start > 0 && ["和", "及", "与"].iter().any(|w| before[..clause_start].ends_with(w));
    let start = after_opening_verbs(text, clause_start, head_start);
    let chars = text[start..head_start].chars().count();
    // (A heading may join two fields by +: `（一）红色+文旅融合工程`.)
    let plus_heading = |c: char| c == '+' && text[..clause_start].chars().all(|c| !crate::normalize::is_han(c) || "一二三四五六七八九十".contains(c));
    let clean = text[start..head_start].chars().all(|c| crate::normalize::is_han(c) || c == '·' || plus_heading(c));
    // A clause that opens with the name itself (，便捷超充行动计划顺利完成, 工业振兴三年行动圆满
    // 收官, 疏解整治促提升专项行动完成) needs a strong head, or a verb of implementation right
    // after its head (…一体化保护和修复工程深入实施), or the whole line to itself (a heading:
    // `漓江山水品牌提升工程`).
    let campaign = CAMPAIGN_HEADS.iter().any(|h| text[head_start..].starts_with(h));
    // (Only where a head stands: a qualifier before a quote is read by the same function.)
    let after_head = CLAUSE_HEADS.iter().filter_map(|h| text[head_start..].strip_prefix(h)).min_by_key(|rest| rest.len());
    let implemented = after_head.is_some_and(|rest| IMPLEMENTED.iter().any(|v| rest.starts_with(v)));
    let marker_only = text[..clause_start].chars().all(|c| !crate::normalize::is_han(c) || "一二三四五六七八九十".contains(c));
    let heading = marker_only && after_head.is_some_and(|rest| rest.trim_end_matches(|c: char| !crate::normalize::is_han(c)).is_empty());
    let strong_head = campaign || ["行动计划", "三年行动", "五年行动", "专项行动", "攻坚行动"].iter().any(|h| text[head_start..].starts_with(h));
    // A campaign (攻坚战, 保卫战) may be named by two characters: 打好|碧水保卫战.
    let min_chars = if campaign { 2 } else { 3 };
    (clean && (min_chars..=26).contains(&chars) && (start > clause_start || chained || (strong_head && chars <= 10) || implemented || heading)).then_some(start)
}

/// Where a name starts once the opening verbs at `start` and the scope the programme runs in are
/// left out (打好|蓝天, 落实|全市|八项行动计划).
fn after_opening_verbs(text: &str, mut start: usize, end: usize) -> usize {
    const SCOPES: [&str; 8] = ["全市", "全省", "全区", "全县", "全国", "我市", "我省", "本市"];
    while let Some(v) = OPENING_VERBS.iter().chain(&SCOPES).find(|v| text[start..end].starts_with(*v)) {
        // `…直通线、和平大道南延工程`: no conjunction follows an enumeration comma.
        if ["和", "及", "与"].contains(v) && text[..start].ends_with('、') {
            break;
        }
        start += v.len();
    }
    start
}

/// `打好蓝天、碧水、净土保卫战`: short items before a campaign head share it; each but the last
/// (found as a name of its own) is a campaign named by the item and the head.
fn shared_campaign_head(view: &SentenceView, at: usize, end: usize, out: &mut Vec<Candidate>) {
    let text = view.text;
    let head = &text[at..end];
    if !(CAMPAIGN_HEADS.contains(&head) || head == "战略") || !text[..at].contains('、') {
        return;
    }
    // `关键战略材料`: 战略 shares itself only where it ends the phrase.
    if head == "战略" && !text[end..].chars().next().is_none_or(|c| super::tokens::is_break(c) || "和及与".contains(c)) {
        return;
    }
    // `科尔沁、浑善达克两大沙地歼灭战`: counted items share the noun after the count with the head.
    let (items_end, shared) = match COUNTED_SHARED_HEAD.captures(&text[..at]) {
        Some(caps) if CAMPAIGN_HEADS.contains(&head) => {
            let (Some(count), Some(noun)) = (caps.get(0), caps.get(1)) else { return };
            (count.start(), &text[noun.start()..end])
        }
        _ => (at, head),
    };
    let items = coordination(view, items_end, 6);
    let counted = items_end < at;
    let Some((_, others)) = items.split_last() else { return };
    let others = if counted { &items[..] } else { others };
    for (i, &(s, e)) in others.iter().enumerate() {
        let s = if i == 0 { after_opening_verbs(text, s, e) } else { s };
        let name = &text[s..e];
        // An item that has a head of its own (科教兴国战略、人才强国战略) does not share one.
        let headed = HEADS.iter().any(|h| name.ends_with(h));
        if (2..=6).contains(&name.chars().count()) && name.chars().all(crate::normalize::is_han) && !headed && !lists_with_etc(view, s, at) {
            // Counted items are named by the list (they win over a place of the same name).
            out.push(Candidate::new(EntityKind::Programme, s, e, format!("{name}{shared}"), if counted { 7 } else { 2 }));
        }
    }
}

/// Heads of campaigns (打好…攻坚战, 碧水保卫战, 沙地歼灭战).
const CAMPAIGN_HEADS: [&str; 3] = ["攻坚战", "保卫战", "歼灭战"];

/// A count and a noun right before a campaign head that the counted items share: `两大沙地`.
static COUNTED_SHARED_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[两二三四五六七八九十]大(\p{Han}{0,4})$").expect("static regex")); // ok: a fixed pattern

/// `工程` after physical works (水资源配置工程, 输电工程) is a project, not a programme.
/// Whether a name of 工程 protects or restores an ecosystem (`…流域生态保护修复工程`,
/// `…山水林田湖草沙一体化保护和修复工程`): a programme, even when a river or lake names it.
pub(super) fn restores_ecosystem(name: &str) -> bool {
    ["生态保护", "生态修复", "保护修复", "保护和修复", "生态屏障"].iter().any(|w| name.contains(w))
}

pub(super) fn is_physical_works(name: &str, head: &str) -> bool {
    if restores_ecosystem(name) {
        return false;
    }
    // Words of works; 管 inside 管理 is none (城市综合管理七大工程), see `project::holds_works`.
    const WORKS: [&str; 17] = ["水", "电", "输", "引", "管", "路", "桥", "隧", "港", "航道", "复航", "枢纽", "特高压", "堤", "气", "机场", "高速"];
    if head != "工程" {
        return false;
    }
    // `广州东站改造工程`: works on a named project (a station, an airport) are works.
    let worked_on = ["改扩建", "改造", "扩建", "扩能"].iter().find_map(|w| name.strip_suffix(w));
    if worked_on.is_some_and(|project| project.chars().count() >= 3 && (project.ends_with('站') || super::project::ends_with_head(project))) {
        return true;
    }
    WORKS.iter().any(|w| name.contains(w)) && super::project::holds_works(name, &WORKS)
}

/// 三大攻坚战 in `“三大攻坚战”` is handled by the quote rules; `十项行动` counted in a list of
/// quantities (`完成十项行动中的…`) still counts. Nothing to skip for now but quoted ones.
fn is_counted_list(_text: &str, _at: usize) -> bool {
    false
}

/// Rule 1: quoted codes with qualifier and head phrase.
fn coded(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    for quotation in quotations(text).filter(|q| CODE.is_match(q.inner(text))) {
        let code = quotation.inner(text).replace('＋', "+");
        let start = qualifier_start(view, ctx, quotation.open);
        let mut end = head_end(text, quotation.end(), CODE_HEAD_MAX, true);
        if end == quotation.end() {
            // “9+2”中心城区: a code that names the regions it covers.
            end += region_after(ctx, &text[end..]);
        }
        if end == quotation.end() && code.ends_with('+') {
            continue; // 里程“850+”: a quantity, not a code
        }
        let label = text[quotation.open..end].to_string();
        let mut candidate = Candidate::new(EntityKind::Programme, start, end, label, 9);
        candidate.key = Some(code);
        out.push(candidate);
    }
}

/// Rule 2: quoted names with a head noun after or inside the quotes.
fn quoted_names(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    for quotation in quotations(text) {
        let inner = quotation.inner(text);
        if !QUOTED_CHARS.contains(&inner.chars().count()) || CODE.is_match(inner) {
            continue;
        }
        // A head right after the quote names the formula's campaign: “机器人+”行动,
        // “五沿带动、全域整治”行动.
        // So does a head phrase after a list of clauses: “一主引领、两翼驱动、全域协同”区域发展布局
        // (not after a formula of terms: “轨道+公交+慢行”绿色出行体系).
        // So does a head after a list of quoted formulas: “人工智能+”“数据要素×”行动.
        let headed = ["行动", "计划", "工程"].iter().any(|h| text[quotation.end()..].starts_with(h))
            || (inner.contains('、') && !inner.contains('+') && head_end(text, quotation.end(), 8, false) > quotation.end())
            || (inner.ends_with(['+', '×']) && quoted_list_head(text, quotation.end()).is_some());
        // (`“智汇郑州·1125聚才计划”`: a middle dot inside a name that ends with its head joins
        // its parts.)
        let dotted_name = inner.contains('·') && HEADS.iter().any(|h| inner.ends_with(h)) && inner.chars().count() > 4;
        let formula_marks = inner.contains(['、', '，', '+']) || inner.contains('·') && !dotted_name;
        if (formula_marks && !headed) || ORDINAL.is_match(inner) {
            continue; // formulas such as “稳、进、好”, “轨道+公交+慢行”; ranks such as “一号工程”
        }
        // `完善“引进”和“留住”人才机制`: a quoted verb names a programme only with a head noun
        // right after the quotes (“攀登”工程, “六水共治”攻坚战), not a phrase (人才机制).
        let open = quotation.open + '“'.len_utf8();
        let verb = view.tokens.iter().any(|t| t.start == open && t.end == open + inner.len() && t.tag == "v");
        let head_at = quoted_list_head(text, quotation.end()).map_or(quotation.end(), |(start, _)| start);
        // (`“育苗”“壮干”“强链”三大行动`: also a head a quoted list shares after its count.)
        if verb && !HEADS.iter().any(|h| uncounted(&text[head_at..]).starts_with(h)) {
            continue;
        }
        if inner.chars().count() > QUOTED_NAME_MAX && !(headed && inner.contains('、')) {
            continue;
        }
        // `“双十”产业集群`: a code of number words takes the heads of digit codes.
        let numeral = inner.chars().all(|c| "一二三四五六七八九十百千万双两".contains(c));
        let head_end = head_end(text, quotation.end(), 8, numeral);
        let unversioned = VERSION_SUFFIX.replace(inner, "");
        let head_inside = HEADS.iter().any(|h| unversioned.ends_with(h)) && unversioned.chars().count() > 2;
        // `“兴工”、“兴农”、“兴商”三大行动`: the last item of a quoted list drops the count before
        // the head it shares.
        let after_list = text[..quotation.open].trim_end_matches(['、', '和', '及']).ends_with('”');
        let (end, label) = if head_end > quotation.end() {
            let head = &text[quotation.end()..head_end];
            let head = if after_list { uncounted(head) } else { head };
            (head_end, format!("{inner}{head}"))
        } else if head_inside {
            (quotation.end(), inner.to_string())
        } else if text[quotation.end()..].starts_with("活动") && !inner.contains(['、', '，', '·', '+']) {
            // `“三个年”活动`, `“万家民企评营商环境”活动`: a campaign named in quotes.
            let end = quotation.end() + "活动".len();
            (end, format!("{inner}活动"))
        } else if let Some((head_start, head_end)) = quoted_list_head(text, quotation.end()) {
            // “百团千企”“渝企出海”“渝车出海”行动计划, `“春雁”、“头雁”行动`: an item of a quoted list
            // shares the head (渝企出海行动计划, 春雁行动), without the list's count; after 等 the
            // head is a kind (`“车路云一体化”“渝赛计划”等重大工程`) and the item is named alone.
            let kind = text[..head_start].ends_with('等');
            let head = if kind { "" } else { uncounted(&text[head_start..head_end]) };
            (quotation.end(), format!("{inner}{head}"))
        } else if counted_tasks(view, quotation.open, quotation.end()) || industry_code(view, quotation.open, quotation.end()) {
            (quotation.end(), inner.to_string())
        } else {
            continue;
        };
        let start = qualifier_start(view, ctx, quotation.open);
        out.push(Candidate::new(EntityKind::Programme, start, end, label, 8));
    }
}

/// `纵深推进“三攻坚一盘活”`, `“三攻坚一盘活”取得积极成效`: a quotation of counted tasks, each a
/// number word and a verb of two characters (三|攻坚 一|盘活), named as work carried out (after an
/// opening verb, or before 取得 or 改革) is a reform programme. Counted nouns (“三基地一通道”)
/// and counted principles followed by 要求 (贯彻“一尊重五统筹”要求) are not.
fn counted_tasks(view: &SentenceView, open: usize, close_end: usize) -> bool {
    let text = view.text;
    let inner_start = open + '“'.len_utf8();
    let inner_end = close_end - '”'.len_utf8();
    let numeral = |t: &super::tokens::Token| t.word.chars().count() == 1 && "一二三四五六七八九十两双".contains(t.word);
    let tokens: Vec<_> = view.tokens.iter().filter(|t| t.start >= inner_start && t.end <= inner_end).collect();
    let shaped = tokens.len() == 4
        && tokens.first().is_some_and(|t| t.start == inner_start)
        && tokens.last().is_some_and(|t| t.end == inner_end)
        && tokens.chunks(2).all(|pair| numeral(pair[0]) && pair[1].word.chars().count() == 2 && matches!(pair[1].tag, "v" | "vn"));
    let after = &text[close_end..];
    let worked = OPENING_VERBS.iter().any(|v| text[..open].ends_with(v)) || after.starts_with("取得") || after.starts_with("改革");
    shaped && worked && !after.starts_with("要求") && !after.starts_with('的')
}

/// `“芯屏汽合”“急终生智”产业`, `“六新六特六优”产业`: a quotation before an industry head (产业,
/// 主导产业, 万亿级产业集群, after more quoted items too) that is an abbreviation code is the
/// programme of those industries. A code holds two or more number words (六链五群, 双百双新) or,
/// without a place in it, a bound morpheme jieba cannot make a word of (芯屏/ng, 智/ng, 车/zg). A phrase
/// (“夜经济”, “山水林田”), a place's product (“黔江鸡杂”) or a formula (“保税+”) is not a code.
fn industry_code(view: &SentenceView, open: usize, close_end: usize) -> bool {
    let text = view.text;
    let inner = &text[open + '“'.len_utf8()..close_end - '”'.len_utf8()];
    let chars = inner.chars().count();
    if !(3..=6).contains(&chars) || !inner.chars().all(crate::normalize::is_han) {
        return false;
    }
    let mut after = &text[close_end..];
    while let Some(rest) = after.trim_start_matches(['、', '和']).strip_prefix('“') {
        let Some(close) = rest.find('”') else { return false };
        after = &rest[close + '”'.len_utf8()..];
    }
    let after = after.trim_start_matches(|c: char| "万千百亿级".contains(c));
    // (`“光储氢车”产业博览会`: an event, atomic.)
    if !["产业", "主导产业"].iter().any(|h| after.starts_with(h)) || super::tokens::opens_event_name(after) {
        return false;
    }
    let numerals = inner.chars().filter(|c| "一二三四五六七八九十百千万双两".contains(*c)).count();
    let inside = view.tokens.iter().filter(|t| t.start > open && t.end < close_end);
    let (mut bound, mut place) = (false, false);
    for t in inside {
        bound |= t.tag.len() == 2 && t.tag.ends_with('g'); // ng, vg, zg…: a morpheme, not a word
        place |= t.tag.starts_with("ns");
    }
    numerals >= 2 || (bound && !place)
}

/// After a closing quote: more quoted items (`“A”“B”`, `“A”、“B”`, `“A”和“B”`) and then a head
/// noun, possibly after 等 (`“车路云一体化”“渝赛计划”“超充行动”等重大工程`). Returns where
/// the head starts and ends.
fn quoted_list_head(text: &str, mut at: usize) -> Option<(usize, usize)> {
    let mut items = 1;
    loop {
        let rest = &text[at..];
        let rest_trimmed = rest.trim_start_matches(['、', '和', '及']);
        if let Some(stripped) = rest_trimmed.strip_prefix('“') {
            let close = stripped.find('”')?;
            at = text.len() - stripped.len() + close + '”'.len_utf8();
            items += 1;
            continue;
        }
        let rest = rest.strip_prefix('等').unwrap_or(rest);
        let offset = text.len() - rest.len();
        let end = head_end(text, offset, 6, false);
        let is_list = items > 1 || rest.len() != text.len() - at;
        return (end > offset && is_list).then_some((offset, end));
    }
}

/// A shared head without the count of its list's items (`三大行动` → 行动, `两个工程` → 工程).
fn uncounted(head: &str) -> &str {
    let count = head.char_indices().find(|&(_, c)| !"一二三四五六七八九十两".contains(c)).map_or(head.len(), |(i, _)| i);
    match head[count..].strip_prefix(['大', '项', '个']) {
        Some(rest) if count > 0 && !rest.is_empty() => rest,
        _ => head,
    }
}

/// A domain qualifier right before an opening quote (数字重庆“1361”, 乡村振兴“四千行动”):
/// a name phrase of at most 8 characters. A place alone (主城区“清水绿岸”工程) is not a
/// qualifier: it is a place mention of its own.
fn qualifier_start(view: &SentenceView, ctx: &Context, quote: usize) -> usize {
    let start = view.name_start_before(quote, 8);
    // `持续推进|幸福河湖建设“百千行动”`: a short phrase that fills the clause after the opening
    // verbs qualifies the quoted name even when jieba tags a word of it as a verb or adjective.
    let start = match clause_name_start(view.text, quote) {
        Some(clause) if clause < start && view.text[clause..quote].chars().count() <= 8 => clause,
        _ => start,
    };
    // `省委“1310”`, `全县上下深入落实市委“六区一高地”布局`: the body that issued a programme is
    // not part of its name, nor is anything before it.
    let issuer = ISSUERS.iter().any(|b| view.text[start..quote].ends_with(*b));
    if issuer || is_place(ctx, &view.text[start..quote]) { quote } else { start }
}

/// Bodies that issue programmes (省委“1310”具体部署, 中央“八项规定”).
const ISSUERS: [&str; 9] = ["省委", "市委", "县委", "区委", "党中央", "中央", "国务院", "省政府", "市政府"];

/// The label of `X(发展)战略`: the strategy X when X is a national strategy or a region that
/// names one (长江经济带发展战略 is 长江经济带, 粤港澳大湾区发展战略 is 粤港澳大湾区), else the
/// name as written.
fn strategy_label(ctx: &Context, name: &str, written: &str) -> String {
    let core = name.strip_suffix("高质量发展").or_else(|| name.strip_suffix("发展")).unwrap_or(name);
    if !written.ends_with("战略") {
        return written.to_string();
    }
    // `长三角一体化发展战略`: the strategy may be listed with 发展 (长三角一体化发展) or without.
    let entries = ctx.lexicon.lookup(name).or_else(|| ctx.lexicon.lookup(core)).unwrap_or_default();
    if let Some(strategy) = entries.iter().find(|e| e.kind == EntityKind::Programme) {
        return strategy.label.clone();
    }
    if entries.iter().any(|e| e.place_kind == Some("region")) {
        return core.to_string();
    }
    written.to_string()
}

/// Whether a word is in the place gazetteer.
fn is_place(ctx: &Context, word: &str) -> bool {
    ctx.lexicon.lookup(word).is_some_and(|entries| entries.iter().any(|e| e.kind == EntityKind::Place))
}

/// Length of a regional grouping (中心城区, 主城都市区) at the start of `after`, or 0.
fn region_after(ctx: &Context, after: &str) -> usize {
    ctx.lexicon
        .matcher
        .find(after)
        .filter(|m| m.start() == 0)
        .filter(|m| ctx.lexicon.entries[m.pattern().as_usize()].iter().any(|e| e.place_kind == Some("region")))
        .map_or(0, |m| m.end())
}

/// The end of a head phrase after a closing quote: the shortest run of at most `max` Han
/// characters that ends with a head noun (“33618”现代制造业集群体系 → …体系), else `at`.
fn head_end(text: &str, at: usize, max: usize, code: bool) -> usize {
    let after = &text[at..];
    let mut best = at;
    let mut chars = 0;
    for (offset, c) in after.char_indices() {
        // A coordination (“渝跃行动”和新重庆引才计划) ends the head phrase.
        if !crate::normalize::is_han(c) || chars >= max || matches!(c, '和' | '及' | '与' | '等') {
            break;
        }
        chars += 1;
        let end = offset + c.len_utf8();
        let piece = &after[..end];
        if piece.ends_with("规划") || piece.ends_with("方案") {
            break; // `“十四五”规划重大工程`: the works of a plan document, not a programme
        }
        let code_heads: &[&str] = if code { &CODE_HEADS } else { &CODE_HEADS[2..3] };
        if HEADS.iter().chain(code_heads).any(|h| piece.ends_with(h)) && !HEAD_MODIFIES.iter().any(|m| after[end..].starts_with(m)) {
            best = at + end;
        }
    }
    best
}
