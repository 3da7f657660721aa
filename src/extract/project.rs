//! Projects: infrastructure and industrial projects, found by head nouns.
//!
//! Rules:
//! - a name phrase (see `tokens::SentenceView::name_start_before`) followed by an
//!   infrastructure head: 高铁, 铁路, 铁路专用线, 高速公路, 机场, 航站楼, 水库, 大桥, 港, 轨道交通N号线,
//!   口岸 (named by the town it serves: 满洲里口岸, not 重庆口岸), 煤炭基地, 煤矿, 新校区, 新馆 and a
//!   wing by its side (西馆, 东馆…) (a campus or a museum's building; a university's 校区: 厦门大学翔安校区),
//!   a freight 中心站 (团结村中心站; not the end of a segment: `…副中心站至大兴机场段`), a 复线桥, an interchange (五里店立交), a ski resort (南天湖国际滑雪场), a cableway (白马山索道), a second or third bridge (芙蓉江二桥) and a 特大桥, a 游客集散中心, a stadium (大田湾体育场, 体育馆, 体育中心), an accelerator (兰州重离子加速器), a runway counted after its airport's terminal
//!   (`…国际机场T3航站楼和第二跑道`, `…T2航站楼改扩建工程和第二跑道`: that airport's 第二跑道),
//!   快速通道 (with a segment or a proper name: not `人才引进快速通道`),
//!   枢纽 and 航运枢纽 (named by any word: 利泽航运枢纽; not a hub's role, era or positioning: `…的枢纽作用`, `迈入高铁时代`, `“…、成渝枢纽”定位`, 北方国际航运枢纽; not
//!   省会城市枢纽, nor every city reached: 市州通高铁),
//!   游客(服务)中心, 储气库, 外输管道, 过江通道, 滨河步道, 登山步道, 铁路物流园, 电站, 风电场, 工业园 (not a town's, a zone: 珞璜工业园), freight centres (铁路物流中心, 集结中心), 试验场, 核电, 运河, 输电工程, water and sewage works (水厂, 污水处理厂), 跨海通道, data and computing centres (数据中心(集群), 云计算中心, 智算中心,
//!   算力中心, 人工智能计算中心 and 智能计算中心; a body is named 超级计算…中心), 总装线, hospital buildings (院区, 综合楼, 住院楼, 门诊楼, 科研楼, 医技楼, 传染病楼, 急诊楼; a hospital's 迁建工程: 荣昌区妇幼保健院迁建工程;
//!   named from the hospital's whole name, over any word between: `…第一附属医院高新/d 院区`; a hospital's 二期), 装置, …; the name
//!   must not be empty (水库 alone is no project, nor works on a bare head: `苏南硕放/v 国际机场改扩建工程` gives no
//!   `国际机场`; but a reservoir, power station or wind farm opening its clause is named by the two
//!   characters before it whatever their tag: `藻渡/v 水库`, `治平/v 风电场`, not a verb of building:
//!   `新建水库`), and it starts after the verb of a joint work (`…与本地企业共建|…`); a park's 产业园 or 科技园 before 区 ends a zone's name
//!   (a place: 深圳（哈尔滨）产业园区);
//! - a bridge counted over a river (`万州长江五桥`) and a national or provincial road by its code
//!   alone (`G219线`, `312国道昆山段`: 312国道, `国道319线酉阳段`: 国道319线; `国道G353江口至火炉段`: 国道G353; before a segment: `G348云阳段`) are projects;
//! - X工程 without quotes is a project when X names physical works (水, 电, 输, 引, 管, 路,
//!   桥, 隧, 港, 航道, 枢纽, 特高压, 交流, 直流, 机场, 大道, 连通) or is a river alone (吴淞江工程), also
//!   when jieba tags the word of works otherwise after a place (`三江/ns 连通/a 工程`); with
//!   quotes it is a programme;
//! - a route through several cities (`南阳至信阳至合肥高铁`) is one project, and so is a road named by
//!   its ends (`洛阳至栾川快速通道`, `…旅游公路`; not one from a work: `白居寺长江大桥至茶园快速通道`); metro lines take
//!   the city before the system (`广州地铁10号线`), and the next lines of its list too
//!   (`、12号线` is 广州地铁12号线; `地铁7号线二期、Z2线`: 地铁Z2线), and so does a line named by a word after a numbered one
//!   (`轨道交通13号线西延伸、崇明线`: 轨道交通崇明线; `9号线一期、环线`: 轨道交通环线; after 和 and more numbered lines too:
//!   `轨道交通12号线、19号线和新港线`);
//! - a short lettered line in a sentence about a city's metro lines is of that system
//!   (`…轨道交通3号线…，S1线二期`: 轨道交通S1线); the hub around a station is the station
//!   (`贵阳北站综合交通枢纽`), and protecting a reservoir's water is works on it (`…水库水源地保护工程`);
//! - a segment after a railway or road (`渝厦高铁重庆东至黔江段`, `渝昆高铁川渝段`,
//!   `引江济淮工程（河南段）`) belongs to
//!   the project's surface, but the entity is the project (渝厦高铁);
//! - a phase (二期, 三期, 2号工位) is a stage of its project, in the surface but not in the
//!   label: `海口美兰国际机场二期` is the airport, `9号线二期` and `4号线西延伸段` the line 9号线;
//!   a part built and named as such (T3B航站楼, 3号机组) and a road's second line (复线: 杭甬高速复线) stay in the name;
//! - a name does not run back over another project's head and a conjunction (`合肥高铁和京港澳
//!   高速`, where jieba joins 和京: two projects);
//! - a coordination sharing the head (`成渝中线、渝西、渝万、成达万等高铁项目`, `万州和黔江机场`,
//!   after a count: `大兴、首都两个国际机场`, `藻渡、跳磴两座水库`, `向家嘴、团滩河、石笋河3座中型水库`, `准东、吐哈四大煤炭基地`; after 等 and
//!   category words: `若羌、昭苏等支线机场` gives 若羌机场; no item starts inside a code: `G219|线…`)
//!   gives one project per item, the head appended to the label (成渝中线高铁); a plain list
//!   without 等 (`四川、西北地区、三峡电站`) does not share the head, nor does an item of four characters
//!   or more that ends in the head's last character (`长沙中电软件园和武汉光谷科技园`: 软件园 is complete);
//! - 临空港 is the area by an airport, no port; a head inside a place name (港 in 香港, 张家港; in a list item too: `京港澳、大广等高速公路`) is
//!   no head (a place starting inside a word is none: 海港 in 上海港), but a city's port tagged as one place word (`烟台港/ns`, 烟台 a city of the
//!   gazetteers) is the port;
//! - research facilities by their heads (研究设施, 实验装置, 模拟装置, 实验堆, 成像设施, 光源, 中子源), named by words of
//!   any kind (`超强超短激光实验装置`, `散裂/v 中子源`); metro lines named by a word (`地铁平谷线`, `轨道交通环线`); a
//!   station named by a city, county or district of the report (`四平站`, `北京丰台站`, the city kept);
//!   `X国家公园` is a designation (not `长征国家文化公园`, works being built);
//! - lines named by a letter and a number (`成德S11线`), extension lines (`天府大道北延线`),
//!   intercity lines (`莞惠城际`, not before 交通 or 公交) and irrigation districts (`都江堰灌区`) are
//!   projects; a policy verb glued by jieba to a name's first word (`推进机/荷/高速`) is cut off;
//! - a capacity class between a place and a name is part of it (`酒泉千万千瓦级风电基地`);
//! - a one-character name after a number word in Han characters takes it in (`十五里/m 河/ns
//!   污水处理厂`: 十五里河污水处理厂);
//! - a plant counted after its firm's name (`奇瑞汽车超级二工厂`); an important hub (`长三角重要综合交通枢纽`)
//!   is a role, and every city reached (`市市通高铁`) an aim;
//! - product lines by generation or size and a product (`京东方第6代柔性AMOLED生产线`, `第10.5代线`, `…TFT-LCD生产线`,
//!   `8英寸碳化硅晶圆`) or capacity and a chemical (`南港120万吨乙烯`), named by the company or place before them; gas and oil pipelines (天然气管道, 输气管道);
//! - items listed before `等N个项目` / `等项目` (or one item alone: `生命科技城等项目`) are
//!   projects as they stand when they carry a proper name (`中国长安线控底盘、吉利动力电池、
//!   奥松MEMS传感器等项目`, `芯联`; not `无人机`), over a company of the same name (`仁宝`), but not the firms before `等企业投资项目`;
//! - physical works named before 项目 (`武隆银盘抽水蓄能项目`, `…智算中心项目`, `庄河海上风电项目`) are projects
//!   without 项目; a work two organisations share keeps both (`中国移动—阿里云智算中心`);
//! - the works done on a project are not part of it (`藻渡水库主体工程`, `成渝高速扩容`,
//!   `新田港二期工程` are 藻渡水库, 成渝高速, 新田港二期);
//! - a head followed by a word that continues the noun (铁路联运, 中欧班列, 果园港综保区) ends
//!   no project, and a name made only of category words (枢纽机场, 在建高速公路, 储煤基地; a works'
//!   part: 路基工程, 水库灌区; a kind of workshop: 数字化车间) or a count (18条高速公路) names no project;
//! - a bound verb morpheme continues a name (玉龙/nr 观/vg 水库), and a route's second character after a
//!   one-character abbreviation may be tagged an adverb (渝/j 遂/d 高速);
//! - a counted name (`25个城乡供水一体化工程`, `“五大产业基地”`, `输变电工程12项`) is a kind of works, not a project,
//!   and a state of works (`建成通车、…高速公路`) is no item of a list; a hub followed by 节点
//!   (`…算力网络甘肃枢纽节点`) is a designation;
//! - a national title without a proper name (`国家公路运输枢纽`) and a hub, park or base named by
//!   kind alone (`科技创新枢纽`, `战略性产业基地`) are designations or goals, not works;
//! - the name before a head has at least two characters (宅基地 and 大枢纽 are no projects); a
//!   firm (a token jieba tags nt) opens its plant's name over a verb (`小鹏汽车飞行汽车量产基地`);
//! - a name of four characters or more followed by a phase (`淮河入海水道二期`, `散裂中子源
//!   二期`; a segment may follow: `南水北调东线二期河北段`) is works under way, unless it names a
//!   body (…中心, …研究院);
//! - the regulation, dredging or reopening to ships of a named river (`吴淞江整治工程`, `望虞河拓浚工程`, `小清河复航工程`,
//!   `磨刀溪综合治理工程`: a name of three characters ending in 江, 河, 溪 or 湖 names a river) is
//!   works, not the regulation of a kind of river (`农村河道整治工程`), and so is a diversion named
//!   by its rivers and regions whatever jieba tagged (`引黄入冀补淀工程`: 引黄/v 入冀补淀/v), and so are
//!   works named from the firm that builds them (`陕煤榆林化学煤炭分质利用示范工程`: 陕煤/nt, or a
//!   firm of the company gazetteer);
//! - a power line is named by its ends and its voltage or 特高压 (`张北至胜利特高压交流输电工程`);
//! - the items of a list of research facilities (`A、B等重大科技基础设施`, `…等大科学装置`)
//!   are projects as named.

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{SentenceView, coordination, has_proper_token, is_generic_name};
use super::{Candidate, Context, EntityKind, HeadList, Hit, Scan};

