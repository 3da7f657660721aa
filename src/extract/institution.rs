//! Institutions: universities, laboratories, research institutes, centres that are bodies,
//! companies, groups and banks.
//!
//! Rules:
//! - a name phrase followed by an institution head: 大学, 学院, 实验室, 研究院, 研究所,
//!   科学院, 设计院, 研究中心, 研究与发展中心 (one head, so a name runs over its 与), 创新中心, 交易中心, 交易所, 医院, 专科学校, 银行, 证券, 金控, 集团, 公司, 控股, 重工,
//!   油田 (an oilfield company: 长庆油田), 联合社 (when a place opens the name: 河北省农村信用社
//!   联合社), 博物馆, 博物院, schools (中学, 小学: a word of its own after a name that is not only
//!   kinds of school: 重庆南开中学, 西南大学附属中学; not 中小学, 重点中学, 农村寄宿制小学), …; the name
//!   must be proper: it holds a place, organisation or person name, a Latin word, or has three
//!   characters or more (公立医院, 上市公司, 国家医学中心 are categories, not bodies), or stands in a
//!   list beside a body of the same head with a proper name (`东湖实验室、光谷实验室`; a school beside
//!   a school: `南开中学与树人小学`; also a word
//!   jieba tags as a time: `子午实验室、秦岭实验室`); a bank's
//!   two-character name is proper too unless it is a kind of bank or banking (徽商银行, not
//!   村镇银行 or 影子银行);
//! - before 集团, 控股 or 金控, one word of any tag but a policy verb is a company's name (攀钢集团:
//!   jieba tags 攀钢 as a verb; 三一集团: 三一 as a number; 象屿/n 集团, 海螺集团 one noun), unless
//!   it ranks or classifies firms (龙头集团, 企业集团, 教育集团), and so is a firm of the company
//!   gazetteer however short (茅台集团), and so is a place of this report (光明实验室, 光明 a district); a place of the gazetteers right before a name belongs to
//!   it whatever jieba tagged it (遵义/v 医科大学附属医院);
//! - before 集团 or 控股, a place and words of any kind name a group (西藏开发投资集团: 开发/v
//!   投资/vn; 云南省建设投资控股集团, over 建设), and so do they a university or college (上海健康
//!   医学院: 健康/a); a firm of the company gazetteer that is also a place of the report's province is the
//!   place (阿里 in a Tibet report);
//! - before 集团 or 控股, two characters opening with a city's first character (本钢集团, 大船集团:
//!   本溪, 大连; the cities of the report's province) abbreviate a firm of that city;
//! - the Academy's institutes go by short names ending in 所 (中科院西安光机所), and so does an
//!   institute after its city (大连化物所, 天津工业生物所, 长春应化所 split by jieba as 应化/所; not
//!   派出所 or 事务所); the national
//!   supercomputing centres carry their city inside (国家超级计算郑州中心); a campus in brackets
//!   after a university is part of its name (香港科技大学（广州）); a registered name before
//!   有限公司/有限责任公司/股份有限公司 may hold verbs (国家电投黄河上游水电开发有限责任公司);
//! - no name reaches over an enumeration's marker (`三是|天府永兴实验室挂牌运行`); the Academy
//!   right before a body's name is part of it (中国科学院广州生物医药与健康研究院);
//! - 中心 alone is not a head: only centres that are bodies (创新中心, 研究中心, 交易中心,
//!   检测中心, 计算中心, 医学中心, or any …中心 right after a founding verb: 设立, 组建, 挂牌,
//!   签约, 落户, …, or followed by one, alone or in a list: `革命文物保护中心、西部国际传播中心
//!   挂牌成立`), so 西部金融中心 and 国际消费中心城市 (goals) are not;
//! - a coordination sharing the head (`金凤、嘉陵江、明月湖、广阳湾4个重庆实验室`) gives one
//!   institution per item (金凤实验室, …), a count and qualifier before the head dropped (one item
//!   more than counted, the last two joined by 与 or 和, is one name: 绿色农药、生态环境与资源2个…实验室); without
//!   a count, short items without a head of their own share a head that only ends proper names
//!   (`广州、鹏城实验室`: two laboratories; items of up to six characters: 天府兴隆湖), the last one too when 等 and a level or a place stand before
//!   the head (`之江、西湖、良渚等省实验室`: three; `深圳湾、光明等广东省实验室`: two); a counted item named with its own head is
//!   the body as named (`之江实验室、湖畔实验室等10家省实验室`);
//! - a loose name does not run back over a body and a verb (`西湖大学新增全国重点实验室` names
//!   西湖大学, not a laboratory), and a …中心 named after a university or the Academy is its
//!   body (`浙江大学杭州国际科创中心`, parent 浙江大学);
//! - right after a founding verb a name may join two fields (`组建重庆信息与智慧医学研究院`);
//! - an institution whose name starts with another institution's name (北京大学重庆碳基集成电路
//!   研究院) is one institution; the inner one is kept as its parent;
//! - 妇幼保健院, 卫生院, 中心卫生院, 职业技术学校 and 职业学校 are heads (`福田、骡坪2个中心卫生院`); a level's body counted right
//!   after its head is a kind (`新建省技术创新中心10家`); a group named by its place and business
//!   may hold 城市建设 (`巫山县城市建设投资集团`);
//! - two proper words with a trade listed side by side are firms (`中冶锰业、武陵药业`, also after 与/和:
//!   `宁德时代与亚洲硅业、丽豪半导体`; not two places: `重庆汽车、成都电子`), and so are a proper word with a
//!   trade and an organisation's name jieba tags as one word listed beside it (`金龙汽车、厦门航空/nt`); the qualifier between a count and a shared head may hold a level
//!   and a kind of up to six characters (`青蒿、油茶3个市级工程技术研究中心`: 青蒿工程技术研究中心;
//!   县级 and 区级 are levels);
//! - the items of a list before what only firms do (`…做大做强`, `…2家企业入选`) that have a firm's
//!   shape (a place and a word: 岳阳林纸; a word and a trade: 特变电工; one proper word);
//! - the items of a list of enterprises (`长安、力帆、小康、宗申等重点企业`, `…等台资企业`, `…等本土商贸企业`), or one name of four
//!   characters or more before such a word (`中天科技等链主企业`, also with a quoted group:
//!   `宇树科技、深度求索等“杭州六小龙”企业`), are enterprises, and so are the items with a proper
//!   name before 等(科研、研发…)机构 (`东北农大等科研机构`, not `银行、保险等机构`); a policy verb
//!   before 与 is no item (`深化与中国信科、长江存储等企业`); a rural bank goes by 农商行 (重庆农商行), and a bank's
//!   or school's branch named by its place is a body (`重庆农商行石柱支行`, `…重庆分行`, `…江津分校`); a grade
//!   (`三级中医医院`) is a kind; `等一批创新企业` lists enterprises too; a centre
//!   described after 的 without a proper name (`…影响力的产业科技创新中心`) is a goal; a
//!   counted name (`2家…研究院`, `一批…计算中心`) or one made of collective or scope words (`军工央企集团`, `四川省一流大学`,
//!   `国家医学中心`, `国际科技创新中心`, `研究型医院`; the firms listed on an exchange:
//!   `北京证券交易所上市公司`, `深交所新上市公司`)
//!   is a category, and so are a name opened by a kind (`中小学STEM教育实验室`), items without a
//!   proper name in a list of kinds (`企业技术中心、…重点实验室等市级企业研发机构`; not
//!   `重庆国际免疫研究院等新型研发机构`), a place and head after 等 (`…等湖北实验室`) and a
//!   system of bodies (`重庆实验室体系`);
//! - the company gazetteer names firms that carry no suffix (长安汽车, 赛力斯);
//! - centres listed among projects (`联合微电子中心、…等项目`) are bodies being set up, and the
//!   base of an institution (`国家实验室重庆基地`) is part of it, unless it is a base for production
//!   (a firm's plant: `美的集团智能家电生产基地`);
//! - `A更名为B` and `A更名为大学` are handled by lineage; here both names are institutions.

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{SentenceView, coordination, is_break};
use super::{Candidate, Context, EntityKind, HeadList, Hit, Scan};

