//! Places: administrative divisions, countries and blocs, regional groupings (gazetteers, see
//! `lexicon`), and functional areas found by their suffix.
//!
//! Rules:
//! - a gazetteer word counts only where it starts and ends on jieba token boundaries (so 长治
//!   inside 长治久安 is not the city), and short district/county names (璧山) only in reports of
//!   their own province or right after their province's name (`湖北利川`), or, when only one
//!   division in the country has the short name, paired by 与/和 with a place of the report (`遂宁与潼南`);
//! - a word right after a modifier in the same noun phrase (新重庆, 数字重庆, 美丽重庆) or before
//!   式 or 造 (中国式, 重庆造) is part of a slogan, and one that opens an event name (重庆国际人才
//!   交流大会, …论坛, …博览会, …冰雪节, …海洋周, …马拉松赛, 中国·青海…洽谈会) belongs to the event: neither is a place mention
//!   (but a partner after 与 or in a list before 共建 is the place: `与万州区、开州区共建…先行区`); a word after a
//!   verb or a preposition (落户重庆, 经重庆) or before 段 (长江干流重庆段) is a place; before
//!   篇章, 新篇章, 担当, 答卷, 辨识度, 样板 or 精神 (云南篇章, 四川担当, 右玉精神) it is a slogan's; before a landform
//!   (盆地, 草原, 沙漠, 沙地, 山脉, 森林, 高原: 鄂尔多斯盆地) or a site (陵: 西夏陵) it names the landform
//!   or site (石刻, 石窟: 大足石刻), and opening an item of a list of brands (涪陵榨菜、奉节脐橙等区域公用品牌) or of
//!   produce given a title (`正安白茶、湄潭翠芽获评国家地理标志…`) the produce,
//!   of a list of scenic areas (沙坡头、镇北堡西部影城等景区) the scenic area (not when 等地 lists
//!   them as places: 敦煌、张掖等地景区); an event's name may
//!   hold its edition (`杭州第19届亚运会`);
//! - two places joined by a dash (中国—东盟信息港, 郑州—卢森堡航线) name a joint work or route:
//!   no mention; but pairs before an integration (兰州—白银、天水—平凉一体化发展) are the places,
//!   and so is a pair listed after a place (`涪陵、南川、綦江—万盛`), and a pair before a regional suffix names one region (西宁—海东都市圈), a pair before a
//!   cooperation zone's name one zone (中国—东盟产业合作区);
//! - a place in brackets right after a name (中欧班列（重庆）) or between a count and an
//!   institution head (4个重庆实验室, 等湖北实验室) qualifies that name: no mention; 中国 before
//!   such a bracket (中国（大同）跨境电子商务综合试验区) opens the name;
//! - a place glued by jieba to a generic noun (美国市场) still counts; a place strictly inside a
//!   quoted name (“东盟快班”) does not (a quotation is atomic);
//! - a place before 库区 or (现代化)都市圈 names a region around it (丹江口库区, 沈阳现代化都市圈), and the items
//!   before a counted regional suffix share it (福州、厦漳泉两大都市圈, 闽东北、闽西南两大协同发展区),
//!   and so do items with a proper name before `等` and a zone suffix (`宁波前湾、湖州南太湖、
//!   温州湾等新区`); a 片区 named by a city is the sub-zone, and the last item of a list of
//!   cities before 片区 is one too (`杭州、宁波、金义片区`); 科创走廊/科创大走廊, 商务区 (虹桥国际中央
//!   商务区) and 新片区 (临港新片区) end areas like 科学城; a place before 大都市圈 names a region;
//! - a province's or city's full name before more name opens a formal name (重庆市停车管理条例), but
//!   not before a generic noun (`武汉市地区生产总值`) nor when a figure comes before the head
//!   (`淄博市帮扶资金1.3亿元支持实施项目`); 中国 before 特色 or 历史文化名(城|镇|村) is a title's;
//! - functional areas: a place or name phrase followed by 新区, 高新区, 经开区, 自贸试验区, 国家自主创新
//!   示范区 (or 自创区), 临空经济(示范)区, 革命老区 (a region) (the name before may hold a project: 大兴国际机场临空经济区),
//!   综合保税区, 国际港务区, 科学城, 知识城, 大学城, 创新区, 生态城, 新城, … (a place in brackets right
//!   after is part of the zone's name: 北京大兴国际机场临空经济区（廊坊）); before 合作区, 综合实验区, 科技城,
//!   工业园区, 产业园区, 保税区, 工业区, 金融区, a free-trade zone's 片区 (苏州片区), 示范区 when a place
//!   opens the name (沈抚改革创新示范区, 杨凌示范区, 珲春海洋经济发展示范区; not 共同富裕示范区 or
//!   `毕节贯彻新发展理念示范区`, designations; the name starts after 融入, 贯彻, 创建, 晋级 or 获批: `大足高新区晋级国家高新区`), 先导区 likewise
//!   (长吉图开发开放先导区), and
//!   the regional 经济区, 经济圈, 经济带 (西江经济带; 长江经济带 stays the strategy of its gazetteer) and
//!   城市群, only a name holding a proper name (深汕特别合作区, 攀西经济区,
//!   not 科技创新合作区), and items before 经济区/经济圈/城市群 share it (川南、川东北经济区; a verb is no item:
//!   `“一带一路”建设和长株潭城市群`); a reach in time is no region (“一小时经济圈”, 半小时通勤圈); a regional
//!   grouping with such a suffix is the grouping (川南经济区 is 川南); 高新区, 经开区 and 大学城 also stand alone (the
//!   report's own zones); 国家高新区 or 省级新区 alone are designations, and generic words
//!   before the suffix without a proper name (园区开发区) name a kind of area: neither is a place;
//! - two or three characters and 镇 or 街道 right after a county's or district's full name name a
//!   town or subdistrict (肥西县三河镇), not a kind of town (重点镇); a place before 市委, 省委, 县委…
//!   names a party committee (中共合肥市委), and a word ending in 区 before a lone 市 is half of
//!   `…区市` (`缔结友好区市`, districts and cities): no mention;
//! - towns, subdistricts and villages listed together (`分水镇、龙驹镇`, `周家坝街道、高笋塘街道`,
//!   `青树村、桐油村`; not kinds of village: `美丽乡村`, `示范村`) or, towns and subdistricts, before
//!   `等镇`/`等街道` (`等古镇`, `等中心镇`), proper names listed before one (`双江、青龙街道`: 双江街道) or a count (`分水、龙驹、甘宁等镇`, `回龙坝、曾家、中梁3个镇`, `濯水、石会两镇`: a count ends no name, and a town right
//!   after such a list: `…3个镇和土主街道`, or a count of a kind: `西沱、黄水3个中心镇`) are places, and so is one alone whose name holds a
//!   place or person name (`茨/ns 竹镇`; not `江南古镇`) or that jieba knows as one proper word
//!   the gazetteer does not know (`西沱镇/ns`, `双凤镇/nr`; not the city 景德镇); townships (乡)
//!   listed with them too (`中益乡、马武镇`, an ethnic township: `红椿土家族乡`; not 城乡, 之乡, 民族乡), never kinds (中心镇, 重点镇);
//! - no mention either: a place before a street's suffix (`北京东路`, `艮山东路`; not `四川路网`),
//!   before a ranking of firms (`中国民营企业500强`), after an adverb ending in a coverb (`现将/d
//!   合川区…` governs the place), and `和县` when 和 joins two clauses (`工作监督和县政协`);
//!   a partner before 共建 may be named with its province (`与湖北利川共建`);
//! - a run of 3 to 5 characters each opening a city of the report's province (襄十随神, 成德眉资,
//!   呼包鄂乌) names the grouping of those cities before 城市群, 都市圈, 经济圈, 城市带, 工业走廊 (the suffix
//!   is part of the name) and, with 4 or 5 characters, alone;
//! - a county's short name outside the report's province counts in a list beside a place of its
//!   own province (`与贵州道真、正安、桐梓等县`, `广安、遂宁、武胜`); a full name before 委 names its
//!   committee (`巫山县委`); an international festival of any name is an event (`中国·重庆（巫山）国际红叶节`);
//! - a functional area or region ending where a national strategy of the gazetteer ends is the
//!   strategy (`主动服务|成渝地区双城经济圈`);
//! - a province's one-character abbreviation and one or two compass characters (鲁西南, 冀中南,
//!   皖北) name a region of that province, unless a gazetteer word covers them (渝东南, 京东);
//! - when one name could be several divisions (江北区 is in Chongqing and in Ningbo), the one in
//!   the report's province is chosen, else the first by code.

use std::sync::LazyLock;