/// Heads of infrastructure projects, longest first.
pub const HEADS: [&str; 127] = [
    "人工智能计算中心", "体育中心", "体育场", "体育馆", "加速器", "污水处理厂", "净水厂", "模拟装置", "智能计算中心", "总装线", "天然气管道", "输气管道", "输油管道", "油气管道", "装置", "数据中心集群", "数据中心", "云计算中心", "智算中心", "算力中心", "院区", "综合楼", "医技楼", "传染病楼", "急诊楼", "游客服务中心", "铁路物流园", "滨河步道", "登山步道", "游客中心", "外输管道", "过江通道", "储气库", "航运枢纽", "住院楼", "门诊楼", "科研楼", "抽水蓄能电站", "铁路专用线", "快速通道", "煤炭基地", "新校区", "新馆", "西馆", "东馆", "南馆", "北馆", "中心站", "复线桥", "立交", "滑雪场", "索道", "二桥", "三桥", "特大桥", "游客集散中心", "煤矿", "深水港", "口岸", "研究设施", "实验装置", "实验堆", "成像设施", "光源", "中子源", "北延线", "南延线", "东延线", "西延线", "国际机场", "城际铁路", "高速公路", "水利枢纽", "航电枢纽", "长江大桥", "航站楼", "水电站", "电站", "高铁",
    "铁路", "高速", "机场", "水库", "大桥", "隧道", "港区", "码头", "枢纽", "环线", "快速路", "储能电站", "燃机", "综合体",
    "火车站", "校区", "风电场", "工业园", "物流中心", "集结中心", "试验场", "新工厂", "工厂", "水厂", "生产线", "产线", "基地", "跑道", "航道整治", "港", "产业园", "公园", "活动中心", "片场", "科技园",
    "植物园", "跨海通道", "跨江通道", "核电", "运河", "灌区", "城际", "陆港", "发射场", "免税城", "气田", "旅游公路", "作业区",
];
/// Words right after a head that make it a modifier of something else (铁路联运, 中欧班列,
/// 机场集团, 果园港综保区, 高铁网, 水厂布局, 枢纽地位, the network's 高铁运营里程): no project ends there
/// (but a line's 运输能力 is its own: 中老铁路运输能力).
const HEAD_CONTINUATIONS: [&str; 23] = [
    "集团", "联运", "运输", "班列", "物流", "综保区", "综合保税区", "经济", "口岸", "网", "产业", "装备", "技术", "文化", "节点", "交通", "公交", "布局", "地位",
    "运营里程", "通车里程", "营业里程", "里程",
];
/// Whether the text after a head continues the noun, so that the head modifies something else:
/// right away (铁路联运) or, for trains, after a word (`中老泰国际铁路测试班列`).
fn continues_as_modifier(after: &str) -> bool {
    // `中老铁路运输能力`: the capacity of the line itself.
    if after.starts_with("运输能力") {
        return false;
    }
    let near: String = after.chars().take_while(|&c| !super::tokens::is_break(c)).take(4).collect();
    // (`仙女山机场布局临空服务业`: 布局 before a noun is the verb.)
    let laid_out = after.strip_prefix("布局").is_some_and(|rest| rest.starts_with(crate::normalize::is_han));
    (HEAD_CONTINUATIONS.iter().any(|c| after.starts_with(c)) && !laid_out) || near.contains("班列")
}

/// Words of physical works that make `X项目` a project (抽水蓄能, 输电, 管网, 天然气); longer
/// than the works of `X工程` because 项目 follows almost anything.
const PROJECT_WORKS: [&str; 27] = [
    "海上风电", "智算中心", "算力中心", "水库", "水利枢纽", "水资源", "供水", "抽水蓄能", "电站", "输电", "输变电", "变电站", "管网", "管道", "管廊", "铁路", "公路",
    "高速", "大桥", "隧道", "码头", "航道", "特高压", "天然气", "油气", "二线", "扩能",
];
/// Words holding a works character that name no works (管理, 引进人才, 山水).
const FALSE_WORKS: [&str; 12] = ["管理", "电子", "电商", "路径", "港澳", "引领", "引导", "引进", "引才", "引育", "水平", "山水"];

/// Whether one of `works` stands in `name` outside the words that only look like works
/// ([`FALSE_WORKS`]: 引 in 引进人才 is none).
pub(super) fn holds_works(name: &str, works: &[&str]) -> bool {
    let inside_false_word = |at: usize, len: usize| {
        FALSE_WORKS.iter().any(|f| name.match_indices(f).any(|(i, _)| i <= at && at + len <= i + f.len()))
    };
    works.iter().any(|w| name.match_indices(w).any(|(at, _)| !inside_false_word(at, w.len())))
}

const WORKS: [&str; 23] =
    ["水", "电", "输", "引", "管", "路", "桥", "隧", "港", "航道", "复航", "枢纽", "特高压", "交流", "直流", "灌区", "气", "堤", "机场", "高速", "联网", "大道", "连通"];

/// Power lines named by their ends and voltage: `哈密—重庆±800千伏特高压直流输电工程`.
static POWER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\p{Han}{2,6}(?:[—-]|至)\p{Han}{2,6})?±?[0-9]+千伏\p{Han}{0,12}?(?:输电工程|输变电工程|线路工程|交流工程|直流工程)|\p{Han}{2,6}(?:[—-]|至)\p{Han}{2,6}特高压(?:直流|交流)?(?:输电工程|输变电工程)").expect("static regex") // ok: a fixed pattern
});
/// Suburban and intercity lines named by a letter and a number (`成德S11线`, `市域铁路S3线`).
static LETTERED_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Z][0-9]{1,4}线").expect("static regex")); // ok: a fixed pattern
static LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:轨道交通|地铁|轻轨)?[0-9]{1,2}号线(?:[一二三四五六七八九]期|[北南东西]?延伸段?|[北南东西]延|[北南东西]段)?").expect("static regex")); // ok: a fixed pattern
static STATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Han}{2,4}(?:东|西|南|北)站").expect("static regex")); // ok: a fixed pattern
static SEGMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{1,6}至\p{Han}{1,6}段|\p{Han}{2}(?:枢纽)?段|[一二三四五六七八九]期|[（(]\p{Han}{2,6}段[）)])").expect("static regex") // ok: a fixed pattern
});
static PHASE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[一二三四五六七八九]期|T[0-9][A-Z]?航站楼|[0-9]{1,2}号(?:机组|工位)|复线)").expect("static regex")); // ok: a fixed pattern
static PRODUCT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[0-9.]+代线|第?[0-9.]+(?:代|英寸|寸|GW|万吨|兆瓦)[\p{Han}A-Za-z-]{0,10}?(?:晶圆|面板|生产线|产线|显示屏|电池|芯片|基地|乙烯|烯烃|(?:AMOLED|OLED)(?:生产线|产线|面板)?)").expect("static regex") // ok: a fixed pattern
});

pub fn recognise(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    let first = out.len();
    propose(view, ctx, scan, out);
    // `新建500千伏输变电工程12项`, `农村供水工程300处`: works counted right after the name are a
    // kind of works, not one project.
    let counted = |c: &Candidate| COUNT_AFTER.is_match(&view.text[c.end..]);
    if out[first..].iter().any(counted) {
        let kept: Vec<Candidate> = out.drain(first..).filter(|c| !counted(c)).collect();
        out.extend(kept);
    }
}

/// `，藻渡/v 水库下闸蓄水`, `治平/v 风电场并网`: a reservoir, power station or wind farm opening
/// its clause is named by the two characters before its head whatever jieba tagged them,
/// unless they are a verb of building or policy (`新建水库`, `推进电站`).
fn verb_tagged_name_start(view: &SentenceView, at: usize, head: &str) -> Option<usize> {
    const NAMED_WORKS: [&str; 5] = ["水库", "电站", "水电站", "抽水蓄能电站", "风电场"];
    const WORK_VERBS: [&str; 24] = [
        "新建", "扩建", "改建", "续建", "建设", "建成", "开工", "推进", "加快", "实施", "完成", "启动", "规划", "谋划", "整治", "加固", "治理",
        "配套", "开发", "发展", "支持", "推动", "布局", "筹建",
    ];
    let token = view.tokens[view.token_index_at(at.checked_sub(1)?)?];
    let opens_clause = view.text[..token.start].is_empty() || view.text[..token.start].ends_with(['，', '。', '；', '、', '：']);
    (NAMED_WORKS.contains(&head)
        && token.end == at
        && token.tag == "v"
        && token.word.chars().count() == 2
        && token.word.chars().all(crate::normalize::is_han)
        && !WORK_VERBS.contains(&token.word)
        && opens_clause)
        .then_some(token.start)
}