/// Institution heads, longest first.
pub const HEADS: [&str; 49] = [
    "研究与发展中心", "全国重点实验室", "职业教育中心", "职业技术学校", "职业学校", "妇幼保健院", "中心卫生院", "卫生院", "专科学校", "油田", "博物院", "农商行", "联合社", "重点实验室", "技术创新中心", "职业技术学院", "联合学院", "数据交易中心", "研究中心", "创新中心", "交易中心", "检测中心",
    "计算中心", "医学中心", "实验室", "研究院", "设计院", "研究所", "科学院", "交易所", "大学", "学院", "医院", "银行", "集团", "公司",
    "控股", "重工", "博物馆", "图书馆", "研究生院", "分院", "代表处", "总商会", "资源库", "中学", "小学", "证券", "金控",
];
/// Words that name kinds of school (重点中学, 农村寄宿制小学), not schools.
const SCHOOL_KINDS: [&str; 22] = [
    "重点", "实验", "普通", "高级", "初级", "完全", "寄宿制", "民办", "公办", "乡村", "农村", "乡镇", "城区", "优质", "示范",
    "附属", "职业", "特殊", "中心", "新建", "县城", "一贯制",
];

/// Whether a name before 中学 or 小学 is made only of kinds of school.
fn only_school_kinds(name: &str) -> bool {
    let mut rest = name;
    while let Some(kind) = SCHOOL_KINDS.iter().find(|k| rest.starts_with(*k)) {
        rest = &rest[kind.len()..];
    }
    rest.is_empty()
}

/// Heads of one family: a two-character name beside a proper sibling of any of them is proper
/// too (`南开中学、树人小学`).
const SCHOOL_HEADS: [&str; 2] = ["中学", "小学"];
/// Verbs that found, open or bring in a body: a `…中心` right after one of them is an
/// institution (设立陆海新通道金融服务中心, 签约联合微电子中心), not a goal (西部金融中心).
const FOUNDING_VERBS: [&str; 14] =
    ["设立", "组建", "成立", "挂牌", "揭牌", "建成投用", "建成", "投用", "签约", "落户", "引进", "启用", "获批建设", "获批"];
/// Heads that only end proper names: the name before them may contain verbs (混合集成).
const STRONG_HEADS: [&str; 12] =
    ["研究与发展中心", "全国重点实验室", "重点实验室", "技术创新中心", "研究中心", "创新中心", "实验室", "研究院", "设计院", "研究所", "科学院", "研究生院"];
/// Heads of companies whose short names jieba often tags as verbs (攀钢/v 集团): the name
/// before them may hold a verb too, but not a policy verb.
pub(super) const COMPANY_HEADS: [&str; 3] = ["集团", "控股", "金控"];
/// A count between coordinated items and their head: `4个重庆`.
static COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]+|[一二三四五六七八九十两]+)(?:个|家|所)(\p{Han}{0,6})$").expect("static regex")); // ok: a fixed pattern