use super::tokens::SentenceView;
use super::{Candidate, Context, EntityKind, HeadList, Hit, Scan};
use crate::lexicon::GazetteerEntry;

/// Suffixes of functional areas, and whether the suffix alone names a place.
const FUNCTIONAL_SUFFIXES: [(&str, bool); 58] = [
    ("国家自主创新示范区", false),
    ("临空经济示范区", false),
    ("临空经济区", false),
    ("高新技术产业开发区", false),
    ("商务区", false),
    ("新片区", false),
    ("科创大走廊", false),
    ("科创走廊", false),
    ("工业园区", false),
    ("产业园区", false),
    ("片区", false),
    ("综合实验区", false),
    ("协同发展区", false),
    ("合作区", false),
    ("经济区", false),
    ("城市群", false),
    ("经济圈", false),
    ("经济带", false),
    ("科技城", false),
    ("经济技术开发区", false),
    ("自由贸易试验区", false),
    ("综合保税区", false),
    ("保税区", false),
    ("工业区", false),
    ("金融区", false),
    ("示范区", false),
    ("自创区", false),
    ("革命老区", false),
    ("国际港务区", false),
    ("自贸试验区", true),
    ("自由贸易港", false),
    ("自贸港", true),
    ("航天城", false),
    ("先行区", false),
    ("先导区", false),
    ("保税港区", false),
    ("高新区", true),
    ("经开区", true),
    ("综保区", false),
    ("科学城", false),
    ("知识城", false),
    ("科教城", false),
    ("大学城", true),
    ("新区", false),
    ("开发区", false),
    ("自贸区", false),
    ("创新区", false),
    ("生态城", false),
    ("科创园", false),
    ("新城", false),
    ("试验区", false),
    ("城市带", false),
    ("数据谷", false),
    ("软件谷", false),
    ("科创区", false),
    ("都市区", false),
    ("工业园", false),
    ("园区", false),
];
/// Suffixes that also end descriptions (现代化新城): the name before them may hold words jieba
/// does not know as names (广阳湾智创生态城), but it must not be only category words.
const WEAK_SUFFIXES: [&str; 4] = ["创新区", "生态城", "科创园", "新城"];
/// Suffixes that also end designations and descriptions (科技创新合作区, 特色经济区): the name
/// before them must hold a proper name (深汕特别合作区, 攀西经济区).
const PROPER_SUFFIXES: [&str; 31] = [
    "工业园", "园区", "科创区", "都市区", "城市带", "国家自主创新示范区", "自创区", "革命老区", "先行区", "先导区", "试验区", "航天城", "保税区", "工业区", "金融区", "示范区", "综合实验区", "协同发展区", "合作区", "经济区", "经济带", "城市群", "科技城", "工业园区", "产业园区", "片区", "科创大走廊", "科创走廊",
    "商务区", "新片区", "科教城",
];
/// Suffixes of regional groupings rather than zones; items before them share them
/// (`川南、川东北经济区`: two regions).
const REGION_GROUP_SUFFIXES: [&str; 7] = ["经济区", "经济带", "经济圈", "城市群", "城市带", "协同发展区", "革命老区"];
/// Qualifiers that make a functional-area name a designation (国家高新区, 省级新区), not a place.
const DESIGNATION_QUALIFIERS: [&str; 5] = ["国家", "国家级", "省级", "市级", "全国"];

pub fn recognise(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    gazetteer(view, ctx, &scan.hits, out);
    functional_areas(view, ctx, &scan.hits, scan.heads.of(HeadList::PlaceSuffixes), out);
    counted_regions(view, out);
    compass_regions(view, &scan.hits, out);
    city_chains(view, ctx, out);
    listed_towns(view, ctx, out);
}

/// `分水镇、龙驹镇`, `周家坝街道、高笋塘街道`, `分水、龙驹、甘宁等镇`: towns and subdistricts
/// listed together (two or more, each two or three characters before 镇 or 街道, or items before
/// `等镇` or a count `3个镇`, and a town right after such a list: `…3个镇和土主街道`) are places; a town alone is not known from `重点镇` or `特色镇`, so it needs the list
/// or a place or person name inside its name (茨/ns 竹镇).
fn listed_towns(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    /// The end of a list of towns: 等 or a count, then the suffix.
    static TOWN_LIST_ENDS: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(?:等(?:[古名]|中心|重点|特色)?|(?:[0-9]+|[一二三四五六七八九十两]+)个?(?:中心|重点|特色)?)(?:镇|街道)").expect("static regex")); // ok: a fixed pattern
    const SUFFIXES: [&str; 4] = ["镇", "街道", "村", "乡"];
    // Words ending in 乡 that name no township (城乡, 家乡, 中国榨菜之乡).
    const NOT_TOWNSHIPS: [&str; 10] = ["之乡", "城乡", "家乡", "故乡", "水乡", "下乡", "返乡", "老乡", "回乡", "民族乡"];
    // Kinds of town (`3个中心镇`, 重点镇), not towns.
    // (古镇, 小镇, 名镇: scenic old towns and theme towns, not divisions: 万灵古镇、安陶小镇.)
    const TOWN_KINDS: [&str; 12] = ["中心镇", "重点镇", "特色镇", "示范镇", "建制镇", "小城镇", "中心乡", "专业镇", "卫星镇", "古镇", "小镇", "名镇"];
    // Kinds of village, not villages (乡村, 示范村, 行政村).
    // (山村, 新村 and 渔村 end names too: 黄瓜山村, 红旗新村.)
    const VILLAGE_KINDS: [&str; 17] = [
        "乡村", "农村", "行政村", "自然村", "示范村", "中心村", "古村", "名村", "强村", "富村", "空心村", "薄弱村", "重点村", "贫困村", "脱贫村", "移民村", "传统村",
    ];
    if !view.may_match(&SUFFIXES) {
        return;
    }
    let text = view.text;
    let town_name = |s: usize, e: usize| {
        let name = &text[s..e];
        // Not opened by a preposition or a stop word (`在|分水镇`).
        let first = view.token_index_at(s).map(|i| view.tokens[i].word).unwrap_or_default();
        // (`“中国竹乡·田园梁平”`: a title, not a township; `龙海、马街两镇`: a count ends no name.)
        name.chars().all(crate::normalize::is_han)
            && !name.starts_with("中国")
            && !name.ends_with(|c: char| "一二三四五六七八九十两".contains(c))
            && !super::tokens::is_generic_name(name)
            && !super::tokens::is_stop_word(first)
            && !PREPOSITIONS.contains(&first)
    };
    // The town ending at each suffix: the longest name of 3 or 2 characters on token boundaries.
    let mut towns: Vec<(usize, usize)> = Vec::new();
    let mut list_ends: Vec<usize> = Vec::new();
    for suffix in SUFFIXES {
        for (at, _) in text.match_indices(suffix) {
            let end = at + suffix.len();
            if !view.is_boundary(end)
                || suffix == "村" && VILLAGE_KINDS.iter().any(|k| text[..end].ends_with(k))
                || suffix == "乡" && NOT_TOWNSHIPS.iter().any(|k| text[..end].ends_with(k))
                || TOWN_KINDS.iter().any(|k| text[..end].ends_with(k))
            {
                continue;
            }
            // `红椿土家族乡`: an ethnic township's name stands before its people.
            let name_end = if suffix == "乡" { ETHNIC_GROUPS.iter().find(|g| text[..at].ends_with(*g)).map_or(at, |g| at - g.len()) } else { at };
            let starts = text[..name_end].char_indices().rev().take(3).map(|(i, _)| i);
            if let Some(start) = starts.skip(1).filter(|&s| view.is_boundary(s) && town_name(s, name_end)).min() {
                towns.push((start, end));
            }
        }
        // `分水、龙驹、甘宁等镇`, `回龙坝、曾家、中梁3个镇`, `濯水、石会两镇`: the items before 等 or a count take
        // the suffix.
        for found in TOWN_LIST_ENDS.find_iter(text).filter(|f| f.as_str().ends_with(suffix) && suffix != "村") {
            if view.is_boundary(found.end()) {
                for (s, e) in super::tokens::coordination(view, found.start(), 3) {
                    if town_name(s, e) && (2..=3).contains(&text[s..e].chars().count()) {
                        out.push(Candidate::new(EntityKind::Place, s, e, format!("{}{suffix}", &text[s..e]), 5).with_place_kind("town"));
                    }
                }
                list_ends.push(found.end());
            }
        }
    }
    towns.sort_unstable();
    // `…3个镇和土主街道`: a town right after such a list is listed too.
    let after_list = |s: usize| ["、", "和", "及"].iter().any(|sep| text[..s].strip_suffix(sep).is_some_and(|before| list_ends.contains(&before.len())));
    let listed = |i: usize| {
        let (s, e) = towns[i];
        let before = i > 0 && text.get(towns[i - 1].1..s) == Some("、");
        let after = towns.get(i + 1).is_some_and(|&(next, _)| text.get(e..next) == Some("、"));
        before || after || after_list(s)
    };
    // `茨/ns 竹镇`, `玉峰山/nr 镇`: a town alone is one when its name holds a place or person
    // name, unless it ends in a kind of town (`江南古镇`, 小镇, 名镇).
    let proper_alone = |(s, e): (usize, usize)| {
        let name_end = if text[..e].ends_with("街道") { e - "街道".len() } else { e - '镇'.len_utf8() };
        // The name opens with such a word, and the town is no word of its own (景德镇, a city).
        let first = view.token_index_at(s).map(|i| view.tokens[i]).filter(|t| t.start == s && matches!(t.tag, "ns" | "nr" | "nz"));
        let opens_proper = first.is_some_and(|t| t.end <= name_end);
        // `西沱镇/ns`, `双凤镇/nr`: a town jieba knows as one proper word, when the gazetteer does not
        // know it as a city (景德镇).
        let known_town = first.is_some_and(|t| t.end == e && t.word.chars().count() == 3 && ctx.lexicon.lookup(t.word).is_none());
        (opens_proper || known_town)
            && !text[..e].ends_with('村')
            && !text[s..name_end].contains(['等', '各', '个'])
            && !text[..name_end].ends_with(['古', '小', '名', '城', '乡', '村', '集', '重', '强'])
    };
    for i in (0..towns.len()).filter(|&i| listed(i) || proper_alone(towns[i])) {
        let (s, e) = towns[i];
        let kind = if text[..e].ends_with('村') { "village" } else { "town" };
        out.push(Candidate::new(EntityKind::Place, s, e, &text[s..e], 5).with_place_kind(kind));
        // `双江、青龙街道`: proper names listed right before a town without a suffix share its
        // suffix.
        let Some(suffix) = ["街道", "镇"].into_iter().find(|x| text[s..e].ends_with(x)) else { continue };
        let items = super::tokens::coordination(view, e - suffix.len(), 3);
        if let Some((_, before)) = items.split_last().filter(|(_, before)| text[..s].ends_with('、') && !before.is_empty()) {
            for &(is, ie) in before.iter().filter(|&&(is, ie)| town_name(is, ie) && super::tokens::has_proper_token(view, is, ie) && (2..=3).contains(&text[is..ie].chars().count())) {
                out.push(Candidate::new(EntityKind::Place, is, ie, format!("{}{suffix}", &text[is..ie]), 5).with_place_kind("town"));
            }
        }
    }
}