/// Heads of a hospital's buildings and campuses (see [`hospital_building_start`]).
const HOSPITAL_BUILDINGS: [&str; 8] = ["院区", "综合楼", "住院楼", "门诊楼", "科研楼", "医技楼", "传染病楼", "急诊楼"];

/// Where the name of a hospital's building or campus starts: the hospital's whole name is part
/// of it (`重庆医科大学附属儿童医院渝北院区`), also over a word of any kind between the
/// hospital and the head (`…第一附属医院高新/d 院区`, `…医院新院区`).
fn hospital_building_start(view: &SentenceView, at: usize) -> usize {
    let text = view.text;
    let start = view.name_start_before(at, 20);
    let hospital_end = text[..at].rfind("医院").map(|i| i + "医院".len()).filter(|&e| {
        let between = &text[e..at];
        between.chars().count() <= 4 && !between.chars().any(super::tokens::is_break) && view.is_boundary(e)
    });
    match hospital_end {
        Some(e) if e <= start || !text[start..at].contains("医院") => view.name_start_before(e, 20).min(start),
        _ => start,
    }
}

/// `荣昌区妇幼保健院迁建工程`: a hospital's relocation works are a project named from the
/// hospital, which is then no mention of its own there.
pub fn join_hospital_relocations(view: &SentenceView, candidates: &mut [Candidate]) {
    const RELOCATION: &str = "迁建工程";
    for candidate in candidates.iter_mut() {
        let hospital = candidate.kind == EntityKind::Institution && ["医院", "保健院", "卫生院"].iter().any(|h| candidate.label.ends_with(h));
        // (`…迁建工程/l 建设`: jieba may join 工程 to the next word.)
        if hospital && view.text[candidate.end..].starts_with(RELOCATION) {
            let end = candidate.end + RELOCATION.len();
            *candidate = Candidate::new(EntityKind::Project, candidate.start, end, &view.text[candidate.start..end], candidate.confidence);
        }
    }
}

/// A hospital's building read inside the hospital's name (`…附属第一医院|南区综合楼`, the
/// hospital found whole by the institutions): the building is named from the hospital's start,
/// and the hospital alone is no mention of its own there.
pub fn join_hospital_buildings(view: &SentenceView, candidates: &mut Vec<Candidate>) {
    let text = view.text;
    let mut joined = Vec::new();
    for (p, project) in candidates.iter().enumerate() {
        if project.kind != EntityKind::Project || !HOSPITAL_BUILDINGS.iter().any(|h| project.label.ends_with(h)) {
            continue;
        }
        let hospital = candidates.iter().position(|c| {
            c.kind == EntityKind::Institution && c.label.ends_with("医院") && c.start < project.start && project.start < c.end && c.end < project.end
        });
        if let Some(h) = hospital {
            joined.push((p, h));
        }
    }
    let mut dropped = Vec::new();
    for &(p, h) in &joined {
        let start = candidates[h].start;
        let label_end = candidates[p].start + candidates[p].label.len();
        let project = &mut candidates[p];
        if text[project.start..].starts_with(project.label.as_str()) {
            project.label = text[start..label_end].to_string();
        }
        project.start = start;
        dropped.push(h);
    }
    dropped.sort_unstable();
    for h in dropped.into_iter().rev() {
        candidates.remove(h);
    }
}

/// Heads of research facilities (see `propose`).
const FACILITY_HEADS: [&str; 7] = ["研究设施", "实验装置", "模拟装置", "实验堆", "成像设施", "光源", "中子源"];

/// Where the name of a research facility ending at `at` starts: back over words of any kind
/// (`高能/同步/辐射光源`, `多/模态/跨尺度…成像设施`, `散裂/v 中子源`) to the clause's start or a 的, at
/// most 16 characters, without the policy verbs that open it (`推进|散裂中子源`).
fn facility_name_start(view: &SentenceView, at: usize) -> usize {
    let Some(last) = view.token_index_at(at.saturating_sub(1)) else { return at };
    let mut first = None;
    for i in (0..=last).rev() {
        let token = view.tokens[i];
        let chars = view.text[token.start..at].chars().count();
        if token.end > at || token.word == "的" || !token.word.chars().all(crate::normalize::is_han) || chars > 16 {
            break;
        }
        first = Some(i);
    }
    let Some(mut first) = first else { return at };
    // (An adverb before the verb too: `稳步推进|武威钍基熔盐实验堆`.)
    while first <= last && (super::tokens::is_stop_word(view.tokens[first].word) || view.tokens[first].tag == "d") {
        first += 1;
    }
    if first > last { at } else { view.tokens[first].start }
}

/// `酒泉|千万千瓦级|风电基地`: a capacity class between a place and a name belongs to the name
/// (the start moves back over it to the place), also before an adjective of the name
/// (`海南州千万千瓦级清洁能源基地`).
fn capacity_name_start(view: &SentenceView, ctx: &Context, scan: &Scan, start: usize) -> usize {
    static CAPACITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:千万|百万|十万|[0-9.]+万)(?:千瓦|吨)级$").expect("static regex")); // ok: a fixed pattern
    // (`海南州|千万千瓦级|清洁/a 能源基地`: an adjective of the name may stand between.)
    let adjective_start = view.token_index_at(start.saturating_sub(1)).map(|i| view.tokens[i]).filter(|t| t.end == start && t.tag == "a").map(|t| t.start);
    let Some(capacity) = CAPACITY.find(&view.text[..start]).or_else(|| adjective_start.and_then(|a| CAPACITY.find(&view.text[..a]))) else { return start };
    let place = scan.hits.iter().find(|h| h.end == capacity.start() && view.is_boundary(h.start) && place_kind(ctx, &ctx.lexicon.words[h.word]).is_some());
    place.map_or(start, |h| h.start)
}

/// A metro line named by a word: `地铁平谷线`, `轨道交通璧铜线`.
static WORD_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:地铁|轨道交通|轻轨)(环|\p{Han}{2,3}?)线").expect("static regex")); // ok: a fixed pattern

/// Whether a gazetteer word is a city, county or district of this report (no province or country).
fn is_local_place(ctx: &Context, word: usize) -> bool {
    super::place::choose(&ctx.lexicon.entries[word], ctx.province)
        .is_some_and(|e| e.kind == EntityKind::Place && matches!(e.place_kind, Some("city" | "county" | "district")) && !e.code.as_deref().is_some_and(|c| c.ends_with("0000")))
}

/// A count right before a head that coordinated items share: `两个`, `3座`, with a size: `3座中型`.
static COUNT_BEFORE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[0-9]+|[一二三四五六七八九十两]+)(?:个|座|条|大)(?:大型|中型|小型)?$").expect("static regex")); // ok: a fixed pattern

/// A count inside a name (`首都两个国际|机场`): the name is the tail of a counted list (not an
/// ordinal: `…A320第二条总装线`).
static COUNT_INSIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^第0-9一二三四五六七八九十两])(?:[0-9]+|[一二三四五六七八九十两]+)(?:个|座|条|大)").expect("static regex")); // ok: a fixed pattern

/// A count of works right after a name: `12项`, `300处`.
/// (Not a count before a head: `藻渡、跳磴两座水库`.)
static COUNT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[0-9]+|[一二三四五六七八九十百千两]+)(?:处|项|座|个|条)(?:[^\p{Han}]|$)").expect("static regex")); // ok: a fixed pattern