pub fn recognise(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    let text = view.text;
    let hits = &scan.hits;
    for &(index, at) in scan.heads.of(HeadList::InstitutionHeads) {
        let head = HEADS[index];
        let end = at + head.len();
        if !view.is_boundary(end) || HEAD_CONTINUATIONS.iter().any(|c| text[end..].starts_with(c)) {
            continue; // 重庆实验室体系; 工业和信息化重点实验室等市级企业研发机构
        }
        if head == "计算中心" && text[..at].ends_with('云') {
            continue; // 腾讯西部云计算中心: a data centre, works (see `project`)
        }
        // A shorter head inside a longer one (学院 in 研究生院) is found by the longer.
        if let Some(count) = COUNT.captures(&text[..at]) {
            // `金凤、嘉陵江、明月湖、广阳湾4个重庆实验室`: the items share the head; the
            // qualifier after the count (重庆) is not a name of its own, but a kind of body left
            // after its place or level belongs to the head (`闽都、嘉庚3个省创新实验室`: 闽都创新实验室).
            let (Some(whole), Some(qualifier)) = (count.get(0), count.get(2)) else { continue };
            let kind = kind_in_qualifier(ctx, qualifier.as_str());
            let mut items = coordination(view, whole.start(), 8);
            // `…、喀斯特地质资源与环境3个全国重点实验室`: one item more than counted, the last two
            // joined by 与 or 和, is one name holding the word.
            let counted = count.get(1).and_then(|n| n.as_str().parse::<usize>().ok().or_else(|| "一二三四五六七八九十".find(n.as_str()).map(|i| i / 3 + 1)));
            if let [.., (_, joined_end), (last_start, last_end)] = items[..]
                && counted == Some(items.len() - 1)
                && ["与", "和"].contains(&&text[joined_end..last_start])
            {
                items.pop();
                if let Some(last) = items.last_mut() {
                    last.1 = last_end;
                }
            }
            for (s, e) in items {
                // `之江实验室、湖畔实验室等10家省实验室`: an item named with its own head is the
                // body as named.
                let e = if text[s..e].ends_with('等') { e - '等'.len_utf8() } else { e };
                let item = &text[s..e];
                let label = if HEADS.iter().any(|h| item.ends_with(h)) { item.to_string() } else { format!("{item}{kind}{head}") };
                out.push(Candidate::new(EntityKind::Institution, s, e, label, 6));
            }
            continue;
        }
        if STRONG_HEADS.contains(&head) {
            shared_head_items(view, ctx, at, head, out);
        }
        if matches!(head, "银行" | "农商行") {
            city_banks(view, ctx, at, head, out);
        }
        let mut verb_named = false;
        let start = if STRONG_HEADS.contains(&head) {
            after_body_and_verb(view, view.loose_name_start_before(at, 16), at)
        } else if head == "公司" && ["有限责任", "有限", "股份有限"].iter().any(|form| text[..at].ends_with(form)) {
            // `国家电投黄河上游水电开发有限责任公司`: a registered name may hold verbs (开发).
            // (`…投资集团联合|重庆梯田农业开发有限公司`: not over another body and a verb.)
            after_body_and_verb(view, view.loose_name_start_before(at, 22).min(view.name_start_before(at, 22)), at)
        } else if COMPANY_HEADS.contains(&head) {
            // Only a name of one word before the head (攀钢集团), not a clause.
            let strict = view.name_start_before(at, 16);
            let loose = view.loose_name_start_before(at, 16);
            let one_word = view.token_index_at(loose).is_some_and(|i| view.tokens[i].start == loose && view.tokens[i].end == strict);
            verb_named = loose < strict && one_word && strict == at && text[loose..at].chars().count() >= 2;
            // `三一集团`: jieba tags a name of number characters as a number.
            let numeral_name = view.token_index_at(at.saturating_sub(1)).map(|i| view.tokens[i]).filter(|t| {
                t.end == at && t.tag == "m" && t.word.chars().count() >= 2 && t.word.chars().all(|c| "一二三四五六七八九".contains(c))
            });
            if let Some(token) = numeral_name.filter(|_| strict == at) {
                verb_named = true;
                token.start
            } else if verb_named {
                loose
            } else {
                strict
            }
        } else if head == "医院" {
            // `吉林大学中日联谊医院` (中日/t): a university's hospital is named after it, whatever
            // jieba tagged between.
            let strict = view.name_start_before(at, 16);
            let university = view.token_index_at(strict.saturating_sub(1)).filter(|_| 0 < strict && strict < at).and_then(|i| {
                // Up to two tokens and four characters, none a verb, between the university and the name.
                (i.saturating_sub(2)..=i).rev().find(|&j| {
                    let t = view.tokens[j];
                    let between = &view.tokens[j + 1..=i];
                    t.word.ends_with("大学")
                        && t.word.chars().count() >= 4
                        && t.end <= strict
                        && text[t.end..strict].chars().count() <= 4
                        && between.iter().all(|b| !b.tag.starts_with('v') && !b.word.chars().any(|c| is_break(c) || "和与及同".contains(c)))
                })
            });
            university.map_or(strict, |j| view.tokens[j].start)
        } else {
            view.name_start_before(at, 16)
        };
        // `西藏|开发/v 投资/vn 集团`: a group named by its place and its business.
        // (`云南省|建设/vn 投资/vn 控股集团`, `巫山县|城市/ns 建设/vn 投资/vn 集团`: over (城市)建设 too, a word of the business here.)
        // A university or college named by its place too (`上海|健康/a 医学院`, `上海|立信/nr
        // 会计/v 金融学院`).
        let start = if COMPANY_HEADS.contains(&head) || matches!(head, "大学" | "学院" | "重工") {
            // (`…更名为|上海健康医科大学`: a name starts after the verb of a rename.)
            let loose = view.loose_name_start_before(at, 10);
            let loose = text[loose..at].rfind("更名为").map_or(loose, |i| loose + i + "更名为".len());
            // (`九龙坡区与|重庆大学`: nor before a conjunction, the place being a partner.)
            let loose = view
                .tokens
                .iter()
                .filter(|t| t.start >= loose && t.end <= start && matches!(t.word, "与" | "和" | "及" | "同") && matches!(t.tag, "p" | "c"))
                .last()
                .map_or(loose, |t| t.end);
            let place_first = hits.iter().any(|h| h.start == loose && view.is_boundary(h.end) && super::place::is_place_word(ctx, &text[h.start..h.end]));
            let business = hits
                .iter()
                .filter(|h| h.end < loose && view.is_boundary(h.start) && view.is_boundary(h.end) && matches!(&text[h.end..loose], "建设" | "城市建设" | "城乡建设"))
                .find(|h| text[h.start..at].chars().count() <= 12 && super::place::is_place_word(ctx, &text[h.start..h.end]));
            match business {
                Some(place) if loose <= start => place.start,
                _ if loose < start && place_first => loose,
                _ => start,
            }
        } else {
            start
        };
        let start = place_before(view, ctx, start);
        let start = founded_name_start(view, ctx, start);
        // `中国科学院|广州生物医药与健康研究院`: the Academy right before a body's name is its parent.
        let start = ["中国科学院", "中科院"].iter().find(|a| text[..start].ends_with(*a) && start < at).map_or(start, |a| start - a.len());
        // `新央企中国长安汽车集团`: a collective word before the name classifies it.
        let start = after_collective_word(text, start, at);
        // `加快子午/t 实验室、秦岭实验室建设`: a word jieba reads as a time is a name beside a named
        // body of the same head.
        let start = match view.token_index_at(at.saturating_sub(1)).map(|i| view.tokens[i]) {
            Some(t) if start == at && t.end == at && t.tag == "t" && beside_named_sibling(view, t.start, at, end, head) => t.start,
            _ => start,
        };
        // `中小学`, `重点中学/nt`, `农村寄宿制小学`: a school's head opens a word or ends a word of
        // kinds (附属中学/n), after a name that is not only kinds of school.
        let glued = view.token_index_at(at).map(|i| view.tokens[i]).is_some_and(|t| t.start < at && !only_school_kinds(&text[t.start..at]));
        let kind_of_school = SCHOOL_HEADS.contains(&head) && (glued || only_school_kinds(&text[start..at]));
        if start == at || kind_of_school || text[start..at].chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // `光谷实验室等湖北实验室`: after 等, a place before the head names the kind of body.
        let kind_in_list = (listed_as_category(text, end) && !super::tokens::has_proper_token(view, start, at))
            || (text[..start].ends_with('等') && (super::place::is_place_word(ctx, &text[start..at]) || LEVELS.contains(&&text[start..at])));
        // `打造具有全球影响力的产业科技创新中心`: a centre described after 的, with no proper
        // name, is a goal.
        let described = text[..start].ends_with('的') && !super::tokens::has_proper_token(view, start, at);
        // `茅台集团`, `光明实验室` (光明/n, a district of the report's province): a firm of the
        // company gazetteer or a place of this report is a proper name, whatever its length.
        let listed_firm = hits.iter().any(|h| {
            let entries = &ctx.lexicon.entries[h.word];
            h.start == start
                && h.end == at
                && (entries.iter().any(|e| e.kind == EntityKind::Institution)
                    || super::place::choose(entries, ctx.province).is_some_and(|e| e.kind == EntityKind::Place))
        });
        // `本钢集团`, `大船集团`: two characters, the first a city's of the report's province
        // (本溪, 大连), abbreviate a firm of that city.
        let city_firm = COMPANY_HEADS.contains(&head) && {
            let mut name = text[start..at].chars();
            let first = name.next();
            name.count() == 1 && first.is_some_and(|c| ctx.province.is_some_and(|p| ctx.lexicon.city_initials_of(p).contains(&c)))
        };
        let beside_named = beside_named_sibling(view, start, at, end, head);
        // `象屿/n 集团`, `海螺集团/n`: one word of two to four characters before 集团 or 控股 is a
        // firm's name whatever its tag, unless it ranks or classifies firms (龙头集团, 企业集团).
        let one_word_firm = COMPANY_HEADS.contains(&head)
            && view.token_index_at(start).is_some_and(|i| view.tokens[i].start == start && view.tokens[i].end >= at)
            && (2..=4).contains(&text[start..at].chars().count())
            && text[start..at].chars().all(crate::normalize::is_han)
            && !FIRM_RANKS.contains(&&text[start..at]);
        // `新建省技术创新中心10家`: a level's body counted right after is a kind.
        let counted_after = COUNT_AFTER.is_match(&text[end..]) && ["省", "市", "县", "区", "国家"].iter().any(|l| text[start..at].starts_with(l));
        if !(verb_named || listed_firm || city_firm || beside_named || one_word_firm || has_proper_name(view, start, at) || names_bank(head, &text[start..at]))
            || is_category(&text[..start], &text[start..at])
            || counted_after
            || kind_in_list
            || described
        {
            continue; // 公立医院, 上市公司, 国家医学中心, 一批大型智能计算中心: a category, not a body
        }
        // `河北省农村信用社联合社`: a union is a body when a place opens its name (not
        // `农民专业合作社联合社`, a kind).
        let opened_by_place = || {
            hits.iter().any(|h| h.start == start && super::place::choose(&ctx.lexicon.entries[h.word], ctx.province).is_some_and(|e| e.kind == EntityKind::Place))
        };
        if head == "联合社" && !opened_by_place() {
            continue;
        }
        // `香港科技大学（广州）`: a campus named by its place in brackets is part of the name.
        let end = campus_end(ctx, text, head, end);
        let mut candidate = Candidate::new(EntityKind::Institution, start, end, &text[start..end], 5);
        candidate.parent = parent_in(&text[start..at]);
        out.push(candidate);
    }
    // `国家超级计算郑州中心`, `国家超算广州中心`: the national supercomputing centres carry their
    // city inside the name.
    static SUPERCOMPUTING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"国家(?:超级计算|超算)\p{Han}{2,4}?中心").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["国家超"]).then(|| SUPERCOMPUTING.find_iter(text)).into_iter().flatten() {
        if view.is_boundary(found.end()) {
            out.push(Candidate::new(EntityKind::Institution, found.start(), found.end(), found.as_str(), 6));
        }
    }
    // `设立陆海新通道金融服务中心`: a centre named right after a founding verb is a body.
    for (at, _) in view.may_match(&["中心"]).then(|| text.match_indices("中心")).into_iter().flatten() {
        let end = at + "中心".len();
        if !view.is_boundary(end) || text[end..].starts_with("城市") {
            continue;
        }
        let start = view.loose_name_start_before(at, 14);
        let founded = FOUNDING_VERBS.iter().any(|v| text[..start].ends_with(v)) || founded_after(view, end);
        // `浙江大学杭州国际科创中心`: a centre named after a university or academy is its body.
        let parent = parent_in(&text[start..at]).filter(|p| p.len() + "中心".len() < end - start && !p.ends_with("集团"));
        if (founded || parent.is_some()) && text[start..at].chars().count() >= 2 && !is_category(&text[..start], &text[start..at]) {
            let mut candidate = Candidate::new(EntityKind::Institution, start, end, &text[start..end], 4);
            candidate.parent = parent;
            out.push(candidate);
        }
    }
    // `联合微电子中心、英特尔FPGA中国创新中心等项目`: centres listed among projects are bodies
    // being set up.
    for list in &scan.project_lists {
        for &(s, e) in &list.items {
            if text[s..e].ends_with("中心") && text[s..e].chars().count() >= 4 && !super::project::ends_with_head(&text[s..e]) {
                out.push(Candidate::new(EntityKind::Institution, s, e, &text[s..e], 6));
            }
        }
    }
    // `长安、力帆、小康、宗申等重点企业`, `国机集团、中国通用、中国国新等央企`, `深度求索、宇树科技等一批创新企业`:
    // the items of a list of enterprises are enterprises.
    static ENTERPRISES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"等(?:[0-9]+家|一批)?(?:“[^”]{1,8}”)?(?:创新|科技型|平台|(?:台资|外资|港资|民营|国有|本土|本地)(?:商贸|科技|制造|文化|物流|能源)?|重点|龙头|头部|骨干|链主|知名|领军|上市)?(?:企业|央企|国企|民企|车企|公司|集团|银行|(?:科研|研发|检测|金融)?机构)").expect("static regex") // ok: a fixed pattern
    });
    for found in view.may_match(&["等"]).then(|| ENTERPRISES.find_iter(text)).into_iter().flatten() {
        let mut items = coordination(view, found.start(), 8);
        if items.is_empty() {
            // `支持中天科技等链主企业`: one enterprise of four characters or more.
            let start = view.loose_name_start_before(found.start(), 8);
            if text[start..found.start()].chars().count() >= 4 {
                items.push((start, found.start()));
            }
        }
        // `中国汽研等机构`: a list of bodies of any kind names them only by proper names (not
        // `银行、保险等机构`).
        let any_body = found.as_str().ends_with("机构");
        for (s, e) in items {
            // `深化与中国信科、长江存储等企业`: a policy verb before 与 is no item.
            let named = (!any_body || super::tokens::has_proper_token(view, s, e)) && !super::tokens::is_stop_word(&text[s..e]);
            if named && text[s..e].chars().count() >= 2 && text[s..e].chars().all(|c| !super::tokens::is_break(c)) {
                out.push(Candidate::new(EntityKind::Institution, s, e, &text[s..e], 5));
            }
        }
    }
    // `国家开发银行重庆分行`, `重庆农商行石柱支行`, `重庆外国语学校江津分校`: a branch named by a
    // bank or school and the place it serves is a body of its own, its parent the bank or school.
    for branch in ["分行", "支行", "分校"] {
        for (at, _) in view.may_match(&[branch]).then(|| text.match_indices(branch)).into_iter().flatten() {
            let end = at + branch.len();
            let place = hits.iter().find(|h| h.end == at && view.is_boundary(h.start) && super::place::is_place_word(ctx, &text[h.start..h.end]));
            let body = place.and_then(|p| {
                let parent_head = if branch == "分校" { "学校" } else { "行" };
                text[..p.start].ends_with(parent_head).then(|| view.name_start_before(p.start - parent_head.len(), 12))
            });
            if let (Some(place), Some(body_start)) = (place, body)
                && body_start < place.start
                && view.is_boundary(end)
                && has_proper_name(view, body_start, place.start)
            {
                let mut candidate = Candidate::new(EntityKind::Institution, body_start, end, &text[body_start..end], 6);
                candidate.parent = Some(text[body_start..place.start].to_string());
                out.push(candidate);
            }
        }
    }
    // `国家实验室重庆基地`: the base of an institution is part of the institution.
    for (at, _) in view.may_match(&["基地"]).then(|| text.match_indices("基地")).into_iter().flatten() {
        let end = at + "基地".len();
        let start = view.loose_name_start_before(at, 20);
        let name = &text[start..at];
        if let Some(inner) = HEADS.iter().find_map(|h| name.find(h).map(|i| i + h.len())) {
            // (A base for production is a firm's plant: `美的集团智能家电生产基地`.)
            let plant = ["生产", "制造", "产业", "加工"].iter().any(|w| name[inner..].contains(w));
            if inner < name.len() && !plant && view.is_boundary(end) {
                out.push(Candidate::new(EntityKind::Institution, start, end, &text[start..end], 6));
            }
        }
    }
    for &Hit { start, end, word } in hits {
        if !view.is_boundary(start) || !view.is_boundary(end) {
            continue;
        }
        // `阿里白绒山羊` in a Tibet report: a place of the report's own province (阿里地区) wins
        // over a firm of the company gazetteer (阿里 for 阿里巴巴).
        let entries = &ctx.lexicon.entries[word];
        let own_place = entries.iter().any(|e| {
            e.kind == EntityKind::Place && ctx.province.is_some_and(|p| e.code.as_deref().is_some_and(|c| c.starts_with(p)))
        });
        if let Some(entry) = entries.iter().find(|e| e.kind == EntityKind::Institution).filter(|_| !own_place) {
            out.push(Candidate::new(EntityKind::Institution, start, end, entry.label.clone(), 6));
        }
    }
    // `大连化物所`, `天津工业生物所`: an institute's short name, a place and a word ending in 所
    // (not a kind of office: 派出所, 事务所).
    for hit in scan.hits.iter().filter(|h| view.is_boundary(h.start) && view.is_boundary(h.end)) {
        let Some(i) = view.token_index_at(hit.end).filter(|&i| view.tokens[i].start == hit.end) else { continue };
        let is_place = super::place::choose(&ctx.lexicon.entries[hit.word], ctx.province).is_some_and(|e| e.kind == EntityKind::Place);
        let short = view.tokens[i..].iter().take(2).find(|t| t.word.ends_with('所')).filter(|t| {
            t.word.chars().count() >= 3 && t.tag == "n" && !OFFICES.iter().any(|o| t.word.ends_with(o)) && text[hit.end..t.end].chars().count() <= 5
        });
        // `长春应化所` (应化/vn 所/c): jieba splits the short name from its 所.
        let split = view.tokens.get(i..i + 2).and_then(|pair| {
            let (name, head) = (pair[0], pair[1]);
            let after = &text[head.end..];
            let word_goes_on = after.starts_with(['长', '属', '有', '在', '需', '得', '以', '谓']);
            (head.word == "所" && name.word.chars().count() == 2 && name.word.chars().all(crate::normalize::is_han) && !word_goes_on
                && !super::tokens::is_stop_word(name.word))
            .then_some(head)
        });
        if let (true, Some(token)) = (is_place, short.copied().or(split)) {
            out.push(Candidate::new(EntityKind::Institution, hit.start, token.end, &text[hit.start..token.end], 5));
        }
    }
    // `中科院西安光机所`, `中国科学院大连化物所`: the Academy's institutes by their short names.
    static ACADEMY_INSTITUTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:中国科学院|中科院)\p{Han}{2,14}?所").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["科学院", "中科院"]).then(|| ACADEMY_INSTITUTE.find_iter(text)).into_iter().flatten() {
        if view.is_boundary(found.start()) && view.is_boundary(found.end()) {
            out.push(Candidate::new(EntityKind::Institution, found.start(), found.end(), found.as_str(), 5));
        }
    }
    // Last: these read the bodies found above.
    listed_firms(view, ctx, out);
    firms_before_a_firm_predicate(view, ctx, out);
    branch_hospitals(view, ctx, out);
}