/// `陇东南`, `鲁西南`, `冀中南地区`, `皖北`: a province's one-character abbreviation and one or
/// two compass characters (东南西北中), on token boundaries, name a region of that province. A
/// gazetteer word as long or longer (渝东南, 云南, 京东 the firm) is read as that word, and 新
/// (新中, 新西兰) is left out: it opens too many other words; a region joined by a dash to another
/// place names a joint work.
fn compass_regions(view: &SentenceView, hits: &[Hit], out: &mut Vec<Candidate>) {
    let is_compass = |c: char| matches!(c, '东' | '南' | '西' | '北' | '中');
    let text = view.text;
    // One pass: a compass character right after an abbreviation opens a run.
    let mut previous: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        let before = previous.replace((at, c));
        let Some((start, abbreviation)) = before.filter(|_| is_compass(c)) else { continue };
        if abbreviation == '新' || !PROVINCE_ABBREVIATIONS.contains(abbreviation) || !view.is_boundary(start) {
            continue;
        }
        let run = text[at..].chars().take_while(|&d| is_compass(d)).count();
        if run > 2 {
            continue;
        }
        let end = at + text[at..].chars().take(run).map(char::len_utf8).sum::<usize>();
        // `豫东南和皖北`: jieba may glue the next word's first character to the last compass one.
        let ends_well = view.is_boundary(end) || text[end..].starts_with(|d: char| !crate::normalize::is_han(d) || "和及与等地".contains(d));
        let known = hits.iter().any(|h| h.start <= start && h.end >= end);
        // `蒙西—京津冀特高压工程`: joined by a dash, it names a joint work (see `in_joint_name`).
        let joint = (text[end..].starts_with('—') || text[..start].ends_with('—')) && !integrates_places(&text[end..]);
        if ends_well && !known && !joint && !inside_quoted_name(text, start, end) && !super::tokens::opens_event_name(&text[end..]) {
            // `冀中南地区` is the region 冀中南.
            let surface_end = if text[end..].starts_with("地区") { end + "地区".len() } else { end };
            out.push(Candidate::new(EntityKind::Place, start, surface_end, &text[start..end], 4).with_place_kind("region"));
        }
    }
}

/// `襄十随神城市群`, `呼包鄂乌`, `推动成德眉资交通互联`: a run of 3 to 5 characters on token
/// boundaries, each the first character of a city of the report's province (after the first, also
/// the second of a two-character city's name before a suffix: `苏锡常都市圈`), names the grouping of
/// those cities: before a regional suffix (城市群, 都市圈, 经济圈, 城市带, 工业走廊 as in 哈大齐工业走廊;
/// the suffix is part of the name) or, with 4 or 5 characters, alone or before 一体化/同城化.
fn city_chains(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    const SUFFIXES: [&str; 6] = ["城市群", "都市圈", "经济圈", "城市带", "工业走廊", "产业走廊"];
    let Some(province) = ctx.province else { return };
    let initials = ctx.lexicon.city_initials_of(province);
    if initials.is_empty() {
        return;
    }
    let seconds = ctx.lexicon.city_seconds_of(province);
    let text = view.text;
    // Where the first six characters of the current run of initials start, and whether the run
    // holds a city's second character (`苏锡常`: only before a suffix).
    let mut starts = [0usize; 6];
    let mut run = 0;
    let mut with_seconds = false;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        let initial = initials.contains(&c);
        if initial || run > 0 && seconds.contains(&c) {
            if run < starts.len() {
                starts[run] = at;
            }
            run += 1;
            with_seconds |= !initial;
            continue;
        }
        // The longest chain of the run (3 to 5 characters) that ends on a token boundary.
        let start = starts[0];
        let found = (3..=run.min(5)).rev().filter(|_| view.is_boundary(start)).find_map(|n| {
            let end = if n < run { starts[n] } else { at };
            let suffix = SUFFIXES.iter().find(|s| text[end..].starts_with(*s));
            let alone = n >= 4 && !with_seconds && (view.is_boundary(end) || text[end..].starts_with(|c: char| !crate::normalize::is_han(c)));
            (suffix.is_some() || alone).then(|| end + suffix.map_or(0, |s| s.len()))
        });
        if let Some(end) = found {
            // Below the items of a coordination, which take the suffix after the last item.
            out.push(Candidate::new(EntityKind::Place, start, end, &text[start..end], 3).with_place_kind("region"));
        }
        run = 0;
        with_seconds = false;
    }
}