fn propose(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    let text = view.text;
    routes_and_stations(view, ctx, out);
    for &(index, at) in scan.heads.of(HeadList::ProjectHeads) {
        let head = HEADS[index];
        let end = at + head.len();
        // `中老铁路沿线`, `中老铁路运输能力` (铁路沿线, 铁路运输 one token): the railway is named all
        // the same.
        let along = text[end..].starts_with("沿线") || text[end..].starts_with("运输能力");
        // `连接渝东南和渝东北的枢纽作用`: a hub's role, not works; `迈入高铁时代`: an era.
        // (`迈入“高铁环线”时代`: also after a closing quote.)
        let role_at = end + if text[end..].starts_with('”') { '”'.len_utf8() } else { 0 };
        // (`“渝西门户、成渝枢纽”定位`: a positioning.)
        if ["作用", "地位", "功能", "时代", "定位"].iter().any(|w| text[role_at..].starts_with(w)) {
            continue;
        }
        if !view.is_boundary(end) && !along && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) && !SEGMENT.is_match(&text[end..]) {
            continue;
        }
        // `预制菜生产线`: a head that ends a longer head here (产线 in 生产线) is found by the longer.
        if HEADS.iter().any(|h| h.len() > head.len() && h.ends_with(head) && text[..end].ends_with(h)) {
            continue;
        }
        // `深圳（哈尔滨）产业园区`: a park's 园 before 区 ends a zone's name (a place's suffix).
        // `海南自由贸易港` is a zone (a place), not a port.
        let zone = head.ends_with('园') && text[end..].starts_with('区') || text[..end].ends_with("自由贸易港") || text[..end].ends_with("自贸港");
        // `临空港` is the area by an airport (空港), not a port.
        let airport_area = head == "港" && text[..at].ends_with("临空");
        // `城际铁路联络线副中心站至大兴机场段`: a station opening a segment is the segment's end.
        let segment_end = head == "中心站" && text[end..].starts_with('至');
        if zone || airport_area || segment_end || head_inside_place(view, ctx, scan, at, end) || continues_as_modifier(&text[end..]) {
            continue; // 港 in 香港 or 张家港; 铁路 in 铁路联运, 国际铁路测试班列
        }
        // `珞璜工业园`: a park named by a town alone is a zone (see `place`).
        if head == "工业园" && names_a_zone(view, ctx, view.name_start_before(at, 12), at) {
            continue;
        }
        // `超强超短激光实验装置`, `散裂/v 中子源`: research facilities are named by words of any kind.
        let mut start = if FACILITY_HEADS.contains(&head) {
            facility_name_start(view, at)
        } else if HOSPITAL_BUILDINGS.contains(&head) {
            hospital_building_start(view, at)
        } else {
            view.name_start_before(at, 12)
        };
        if text[start..at].chars().count() < 2 {
            start = abbreviated_name_start(view, at, RAIL_HEADS.contains(&head)).unwrap_or(start);
        }
        if start == at {
            start = verb_tagged_name_start(view, at, head).unwrap_or(start);
        }
        // `奇瑞汽车超级二/m 工厂`: a plant counted after its firm's name (its second plant).
        if matches!(head, "工厂" | "新工厂") && start == at
            && let Some(i) = view.token_index_at(at.saturating_sub(1)).filter(|&i| i > 0)
            && view.tokens[i].end == at
            && view.tokens[i].tag == "m"
            && "二三四五六七八九".contains(view.tokens[i].word)
            && super::tokens::is_name_token(view.tokens[i - 1])
            && !view.tokens[i - 1].word.starts_with(['（', '('])
        {
            start = view.name_start_before(view.tokens[i].start, 12);
        }
        // `十五里/m 河/ns 污水处理厂`: a one-character name after a number word written in Han
        // characters is named by both (十五里河).
        if text[start..at].chars().count() == 1
            && let Some(number) = view.token_index_at(start.saturating_sub(1)).map(|i| view.tokens[i])
            && number.end == start
            && number.tag == "m"
            && number.word.chars().all(crate::normalize::is_han)
        {
            start = number.start;
        }
        start = capacity_name_start(view, ctx, scan, start);
        if is_generic_name(&text[start..at]) {
            // `万达开|综合交通枢纽`: a category word after a name jieba does not know.
            let loose = view.loose_name_start_before(at, 12);
            let named = view.tokens.iter().any(|t| t.start >= loose && t.end <= start && matches!(t.tag, "ns" | "nz" | "nt" | "eng"));
            if loose < start && named {
                start = loose;
            }
        }
        // `小鹏汽车|飞行/v 汽车量产基地`: a firm's plant is named from the firm, over a verb.
        if matches!(head, "基地" | "工厂" | "生产线" | "产线" | "产业园") {
            let loose = view.loose_name_start_before(at, 12);
            let firm_first = view.token_index_at(loose).is_some_and(|i| view.tokens[i].start == loose && view.tokens[i].tag == "nt");
            if loose < start && firm_first {
                start = loose;
            }
        }
        // `合肥高铁和京港澳高速` (高铁/和京/港澳/高速, jieba joining 和京): a name does not run
        // back over another project's head and the conjunction after it.
        let joined = text[start..at]
            .match_indices(['和', '与'])
            .map(|(i, c)| (start + i, start + i + c.len()))
            .filter(|&(conjunction, _)| HEADS.iter().any(|h| text[start..conjunction].ends_with(h)))
            .map(|(_, after)| after)
            .last();
        if let Some(cut) = joined.filter(|&cut| text[cut..at].chars().count() >= 2) {
            start = cut;
        }
        // `西南大学与本地企业共建|中试基地`: a name starts after the verb of a joint work.
        if let Some(i) = text[start..at].rfind("共建").filter(|&i| i > 0) {
            start += i + "共建".len();
            if start >= at || is_generic_name(&text[start..at]) {
                continue;
            }
        }
        // `东六环入地改造工程主线隧道`: a name opening with 工程 or 项目 is a part of the works
        // named before it, not a project of its own.
        if text[start..at].starts_with("工程") || text[start..at].starts_with("项目") {
            continue;
        }
        // `中老铁路运输能力` names the line by its two ends; `西部陆海新通道铁路运输能力` is the
        // rail transport of a corridor.
        if along && text[end..].starts_with("运输能力") && text[start..at].chars().count() > 3 {
            continue;
        }
        if head == "口岸" && !names_port_of_entry(view, ctx, start, at) {
            continue;
        }
        if head == "跑道" && let Some(label) = runway_of_airport(view, start, end) {
            out.push(Candidate::new(EntityKind::Project, start, end, label, 6));
            continue;
        }
        // `万开快速通道周家坝至浦里段` is a road; `人才引进快速通道` a procedure.
        if head == "快速通道" && !SEGMENT.is_match(&text[end..]) && !has_proper_token(view, start, at) {
            continue;
        }
        coordinated(view, ctx, scan, end, head, out);
        // `平江至益阳、安化至溆浦等高速公路`: a head after 等 belongs to the list's items, and so
        // does one after a count (`大兴、首都两个国际机场`).
        let counted = COUNT_INSIDE.is_match(&text[start..at]);
        if is_designation(view, start, at, head) || text[..at].ends_with('等') || text[start..at].ends_with('等') || counted {
            continue;
        }
        if text[start..at].chars().count() >= 2 && !is_generic_name(&text[start..at]) {
            // `深圳科技馆（新馆）`: a bracketed head closes with its bracket.
            let closed = text[..at].ends_with('（') && text[end..].starts_with('）');
            push_project(view, start, if closed { end + '）'.len_utf8() } else { end }, out);
        }
    }
    for (at, _) in view.may_match(&["工程"]).then(|| text.match_indices("工程")).into_iter().flatten() {
        // `藻渡、跳磴、向阳水库和渝西水资源配置等工程`, `引大济岷、长征渠引水等重大水利工程`:
        // the items naming physical works; only category words between 等 and 工程.
        if let Some(etc) = etc_before_kind(text, at) {
            let items = coordination(view, etc, 12);
            for (s, e) in items {
                let item = &text[s..e];
                if WORKS.iter().any(|w| item.contains(w)) && !HEADS.iter().any(|h| item.ends_with(h)) && !is_generic_name(item) {
                    out.push(Candidate::new(EntityKind::Project, s, e, format!("{item}工程"), 6));
                }
            }
            continue;
        }
        let mut start = view.name_start_before(at, 14);
        let loose = view.loose_name_start_before(at, 14);
        // `吴淞江整治工程`, `小清河复航工程` (复航/v): the regulation of a named river or lake is works.
        // (`磨刀/n 溪/n 综合治理工程`: a name ending in a river's character is the river's.)
        // (`巢湖综合治理十大工程`: the word of works right before 工程, not a count.)
        let regulation = ["整治", "复航", "拓浚", "疏浚", "综合治理"].iter().find(|w| text[loose..at].ends_with(*w)).is_some_and(|w| {
            let river = &text[loose..at - w.len()];
            has_proper_token(view, loose, at) || river.chars().count() == 3 && river.ends_with(['江', '河', '溪', '湖']) && !is_generic_name(river)
        });
        // `引黄入冀补淀工程` (引黄/v 入冀补淀/v): a diversion named by its rivers and regions.
        static DIVERSION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^引\p{Han}{1,2}(?:[入济补进调]\p{Han}{1,2}){1,2}$").expect("static regex") // ok: a fixed pattern
        });
        if regulation || DIVERSION.is_match(&text[loose..at])
            || !WORKS.iter().any(|w| text[start..at].contains(w))
                && super::programme::is_physical_works(&text[loose..at], "工程")
                && has_proper_token(view, loose, at)
        {
            // `滇中引水工程` (引水/v): the works may be named by a verb, after a proper name (not
            // `农村公路安防工程`, a kind of works).
            start = loose;
        }
        // `三江/ns 连通/a 工程`, `海翔/nr 大道提升/v 工程`: short works named by a place or a name
        // and a word of works, whatever jieba tagged the words after it.
        let placed = view.token_index_at(loose).map(|i| view.tokens[i]).is_some_and(|t| t.start == loose && matches!(t.tag, "ns" | "nr" | "nz"));
        if start == at && placed && text[loose..at].chars().count() <= 6 && holds_works(&text[loose..at], &WORKS) {
            start = loose;
        }
        // `陕煤/nt 榆林化学煤炭分质利用示范工程`: works a firm builds are named from the firm.
        let firm_first = view.token_index_at(loose).map(|i| view.tokens[i]).is_some_and(|t| {
            // (A firm, not another body: 国家能源集团, not 厦门大学.)
            let body = super::institution::HEADS.iter().any(|h| t.word.ends_with(h)) && !super::institution::COMPANY_HEADS.iter().any(|h| t.word.ends_with(h));
            let listed_firm = ctx.lexicon.lookup(t.word).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Institution));
            t.start == loose && (t.tag == "nt" || listed_firm) && !body
        });
        if firm_first && text[loose..at].chars().count() >= 6 {
            start = loose;
        }
        let name = &text[start..at];
        // `吴淞江工程`: works named by a river alone.
        let river = view.token_index_at(start).map(|i| view.tokens[i]).is_some_and(|t| {
            t.start == start && t.end == at && t.word.chars().count() >= 2 && t.word.ends_with(['江', '河', '湖', '渠']) && t.tag.starts_with('n')
        });
        // (`汉山水库主体工程`: a head of works keeps 山水 from hiding the reservoir.)
        // (`赤水河流域生态保护修复工程`: the protection of an ecosystem is a programme, whatever
        // river names it.)
        let works = (holds_works(name, &WORKS) || HEADS.iter().any(|h| name.contains(h))) && !super::programme::restores_ecosystem(name);
        if start == at || text[..at].ends_with('”') || !(regulation || river || works || firm_first) || is_generic_name(name) {
            continue; // 重大水利工程: a kind of works
        }
        // `贵阳龙洞堡国际机场T3航站楼配套工程`: works on a project found by its head start where
        // that project starts, however long its name.
        let start = out
            .iter()
            .filter(|c| c.kind == EntityKind::Project && c.start < start && start < c.end && c.end <= at)
            .map(|c| c.start)
            .min()
            .unwrap_or(start);
        push_project(view, start, at + "工程".len(), out);
    }
    // `开工武隆银盘抽水蓄能项目`, `川气东送二线项目开工`: physical works named before 项目 (the
    // project is the name; 项目 stays out of the surface).
    for (at, _) in view.may_match(&["项目"]).then(|| text.match_indices("项目")).into_iter().flatten() {
        let start = joint_name_start(view, view.loose_name_start_before(at, 14));
        let name = &text[start..at];
        if name.chars().count() >= 4 && PROJECT_WORKS.iter().any(|w| name.contains(w)) && !is_generic_name(name) && !name.contains(['、', '等']) {
            out.push(Candidate::new(EntityKind::Project, start, at, name, 4));
        }
    }
    // `淮河入海水道二期`, `散裂中子源二期`: a named thing with a later phase is works under way.
    static PHASE_ALONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[一二三四五六七八九]期").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["期"]).then(|| PHASE_ALONE.find_iter(text)).into_iter().flatten() {
        let at = found.start();
        if !view.is_boundary(at) || !view.is_boundary(found.end()) || text[..at].ends_with('第') {
            continue;
        }
        // Hospitals' names run long (宁夏医科大学总医院心脑血管病医院二期).
        let start = view.loose_name_start_before(at, if text[..at].ends_with("医院") { 18 } else { 12 });
        let name = &text[start..at];
        // A body's phase is the body's (`国家技术创新中心二期`), but a hospital's is a building.
        let body = (name.ends_with("中心") || super::institution::HEADS.iter().any(|h| name.ends_with(h))) && !name.ends_with("医院");
        if name.chars().count() >= 4 && !body && !ends_with_head(name) && !name.contains(['的', '、']) && !is_generic_name(name) {
            // `南水北调东线二期河北段`: a segment may follow the phase.
            let end = found.end() + SEGMENT.find(&text[found.end()..]).map_or(0, |m| m.end());
            out.push(Candidate::new(EntityKind::Project, start, end, name, 4));
        }
    }
    // `先进阿秒激光设施、高精度地基授时系统等重大科技基础设施`: the items of a list of research
    // facilities are projects as named.
    static FACILITIES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"等(?:重大|国家|大型)?(?:科技基础设施|大科学装置|科学装置|科学设施)").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["设施", "装置"]).then(|| FACILITIES.find_iter(text)).into_iter().flatten() {
        let mut items = coordination(view, found.start(), 12);
        if items.is_empty() {
            let start = view.loose_name_start_before(found.start(), 12);
            items.push((start, found.start()));
        }
        for (s, e) in items {
            if text[s..e].chars().count() >= 4 && !is_generic_name(&text[s..e]) {
                out.push(Candidate::new(EntityKind::Project, s, e, &text[s..e], 6));
            }
        }
    }
    for found in view.may_match(&["千伏", "特高压"]).then(|| POWER_LINE.find_iter(text)).into_iter().flatten() {
        if view.is_boundary(found.start()) {
            // `川渝1000千伏特高压交流工程`: the places it joins name the line.
            let start = if found.as_str().starts_with(|c: char| c.is_ascii_digit() || c == '±') {
                view.name_start_before(found.start(), 6)
            } else {
                after_leading_verb(view, ctx, found.start())
            };
            push_project(view, start, found.end(), out);
        }
    }
    // `广州地铁10号线、12号线`: a city before the metro system names the line, and the next
    // lines of the list belong to the same system.
    let mut system: Option<(usize, String)> = None; // (end of the previous line, its city and system)
    for found in view.may_match(&["号线"]).then(|| LINE.find_iter(text)).into_iter().flatten() {
        let digits = found.as_str().find(|c: char| c.is_ascii_digit()).map_or(found.start(), |i| found.start() + i);
        let mut start = found.start();
        if digits > found.start() {
            let city = view.token_index_at(start.saturating_sub(1)).map(|i| view.tokens[i]).filter(|t| t.end == start);
            if let Some(city) = city.filter(|t| is_place(ctx, t.word) && matches!(place_kind(ctx, t.word), Some("city" | "province"))) {
                start = city.start;
                system = Some((found.end(), text[start..digits].to_string()));
            } else {
                // `地铁4号线北段、7号线一期`: the next lines are the system's without a city too.
                system = Some((found.end(), text[start..digits].to_string()));
            }
            push_line(view, start, found, out);
            continue;
        }
        // (`建成南昌轨道交通2号线东延，开工建设5号线一期`: a later clause of the sentence that names
        // a bare line speaks of the same system.)
        let listed = system.as_ref().is_some_and(|(end, _)| {
            let between = &text[*end..start];
            let phase = PHASE.find(between).map_or(0, |m| m.end());
            let rest = &between[phase..];
            let next_clause = rest.matches('，').count() == 1
                && rest.chars().count() <= 12
                && rest.chars().all(|c| c == '，' || crate::normalize::is_han(c));
            matches!(&between[phase..], "、" | "和" | "及") || next_clause
        });
        match system.as_ref().filter(|_| listed) {
            Some((_, prefix)) => {
                let prefix = prefix.clone();
                let before = out.len();
                push_line(view, start, found, out);
                for candidate in &mut out[before..] {
                    candidate.label = format!("{prefix}{}", candidate.label);
                }
                system = system.map(|(_, p)| (found.end(), p));
            }
            None => {
                system = None;
                push_line(view, start, found, out);
            }
        }
    }
    for found in view.may_match(&["线"]).then(|| LETTERED_LINE.find_iter(text)).into_iter().flatten() {
        let start = view.name_start_before(found.start(), 8);
        // `地铁7号线二期、Z2线`: a lettered line listed after a numbered one is of its system.
        let after_line = LINE.find_iter(&text[..found.start()]).last().filter(|line| {
            let between = &text[line.end()..found.start()];
            let phase = PHASE.find(between).map_or(0, |m| m.end());
            matches!(&between[phase..], "、" | "和" | "及") && line.as_str().starts_with(['地', '轨', '轻'])
        });
        // `轨道交通3号线全线开通运营，S1线二期加快建设`: a short lettered line in a sentence about
        // a city's metro lines is of that system too.
        let system_line = || {
            LINE.find_iter(&text[..found.start()])
                .last()
                .filter(|line| line.as_str().starts_with(['地', '轨', '轻']) && found.as_str().chars().count() <= 3)
        };
        if let Some(line) = after_line.or_else(system_line).filter(|_| start == found.start()) {
            let system = &line.as_str()[..line.as_str().find(|c: char| c.is_ascii_digit()).unwrap_or(0)];
            let surface_end = PHASE.find(&text[found.end()..]).map_or(found.end(), |m| found.end() + m.end());
            out.push(Candidate::new(EntityKind::Project, found.start(), surface_end, format!("{system}{}", found.as_str()), 5));
            continue;
        }
        // `G219线`: a national (G) or provincial (S) road is named by its code alone.
        let road = found.as_str().starts_with(['G', 'S']) && found.len() >= "G10线".len() && !text[..found.start()].ends_with(|c: char| c.is_ascii_alphanumeric());
        if (start < found.start() || road) && view.is_boundary(found.end()) {
            push_project(view, start, found.end(), out);
        }
    }
    // `312国道昆山段`, `G318国道`, `国道319线酉阳段`: a national (or provincial) road by its number
    // (a segment stays in the surface).
    static NATIONAL_ROAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"G?[0-9]{3}国道|(?:国道|省道)[0-9]{2,4}线|国道[GS][0-9]{2,4}").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["国道", "省道"]).then(|| NATIONAL_ROAD.find_iter(text)).into_iter().flatten() {
        if text[..found.start()].ends_with(|c: char| c.is_ascii_alphanumeric()) || !view.is_boundary(found.end()) && !SEGMENT.is_match(&text[found.end()..]) {
            continue;
        }
        let segment = SEGMENT.find(&text[found.end()..]).map_or(0, |m| m.end());
        out.push(Candidate::new(EntityKind::Project, found.start(), found.end() + segment, found.as_str(), 5));
    }
    // `G348云阳段`: a national or provincial road's code alone, before a segment named by a place.
    static ROAD_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[GS][0-9]{2,4}").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["段"]).then(|| ROAD_CODE.find_iter(text)).into_iter().flatten() {
        let Some(segment) = SEGMENT.find(&text[found.end()..]).filter(|m| m.as_str().ends_with('段')) else { continue };
        if !text[..found.start()].ends_with(|c: char| c.is_ascii_alphanumeric()) && view.is_boundary(found.end()) {
            out.push(Candidate::new(EntityKind::Project, found.start(), found.end() + segment.end(), found.as_str(), 5));
        }
    }
    // `万州长江五桥`: a bridge counted over a river, named by the place before the river.
    static ORDINAL_BRIDGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[江河][一二三四五六七八九十]{1,2}桥").expect("static regex")); // ok: a fixed pattern
    for found in view.may_match(&["桥"]).then(|| ORDINAL_BRIDGE.find_iter(text)).into_iter().flatten() {
        let river_end = found.start() + "江".len();
        let start = view.name_start_before(river_end, 10);
        if text[start..river_end].chars().count() >= 4 && view.is_boundary(found.end()) && !is_generic_name(&text[start..river_end]) {
            push_project(view, start, found.end(), out);
        }
    }
    // `轨道交通13号线西延伸、崇明线`: a line named by a word, listed after a numbered line of a
    // system, is a line of the same system.
    static NAMED_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(轨道交通|地铁)[0-9]{1,2}号线(?:[东西南北]?延伸段?|[一二三四五六七八九]期)?(?:(?:、|和)[0-9]{1,2}号线(?:[东西南北]?延伸段?|[一二三四五六七八九]期)?)*(?:、|和)((?:环|\p{Han}{2,4}?)线)").expect("static regex") // ok: a fixed pattern
    });
    for caps in view.may_match(&["号线"]).then(|| NAMED_LINE.captures_iter(text)).into_iter().flatten() {
        let (Some(system), Some(line)) = (caps.get(1), caps.get(2)) else { continue };
        if view.is_boundary(line.start()) && view.is_boundary(line.end()) && !line.as_str().contains('号') {
            out.push(Candidate::new(EntityKind::Project, line.start(), line.end(), format!("{}{}", system.as_str(), line.as_str()), 5));
        }
    }
    for found in view.may_match(&["站"]).then(|| STATION.find_iter(text)).into_iter().flatten() {
        let start = view.name_start_before(found.end() - "站".len() - "东".len(), 6);
        let start = if start < found.end() - "东站".len() { start } else { found.start() };
        if view.is_boundary(start) {
            push_project(view, start, found.end(), out);
        }
    }
    // `地铁平谷线`: a metro line named by a word (a place, mostly), not by a number.
    for caps in view.may_match(&["线"]).then(|| WORD_LINE.captures_iter(text)).into_iter().flatten() {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else { continue };
        if view.is_boundary(whole.start()) && view.is_boundary(whole.end()) && !is_generic_name(name.as_str()) && !text[whole.end()..].starts_with('网') {
            push_project(view, whole.start(), whole.end(), out);
        }
    }
    // `北京丰台站`, `沙坪坝站`: a station named by a place (a city before it stays in the name).
    for &Hit { start, end, word } in &scan.hits {
        let station_end = end + "站".len();
        if !text[end..].starts_with('站') || !view.is_boundary(start) || !view.is_boundary(station_end) || !is_local_place(ctx, word) {
            continue;
        }
        let city = scan.hits.iter().find(|h| h.end == start && view.is_boundary(h.start) && place_kind(ctx, &ctx.lexicon.words[h.word]).is_some());
        push_project(view, city.map_or(start, |h| h.start), station_end, out);
    }
    for found in PRODUCT_LINE.find_iter(text) {
        let start = view.loose_name_start_before(found.start(), 8);
        if start < found.start() {
            push_project(view, start, found.end(), out);
        }
    }
    listed_projects(view, ctx, scan, out);
}