/// `上海交通大学医学院附属瑞金医院海南医院`: a hospital's branch named by a place right after the
/// hospital is one body with it.
fn branch_hospitals(view: &SentenceView, ctx: &Context, out: &mut [Candidate]) {
    let text = view.text;
    for candidate in out.iter_mut().filter(|c| c.kind == EntityKind::Institution && c.label.ends_with("医院")) {
        let after = &text[candidate.end..];
        let Some(place) = ctx.lexicon.matcher.find(after).filter(|m| m.start() == 0) else { continue };
        let is_place = ctx.lexicon.entries[place.pattern().as_usize()].iter().any(|e| e.kind == EntityKind::Place);
        if is_place && after[place.end()..].starts_with("医院") {
            candidate.end += place.end() + "医院".len();
            candidate.label = text[candidate.start..candidate.end].to_string();
        }
    }
}

/// A body's abbreviation (`中科院金属所`, `山西煤化所`, `合肥物质院`, `中国科大`): an optional
/// academy prefix, the characters kept of the name (two or more) and the head shortened to
/// one character; a firm's (`国家电投黄河公司`) keeps three characters or more and drops its
/// corporate form (有限责任公司 → 公司).
pub struct Abbreviation<'a> {
    pub academy: bool,
    pub kept: &'a str,
    heads: &'static [&'static str],
}