/// The words of [`FUNCTIONAL_SUFFIXES`], searched for in one pass with the other heads.
pub static SUFFIX_WORDS: LazyLock<[&str; FUNCTIONAL_SUFFIXES.len()]> = LazyLock::new(|| FUNCTIONAL_SUFFIXES.map(|(s, _)| s));

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
        if !view.is_boundary(start) || !(view.is_boundary(end) || before_generic_noun(view, end)) {
            continue;
        }
        let entries = ctx.lexicon.entries[word].as_slice();
        let Some(entry) = choose(entries, ctx.province)
            .or_else(|| choose(entries, province_right_before(ctx, hits, start)))
            .or_else(|| choose(entries, province_of_listed_neighbour(ctx, view.text, hits, start, end, 3)))
            .or_else(|| choose(entries, province_of_unique_partner(ctx, view.text, hits, entries, start, end)))
        else {
            continue;
        };
        if entry.kind != EntityKind::Place {
            // Other gazetteers (strategies, companies) are read by their own recognisers.
            continue;
        }
        // `西宁—海东都市圈`: two places joined by a dash before a regional suffix name one region.
        let partner = view.text[end..].strip_prefix('—').and_then(|_| {
            let at = end + '—'.len_utf8();
            hits.iter().find(|h| h.start == at && ctx.lexicon.entries[h.word].iter().any(|x| x.kind == EntityKind::Place))
        });
        if let Some(partner) = partner
            && let Some(suffix) = REGION_SUFFIXES.iter().find(|s| view.text[partner.end..].starts_with(*s) && view.is_boundary(partner.end + s.len()))
        {
            let region_end = partner.end + suffix.len();
            out.push(Candidate::new(EntityKind::Place, start, region_end, &view.text[start..region_end], 6).with_place_kind("region"));
            continue;
        }
        // `中国—东盟产业合作区`: a pair before a cooperation zone's name (a few characters and
        // 合作区) names one zone.
        if let Some(partner) = partner {
            let rest = &view.text[partner.end..];
            let name: usize = rest.chars().take_while(|&c| crate::normalize::is_han(c)).take(8).map(char::len_utf8).sum();
            if let Some(at) = rest[..name].find("合作区") {
                let zone_end = partner.end + at + "合作区".len();
                if view.is_boundary(zone_end) {
                    out.push(Candidate::new(EntityKind::Place, start, zone_end, &view.text[start..zone_end], 6).with_place_kind("functional-area"));
                    continue;
                }
            }
        }
        // `万象城二期`: a city abroad before 城 names a shopping mall.
        if entry.place_kind == Some("city") && entry.code.is_none() && view.text[end..].starts_with('城') {
            continue;
        }
        // Slogans are made of provinces, cities and countries (美丽重庆, 健康中国), never of
        // regional groupings (企业西南地区总部).
        let may_be_slogan = !matches!(entry.place_kind, Some("region" | "bloc" | "functional-area"));
        if (may_be_slogan && is_slogan_part(view, ctx, start, end))
            || opens_brand_item(&view.text[end..])
            || (super::tokens::opens_event_name(&view.text[end..]) && !is_partner_of_joint_work(view.text, start, end))
            || opens_national_park(&view.text[end..])
            || inside_quoted_name(view.text, start, end)
            || (opens_formal_name(view, start, end) && !matches!(entry.place_kind, Some("district" | "county")))
            || is_name_qualifier(view.text, start, end)
            || in_joint_name(ctx, hits, view, start, end)
        {
            continue;
        }
        // `丹江口库区`: a region named after the place by a geographic suffix.
        // (`沈阳现代化都市圈`: 现代化 may stand between.)
        let modern = if view.text[end..].starts_with("现代化") { "现代化".len() } else { 0 };
        if let Some(suffix) = REGION_SUFFIXES.iter().find(|s| view.text[end + modern..].starts_with(*s) && view.is_boundary(end + modern + s.len())) {
            let region_end = end + modern + suffix.len();
            out.push(Candidate::new(EntityKind::Place, start, region_end, &view.text[start..region_end], 5).with_place_kind("region"));
            continue;
        }
        let mut candidate = Candidate::new(EntityKind::Place, start, end, entry.label.clone(), 5);
        candidate.code = entry.code.clone();
        candidate.place_kind = entry.place_kind;
        out.push(candidate);
        if matches!(entry.place_kind, Some("district" | "county")) && view.text[start..end] == *entry.label {
            town_after(view, end, out);
        }
    }
}

/// `肥西县三河镇`, `永宁县闽宁镇`: two or three characters and 镇 or 街道 right after a county's or
/// district's full name name a town or subdistrict of it (a place without a division code of its
/// own); not a kind of town (`璧山区重点镇`).
fn town_after(view: &SentenceView, at: usize, out: &mut Vec<Candidate>) {
    let text = &view.text[at..];
    let Some((name_end, suffix)) = (2..=3).find_map(|n| {
        let name_end = text.char_indices().nth(n).map(|(i, _)| i)?;
        let suffix = ["镇", "街道"].into_iter().find(|s| text[name_end..].starts_with(s))?;
        Some((name_end, suffix))
    }) else {
        return;
    };
    let name = &text[..name_end];
    let end = at + name_end + suffix.len();
    if name.chars().all(crate::normalize::is_han) && view.is_boundary(end) && !super::tokens::is_generic_name(name) && !name.ends_with(['等', '个', '各']) {
        out.push(Candidate::new(EntityKind::Place, at, end, &view.text[at..end], 5).with_place_kind("town"));
    }
}

/// The province named right before `start` (`湖北|利川`), whose short county names then count
/// in any report: two-digit code prefix.
fn province_right_before<'c>(ctx: &Context<'c>, hits: &[Hit], start: usize) -> Option<&'c str> {
    let hit = hits.iter().find(|h| h.end == start)?;
    let entry = choose(&ctx.lexicon.entries[hit.word], ctx.province).filter(|e| e.place_kind == Some("province"))?;
    entry.code.as_deref().and_then(|code| code.get(..2))
}

/// `与贵州道真、正安、桐梓等县`, `与广安、遂宁、武胜共建`: a county's short name outside the report's
/// province is read in a list, beside a place of its own province (looked up the same way, up
/// to `depth` items away): the province's code prefix.
fn province_of_listed_neighbour<'c>(ctx: &Context<'c>, text: &str, hits: &[Hit], start: usize, end: usize, depth: u8) -> Option<&'c str> {
    if depth == 0 {
        return None;
    }
    let comma = '、'.len_utf8();
    let neighbours = hits.iter().filter(|h| (h.end + comma == start && text[h.end..start] == *"、") || (h.start == end + comma && text[end..h.start] == *"、"));
    neighbours
        .filter_map(|h| {
            let entries = &ctx.lexicon.entries[h.word];
            let entry = choose(entries, ctx.province)
                .or_else(|| choose(entries, province_right_before(ctx, hits, h.start)))
                .or_else(|| if h.end <= start { choose(entries, province_of_listed_neighbour(ctx, text, hits, h.start, h.end, depth - 1)) } else { None })?;
            (entry.kind == EntityKind::Place && entry.place_kind != Some("province")).then_some(entry)
        })
        .find_map(|e| e.code.as_deref().and_then(|code| code.get(..2)))
}

/// `遂宁与潼南、广安与渝北`: a short name that only one division in the country has, paired by 与
/// or 和 with a place of the report, is that division (in a report of another province): the
/// province of that one division.
fn province_of_unique_partner<'e>(ctx: &Context, text: &str, hits: &[Hit], entries: &'e [GazetteerEntry], start: usize, end: usize) -> Option<&'e str> {
    let mut short = entries.iter().filter_map(|e| e.only_in_province.as_deref());
    let (Some(province), None) = (short.next(), short.next()) else { return None };
    let is_local_place = |h: &Hit| {
        choose(&ctx.lexicon.entries[h.word], ctx.province).is_some_and(|e| e.kind == EntityKind::Place && matches!(e.place_kind, Some("city" | "county" | "district")))
    };
    let paired = ["与", "和"].iter().any(|w| {
        let before = text[..start].strip_suffix(w).is_some_and(|b| hits.iter().any(|h| h.end == b.len() && is_local_place(h)));
        let after = text[end..].strip_prefix(w).is_some_and(|a| hits.iter().any(|h| h.start == text.len() - a.len() && is_local_place(h)));
        before || after
    });
    paired.then_some(province)
}

/// `福州、厦漳泉两大都市圈`, `闽东北、闽西南两大协同发展区`: the items before a counted regional
/// suffix are regions named with it; before a counted 新城 (`嘉定、青浦、…、南汇五个新城`), new towns,
/// whose items run up to six characters (`东部体育会展三个新城`).
fn counted_regions(view: &SentenceView, out: &mut Vec<Candidate>) {
    static COUNTED_REGIONS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:[两三四五六]|[0-9])(?:大|个)(都市圈|协同发展区|经济区|城市群|经济圈|新城)").expect("static regex") // ok: a fixed pattern
    });
    let text = view.text;
    for found in view.may_match(&["大", "个"]).then(|| COUNTED_REGIONS.captures_iter(text)).into_iter().flatten() {
        let (Some(whole), Some(suffix)) = (found.get(0), found.get(1)) else { continue };
        // (New towns run longer than regions: `东部体育会展三个新城`.)
        let longest = if suffix.as_str() == "新城" { 6 } else { 4 };
        for (s, e) in super::tokens::coordination(view, whole.start(), 6) {
            let item = &text[s..e];
            if item.chars().count() <= longest && item.chars().all(crate::normalize::is_han) {
                let kind = if suffix.as_str() == "新城" { "functional-area" } else { "region" };
                out.push(Candidate::new(EntityKind::Place, s, e, format!("{item}{}", suffix.as_str()), 6).with_place_kind(kind));
            }
        }
    }
}