/// Whether the name before an industrial park (工业园) names a zone: one word, a place of the
/// gazetteers or a word jieba tags as a place or name (珞璜, 双福), not a product or a firm
/// (云阳面, 比亚迪深汕).
pub(super) fn names_a_zone(view: &SentenceView, ctx: &Context, start: usize, at: usize) -> bool {
    let name = &view.text[start..at];
    let one_word = view.token_index_at(start).is_some_and(|i| view.tokens[i].start == start && view.tokens[i].end == at && matches!(view.tokens[i].tag, "ns" | "nr" | "nrt" | "nz"));
    start < at && (one_word || super::place::is_place_word(ctx, name)) && !ctx.lexicon.lookup(name).is_some_and(|es| es.iter().any(|e| e.kind == EntityKind::Institution))
}

/// A metro or rail line from `start` to the end of `found` (`LINE`): its phase or extension
/// (`10号线二期`, `4号线西延伸段`) is part of the surface, but the project is the line.
fn push_line(view: &SentenceView, start: usize, found: regex::Match, out: &mut Vec<Candidate>) {
    let line_end = found.as_str().find("号线").map_or(found.end(), |i| found.start() + i + "号线".len());
    // `6号线东站段`: a segment follows as after any railway.
    let surface_end = SEGMENT.find(&view.text[found.end()..]).map_or(found.end(), |m| found.end() + m.end());
    out.push(Candidate::new(EntityKind::Project, start, surface_end, &view.text[start..line_end], 5));
}