/// Heads shortened, with the full heads they stand for, and the academy prefix shortened.
const SHORTENED_HEADS: [(&str, &[&str]); 4] =
    [("所", &["研究所"]), ("院", &["研究院"]), ("大", &["大学"]), ("公司", &["有限责任公司", "股份有限公司", "有限公司"])];
const ACADEMY: (&str, &str) = ("中科院", "中国科学院");

impl<'a> Abbreviation<'a> {
    pub fn of(key: &'a str) -> Option<Abbreviation<'a>> {
        let (short, heads) = SHORTENED_HEADS.iter().find_map(|(short, full)| Some((key.strip_suffix(short)?, *full)))?;
        if short.ends_with("研究") || short.ends_with("学") || short.ends_with("医") || short.ends_with("有限") {
            return None; // a full head (研究所, 医院, 学院, 有限公司) or no abbreviation
        }
        let (academy, kept) = match short.strip_prefix(ACADEMY.0) {
            Some(kept) => (true, kept),
            None => (false, short),
        };
        let least = if heads[0].ends_with("公司") { 3 } else { 2 };
        (kept.chars().count() >= least).then_some(Abbreviation { academy, kept, heads })
    }

    /// Whether `full` is the name this abbreviates: the same head in full, the academy prefix
    /// in full when the abbreviation has it, and the kept characters in order, starting with
    /// the name's first one (大连化物所 in 中国科学院大连化学物理研究所).
    pub fn shortens(&self, full: &str) -> bool {
        let Some(name) = self.heads.iter().find_map(|head| full.strip_suffix(head)) else { return false };
        let name = match name.strip_prefix(ACADEMY.1) {
            Some(rest) => rest,
            None if self.academy => return false,
            None => name,
        };
        let mut kept = self.kept.chars();
        let mut name_chars = name.chars();
        if kept.next() != name_chars.next() {
            return false;
        }
        kept.all(|c| name_chars.any(|n| n == c))
    }
}

/// Words of a trade that end a firm's name after a proper word (江西铜业, 江铃汽车).
pub const TRADES: [&str; 55] = [
    "卫浴", "化学", "酒业", "电器", "石化", "食品", "电工", "钛业", "液压", "盐化", "味业", "硅业", "特钢", "半导体", "新能源", "锰业", "精工", "纸业",
    "铜业", "锂业", "钴业", "铝业", "钨业", "煤业", "钢铁", "汽车", "药业", "制药", "电气", "电子", "科技", "股份", "实业", "化工", "机床",
    "能源", "光电", "材料", "电力", "建工", "光纤", "通信", "铂业", "矿业", "乳业", "化纤", "有色", "航空", "集成", "存储", "微电子", "光学", "炼化", "智能", "茶业",
];

/// Words that rank or classify firms (龙头企业, 链主集团, 教育集团 a group of schools): before 集团
/// they name a kind of group.
const FIRM_RANKS: [&str; 10] = ["龙头", "骨干", "头部", "领军", "链主", "行业", "产业", "重点", "教育", "医疗"];

/// `江西铜业、晶科能源、赣锋锂业`, `中国稀土集团、江西铜业`: next to a firm in a list, a word tagged as
/// an organisation (厦门航空/nt), or a proper word
/// (a place, a name; or any two characters filling an item: 长飞光纤) and a trade (铜业, 汽车,
/// 光纤) is a firm too, and so is a noun that names no kind
/// before 集团 (`河钢集团、敬业集团、德龙钢铁`: 敬业/n; not 企业集团), and two proper words with a
/// trade side by side are both firms (`中冶锰业、武陵药业`), and so are one of them and an
/// organisation's name of one token beside it (`金龙/nr 汽车、厦门航空/nt`).
fn listed_firms(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    if !text.contains('、') {
        return;
    }
    let comma = '、'.len_utf8();
    let firm_at = |s: usize, e: usize, out: &[Candidate], found: &[Candidate]| {
        let firm_ending = |end: usize| out.iter().chain(found).any(|c| c.kind == EntityKind::Institution && c.end == end);
        let firm_starting = |start: usize| out.iter().chain(found).any(|c| c.kind == EntityKind::Institution && c.start == start);
        (text[..s].ends_with('、') && firm_ending(s - comma)) || (text[e..].starts_with('、') && firm_starting(e + comma))
    };
    let mut found: Vec<Candidate> = Vec::new();
    // Only the pairs of a word of two characters or more and a trade are tried.
    let pairs: Vec<usize> = (0..view.tokens.len().saturating_sub(1))
        .filter(|&i| {
            let (name, trade) = (view.tokens[i], view.tokens[i + 1]);
            name.word.chars().nth(1).is_some()
                && (trade.word == "集团" || TRADES.contains(&trade.word))
                && name.word.chars().all(crate::normalize::is_han)
        })
        .collect();
    // `中冶/j 锰业、武陵/ns 药业`: two proper words with a trade listed side by side are firms
    // beside each other.
    let proper_trade = |i: usize| matches!(view.tokens[i].tag, "ns" | "nr" | "nz" | "j" | "nt") && TRADES.contains(&view.tokens[i + 1].word);
    let beside_trade = |i: usize| {
        let (name, trade) = (view.tokens[i], view.tokens[i + 1]);
        // (Not two places: `重庆汽车、成都电子产业` are their trades.)
        let partner = |j: usize| proper_trade(j) && !(view.tokens[i].tag == "ns" && view.tokens[j].tag == "ns");
        let before = pairs.iter().any(|&j| j + 3 == i && view.tokens[j + 2].word == "、" && partner(j));
        let after = pairs.iter().any(|&j| j == i + 3 && view.tokens[i + 2].word == "、" && partner(j));
        // (`金龙/nr 汽车、厦门航空/nt`: also beside an organisation's name, a token of its own.)
        let organisation = |t: &super::tokens::Token| t.tag == "nt" && t.word.chars().nth(2).is_some();
        let organisation_before = i >= 2 && view.tokens[i - 1].word == "、" && organisation(&view.tokens[i - 2]);
        let organisation_after = view.tokens.get(i + 2).is_some_and(|t| t.word == "、") && view.tokens.get(i + 3).is_some_and(organisation);
        name.end == trade.start && proper_trade(i) && (before || after || organisation_before || organisation_after)
    };
    let try_pair = |i: usize, found: &mut Vec<Candidate>| {
        let (name, trade) = (view.tokens[i], view.tokens[i + 1]);
        let group = trade.word == "集团";
        // (Not a firm's own name before a word of its trade: `浦发银行科技创新`.)
        let firm = HEADS.iter().any(|h| name.word.ends_with(h))
            || ctx.lexicon.lookup(name.word).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Institution));
        // (`长江存储、长飞/v 光纤、烽火/n 通信`: two characters and a trade filling an item of
        // the list are a firm whatever jieba tagged them.)
        let fills_item = name.word.chars().count() == 2 && !group && (text[..name.start].ends_with('、') || text[trade.end..].starts_with('、'));
        let proper = !firm
            && (matches!(name.tag, "ns" | "nr" | "nz" | "j" | "nt")
                || fills_item
                || ctx.lexicon.lookup(name.word).is_some()
                || group && name.tag == "n" && !is_category("", name.word) && !FIRM_RANKS.contains(&name.word));
        // (`宁德时代与亚洲硅业、丽豪半导体`: also after a conjunction.)
        let opens = i == 0
            || view.tokens[i - 1].word.chars().all(super::tokens::is_break)
            || view.tokens[i - 1].tag.starts_with('v')
            || matches!(view.tokens[i - 1].word, "与" | "和" | "及");
        let already = out.iter().chain(found.iter()).any(|c| c.kind == EntityKind::Institution && c.start == name.start && c.end == trade.end);
        if proper && opens && !already && view.is_boundary(trade.end) && (firm_at(name.start, trade.end, out, found) || beside_trade(i)) {
            found.push(Candidate::new(EntityKind::Institution, name.start, trade.end, &text[name.start..trade.end], 5));
        }
    };
    // Forward, then backward once a firm was found: an item is found beside a firm found before
    // it in either order (`蓝思/nr 光学、长岭炼化、三一重工`).
    for &i in &pairs {
        try_pair(i, &mut found);
    }
    if !found.is_empty() {
        for &i in pairs.iter().rev() {
            try_pair(i, &mut found);
        }
    }
    // `福州机场集团、厦门航空/nt`, `奥特斯/nr、京东方`: a word of three characters or more jieba
    // tags as an organisation or a name, filling an item of the list beside a firm, is a firm.
    for token in view.tokens.iter().filter(|t| matches!(t.tag, "nt" | "nz" | "nr") && t.word.chars().nth(2).is_some()) {
        let (before, after) = (&text[..token.start], &text[token.end..]);
        let after_verb = view.token_index_at(token.start.saturating_sub(1)).is_some_and(|i| view.tokens[i].end == token.start && view.tokens[i].tag.starts_with('v'));
        let opens_item = before.is_empty() || before.ends_with(['、', '与', '和']) || before.ends_with(is_break) || after_verb;
        let closes_item = after.is_empty() || after.starts_with(['、', '的', '等', '和']) || after.starts_with(is_break);
        let fills_item = (before.ends_with('、') || after.starts_with('、')) && opens_item && closes_item;
        let already = out.iter().chain(&found).any(|c| c.start <= token.start && token.end <= c.end);
        let organisation = token.tag == "nt" || matches!(token.tag, "nz" | "nr") && token.word.chars().all(crate::normalize::is_han);
        if organisation && token.word.chars().count() >= 3 && fills_item && !already && firm_at(token.start, token.end, out, &found) {
            found.push(Candidate::new(EntityKind::Institution, token.start, token.end, token.word, 5));
        }
    }
    out.extend(found);
}