/// `中国—东盟信息港`, `郑州—卢森堡“空中丝绸之路”`: two places joined by a dash name a joint
/// work, route or body, not the places themselves; so does a province's abbreviation before a
/// place (`琼港澳合作`).
fn in_joint_name(ctx: &Context, hits: &[Hit], view: &SentenceView, start: usize, end: usize) -> bool {
    let text = view.text;
    let is_place_hit = |s: usize, e: usize| {
        hits.iter().any(|h| h.start == s && h.end == e && ctx.lexicon.entries[h.word].iter().any(|x| x.kind == EntityKind::Place))
    };
    let dash = '—'.len_utf8();
    // `琼/港澳合作`: a province's one-character abbreviation, a token of its own, joined to the place.
    let abbreviation_before = start > 0
        && view.token_index_at(start - 1).map(|i| view.tokens[i]).is_some_and(|t| {
            t.end == start && t.word.chars().count() == 1 && t.word.chars().all(|c| PROVINCE_ABBREVIATIONS.contains(c))
        });
    if abbreviation_before {
        return true;
    }
    let partner_after = text[end..].starts_with('—') && hits.iter().any(|h| h.start == end + dash && is_place_hit(h.start, h.end));
    let partner_before = hits.iter().find(|h| text[..start].ends_with('—') && h.end == start - dash && is_place_hit(h.start, h.end));
    // `提升涪陵、南川、綦江—万盛综合实力`: a pair listed after a place is two places.
    let pair_start = partner_before.map_or(start, |h| h.start);
    let listed_after_place = text[..pair_start].strip_suffix('、').is_some_and(|before| hits.iter().any(|h| h.end == before.len() && is_place_hit(h.start, h.end)));
    (partner_after || partner_before.is_some()) && !integrates_places(&text[end..]) && !listed_after_place
}

/// `兰州—白银、天水—平凉一体化发展`: pairs of places joined by dashes before an integration
/// (一体化, 同城化, 协同发展) are the places themselves (`after` is the text after one of them).
fn integrates_places(after: &str) -> bool {
    let run: String = after.chars().take_while(|&c| crate::normalize::is_han(c) || c == '—' || c == '、').take(16).collect();
    ["一体化", "同城化", "协同发展"].iter().any(|w| run.contains(w))
}

/// `与万州区、开州区|共建…先行区`: a place after 与 or in a list, right before 共建 (携手, 合作…), is a partner
/// building the zone (not `成渝共建“一带一路”科技创新合作区`, a designation's name). A partner
/// may be named with its province (`与湖北利川共建…`): up to three characters may stand between
/// the place and 与 or the verb.
fn is_partner_of_joint_work(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = &text[..start];
    let han_prefix = |s: &str, n: usize| s.char_indices().take(n).take_while(|&(_, c)| crate::normalize::is_han(c)).map(|(i, c)| i + c.len_utf8()).collect::<Vec<_>>();
    let verb_after = std::iter::once(0).chain(han_prefix(after, 3)).any(|i| ["共建", "携手", "合作", "联合"].iter().any(|verb| after[i..].starts_with(verb)));
    let partner_before = before.ends_with(['与', '同', '、'])
        || before.char_indices().rev().take(3).take_while(|&(_, c)| crate::normalize::is_han(c)).any(|(i, _)| before[..i].ends_with(['与', '同']));
    verb_after && partner_before
}

/// `海南|热带雨林国家公园`, `大熊猫国家公园`: a national park's name is a designation, and a place
/// opening it is part of it.
fn opens_national_park(after: &str) -> bool {
    after.char_indices().take(10).take_while(|&(_, c)| crate::normalize::is_han(c)).any(|(i, _)| after[i..].starts_with("国家公园"))
}

/// One-character abbreviations of the provinces, as joint names use them (琼港澳, 湘鄂赣).
const PROVINCE_ABBREVIATIONS: &str = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新蒙";

/// Whether a word names a free-trade zone's area: a place (南宁) or a place's port (钦州港).
fn is_zone_word(ctx: &Context, word: &str) -> bool {
    is_place_word(ctx, word) || ["港", "机场"].iter().any(|hub| word.strip_suffix(hub).is_some_and(|place| is_place_word(ctx, place)))
}

/// Names of a free-trade zone, after which a list ending in 片区 names its sub-zones.
const FREE_TRADE_ZONES: [&str; 3] = ["自由贸易试验区", "自贸试验区", "自贸区"];

/// `中国（天津）自由贸易试验区天津港东疆、天津机场、滨海新区中心商务片区`: the items of a list
/// ending in 片区 right after a free-trade zone's name are its sub-zones, whatever names them.
fn free_trade_sub_zones(view: &SentenceView, at: usize) -> Vec<(usize, usize)> {
    let text = view.text;
    let mut items = super::tokens::coordination(view, at, 10);
    if items.iter().any(|&(s, e)| text[s..e].ends_with("片区")) {
        return Vec::new(); // 自贸试验区沈阳片区、大连片区: each item is named in full
    }
    let Some(first) = items.first_mut() else { return items };
    let zone_end = FREE_TRADE_ZONES.iter().filter_map(|z| text[..first.1].rfind(z).map(|i| i + z.len())).max();
    match zone_end {
        Some(zone_end) if zone_end < first.1 && text[zone_end..first.1].chars().all(crate::normalize::is_han) => {
            first.0 = zone_end;
            items
        }
        _ => Vec::new(),
    }
}

/// A place that qualifies a name rather than standing for itself: in brackets right after a
/// name (中欧班列（重庆）, 中新（重庆）多式联运示范基地) or between a count and an institution
/// head (金凤、嘉陵江…4个重庆实验室).
fn is_name_qualifier(text: &str, start: usize, end: usize) -> bool {
    static COUNTED: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"[0-9一二三四五六七八九十两]+(?:个|家|所)$").expect("static regex")); // ok: a fixed pattern
    let before = &text[..start];
    let bracketed = before.strip_suffix(['（', '(']).is_some_and(|b| b.chars().next_back().is_some_and(crate::normalize::is_han))
        && text[end..].starts_with(['）', ')']);
    // `光谷实验室、珞珈实验室等湖北实验室`: after 等, a place before the head names a kind of body.
    let counted = (COUNTED.is_match(before) || before.ends_with('等')) && super::institution::HEADS.iter().any(|h| text[end..].starts_with(h));
    // `中国（大同）跨境电子商务综合试验区`: 中国 before a bracketed place opens a formal name.
    let opens_bracketed = &text[start..end] == "中国" && text[end..].starts_with(['（', '(']);
    bracketed || counted || opens_bracketed
}

/// A division's full name (重庆市, 四川省) directly followed by more name that ends in a formal
/// head (重庆市停车管理条例, 重庆市公共数据资源登记系统) opens the formal name of a document, body,
/// system or firm: a report says 重庆 or 全市 when it means the place. Only provinces and cities open such names: a county
/// or district before a verb (浏阳市稳居…, 昆山市继续领跑…) is the place.
fn opens_formal_name(view: &SentenceView, start: usize, end: usize) -> bool {
    let word = &view.text[start..end];
    if !(word.ends_with('市') || word.ends_with('省') || word.ends_with("自治区")) {
        return false;
    }
    let Some(next) = view.token_index_at(end).map(|i| view.tokens[i]).filter(|t| t.start == end) else { return false };
    // `武汉市地区生产总值`: a generic noun after the place opens no name.
    next.word.chars().all(crate::normalize::is_han)
        && !matches!(next.tag, "ns" | "u" | "uj" | "p" | "c" | "d" | "r" | "m" | "q" | "f")
        && !super::tokens::is_stop_word(next.word)
        && !GENERIC_NOUNS_AFTER_PLACE.contains(&next.word)
        && ends_in_formal_head(&view.text[end..])
}

/// Heads that end the formal name of a document, body, system, event or works (条例, 人民政府,
/// 系统, 大会, 活动, 项目).
const FORMAL_HEADS: [&str; 38] = [
    "活动", "项目", "工程", "生产线", "条例", "办法", "规定", "规划", "纲要", "方案", "意见", "决定", "通知", "政府", "人大", "委员会", "政协", "委", "局", "厅", "办公室",
    "中心", "公司", "集团", "银行", "大学", "学院", "医院", "研究院", "研究所", "学校", "协会", "商会", "系统", "平台", "大会", "会议", "论坛",
];

/// Whether the noun phrase starting the text ends in a [`FORMAL_HEADS`] word before the clause
/// or a figure does (`停车管理条例`; not `经济增速均高于…`, `老工业城市转型…`, nor projects
/// counted after 项目: `援建项目23个`).
fn ends_in_formal_head(after: &str) -> bool {
    // (A figure ends the phrase: `淄博市帮扶资金1.3亿元支持…项目` is the city's money.)
    let phrase: String = after.chars().take_while(|&c| !super::tokens::is_break(c) && !c.is_ascii_digit()).take(24).collect();
    // (`东营市援建项目23个`: projects counted after 项目 are the place's projects.)
    let counted_projects = phrase.ends_with("项目") && after[phrase.len()..].starts_with(|c: char| c.is_ascii_digit());
    FORMAL_HEADS.iter().any(|h| phrase.contains(h)) && !(counted_projects && FORMAL_HEADS.iter().filter(|h| phrase.contains(*h)).all(|h| *h == "项目"))
}