/// A project from `start..end`, extended by a phase (二期, T3B航站楼) and a segment
/// (重庆东至黔江段) that the label leaves out.
fn push_project(view: &SentenceView, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let text = view.text;
    // `推进机荷高速…` (jieba: 推进机/荷/高速): a policy verb glued to the name's first word is
    // not part of it.
    let start = ["推进", "加快", "推动", "实施"]
        .iter()
        .find(|v| text[start..end].starts_with(*v) && !view.is_boundary(start + v.len()))
        .map_or(start, |v| start + v.len());
    // `25个城乡供水一体化工程`, `一批…工程`: a counted name is a kind of works.
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:[0-9.]+万?|[一二三四五六七八九十两百千]+)(?:个|座|处|批|户)$|一批$").expect("static regex")); // ok: a fixed pattern
    if COUNTED.is_match(&text[..start]) {
        return;
    }
    let (mut label_end, mut surface_end) = (end, end);
    if let Some(phase) = PHASE.find(&text[end..]) {
        surface_end = end + phase.end();
        if !is_stage(phase.as_str()) {
            label_end = surface_end;
        }
    }
    if let Some(segment) = SEGMENT.find(&text[surface_end..]) {
        surface_end += segment.end();
    }
    let label = project_label(&text[start..label_end]);
    // `苏南硕放/v 国际机场改扩建工程`: works on a bare head (国际机场) name no project.
    if HEADS.contains(&label.as_str()) {
        return;
    }
    out.push(Candidate::new(EntityKind::Project, start, surface_end, label, 5));
}

/// The project a name stands for without the kind of work done on it: `藻渡水库主体工程` and
/// `重庆站改造` are works on 藻渡水库 and 重庆站.
fn project_label(name: &str) -> String {
    // `贵阳北站综合交通枢纽`, `郑州东站枢纽综合改造工程`: the hub around a station is the station.
    for hub in ["综合交通枢纽", "交通枢纽", "枢纽综合改造工程", "枢纽综合改造", "枢纽"] {
        if let Some(station) = name.strip_suffix(hub).filter(|s| s.ends_with('站') && s.chars().count() >= 3) {
            return station.to_string();
        }
    }
    for works in ["水源地保护工程", "主体工程", "配套工程", "提升改造工程", "提升工程", "改造工程", "改扩建工程", "扩建工程", "扩容工程", "扩能工程", "改扩建", "改造", "扩容", "工程"] {
        if let Some(project) = name.strip_suffix(works) {
            if HEADS.iter().any(|h| project.ends_with(h)) || project.ends_with('站') || ends_with_phase(project) {
                return project.to_string();
            }
        }
    }
    name.to_string()
}

/// `中国移动—阿里云智算中心`: a name that two organisations give a joint work starts with the
/// first of them when a dash joins it to the name found.
fn joint_name_start(view: &SentenceView, start: usize) -> usize {
    let Some(before) = view.text[..start].strip_suffix('—') else { return start };
    let Some(i) = view.token_index_at(before.len().saturating_sub(1)) else { return start };
    let partner = view.tokens[i];
    if partner.end == before.len() && matches!(partner.tag, "nt" | "nz" | "eng") {
        return view.loose_name_start_before(before.len(), 8);
    }
    start
}

/// Heads that often end a goal or a title rather than works (`内陆国际物流枢纽`, `现代农业产业园`).
const GOAL_HEADS: [&str; 3] = ["枢纽", "产业园", "基地"];

/// Whether `start..head_start` names a designation or a goal rather than works: a national
/// title without a proper name (`国家公路运输枢纽`, `国家生物医药产业基地`), or a hub, park or
/// base named by kind alone (`科技创新枢纽`, `战略性产业基地`).
fn is_designation(view: &SentenceView, start: usize, head_start: usize, head: &str) -> bool {
    let name = &view.text[start..head_start];
    // `神农架国家公园`: a national park is a designation of the place (not `秦岭国家植物园` or
    // `长征国家文化公园`, works being built).
    if head == "公园" && name.ends_with("国家") {
        return true;
    }
    // `西部陆海新通道国际门户港`: a gateway is a role, not a port being built.
    if name.ends_with("门户") {
        return true;
    }
    match name.strip_prefix("国家") {
        Some(_) => !has_proper_token(view, start + "国家".len(), head_start),
        // `北方国际航运枢纽`, `西部国际物流基地`, `东北亚国际物流枢纽`: a part of the country or of
        // the world and 国际 name a role.
        None => {
            const PARTS: [&str; 15] = ["北方", "南方", "东部", "西部", "中部", "东北", "西北", "西南", "东南", "东北亚", "东南亚", "南亚", "中亚", "亚欧", "欧亚"];
            // (`长三角重要综合交通枢纽`: an important hub is a role too; `古路/n 镇/n 现代农业产业园`:
            // a town names its park.)
            let town_named = name.find('镇').is_some_and(|i| (2..=3).contains(&name[..i].chars().count()));
            let role = name.contains("重要") || PARTS.iter().any(|part| name.strip_prefix(part).is_some_and(|rest| rest.starts_with("国际")));
            // (A 航运枢纽 is named by any word, `利泽航运枢纽`; only a role makes it a goal.)
            GOAL_HEADS.contains(&head) && (!has_proper_token(view, start, head_start) && !town_named || role) || head.ends_with("枢纽") && role
        }
    }
}

/// Whether a name ends with a project head (`青少年活动中心` is a building, not a body).
pub fn ends_with_head(name: &str) -> bool {
    HEADS.iter().any(|h| name.ends_with(h))
}

/// Whether a phase is a stage of the project rather than a part with a name of its own: the
/// project of `海口美兰国际机场二期` and of `发射场2号工位` is the airport and the launch site,
/// but `T3B航站楼` and `3号机组` are built and named as parts.
fn is_stage(phase: &str) -> bool {
    phase.ends_with('期') || phase.ends_with("工位")
}

/// Whether a name ends with a phase (新田港二期).
fn ends_with_phase(name: &str) -> bool {
    let mut chars = name.chars().rev();
    chars.next() == Some('期') && chars.next().is_some_and(|c| "一二三四五六七八九".contains(c))
}

/// Heads of railways and roads, whose names are often two one-character abbreviations (渝贵铁路).
const RAIL_HEADS: [&str; 7] = ["高铁", "铁路", "高速", "城际铁路", "城际", "高速公路", "快速通道"];

/// `渝贵铁路`, `渝宜高铁`, `黄磏港`: jieba splits names it does not know into single
/// characters it tags as anything; the two Han characters before the head form the name unless
/// they are a policy verb or a function word. Before a railway or road any two characters
/// count (their abbreviations are often dictionary words: 成达); before other heads both must be
/// single-character tokens.
fn abbreviated_name_start(view: &SentenceView, head_start: usize, route: bool) -> Option<usize> {
    let pair = abbreviated_pair_start(view, head_start, route);
    // `成达万高铁` (成达/v 万/m): a route named by three cities' characters, when the pair
    // before the head starts inside a word.
    if route && pair.is_none() {
        let before = &view.text[..head_start];
        let mut chars = before.char_indices().rev().take(3);
        let third = chars.nth(2).filter(|&(at, c)| crate::normalize::is_han(c) && view.is_boundary(at));
        if let Some((start, _)) = third
            && before[start..].chars().all(crate::normalize::is_han)
            && !super::tokens::is_stop_word(&before[start..])
            && abbreviated_pair_start(view, head_start, false).is_none()
            && view.token_index_at(start).is_some_and(|i| !matches!(view.tokens[i].tag, "u" | "uj" | "p" | "c" | "d" | "r"))
        {
            return Some(start);
        }
    }
    pair
}