/// What is said of firms only (`…做大做强`, `…2家企业入选`): the items of a list right before it
/// are firms when each has a firm's shape.
static FIRM_PREDICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:做大做强|做优做强|做强做优|做精做强|做强主业|[0-9一二两三四五六七八九十]+家企业)").expect("static regex")); // ok: a fixed pattern

/// `中创空天、华文食品、岳阳林纸做大做强`, `巴陵石化、长岭炼化2家企业`: before a predicate only firms
/// take, the items of a list of two or more are firms when they have a firm's shape: a place and a
/// word of two characters (岳阳林纸, 新疆众和), a word of two characters and a trade (长岭炼化, 特变电工), or one word
/// jieba tags as an organisation or a name; not a place, a kind or a word of two characters.
fn firms_before_a_firm_predicate(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    let text = view.text;
    if !view.may_match(&["做", "家企业"]) {
        return;
    }
    let is_place = |s: &str| ctx.lexicon.lookup(s).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Place));
    let mut found = Vec::new();
    for (at, _) in text.char_indices().filter(|&(at, _)| FIRM_PREDICATE.is_match(&text[at..])) {
        let items = coordination(view, at, 6);
        if items.len() < 2 {
            continue;
        }
        for (s, e) in items {
            let name = &text[s..e];
            let tokens: Vec<_> = view.tokens.iter().filter(|t| t.start >= s && t.end <= e).collect();
            let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { continue };
            if !(3..=6).contains(&name.chars().count()) || !name.chars().all(crate::normalize::is_han) || first.start != s || last.end != e {
                continue;
            }
            let proper = |t: &super::tokens::Token| matches!(t.tag, "ns" | "nr" | "nz" | "j" | "nt" | "nrt");
            let place_and_word = is_place(first.word) && text[first.end..e].chars().count() == 2;
            // (Here a word of two characters before the trade needs no proper tag: 特变/n 电工.)
            let named = proper(first) || first.word.chars().count() == 2 && !TRADES.contains(&first.word) && !super::tokens::is_generic_name(first.word);
            let proper_and_trade = tokens.len() == 2 && named && TRADES.contains(&last.word);
            let one_word = tokens.len() == 1 && proper(first);
            let covered = out.iter().any(|c| c.start <= s && e <= c.end && c.kind != EntityKind::Place);
            if (place_and_word || proper_and_trade || one_word) && !is_place(name) && !super::tokens::is_generic_name(name) && !covered {
                found.push(Candidate::new(EntityKind::Institution, s, e, name, 5));
            }
        }
    }
    out.extend(found);
}