/// A count right before a suffix: `三个`, `3个`.
static COUNT_BEFORE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?:[0-9]+|[一二三四五六七八九十两]+)个$").expect("static regex")); // ok: a fixed pattern

/// Whether a word is in the place gazetteer.
pub(super) fn is_place_word(ctx: &Context, word: &str) -> bool {
    ctx.lexicon.lookup(word).is_some_and(|entries| entries.iter().any(|e| e.kind == EntityKind::Place))
}

/// Where a name ending at `end` ends once a place in brackets right after it is taken in
/// (`香港科技大学（广州）`, a campus; `北京大兴国际机场临空经济区（廊坊）`, a zone's part).
pub(super) fn bracketed_place_end(ctx: &Context, text: &str, end: usize) -> usize {
    let Some(inner) = text[end..].strip_prefix(['（', '(']) else { return end };
    let Some(close) = inner.find(['）', ')']) else { return end };
    let place = &inner[..close];
    if place.chars().count() <= 4 && is_place_word(ctx, place) {
        text.len() - inner.len() + close + inner[close..].chars().next().map_or(0, char::len_utf8)
    } else {
        end
    }
}

/// Suffixes that make a region of the place before them (丹江口库区, 武汉都市圈).
const REGION_SUFFIXES: [&str; 3] = ["库区", "大都市圈", "都市圈"];

/// Nouns that jieba glues to a place name (美国市场, 四川地区): the place still counts.
const GENERIC_NOUNS_AFTER_PLACE: [&str; 10] = ["市场", "企业", "地区", "方面", "境内", "籍", "方向", "沿线", "首府", "省会"];

/// Whether the token running over `end` is a place glued to one of [`GENERIC_NOUNS_AFTER_PLACE`].
fn before_generic_noun(view: &SentenceView, end: usize) -> bool {
    let Some(token) = view.token_index_at(end).map(|i| view.tokens[i]) else { return false };
    token.start < end && GENERIC_NOUNS_AFTER_PLACE.contains(&&view.text[end..token.end])
}

/// A place strictly inside a quoted name (“东盟快班”, “渝黔桂新”铁海联运) belongs to that name:
/// a quotation is atomic. A place quoted on its own (“重庆”) is still a place.
fn inside_quoted_name(text: &str, start: usize, end: usize) -> bool {
    let open = text[..start].rfind(['“', '”']).filter(|&i| text[i..].starts_with('“'));
    let close = text[end..].find(['“', '”']).filter(|&i| text[end + i..].starts_with('”'));
    match (open, close) {
        (Some(open), Some(close)) => open + '“'.len_utf8() < start || close > 0,
        _ => false,
    }
}

/// A place word right after a modifier that belongs to the same noun phrase (数字重庆,
/// 美丽重庆, 新重庆, 健康中国) or before 式 (中国式) is part of a slogan or a longer name. A
/// place before 段 is a stretch of a river or road (长江干流重庆段): a place.
fn is_slogan_part(view: &SentenceView, ctx: &Context, start: usize, end: usize) -> bool {
    let after = &view.text[end..];
    if after.starts_with('段') {
        return false;
    }
    // `越南驻渝总领馆`: a mission of the place; `万州机场口岸`: a facility named after it (when
    // the facility is a project, the project's longer name wins anyway).
    // (`与越南、泰国港口开展合作`: 港口 is the country's ports, not a port named after it.)
    if after.starts_with('驻') || FACILITY_HEADS.iter().any(|h| after.starts_with(h) && !after.starts_with("港口")) {
        return true;
    }
    // `工作监督和县政协的民主监督`: a conjunction before the level word 县 (县政协, 区人大), not
    // the county 和县.
    let name = &view.text[start..end];
    if name.chars().count() == 2
        && name.starts_with(['和', '与', '及', '或'])
        && ["政协", "人大", "政府", "人民", "委", "级", "直", "属"].iter().any(|w| after.starts_with(w))
    {
        return true;
    }
    // `艮山东路过江隧道`, `北京东路`: a street named after the place (not `四川路网`, its roads).
    if let Some(street) = STREET_SUFFIXES.iter().find(|s| after.starts_with(*s)) {
        if !after[street.len()..].starts_with(['网', '况', '径', '费', '政', '面', '演', '线']) {
            return true;
        }
    }
    // `入选中国民营企业500强`: a ranking named after the place.
    if RANKING.is_match(after) {
        return true;
    }
    // `中共合肥市委`: the party committee of the place, a body's name.
    // (`巫山县|委`: a full name before 委 is its committee too.)
    let full = ['县', '市', '区', '省', '州', '盟', '旗'].iter().any(|&c| view.text[..end].ends_with(c));
    if ["市委", "省委", "区委", "县委", "州委", "盟委", "旗委"].iter().any(|c| after.starts_with(c)) || full && after.starts_with('委') && !after.starts_with("委员") {
        return true;
    }
    // `缔结友好区/ns 市`: a word ending in 区 before a lone 市 is half of `…区市` (districts and
    // cities), not a district.
    if view.text[..end].ends_with('区') && after.starts_with('市') && view.token_index_at(end).is_some_and(|i| view.tokens[i].word == "市") {
        return true;
    }
    // 中国特色: a country's 特色 is a slogan; a region's (昌都特色农牧业) is its own produce.
    let is_country = || {
        ctx.lexicon.lookup(&view.text[start..end]).and_then(|entries| choose(entries, ctx.province)).is_some_and(|e| e.place_kind == Some("country"))
    };
    // (`入选中国历史文化名镇`: a national title, not the country; nor is 中国竹乡 a township.)
    if after.starts_with(['式', '造']) || ((after.starts_with("特色") || after.starts_with("历史文化名")) && is_country()) {
        return true;
    }
    // `谱写…云南篇章`, `彰显四川担当`: the place's part in a national story, not the place.
    if SLOGAN_TAILS.iter().any(|t| after.starts_with(t) && view.is_boundary(end + t.len())) {
        return true;
    }
    // `鄂尔多斯盆地`, `呼伦贝尔草原`: a landform named after the place, not the division.
    // (Not `丹东森林覆盖率`, a statistic of the place.)
    if LANDFORMS.iter().any(|t| after.starts_with(t)) && !after.starts_with("森林覆盖率") || opens_brand_item(after) {
        return true;
    }
    let Some(i) = view.token_index_at(start).filter(|&i| i > 0) else { return false };
    let previous = view.tokens[i - 1];
    let previous_is_place = || {
        ctx.lexicon.lookup(previous.word).and_then(|entries| choose(entries, ctx.province)).is_some_and(|e| e.kind == EntityKind::Place)
    };
    view.is_boundary(end)
        && previous.end == start
        && previous.word.chars().all(crate::normalize::is_han)
        && (matches!(previous.tag, "a" | "an" | "ad" | "b" | "n" | "nz" | "l" | "i" | "d" | "ns") || previous.word == "新")
        && !super::tokens::is_or_ends_with_stop_word(previous.word)
        && !previous_is_place()
        && !PREPOSITIONS.contains(&previous.word)
        && !VERBS_TAGGED_AS_NOUNS.contains(&previous.word)
        // `现将/d 合川区…`: an adverb ending in a coverb (将, 把) governs the place; it does not modify it.
        && !(previous.tag == "d" && previous.word.ends_with(['将', '把']))
}