fn abbreviated_pair_start(view: &SentenceView, head_start: usize, route: bool) -> Option<usize> {
    let before = &view.text[..head_start];
    let mut chars = before.char_indices().rev().take(2);
    let (second_at, second) = chars.next()?;
    let (start, first) = chars.next()?;
    let pair = &before[start..];
    let is_verb = super::tokens::is_stop_word(pair) || matches!(pair, "推进" | "建设" | "开通" | "启动");
    let token = |at: usize| view.token_index_at(at).map(|i| view.tokens[i]);
    let function_word = |at: usize| token(at).is_some_and(|t| matches!(t.tag, "u" | "uj" | "p" | "c" | "d" | "r"));
    let single = |at: usize| token(at).is_some_and(|t| t.start == at && t.word.chars().count() == 1);
    let shape = route || (single(start) && single(second_at));
    // `渝/j 遂/d 高速`: after a one-character abbreviation a route's second character may be tagged
    // an adverb (遂 for 遂宁; not 和/c).
    let abbreviation_first = route && single(start) && token(start).is_some_and(|t| t.tag == "j");
    (crate::normalize::is_han(first)
        && crate::normalize::is_han(second)
        && view.is_boundary(start)
        && !is_verb
        && !function_word(start)
        && (!function_word(second_at) || abbreviation_first && token(second_at).is_some_and(|t| t.tag == "d"))
        && shape)
        .then_some(start)
}

/// Routes (`黔江至吉首高铁`, `洛阳至栾川快速通道`) and stations named after a place (`沙坪坝站`, `重庆北站`).
fn routes_and_stations(view: &SentenceView, ctx: &Context, out: &mut Vec<Candidate>) {
    static ROUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Han}{2,4}(?:至[\p{Han}--[等和及与至]]{2,4}){1,3}(?:高铁|城际铁路|铁路|高速公路|高速|快速通道|快速路|旅游公路|公路|线)").expect("static regex") // ok: a fixed pattern
    });
    let text = view.text;
    let mut from = if view.may_match(&["至"]) { 0 } else { text.len() + 1 };
    while let Some(found) = text.get(from..).and_then(|_| ROUTE.find_at(text, from)) {
        // `开工建设石家庄至邢台城际铁路`: the leftmost match (设石家庄至…) may start inside a
        // word; the name starts at a later token boundary.
        if !view.is_boundary(found.start()) {
            from = found.start() + text[found.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        from = found.end();
        let start = after_leading_verb(view, ctx, found.start());
        if found.as_str().ends_with('线') && !view.is_boundary(found.end()) {
            continue; // 线路, 线索
        }
        // `白居寺长江大桥至茶园快速通道`: a route from a work is named after that work, whose
        // own name the route's four characters would cut.
        let first_end = &text[found.start()..found.start() + found.as_str().find('至').unwrap_or(0)];
        if HEADS.iter().any(|h| first_end.ends_with(h)) {
            continue;
        }
        push_project(view, start, found.end(), out);
    }
    for (at, _) in text.match_indices('站') {
        let before = &text[..at];
        let before = before.strip_suffix(['东', '西', '南', '北']).unwrap_or(before);
        let starts: Vec<usize> = before.char_indices().rev().take(5).map(|(i, _)| i).collect();
        if let Some(&start) = starts.iter().skip(1).find(|&&s| view.is_boundary(s) && is_place(ctx, &before[s..])) {
            // `全国融资信用服务平台（重庆站）`: a branch of a platform, not a station.
            let bracketed = text[..start].strip_suffix(['（', '(']).is_some_and(|b| b.chars().next_back().is_some_and(crate::normalize::is_han));
            if bracketed {
                continue;
            }
            push_project(view, start, at + '站'.len_utf8(), out);
        }
    }
}

/// `开工璧山至铜梁线`, `开工建设青海至广西±800千伏…`: a pattern that names a route by its ends
/// may take the verbs before the first end; the name starts after them (a place tagged as a verb,
/// 遵义/v, stays).
fn after_leading_verb(view: &SentenceView, ctx: &Context, start: usize) -> usize {
    let mut start = start;
    while let Some(token) = view.tokens.iter().find(|t| t.start == start) {
        let verb = super::tokens::is_stop_word(token.word) || token.tag.starts_with('v') && !is_place(ctx, token.word);
        // The first end keeps two characters before 至 or the dash.
        let rest = &view.text[token.end..];
        let end_follows = rest.chars().take_while(|&c| crate::normalize::is_han(c)).count() >= 2;
        if !verb || !end_follows {
            break;
        }
        start = token.end;
    }
    start
}

/// Whether a word is a place in this report (see `place::choose`).
fn is_place(ctx: &Context, word: &str) -> bool {
    place_kind(ctx, word).is_some()
}

/// The kind of place a word is in this report (district, city, region, …), if it is one.
/// Whether `start..at` names the town a port of entry serves (`满洲里口岸`, `皇岗口岸`): a city or
/// county, or a place word jieba knows; not a province's ports (`重庆口岸`) nor a verb (`完善口岸`).
fn names_port_of_entry(view: &SentenceView, ctx: &Context, start: usize, at: usize) -> bool {
    let word = &view.text[start..at];
    let place = ctx.lexicon.lookup(word).and_then(|entries| super::place::choose(entries, ctx.province)).filter(|e| e.kind == EntityKind::Place);
    match place {
        // A province-level city (重庆市) is a province here.
        Some(e) => matches!(e.place_kind, Some("city" | "county" | "district")) && !e.code.as_deref().is_some_and(|c| c.ends_with("0000")),
        None => view.tokens.iter().any(|t| t.start == start && t.end == at && t.tag == "ns"),
    }
}

fn place_kind<'a>(ctx: &'a Context, word: &str) -> Option<&'a str> {
    ctx.lexicon
        .lookup(word)
        .and_then(|entries| super::place::choose(entries, ctx.province))
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.place_kind.unwrap_or("place"))
}

/// Whether the head word at `at` is the end of a place's name: a token jieba tags as a place
/// (香港) or a place of the gazetteers, whatever jieba tagged it (张家港, 连云港 as `nr`).
/// A head that only starts inside a place (`津/兴城/际`: 城际 after the place 兴城) is not
/// inside it: the place's last character opens the head.
fn head_inside_place(view: &SentenceView, ctx: &Context, scan: &Scan, at: usize, end: usize) -> bool {
    // (`烟台港/ns` is the port of the city 烟台, and `洋浦港/ns`, no place of the gazetteers, a
    // port; `张家港/ns` is a city named with 港, `临港/ns` an area.)
    view.token_index_at(at).map(|i| view.tokens[i]).is_some_and(|t| {
        t.start < at && t.end >= end && t.tag == "ns" && !is_place(ctx, &view.text[t.start..at]) && (t.end > end || is_place(ctx, t.word) || view.text[t.start..at].chars().count() < 2)
    })
        // `京港澳` (京/港澳/j): 港 opening a place's abbreviation.
        || view.token_index_at(at).map(|i| view.tokens[i]).is_some_and(|t| t.start == at && matches!(t.tag, "j" | "ns") && t.end > at + '港'.len_utf8() && is_place(ctx, t.word))
        // (A place starting inside a word is none: 海港, a district of Qinhuangdao, in 上海港.)
        || scan.hits.iter().any(|hit| {
            hit.start < at && hit.end >= end && view.is_boundary(hit.start) && ctx.lexicon.entries[hit.word].iter().any(|e| e.kind == EntityKind::Place)
        })
}

/// Items of a coordination before a project head get the head appended
/// (`成渝中线、渝西、渝万、成达万等高铁`, `万州和黔江机场`, `藻渡、跳磴、向阳水库`). An item that
/// carries a head of its own is a complete project and ends the list. Without 等 or a joining
/// word the items must look like short names (at most 5 characters: 惠州太平岭) and, when they are
/// places, places of one level (万州、黔江机场, 绥芬河、黑河口岸; not 四川、西北地区、三峡电站).
/// `太原武宿国际机场T3航站楼和第二跑道`: a runway counted after its airport's terminal is that
/// airport's (label 太原武宿国际机场第二跑道; the surface stays 第二跑道).
fn runway_of_airport(view: &SentenceView, start: usize, end: usize) -> Option<String> {
    static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^第[一二三四五六七八九十]{1,2}跑道$").expect("static regex")); // ok: a fixed pattern
    static AFTER_TERMINAL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"机场T?[0-9]*[A-Z]?航站楼(?:改扩建|扩建|改造|新建)?(?:工程)?(?:和|及|、)$").expect("static regex")); // ok: a fixed pattern
    let text = view.text;
    if !ORDINAL.is_match(&text[start..end]) {
        return None;
    }
    let terminal = AFTER_TERMINAL.find(&text[..start])?;
    let airport_end = terminal.start() + "机场".len();
    let airport_start = view.name_start_before(terminal.start(), 12);
    (airport_start < terminal.start()).then(|| format!("{}{}", &text[airport_start..airport_end], &text[start..end]))
}

/// Where the 等 closing a list stands before `at`, when only category words lie between it and
/// `at` (`…等工程`, `…等重大水利工程`, `…等支线机场`).
fn etc_before_kind(text: &str, at: usize) -> Option<usize> {
    text[..at].rfind('等').filter(|&etc| {
        let kind = &text[etc + '等'.len_utf8()..at];
        kind.is_empty() || (kind.chars().count() <= 6 && is_generic_name(kind))
    })
}