/// `赣州、九江银行`: cities listed before 银行 share it, each the bank of its city (the last one
/// is read with its head as any bank).
fn city_banks(view: &SentenceView, ctx: &Context, at: usize, head: &str, out: &mut Vec<Candidate>) {
    let text = view.text;
    let items = coordination(view, at, 4);
    let is_city = |&(s, e): &(usize, usize)| {
        ctx.lexicon.lookup(&text[s..e]).and_then(|entries| super::place::choose(entries, ctx.province)).is_some_and(|e| {
            e.kind == EntityKind::Place && matches!(e.place_kind, Some("city" | "county" | "district"))
        })
    };
    let joined_by_comma = items.windows(2).all(|w| &text[w[0].1..w[1].0] == "、");
    if items.len() >= 2 && joined_by_comma && items.iter().all(is_city) {
        for &(s, e) in &items[..items.len() - 1] {
            out.push(Candidate::new(EntityKind::Institution, s, e, format!("{}{head}", &text[s..e]), 6));
        }
    }
}

/// Offices and places whose names end in 所: no institute's short name (see `recognise`).
const OFFICES: [&str; 14] = ["派出所", "事务所", "招待所", "托儿所", "卫生所", "指挥所", "收容所", "避难所", "场所", "厕所", "住所", "处所", "会所", "诊所"];

/// `广州、鹏城实验室`: short items before a head that only ends proper names share it when
/// they carry no head of their own; a place among them names the body, not the place.
fn shared_head_items(view: &SentenceView, ctx: &Context, at: usize, head: &str, out: &mut Vec<Candidate>) {
    let text = view.text;
    if !text[..at].contains('、') {
        return;
    }
    // Items of up to six characters share the head; the last may hold 等 and a province (9).
    let items = coordination(view, at, 9);
    // Only a list joined by 、 (not 工业和信息化重点实验室), and not a list of kinds of body.
    let joined_by_comma = items.windows(2).all(|w| &text[w[0].1..w[1].0] == "、");
    if !joined_by_comma || listed_as_category(text, at + head.len()) {
        return;
    }
    let Some((&(last_start, last_end), others)) = items.split_last() else { return };
    // `之江、西湖、良渚等省实验室`, `深圳湾、光明等广东省实验室`: the last item before 等 (and a
    // level or a place) shares the head too.
    let last_item = &text[last_start..last_end];
    let last = LEVELS
        .iter()
        .find_map(|level| last_item.strip_suffix(level)?.strip_suffix('等'))
        .or_else(|| last_item.split_once('等').filter(|(_, place)| super::place::is_place_word(ctx, place)).map(|(item, _)| item))
        .map(|item| (last_start, last_start + item.len()));
    let longest = others.iter().chain(last.iter()).map(|&(s, e)| text[s..e].chars().count()).max().unwrap_or(0);
    if longest > 6 || (last.is_none() && last_item.chars().count() > 6) {
        return; // a list of longer phrases (`2025年度科技高中、中小学STEM教育实验室`)
    }
    for &(s, e) in others.iter().chain(last.iter()) {
        let item = &text[s..e];
        let headed = HEADS.iter().any(|h| item.contains(h)) || super::project::ends_with_head(item);
        if !headed && (2..=6).contains(&item.chars().count()) && item.chars().all(crate::normalize::is_han) && !is_category("", item) {
            out.push(Candidate::new(EntityKind::Institution, s, e, format!("{item}{head}"), 6));
        }
    }
}

/// `西湖大学新增全国重点实验室`: a loose name does not run back over a body and the verb after
/// it (the laboratories are the university's new ones, not a body named with a verb).
fn after_body_and_verb(view: &SentenceView, start: usize, at: usize) -> usize {
    let Some(first) = view.token_index_at(start) else { return start };
    let mut cut = start;
    for i in first..view.tokens.len() {
        let token = view.tokens[i];
        if token.end > at {
            break;
        }
        if token.tag.starts_with('v') && token.start > start && HEADS.iter().any(|h| view.text[start..token.start].ends_with(h)) {
            cut = token.end;
        }
    }
    cut
}

/// Levels that may stand between 等 and a shared head (`…等省实验室`).
const LEVELS: [&str; 8] = ["", "省", "市", "国家", "省级", "市级", "国家级", "自治区"];

/// `组建重庆信息与智慧医学研究院`, `国家数字化设计与制造创新中心`: a name may join two fields with
/// 与 or 和 right after a founding verb, or when it opens with 国家 or a place and a field
/// (not with the place alone: 重庆与成都…); the part before the conjunction belongs to the
/// name unless it is a body itself (by a head, or a trade in 业: `武陵药业与西南大学`).
fn founded_name_start(view: &SentenceView, ctx: &Context, start: usize) -> usize {
    let text = view.text;
    let Some(before) = text[..start].strip_suffix(['与', '和']) else { return start };
    let first = view.name_start_before(before.len(), 8);
    let founded = FOUNDING_VERBS.iter().any(|v| text[..first].ends_with(v));
    let first_part = &text[first..before.len()];
    let opens_with_state = first_part.len() > "国家".len() && first_part.starts_with("国家");
    let opens_with_place = ctx
        .lexicon
        .matcher
        .find(first_part)
        .is_some_and(|m| m.start() == 0 && m.end() < first_part.len() && super::place::is_place_word(ctx, &first_part[..m.end()]))
        // (`九龙坡区与重庆大学`: a place alone, 九龙坡 being its short name, is a partner.)
        && !super::place::is_place_word(ctx, first_part);
    let formal = opens_with_state || opens_with_place;
    // (`武陵药业与|西南大学`: a firm by a trade in 业 is a body too, a partner; a field such as
    // 智能 or 材料 is not: `广东智能与先进制造研究院`.)
    let is_body = HEADS.iter().any(|h| before.ends_with(h)) || TRADES.iter().any(|t| t.ends_with('业') && before.ends_with(t));
    if (founded || formal) && first < before.len() && !is_body { first } else { start }
}

/// Words after a head that make the name a kind of system, not a body (重庆实验室体系).
const HEAD_CONTINUATIONS: [&str; 2] = ["体系", "集群"];
/// Nouns of kind that end a list of categories (`企业技术中心、工业设计中心等市级企业研发机构`).
const CATEGORY_KINDS: [&str; 4] = ["机构", "平台", "载体", "主体"];

/// What is left of the qualifier between a count and a head once its place or level is taken
/// off (`重庆` → ``, `省创新` → `创新`, `湖南省` → ``).
fn kind_in_qualifier<'q>(ctx: &Context, qualifier: &'q str) -> &'q str {
    let place_end = qualifier.char_indices().map(|(i, c)| i + c.len_utf8()).filter(|&i| super::place::is_place_word(ctx, &qualifier[..i])).max();
    // A qualifier that is neither (4个天府实验室: a brand of the province's labs) is dropped whole.
    let rest = match place_end {
        Some(end) => &qualifier[end..],
        None => ["国家级", "省级", "市级", "县级", "区级", "国家", "自治区", "省", "市"].iter().find_map(|level| qualifier.strip_prefix(level)).unwrap_or(""),
    };
    rest.strip_prefix(['省', '市']).unwrap_or(rest)
}