/// `擦亮涪陵|榨菜、奉节脐橙等区域公用品牌`, `赣南|脐橙、庐山云雾茶品牌`: a place opening an item of a list of brands
/// (or of 特色产业 after 等: `荣昌|卤鹅、荣昌夏布等特色产业`) names the produce, and one opening an item of a list of scenic areas (`沙坡头、镇北堡西部影城等景区`)
/// the scenic area (`after` is the text after the place).
fn opens_brand_item(after: &str) -> bool {
    let clause = &after[..after.find(['，', '。', '；', '：']).unwrap_or(after.len())];
    let Some((kind, brand)) = ["品牌", "景区", "地理标志", "特色产业"].iter().filter_map(|kind| Some((*kind, clause.find(kind)?))).min_by_key(|&(_, at)| at) else {
        return false;
    };
    // Without 等, the brand word follows the last item right away (`赣南脐橙、庐山云雾茶品牌`), or
    // after the verb of a title (`正安白茶、湄潭翠芽获评国家地理标志`).
    let brand = if kind == "地理标志" {
        let titled = ["获评国家", "入选国家", "获评", "入选", "获得", "成为"].iter().find_map(|v| clause[..brand].strip_suffix(v));
        match titled {
            Some(items) => items.len(),
            None => return false,
        }
    } else {
        brand
    };
    // (特色产业 only after 等, each item a place and its produce: not `支持临夏、甘南发展特色产业`,
    // `定西的马铃薯`, `师宗三地蔬菜`.)
    if kind == "特色产业" && (!clause[..brand].ends_with('等') || after.starts_with(|c: char| c == '的' || "一二三四五六七八九十两".contains(c))) {
        return false;
    }
    let listed = clause[..brand].split('、').all(|item| (1..=5).contains(&item.chars().count()) && item.chars().all(crate::normalize::is_han));
    let Some(etc) = clause[..brand].rfind('等').or(listed.then_some(brand)) else { return false };
    // `敦煌、嘉峪关等地景区`: items listed as places (等地) are the places.
    if clause[etc..].starts_with("等地") {
        return false;
    }
    let item_end = clause.find(['、', '等']).unwrap_or(etc);
    let item = &clause[..item_end];
    // A scenic area may be named by the place alone (`沙坡头、…等景区`); produce never is.
    let least = if kind == "景区" { 0 } else { 1 };
    (least..=4).contains(&item.chars().count()) && item.chars().all(crate::normalize::is_han) && clause[etc..brand].chars().count() <= 7
}

/// Peoples that name ethnic townships (`红椿土家族乡`, `民族乡` being a kind).
const ETHNIC_GROUPS: [&str; 16] = ["土家族", "苗族", "彝族", "回族", "藏族", "瑶族", "侗族", "壮族", "满族", "蒙古族", "白族", "傣族", "仡佬族", "布依族", "羌族", "畲族"];

/// Words after a place that make a street of it (`北京东路`, `长江大道`).
const STREET_SUFFIXES: [&str; 8] = ["东路", "西路", "南路", "北路", "中路", "大道", "大街", "路"];

/// A ranking of firms after a place (`中国民营企业500强`, `中国品牌100强`; not `全国百强县`, which
/// the place is in).
static RANKING: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:民营|制造业|服务业|上市)*(?:企业|品牌|公司)(?:[0-9]+|百|千)强").expect("static regex") // ok: a fixed pattern
});

/// Abstract nouns after a place that make a slogan of it (see `is_slogan_part`).
const SLOGAN_TAILS: [&str; 7] = ["篇章", "新篇章", "担当", "答卷", "辨识度", "样板", "精神"];

/// Landforms and sites named after a place (see `is_slogan_part`): 西夏陵 is a mausoleum.
const LANDFORMS: [&str; 10] = ["盆地", "草原", "沙漠", "沙地", "山脉", "森林", "高原", "陵", "石刻", "石窟"];

/// Facilities named after a place (see `is_slogan_part`).
const FACILITY_HEADS: [&str; 9] = ["机场", "港", "站", "高铁", "铁路", "高速", "码头", "大桥", "专列"];

/// Words before a place that introduce it (在重庆, 经重庆, 赴新加坡) even when jieba tags them
/// as nouns.
const PREPOSITIONS: [&str; 16] = ["全", "在", "到", "赴", "和", "与", "及", "等", "经", "至", "从", "由", "往", "驻", "入", "对"];
/// Verbs jieba tags as nouns that govern a place right after them (协同江北区, 落户重庆, 面向尼泊尔):
/// the place is their object, not the second half of a slogan.
const VERBS_TAGGED_AS_NOUNS: [&str; 10] = ["协同", "会同", "助力", "联通", "直通", "链接", "布局", "落地", "落户", "面向"];

/// Start of a token such as 沿黄 or 沿江 (沿 and a river or coast) ending at `at`; not 沿线 or
/// 沿途 (along a route).
fn lining_word_before(view: &SentenceView, at: usize) -> Option<usize> {
    let token = view.tokens[view.token_index_at(at.checked_sub(1)?)?];
    let chars = token.word.chars().count();
    (token.end == at && token.word.starts_with('沿') && (2..=3).contains(&chars) && !["沿线", "沿途", "沿岸"].contains(&token.word))
        .then_some(token.start)
}