fn coordinated(view: &SentenceView, ctx: &Context, scan: &Scan, head_end: usize, head: &str, out: &mut Vec<Candidate>) {
    let text = view.text;
    let head_start = head_end - head.len();
    // `大兴、首都两个国际机场`: a count between the items and their head closes the list as 等 does.
    let counted = COUNT_BEFORE_HEAD.find(&text[..head_start]).map(|m| m.start());
    // `若羌、昭苏等支线机场`: category words between 等 and the head belong to the head.
    let etc = etc_before_kind(text, head_start);
    let with_etc = etc.is_some() || counted.is_some();
    let end = match (counted, etc) {
        (Some(count), _) => count,
        (None, Some(etc)) => etc,
        (None, None) => head_start,
    };
    let mut items = coordination(view, end, 8);
    // `大兴、首都两个国际|机场`, `大兴、首都等国际|机场`: the list belongs to the longer head.
    if items.iter().any(|&(s, e)| COUNT_INSIDE.is_match(&text[s..e]) || text[s..e].contains('等')) {
        return;
    }
    // (A zone's name, `山东自贸试验区和青岛胶东国际机场`, is a complete item too.)
    // (An item ending in the head's kind character, `长沙中电软件园和武汉光谷科技园`, is one too.)
    let same_kind = |item: &str| item.chars().count() >= 4 && item.chars().next_back() == head.chars().next_back();
    let has_own_head = |&(s, e): &(usize, usize)| {
        holds_head(view, scan, s, e)
            || text[s..e].ends_with("工程")
            || same_kind(&text[s..e])
            || super::place::SUFFIX_WORDS.iter().any(|z| text[s..e].ends_with(z))
    };
    // `万州和黔江机场T2航站楼`: the item next to the head holds a head of its own (机场), so the
    // items share that inner head, found when it is (T2航站楼 then follows as a phase).
    if items.last().is_some_and(has_own_head) {
        return;
    }
    // `引汉济渭二期工程和古贤、东庄水利枢纽`: an earlier item with a head of its own (or ending in a
    // segment: …剑河至榕江段、贵阳至黄平高速公路) is a complete
    // project; the list sharing this head starts after it.
    // (`…高速公路剑河至榕江段、贵阳至黄平高速公路`: so is an earlier item ending in a segment.)
    let last = items.len().saturating_sub(1);
    if let Some(complete) = items.iter().enumerate().rposition(|(i, item)| has_own_head(item) || i < last && text[item.0..item.1].ends_with('段')) {
        items.drain(..=complete);
    }
    let tokens_of = |s: usize, e: usize| view.tokens.iter().filter(move |t| t.start >= s && t.end <= e);
    // `连霍高速…段扩能改造、眉县至太白高速`: an earlier item of verbs only ends a clause of works;
    // the list sharing this head starts after it.
    let verbs_only = |&(s, e): &(usize, usize)| tokens_of(s, e).next().is_some() && tokens_of(s, e).all(|t| t.tag.starts_with('v'));
    let works_done = |item: &(usize, usize)| verbs_only(item) && ["改造", "扩建", "扩能", "提升", "整治", "续建"].iter().any(|w| text[..item.1].ends_with(w));
    if let Some(works) = items.len().checked_sub(1).and_then(|last| items[..last].iter().rposition(works_done)) {
        items.drain(..=works);
    }
    let joined_by_word = items.len() == 2 && !text[items[0].1..items[1].0].contains('、');
    // (`推动贵州与重庆在渝贵高铁沿线`: an item holding a preposition is a clause, no name; so is
    // one of verbs only: `…段扩能改造和曲靖机场`.)
    // (An item no token fills counts as a clause too.)
    let clause = |&(s, e): &(usize, usize)| tokens_of(s, e).any(|t| t.tag == "p") || tokens_of(s, e).all(|t| t.tag.starts_with('v'));
    if joined_by_word && items.iter().any(clause) {
        return;
    }
    if !with_etc && !joined_by_word {
        // The item next to the head names a project with it in any case (巫山机场、永川大安通用机场).
        let Some(&(last_start, last_end)) = items.last() else { return };
        // (`辽阳、铁岭加快老工业基地`: an item holding a policy verb is a clause, no name.)
        let clause = view.tokens.iter().any(|t| t.start >= last_start && t.end <= last_end && super::tokens::is_stop_word(t.word));
        let named = !is_generic_name(&text[last_start..last_end]) && !is_designation(view, last_start, last_end, head) && !clause;
        if text[last_start..last_end].chars().count() >= 2 && named {
            out.push(Candidate::new(EntityKind::Project, last_start, head_end, &text[last_start..head_end], 5));
        }
        // (`浐灞、曲江、航天基地`: when the item next to the head names a kind, the others share
        // nothing.)
        if !named {
            return;
        }
        // Routes (文山至蒙自、临沧至清水河铁路) run longer.
        let short = items.iter().all(|&(s, e)| text[s..e].chars().count() <= if text[s..e].contains('至') { 9 } else { 5 });
        let kinds: Vec<Option<&str>> = items.iter().map(|&(s, e)| place_kind(ctx, &text[s..e])).collect();
        items.pop();
        // Places of different levels (四川、西北地区、三峡电站) are a list of their own; an item
        // that is no single place (惠州太平岭、陆丰核电站) does not make the list mixed, and
        // cities, counties and districts are one level (绥芬河、黑河口岸).
        fn level(kind: &str) -> &str {
            if matches!(kind, "city" | "county" | "district") { "local" } else { kind }
        }
        let place_kinds: Vec<&str> = kinds.iter().flatten().map(|k| level(k)).collect();
        let mixed_places = place_kinds.windows(2).any(|w| w[0] != w[1]);
        if !short || mixed_places {
            return;
        }
    }
    // `万州和黔江机场T2航站楼`: a phase after the shared head belongs to every item.
    let phase = PHASE.find(&text[head_end..]).map_or("", |m| m.as_str());
    // `荆门至宜昌、十堰至房县等高速公路`: the first item of routes starts at its first end.
    if let Some(first) = items.first_mut()
        && let Some(before) = text[..first.0].strip_suffix('至')
        && text[first.0..first.1].chars().count() <= 4
    {
        // The first end is a place (not `新建成|荆门`).
        let ends: Vec<usize> = before.char_indices().rev().take(4).map(|(i, _)| i).collect();
        if let Some(&from) = ends.iter().skip(1).filter(|&&i| view.is_boundary(i)).find(|&&i| is_place(ctx, &before[i..])) {
            first.0 = from;
        } else if let Some(token) = view.token_index_at(before.len().saturating_sub(1)).map(|i| view.tokens[i]) {
            // A town no gazetteer has (`加快|黄桶至百色、合浦至湛江铁路`): the word before 至.
            let word_like = token.end == before.len() && token.word.chars().count() >= 2 && token.word.chars().all(crate::normalize::is_han);
            if word_like && !super::tokens::is_stop_word(token.word) {
                first.0 = token.start;
            }
        }
    }
    for (s, e) in items {
        let item = &text[s..e];
        // An item starts no name inside a code (`G219|线提质升级和乌鲁木齐国际机场`), and a body is
        // no item of a list of works (`清华大学与宁东基地共建`).
        let inside_code = text[..s].ends_with(|c: char| c.is_ascii_alphanumeric());
        let body = super::institution::HEADS.iter().any(|h| item.ends_with(h));
        if holds_head(view, scan, s, e) || is_generic_name(item) || is_designation(view, s, e, head) || inside_code || body {
            continue;
        }
        let phase = if is_stage(phase) { "" } else { phase };
        out.push(Candidate::new(EntityKind::Project, s, e, format!("{item}{head}{phase}"), 6));
    }
}

/// Whether the item `s..e` holds a project head of its own; a head inside a longer place word
/// is none (港 in `京港澳`: 京/港澳, the expressway to Hong Kong and Macao).
fn holds_head(view: &SentenceView, scan: &Scan, s: usize, e: usize) -> bool {
    // The sentence's head words were found once (`Scan`): only their places are looked at.
    scan.heads.of(HeadList::ProjectHeads).iter().any(|&(index, at)| {
        let len = HEADS[index].len();
        let token = view.token_index_at(at).map(|t| view.tokens[t]);
        at >= s && at + len <= e && !token.is_some_and(|t| t.start <= at && t.end > at + len && matches!(t.tag, "ns" | "j"))
    })
}

/// `A、B、C等(N个)项目` and `A等项目`: each item is a project as named when it is specific:
/// it carries a proper name (`吉利动力电池`, `奥松MEMS传感器`) or is long (five characters or
/// more), or the list is counted (`安意法、芯联等6个晶圆项目`), or most of its items are specific
/// (more than half of three or more: `仁宝、萤石、三安衬底材料、台达电源等项目`). Such an item wins over a company of the same name;
/// centres and institutes listed there are bodies (see `institution`).
fn listed_projects(view: &SentenceView, ctx: &Context, scan: &Scan, out: &mut Vec<Candidate>) {
    let text = view.text;
    for list in &scan.project_lists {
        let specific = |&(s, e): &(usize, usize)| text[s..e].chars().count() >= 5 || has_proper_token(view, s, e);
        let mostly_specific = list.items.len() >= 3 && 2 * list.items.iter().filter(|i| specific(i)).count() > list.items.len();
        for &(s, e) in &list.items {
            let item = &text[s..e];
            let body = (item.ends_with("中心") && !ends_with_head(item)) || super::institution::HEADS.iter().any(|h| item.ends_with(h));
            // A place alone (`万州和黔江机场T2航站楼`) names the project only with the head the
            // coordination rule gives it.
            if body || item.contains("项目") || is_generic_name(item) || item.chars().count() < 2 || is_place(ctx, item) {
                continue;
            }
            if specific(&(s, e)) || list.counted || mostly_specific {
                // `成渝中线、渝西、渝万等高铁项目`: the items share the head named before 项目.
                let shared = HEADS.iter().find(|h| text[list.kind.0..list.kind.1].ends_with(*h) && !item.ends_with(*h));
                let label = shared.map_or_else(|| project_label(item), |h| format!("{item}{h}"));
                out.push(Candidate::new(EntityKind::Project, s, e, label, super::LISTED_PROJECT));
            }
        }
    }
}