/// The end of a university's name with its campus: `香港科技大学（广州）`, `…大学(深圳)`, when the
/// bracket holds a place; `end` otherwise.
fn campus_end(ctx: &Context, text: &str, head: &str, end: usize) -> usize {
    if matches!(head, "大学" | "学院") { super::place::bracketed_place_end(ctx, text, end) } else { end }
}

/// Whether the name ending at `end` is an item of a list that ends `等…机构` (or 平台, 载体):
/// the items are kinds of body.
fn listed_as_category(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let clause_end = rest.find(|c: char| is_break(c) && c != '、').unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let Some(at) = clause.find('等') else { return false };
    // The noun phrase after 等, up to a number or a break: `市级企业研发机构`.
    let after = &clause[at + '等'.len_utf8()..];
    let phrase = &after[..after.find(|c: char| !crate::normalize::is_han(c)).unwrap_or(after.len())];
    phrase.chars().count() <= 10 && CATEGORY_KINDS.iter().any(|k| phrase.ends_with(k))
}

/// Verbs after a centre that found it (`西部国际传播中心挂牌成立`).
const FOUNDED_AFTER: [&str; 6] = ["挂牌", "揭牌", "成立", "获批设立", "设立", "组建"];

/// Whether the centre ending at `end`, or the list of centres it opens (`革命文物保护中心、
/// 西部国际传播中心挂牌成立`), is followed by a founding verb.
fn founded_after(view: &SentenceView, mut end: usize) -> bool {
    let text = view.text;
    loop {
        if FOUNDED_AFTER.iter().any(|v| text[end..].starts_with(v)) {
            return true;
        }
        // The next item of a list of centres.
        let Some(rest) = text[end..].strip_prefix('、') else { return false };
        let item_end = rest.char_indices().take(15).find(|(i, _)| rest[*i..].starts_with("中心")).map(|(i, _)| i);
        match item_end {
            Some(i) if !rest[..i].contains(is_break) => end = text.len() - rest.len() + i + "中心".len(),
            _ => return false,
        }
    }
}

/// Whether the name before a head is proper: it holds a place, organisation or person name, a
/// Latin word or an abbreviation, or is long enough (three characters or more) to be specific.
/// `徽商银行`, `浦发银行`: a bank's two-character name is a name unless it is a kind of bank
/// (商业银行, 村镇银行, 民营银行) or of banking (影子银行).
fn names_bank(head: &str, name: &str) -> bool {
    const KINDS: [&str; 20] = [
        "商业", "村镇", "民营", "外资", "地方", "国有", "中央", "政策", "合作", "开发", "储蓄", "投资", "网络", "数字", "直销", "合资", "影子",
        "绿色", "普惠", "科技",
    ];
    head == "银行" && name.chars().count() == 2 && name.chars().all(crate::normalize::is_han) && !KINDS.contains(&name)
}

/// `东湖实验室、光谷实验室`, `加快子午实验室、秦岭实验室建设`: a two-character name (光谷/n, 子午/t)
/// is proper when the next or the previous item of its list is a body of the same head with a
/// proper name.
fn beside_named_sibling(view: &SentenceView, start: usize, at: usize, end: usize, head: &str) -> bool {
    let text = view.text;
    let name = &text[start..at];
    if name.chars().count() != 2 || super::tokens::is_generic_name(name) || super::tokens::is_stop_word(name) {
        return false;
    }
    let separator = |c: char| c == '、' || c == '和' || c == '与';
    // A sibling has the same head, or a head of the same family (a school beside a school).
    let family: &[&str] = if SCHOOL_HEADS.contains(&head) { &SCHOOL_HEADS } else { std::slice::from_ref(&head) };
    // The next item: up to six characters, then a sibling head.
    let next = text[end..].strip_prefix(separator).is_some_and(|rest| {
        let sibling_start = text.len() - rest.len();
        let window: usize = rest.chars().take_while(|&c| !is_break(c) && c != '、').take(6 + head.chars().count()).map(char::len_utf8).sum();
        family.iter().filter_map(|h| rest[..window].find(h)).any(|i| i > 0 && has_proper_name(view, sibling_start, sibling_start + i))
    });
    // The previous item ends with a sibling head right before the separator.
    let previous = text[..start].strip_suffix(separator).is_some_and(|before| {
        family.iter().filter_map(|h| before.strip_suffix(h)).any(|before| {
            let sibling_start = view.loose_name_start_before(before.len(), 6);
            sibling_start < before.len() && has_proper_name(view, sibling_start, before.len())
        })
    });
    next || previous
}

fn has_proper_name(view: &SentenceView, start: usize, end: usize) -> bool {
    view.text[start..end].chars().count() >= 3 || super::tokens::has_proper_token(view, start, end)
}

/// Collective words: kinds of body, not names.
const COLLECTIVE_WORDS: [&str; 6] = ["央企", "国企", "民企", "企业", "高校", "一流"];
/// Words that open the name of a kind of body (`中小学STEM教育实验室`, `三级甲等综合医院`, a grade).
const KIND_PREFIXES: [&str; 12] = ["中小学", "各级", "基层", "三级甲等", "二级甲等", "三甲", "国家一级", "国家二级", "国家三级", "一级", "二级", "三级"];

/// Where a name starts once a collective word before it (新央企|中国长安汽车) is left out; the
/// name must keep two characters or more.
fn after_collective_word(text: &str, start: usize, end: usize) -> usize {
    COLLECTIVE_WORDS
        .iter()
        .filter_map(|w| text[start..end].rfind(w).map(|i| start + i + w.len()))
        .max()
        .filter(|&cut| text[cut..end].chars().count() >= 2)
        .unwrap_or(start)
}

/// Whether a name before an institution head names a category: it is counted (`2家`, `一批`)
/// or made of collective or category words (`军工央企集团`, `公立医院`, `国家制造业创新中心`).
/// A count right after a body's head (`…技术创新中心10家`).
static COUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[0-9]+|[一二三四五六七八九十两]+)(?:家|个|所)").expect("static regex")); // ok: a fixed pattern

fn is_category(before: &str, name: &str) -> bool {
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:[0-9一二三四五六七八九十两]+(?:家|个|所)|一批|多家|若干|各类)$").expect("static regex")); // ok: a fixed pattern
    // `北京证券交易所上市公司`, `深交所新上市公司`: the firms listed on an exchange.
    COUNTED.is_match(before)
        || name.ends_with("上市")
        || KIND_PREFIXES.iter().any(|p| before.ends_with(p) || name.starts_with(p))
        || COLLECTIVE_WORDS.iter().any(|w| name.contains(w)) || super::tokens::is_generic_name(name)
}

/// `遵义医科大学附属医院` (遵义/v): a place of this report right before a name belongs to it,
/// whatever jieba tagged it.
fn place_before(view: &SentenceView, ctx: &Context, start: usize) -> usize {
    let Some(token) = view.token_index_at(start.saturating_sub(1)).map(|i| view.tokens[i]) else { return start };
    let place_here = ctx.lexicon.lookup(token.word).and_then(|entries| super::place::choose(entries, ctx.province)).is_some_and(|e| e.kind == EntityKind::Place);
    if token.end == start && token.tag != "ns" && token.word.chars().count() >= 2 && place_here {
        token.start
    } else {
        start
    }
}


/// The parent institution named at the start of a longer name (北京大学 in 北京大学重庆…).
fn parent_in(name: &str) -> Option<String> {
    for head in ["大学", "科学院", "研究院", "集团"] {
        if let Some(at) = name.find(head) {
            let parent = &name[..at + head.len()];
            if parent.chars().count() >= 4 {
                return Some(parent.to_string());
            }
        }
    }
    None
}