fn functional_areas(view: &SentenceView, ctx: &Context, hits: &[Hit], occurrences: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let text = view.text;
    let spans: Vec<(usize, usize)> = occurrences.iter().map(|&(i, at)| (at, at + FUNCTIONAL_SUFFIXES[i].0.len())).collect();
    for &(index, at) in occurrences {
        let (suffix, stands_alone) = FUNCTIONAL_SUFFIXES[index];
        let end = at + suffix.len();
        if spans.iter().any(|&(s, e)| s <= at && e >= end && e - s > end - at) {
            continue; // 新区 inside 高新区
        }
        if !view.is_boundary(end) && !text[end..].starts_with('（') {
            continue;
        }
        let weak = WEAK_SUFFIXES.contains(&suffix);
        let start = if weak {
            view.loose_name_start_before(at, 6)
        } else if matches!(suffix, "合作区" | "综合实验区" | "临空经济区" | "临空经济示范区" | "示范区" | "试验区" | "先导区") {
            // `前海深港现代服务业合作区`: these names run long and hold words of any kind, and
            // 发展 too (`珲春海洋经济发展示范区`), where a loose name stops.
            view.loose_name_start_before(at, 12).min(view.name_start_before(at, 12))
        } else {
            view.name_start_before(at, 10)
        };
        // `大同/d 经开区`: a place of the gazetteers names the zone whatever jieba tagged it.
        let start = match hits.iter().find(|h| h.end == at && view.is_boundary(h.start)) {
            Some(hit) if start == at && is_place_word(ctx, &text[hit.start..hit.end]) => hit.start,
            _ => start,
        };
        let start = include_bracketed_qualifier(text, start, at, view);
        // `主动服务|成渝地区双城经济圈`: a national strategy of the gazetteer ending here is the strategy.
        if hits.iter().any(|h| h.end == end && h.start >= start && ctx.lexicon.entries[h.word].iter().any(|e| e.kind == EntityKind::Programme)) {
            continue;
        }
        // `沿黄城市群`, `沿江经济带`: a grouping named by the river or coast it lines (沿黄/a), with the province before it (辽宁沿海经济带).
        let lining = start == at && REGION_GROUP_SUFFIXES.contains(&suffix) && lining_word_before(view, at).is_some();
        let start = if lining { lining_word_before(view, at).unwrap_or(start) } else { start };
        // `辽宁沿海经济带`: the province before such a grouping is part of its name.
        let start = match hits.iter().find(|h| h.end == start && view.is_boundary(h.start)) {
            Some(hit) if lining && is_place_word(ctx, &text[hit.start..hit.end]) => hit.start,
            _ => start,
        };
        // `宁波前湾、湖州南太湖、温州湾等新区`: items listed before `等` and the suffix share it
        // when each holds a proper name.
        if start == at && text[..at].ends_with('等') {
            let items = super::tokens::coordination(view, at - '等'.len_utf8(), 8);
            let named = |&(s, e): &(usize, usize)| {
                super::tokens::has_proper_token(view, s, e) && !FUNCTIONAL_SUFFIXES.iter().any(|(other, _)| text[s..e].ends_with(other))
            };
            if items.iter().all(named) {
                for (s, e) in items {
                    out.push(Candidate::new(EntityKind::Place, s, e, format!("{}{suffix}", &text[s..e]), 5).with_place_kind("functional-area"));
                }
            }
            continue;
        }
        // The sub-zones listed after a free-trade zone's name (the last one with its suffix).
        let sub_zones = if suffix == "片区" && COUNT_BEFORE.find(&text[..at]).is_none() { free_trade_sub_zones(view, at) } else { Vec::new() };
        if !sub_zones.is_empty() {
            let last = sub_zones.len() - 1;
            for (i, (s, e)) in sub_zones.into_iter().enumerate() {
                let e = if i == last { end } else { e };
                let item = text[s..e].strip_suffix(suffix).unwrap_or(&text[s..e]);
                out.push(Candidate::new(EntityKind::Place, s, e, format!("{item}{suffix}"), 6).with_place_kind("functional-area"));
            }
            continue;
        }
        // `长沙、岳阳、郴州三个片区`, `宁乡、浏阳两个经开区`: the items before a count share the
        // suffix (the regional suffixes and 新城 are counted in `counted_regions`).
        let counted_here = !matches!(suffix, "都市圈" | "协同发展区" | "经济区" | "城市群" | "经济圈" | "新城");
        if let Some(count) = COUNT_BEFORE.find(&text[..at]).filter(|_| start == at && counted_here) {
            for (s, e) in super::tokens::coordination(view, count.start(), 6) {
                // The first item may follow the zone's name (湖南自贸试验区|长沙、…).
                // (`横琴、前海两个合作区`: a zone the gazetteer names by its short form is that zone.)
                let known_zone = ctx.lexicon.lookup(&text[s..e]).is_some_and(|es| es.iter().any(|x| x.place_kind == Some("functional-area")));
                let s = if suffix == "片区" { zone_start(view, ctx, s, e) } else { (super::tokens::has_proper_token(view, s, e) && !known_zone).then_some(s) };
                let Some(s) = s else { continue };
                // Named as a zone here, over the place reading of the same word.
                out.push(Candidate::new(EntityKind::Place, s, e, format!("{}{suffix}", &text[s..e]), 6).with_place_kind("functional-area"));
            }
            continue;
        }
        if suffix == "片区" && start == at {
            continue;
        }
        let proper = lining || super::tokens::has_proper_token(view, start, at);
        // `杭州、宁波、金义片区`: after places, the last item of the list is a 片区 too.
        let listed_after_zones = suffix == "片区" && start < at && listed_after_zones(view, ctx, at);
        if !proper && ((weak && start == at) || (start < at && super::tokens::is_generic_name(&text[start..at]))) {
            continue; // 智慧综保区, 园区开发区: kinds of area, not places
        }
        // (`大城市带大农村`: a one-character name before 城市带 is a phrase.)
        let short = suffix == "城市带" && text[start..at].chars().count() < 2;
        if PROPER_SUFFIXES.contains(&suffix) && (!(proper || listed_after_zones) || short || text[..start].ends_with('”')) {
            continue; // 成渝共建“一带一路”科技创新合作区: a designation
        }
        // `沈抚改革创新示范区`, `杨凌示范区` are zones, named first by their place; `共同富裕示范区`,
        // `创建国家乡村振兴示范区` and `毕节贯彻新发展理念示范区` are designations and aims.
        // (`深度融入|长吉图开发开放先导区`: the name starts after such a verb.)
        let start = ["贯彻", "融入", "创建", "晋级", "获批"].iter().filter_map(|verb| text[start..at].rfind(verb).map(|i| start + i + verb.len())).max().unwrap_or(start);
        let opens_with_place = || view.token_index_at(start).is_some_and(|i| matches!(view.tokens[i].tag, "ns" | "nr" | "j") && view.tokens[i].start == start);
        if matches!(suffix, "示范区" | "先行区" | "试验区" | "先导区") && !opens_with_place() {
            continue;
        }
        // `博鳌乐城国际医疗旅游先行区` is a zone; `西部地区高质量发展先行区`, `中非经贸深度合作先行区`
        // and `美丽乡村先行区` are aims of development.
        if matches!(suffix, "先行区" | "试验区") && ["发展", "合作", "美丽", "乡村"].iter().any(|w| text[start..at].contains(w)) {
            continue;
        }
        // `长江经济带` is the strategy of its gazetteer, not a belt of places; a formula joined
        // by `+` (研究院+产业基金+产业园区) names no area.
        let strategy = ctx.lexicon.lookup(&text[start..end]).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Programme));
        if strategy || text[start..at].contains('+') {
            continue;
        }
        // `珞璜工业园` (a town's) is a zone; `云阳面工业园`, `比亚迪深汕工业园` (a product's, a
        // firm's) are works (see `project`).
        if suffix == "工业园" && !super::project::names_a_zone(view, ctx, start, at) {
            continue;
        }
        // `35个川渝产业合作示范园区` is a kind of park; `四川大学宜宾园区` a university's campus.
        if suffix == "园区" && (COUNT_BEFORE.is_match(&text[..start]) || ["大学", "学院"].iter().any(|h| text[start..at].contains(h))) {
            continue;
        }
        // `苏州片区`, `渝东南片区`: a 片区 is named by one place or grouping.
        if suffix == "片区" && !is_zone_word(ctx, &text[start..at]) && !listed_after_zones {
            continue;
        }
        // `渝东南片区`, `川南经济区`: a regional grouping named with such a suffix is the grouping.
        let region = ctx.lexicon.lookup(&text[start..at]).and_then(|entries| entries.iter().find(|e| e.place_kind == Some("region")));
        let kind = if REGION_GROUP_SUFFIXES.contains(&suffix) || (region.is_some() && PROPER_SUFFIXES.contains(&suffix)) { "region" } else { "functional-area" };
        // (Not 经济带: `“一带一路”建设和长江经济带` lists a strategy, not two belts.)
        if (REGION_GROUP_SUFFIXES.contains(&suffix) && suffix != "经济带") || suffix == "片区" {
            // `川南、川东北经济区`, `昆明、红河片区`: the items share the suffix.
            for &(s, e) in super::tokens::coordination(view, at, 6).split_last().map_or(&[][..], |(_, items)| items) {
                let s = if suffix == "片区" { zone_start(view, ctx, s, e).unwrap_or(s) } else { s };
                let item = &text[s..e];
                // (`“一带一路”建设和兰西城市群`: a verb is no item.)
                let verb = view.token_index_at(s).is_some_and(|i| view.tokens[i].start == s && view.tokens[i].end == e && view.tokens[i].tag.starts_with('v'));
                if item.chars().count() <= 4 && item.chars().all(crate::normalize::is_han) && !item.ends_with(suffix) && !verb {
                    let region = ctx.lexicon.lookup(item).and_then(|entries| entries.iter().find(|e| e.place_kind == Some("region")));
                    let item_kind = if region.is_some() || suffix != "片区" { "region" } else { "functional-area" };
                    let label = region.map_or_else(|| format!("{item}{suffix}"), |e| e.label.clone());
                    // A 片区 named by a city is named as a sub-zone here, over the city.
                    let confidence = if suffix == "片区" { 6 } else { 4 };
                    out.push(Candidate::new(EntityKind::Place, s, e, label, confidence).with_place_kind(item_kind));
                }
            }
        }
        // `西部科学城重庆高新区` is two areas: a name does not run across another suffix, nor
        // back over a conjunction jieba glued to a word (`皖西和/ns 大别山革命老区`).
        let start = FUNCTIONAL_SUFFIXES
            .iter()
            .filter_map(|(other, _)| text[start..at].rfind(other).map(|i| start + i + other.len()))
            .filter(|&cut| view.is_boundary(cut))
            .max()
            .unwrap_or(start);
        let start = text[start..at]
            .rfind(['和', '与'])
            .map(|i| start + i + '和'.len_utf8())
            .filter(|&cut| !view.is_boundary(cut - '和'.len_utf8()) && text[cut..at].chars().count() >= 2 && cut - start > '和'.len_utf8())
            .unwrap_or(start);
        if start == at {
            if stands_alone {
                out.push(Candidate::new(EntityKind::Place, at, end, suffix, 3).with_place_kind("functional-area"));
            }
            continue;
        }
        // `“一小时经济圈”`, `半小时通勤圈`: a reach in time, not a region.
        if DESIGNATION_QUALIFIERS.contains(&&text[start..at]) || ["小时", "分钟"].iter().any(|t| text[start..at].ends_with(t)) {
            continue;
        }
        let end = if kind == "functional-area" { bracketed_place_end(ctx, text, end) } else { end };
        let label = match region.filter(|_| kind == "region") {
            Some(entry) => entry.label.as_str(),
            None => &text[start..end],
        };
        out.push(Candidate::new(EntityKind::Place, start, end, label, 4).with_place_kind(kind));
    }
}

/// Whether the name before `at` is the last item of a list whose other items are places or
/// groupings (`杭州、宁波、金义片区`; the first item may follow the zone's name).
fn listed_after_zones(view: &SentenceView, ctx: &Context, at: usize) -> bool {
    let text = view.text;
    let items = super::tokens::coordination(view, at, 6);
    let Some((&(last_start, last_end), others)) = items.split_last() else { return false };
    !others.is_empty()
        && others.iter().all(|&(s, e)| zone_start(view, ctx, s, e).is_some())
        && (2..=4).contains(&text[last_start..last_end].chars().count())
        && text[last_start..last_end].chars().all(crate::normalize::is_han)
}

/// Where the place or grouping that ends the item `s..e` starts (`湖南自贸试验区长沙`: at 长沙).
fn zone_start(view: &SentenceView, ctx: &Context, s: usize, e: usize) -> Option<usize> {
    (s..e).filter(|&i| view.text.is_char_boundary(i) && view.is_boundary(i)).find(|&i| is_zone_word(ctx, &view.text[i..e]))
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
