//! A sentence as the recognisers see it: Simplified text, jieba tokens with POS tags, and the
//! helpers every recogniser shares: token boundaries, the name phrase before a head noun, and
//! the items of a coordination that share one head (`金凤、嘉陵江、明月湖、广阳湾4个重庆实验室`).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use jieba_rs::Jieba;

/// Time spent in jieba (in [`SentenceView::new`]), summed over threads; measured only while
/// `gwkg bench` has it switched on, so the normal build pays one relaxed load per sentence.
pub mod segment_clock {
    use super::*;

    pub(super) static ON: AtomicBool = AtomicBool::new(false);
    pub(super) static NANOS: AtomicU64 = AtomicU64::new(0);

    /// Starts counting from zero.
    pub fn start() {
        NANOS.store(0, Ordering::Relaxed);
        ON.store(true, Ordering::Relaxed);
    }

    /// Stops counting and returns the time counted since [`start`].
    pub fn stop() -> Duration {
        ON.store(false, Ordering::Relaxed);
        Duration::from_nanos(NANOS.swap(0, Ordering::Relaxed))
    }
}

/// A jieba token: byte span in the sentence and its POS tag.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub word: &'a str,
    pub tag: &'a str,
    pub start: usize,
    pub end: usize,
}

/// One sentence, segmented.
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// `boundary[b]` is true when a token starts or ends at byte `b`.
    boundary: Vec<bool>,
    /// One bit per character of the sentence (see [`char_bit`]): a word with a character whose
    /// bit is clear is not in the sentence, and [`Self::may_match`] knows it without a search.
    characters: u128,
}

impl<'a> SentenceView<'a> {
    pub fn new(jieba: &'a Jieba, text: &'a str) -> SentenceView<'a> {
        let clock = segment_clock::ON.load(Ordering::Relaxed).then(Instant::now);
        let tags = jieba.tag(text, true);
        let mut tokens = Vec::with_capacity(tags.len());
        let mut boundary = vec![false; text.len() + 1];
        let mut at = 0;
        for tag in tags {
            // jieba returns slices of `text` in order; recover their offsets.
            let start = tag.word.as_ptr() as usize - text.as_ptr() as usize;
            let start = if start <= text.len() { start } else { at };
            let end = start + tag.word.len();
            boundary[start] = true;
            boundary[end] = true;
            tokens.push(Token { word: tag.word, tag: tag.tag, start, end });
            at = end;
        }
        boundary[0] = true;
        boundary[text.len()] = true;
        if let Some(started) = clock {
            segment_clock::NANOS.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
        let characters = text.chars().fold(0, |bits, c| bits | char_bit(c));
        SentenceView { text, tokens, boundary, characters }
    }

    /// Whether the sentence holds one of `literals`, one of which every match of a pattern
    /// contains: the recognisers skip a regex over sentences it cannot match. Most literals are
    /// ruled out by the sentence's character bits, the rest by a substring search.
    pub fn may_match(&self, literals: &[&str]) -> bool {
        literals.iter().any(|literal| {
            let bits = literal.chars().fold(0, |bits, c| bits | char_bit(c));
            bits & self.characters == bits && self.text.contains(literal)
        })
    }

    /// Tags `ns` the token spanning exactly `start..end`, if there is one (see `extract::recognise`).
    pub fn tag_as_place(&mut self, start: usize, end: usize) {
        if let Some(token) = self.token_index_at(start).map(|i| &mut self.tokens[i])
            && token.start == start
            && token.end == end
        {
            token.tag = "ns";
        }
    }

    pub fn is_boundary(&self, byte: usize) -> bool {
        self.boundary.get(byte).copied().unwrap_or(false)
    }

    /// The token that contains byte `at` (the one starting at or before it).
    pub fn token_index_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start <= at);
        i.checked_sub(1)
    }

    /// Start of the name phrase that ends at `end` (a head noun's start): the longest run of
    /// name-like tokens before it (nouns, place and organisation names, Latin words, numbers,
    /// brackets), at most `max_chars` characters. Returns `end` when there is none.
    pub fn name_start_before(&self, end: usize, max_chars: usize) -> usize {
        self.name_start_with(end, max_chars, is_name_token)
    }

    /// Like [`Self::name_start_before`], but verbs and adjectives may be part of the name
    /// (国家硅基混合集成创新中心), and a word jieba tags as the particle 地 (深地/uv 国家实验室): only function words, policy verbs and punctuation end it. For
    /// heads that only ever end proper names (研究院, 创新中心, 实验室).
    pub fn loose_name_start_before(&self, end: usize, max_chars: usize) -> usize {
        self.name_start_with(end, max_chars, is_loose_name_token)
    }

    fn name_start_with(&self, end: usize, max_chars: usize, is_name_token: fn(Token) -> bool) -> usize {
        let Some(mut i) = self.token_index_at(end.saturating_sub(1)) else { return end };
        let mut start = end;
        // A head inside a longer token (重庆大学 segmented as one word): the token's part
        // before the head belongs to the name.
        let token = self.tokens[i];
        if token.end > end {
            if !is_name_token(token) {
                return end;
            }
            start = token.start;
            if i == 0 {
                return start;
            }
            i -= 1;
        }
        loop {
            let token = self.tokens[i];
            if !is_name_token(token) {
                break;
            }
            let chars = self.text[token.start..end].chars().count();
            if chars > max_chars {
                break;
            }
            start = token.start;
            if i == 0 {
                break;
            }
            i -= 1;
        }
        // `发展` continues a name (能源发展集团, 大湾区发展战略) but does not open one:
        // `发展先进制造业集群` is a verb and its object.
        while let Some(i) = self.token_index_at(start).filter(|&i| self.tokens[i].start == start && start < end) {
            if !LEADING_VERBS.contains(&self.tokens[i].word) {
                break;
            }
            start = self.tokens[i].end.min(end);
        }
        // A lone adjective opening a clause before a place word is the first character of a
        // longer place name: `，红|沿河核电站` (a clause does not open with a bare adjective).
        if let Some(i) = self.token_index_at(start).filter(|&i| i > 0 && self.tokens[i].start == start && self.tokens[i].tag == "ns") {
            let before = self.tokens[i - 1];
            let opens_clause = i == 1 || self.tokens[i - 2].word.chars().all(is_break);
            if opens_clause && before.tag == "a" && before.word.chars().count() == 1 {
                start = before.start;
            }
        }
        // A bound morpheme jieba could not place (`湾/zg` in 三亚崖州湾科技城) continues a name
        // but does not open one (`四方/井/zg 水利枢纽`).
        while let Some(i) = self.token_index_at(start).filter(|&i| self.tokens[i].start == start && self.tokens[i].tag == "zg" && start < end) {
            start = self.tokens[i].end.min(end);
        }
        // A name does not start with a bound suffix: `紧密型城市医疗集团` describes a kind.
        if self.text[start..end].starts_with(['型', '性', '式']) {
            return end;
        }
        // A name holds a closing bracket only after its opening one: `中国（天津|）自由贸易试验区
        // 天津港` starts after the bracket.
        let (mut depth, mut unopened) = (0usize, None);
        for (i, c) in self.text[start..end].char_indices() {
            match c {
                '（' => depth += 1,
                '）' if depth == 0 => unopened = Some(start + i + c.len_utf8()),
                '）' => depth -= 1,
                _ => {}
            }
        }
        if let Some(after) = unopened {
            start = after;
        }
        // A name does not start with a bracket, a number word or a measure word.
        while let Some(c) = self.text[start..end].chars().next() {
            if matches!(c, '）' | '、' | '·') || (c == '（' && !self.text[start..end].contains('）')) {
                start += c.len_utf8();
            } else {
                break;
            }
        }
        start
    }
}

/// Whether `start..end` holds a proper name as jieba sees it: a place, organisation or person
/// name, a Latin word, an abbreviation, or a word jieba does not know (left as single characters
/// or tagged `x`/`zg`).
pub fn has_proper_token(view: &SentenceView, start: usize, end: usize) -> bool {
    let single_han = |t: &Token| {
        t.word.chars().count() == 1
            && t.word.chars().all(crate::normalize::is_han)
            && !matches!(t.tag, "u" | "uj" | "p" | "c" | "d" | "r" | "m" | "q")
    };
    // A category word jieba takes for a person's name (`智慧/nr 综保区`) is none.
    let person_like_category = |t: &Token| matches!(t.tag, "nr" | "nrt" | "nrfg") && is_generic_name(t.word);
    let inside: Vec<&Token> = view.tokens.iter().filter(|t| t.start < end && t.end > start).collect();
    inside.iter().any(|t| matches!(t.tag, "ns" | "nt" | "nz" | "nr" | "nrt" | "eng" | "j" | "nrfg" | "zg" | "x") && !person_like_category(t))
        || inside.windows(2).any(|pair| single_han(pair[0]) && single_han(pair[1]))
}

/// Whether a word is one of the stop words that never belong to a name.
pub fn is_stop_word(word: &str) -> bool {
    SORTED_STOP_WORDS.binary_search(&word).is_ok()
}

/// [`STOP_WORDS`] sorted, for binary search on the hot path (every token of every name).
static SORTED_STOP_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut words = STOP_WORDS.to_vec();
    words.sort_unstable();
    words
});

/// Whether a word is a stop word or ends with one of two or more characters (加快推进).
pub fn is_or_ends_with_stop_word(word: &str) -> bool {
    // Every proper suffix of two characters or more, looked up (words are short).
    is_stop_word(word)
        || word.char_indices().skip(1).map(|(i, _)| &word[i..]).filter(|rest| rest.chars().nth(1).is_some()).any(is_stop_word)
}

/// Tokens that can be part of a proper name.
pub fn is_name_token(token: Token) -> bool {
    if token.word.chars().any(|c| is_break(c)) {
        return false;
    }
    if matches!(token.word, "（" | "）") {
        return true;
    }
    if is_or_ends_with_stop_word(token.word) {
        return false;
    }
    let tag = token.tag;
    tag.starts_with('n') && tag != "nr" && tag != "nrt"
        || matches!(tag, "j" | "eng" | "vn" | "an" | "b" | "l" | "i" | "x" | "s" | "nrfg" | "g" | "zg" | "k" | "h" | "vg")
        || (tag == "m" && token.word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || "第号期代".contains(c)))
        || (tag == "m" && token.word.chars().count() == 2 && token.word.ends_with(['期', '线']))
        || (tag == "m" && is_ordinal_word(token.word))
        || (tag == "m" && is_capacity_word(token.word))
        || (tag == "f" && token.word.chars().all(|c| "东西南北中部方".contains(c)))
        || (tag == "a" && token.word.chars().count() == 1 && "新大".contains(token.word))
        // (`重庆现代/t 职业技术大学`, `近代/t 物理研究所`: an age word tagged as a time.)
        || (tag == "t" && matches!(token.word, "现代" | "近代" | "当代"))
        || (matches!(tag, "nr" | "nrt") && token.word.chars().count() <= 5)
}

/// An ordinal in a name: `第三` in 比亚迪西安第三工厂, `第一` in …大学第一附属医院, `第二条` in …第二条总装线.
fn is_ordinal_word(word: &str) -> bool {
    // `第二条` in 空客天津A320第二条总装线: the ordinal of a line.
    let word = word.strip_suffix('条').unwrap_or(word);
    word.strip_prefix('第').is_some_and(|n| (1..=2).contains(&n.chars().count()) && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

/// A round Han number, alone or with its unit (千亿, 千亿方, 万吨), as in
/// `千亿方天然气生产基地`, `华峰年产45万吨高端铝板带箔`, `百万高校毕业生…行动`.
fn is_capacity_word(word: &str) -> bool {
    let numeral = |c: char| "十百千万亿".contains(c);
    match ["千瓦", "方", "吨", "辆", "台", "片"].iter().find_map(|unit| word.strip_suffix(unit)) {
        Some(number) => !number.is_empty() && number.chars().all(numeral),
        None => word.chars().count() >= 2 && word.chars().all(numeral),
    }
}

/// Tokens that can be part of a name ending in a strong head: anything but punctuation,
/// function words (prepositions, conjunctions, particles, pronouns, adverbs) and stop words.
/// `一是`, `三是`, … `十是`: the marker of an item of an enumeration.
fn is_enumeration_marker(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| "一二三四五六七八九十".contains(c)) && chars.next() == Some('是') && chars.next().is_none()
}

pub fn is_loose_name_token(token: Token) -> bool {
    // `提质发展|重庆国际免疫研究院`: a loose name, reaching over verbs, stops at 发展; and at an
    // enumeration's marker (`三是|之江实验室挂牌运行`).
    if LEADING_VERBS.contains(&token.word) || is_enumeration_marker(token.word) {
        return false;
    }
    if is_name_token(token) {
        return true;
    }
    if token.word.chars().any(is_break) || is_or_ends_with_stop_word(token.word) {
        return false;
    }
    // A single character jieba calls an adverb inside an unknown name (渝遂扩能) is a name part
    // unless it is one of the everyday adverbs.
    if token.tag == "d" && token.word.chars().count() == 1 && !"更也都就还又再已均才将仍最很不没未共总亦并正".contains(token.word) {
        return true;
    }
    // `深汕特别合作区`, `特别行政区`: 特别 inside a name (`特别是…` ends at 是, a stop word);
    // a word of two characters or more jieba tags as the particle 地 (`深地/uv 国家实验室`).
    if token.word == "特别" || token.tag == "uv" && token.word.chars().count() >= 2 {
        return true;
    }
    !matches!(token.tag, "p" | "c" | "u" | "uj" | "ul" | "uz" | "ud" | "ug" | "uv" | "d" | "r" | "y" | "e" | "o" | "q" | "m" | "t")
}

/// Characters that end a name phrase.
pub fn is_break(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '、' | '“' | '”' | '‘' | '’' | '《' | '》' | ',' | ' ' | '\n' | '—' | '…')
}

/// Verbs that may continue a name but never open one.
const LEADING_VERBS: [&str; 1] = ["发展"];

/// Words that never start or continue a name even when jieba tags them as nouns: function
/// words, collective references, and the verbs of policy text (布局, 深化, 迭代, …).
const STOP_WORDS: [&str; 104] = [
    "开通", "参与", "等", "和", "及", "与", "以及", "或", "的", "了", "是", "在", "为", "将", "把", "被", "对", "向", "从", "由", "全市",
    "全国", "我市", "本市", "全省", "我省", "重点", "一批", "一些", "各类", "其中", "加快", "推进", "推动", "实施", "共建",
    "建设", "建成", "开工", "完成", "启动", "布局", "深化", "迭代", "优化", "完善", "提升", "构建", "打造", "培育",
    "壮大", "建强", "做强", "支持", "加强", "持续", "深入", "积极", "着力", "大力", "加大", "谋划", "部署", "落实",
    "开展", "举办", "新建", "争取", "获批", "投用", "力争", "主要", "大力发展", "编制", "设置", "争创", "设立", "组建", "成立", "挂牌", "揭牌", "签约",
    "落户", "引进", "提速", "统筹", "抓好", "统筹规划", "强化", "引入", "健全", "运行", "高标准", "攻关", "新增", "确保",
    "锚定", "聚焦", "紧扣", "对标", "不通", "实现", "开通", "迈入",
];

/// The items of a coordination whose last item ends at `end`: `A、B、C` (before 等 or a shared
/// head) or `A和B`. Items between separators are taken whole; the first item's start is found
/// by [`SentenceView::loose_name_start_before`]. Returns the items' byte spans in order, or nothing
/// when there are fewer than two items or an item is longer than `max_item_chars`.
pub fn coordination(view: &SentenceView, end: usize, max_item_chars: usize) -> Vec<(usize, usize)> {
    let text = view.text;
    let mut items = Vec::new();
    let mut item_end = end;
    loop {
        // Scan back from item_end to the previous separator, at most max_item_chars.
        let mut at = item_end;
        let mut chars = 0;
        let mut separator = None;
        while at > 0 && chars <= max_item_chars {
            let c = text[..at].chars().next_back().unwrap_or(' ');
            if c == '、' {
                separator = Some((at - c.len_utf8(), at));
                break;
            }
            if let Some(word) = ["和", "及", "与"].iter().find(|w| text[..at].ends_with(*w))
                && view.is_boundary(at - word.len())
                && view.is_boundary(at)
                && at < item_end
            {
                let token = view.token_index_at(at - word.len()).map(|i| view.tokens[i]);
                if token.is_some_and(|t| t.word == *word) {
                    separator = Some((at - word.len(), at));
                    break;
                }
            }
            if is_break(c) {
                break;
            }
            at -= c.len_utf8();
            chars += 1;
        }
        // `巴南至江津、綦江的快速通道`: a head after 的 is described, not shared by a list.
        if items.is_empty() && text[..item_end].ends_with('的') {
            return Vec::new();
        }
        match separator {
            Some((sep_start, sep_end)) if sep_end < item_end => {
                items.push((sep_end, item_end));
                item_end = sep_start;
            }
            _ => {
                if items.is_empty() {
                    return Vec::new();
                }
                // The first item has no separator before it: it reaches back over any words but
                // function words and policy verbs (新开工|西南铝升级扩能、…).
                let mut first_start = view.loose_name_start_before(item_end, max_item_chars);
                // (`向家/m 嘴、团滩河…`, `推动琶/zg 洲/ng、生物岛…`: one character is no item.)
                if first_start == item_end || text[first_start..item_end].chars().count() == 1 {
                    first_start = first_start.min(abbreviation_start(view, item_end));
                }
                if first_start == item_end {
                    first_start = clause_opening_start(text, item_end);
                }
                if first_start < item_end {
                    items.push((first_start, item_end));
                }
                break;
            }
        }
    }
    items.reverse();
    if items.len() < 2 { Vec::new() } else { items }
}

/// `（二）闽都、嘉庚…`: a short run of two to four Han characters that opens its clause (after a
/// sentence start, punctuation or a list number) is the first item whatever jieba tagged it
/// (闽/j 都/d); `end` when there is none.
fn clause_opening_start(text: &str, end: usize) -> usize {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if !crate::normalize::is_han(c) {
            break;
        }
        start = i;
    }
    let opens = start == 0 || text[..start].ends_with(|c: char| is_break(c) || matches!(c, '）' | ')'));
    let chars = text[start..end].chars().count();
    if opens && (2..=4).contains(&chars) { start } else { end }
}

/// Start of an abbreviation of two to four Han characters ending at `end` whatever jieba
/// tagged its pieces (`加快|成达/v 万/m、西渝高铁`), after a policy verb or a function word;
/// `end` when there is none.
fn abbreviation_start(view: &SentenceView, end: usize) -> usize {
    let Some(mut i) = view.token_index_at(end.saturating_sub(1)) else { return end };
    let mut start = end;
    loop {
        let token = view.tokens[i];
        let function = matches!(token.tag, "p" | "c" | "u" | "uj" | "ul" | "d" | "r" | "y" | "e" | "o");
        if token.end > end || !token.word.chars().all(crate::normalize::is_han) || function || is_stop_word(token.word) {
            break;
        }
        if view.text[token.start..end].chars().count() > 4 {
            return end;
        }
        start = token.start;
        if i == 0 {
            break;
        }
        i -= 1;
    }
    if view.text[start..end].chars().count() >= 2 { start } else { end }
}

/// The items of one list before `等(N个)…项目` (`仁宝、萤石、三安衬底材料等项目`), or the one
/// item before `等项目` (`新开工华峰年产45万吨高端铝板带箔等项目`): byte spans in order, and
/// whether the list is counted (`等6个晶圆项目`: the count enumerates named projects).
pub struct ProjectList {
    pub items: Vec<(usize, usize)>,
    pub counted: bool,
    /// The words between 等 (and the count) and 项目: the kind of project (`高铁`, `晶圆`).
    pub kind: (usize, usize),
}

/// Every `…等(N个)…项目` list of a sentence (not `…等企业投资项目`, a list of firms).
pub fn project_lists(view: &SentenceView) -> Vec<ProjectList> {
    static LISTED: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"等([0-9]+个)?([^，。；：、“”]{0,12}?)项目").expect("static regex")); // ok: a fixed pattern
    let mut lists = Vec::new();
    for found in view.may_match(&["项目"]).then(|| LISTED.captures_iter(view.text)).into_iter().flatten() {
        let (Some(whole), Some(kind), counted) = (found.get(0), found.get(2), found.get(1).is_some()) else { continue };
        if view.text[whole.end()..].starts_with(['群', '库']) || view.text[whole.end()..].starts_with("集群") {
            continue; // 等项目集群, 重点项目库: not a list of projects
        }
        // `引进…集团、中国电建等企业投资项目23个`: the items are the firms that invest.
        if ["企业", "央企", "国企", "民企", "外企", "公司", "集团"].iter().any(|firms| kind.as_str().starts_with(firms)) {
            continue;
        }
        let mut items = coordination(view, whole.start(), 24);
        if items.is_empty() {
            let start = view.loose_name_start_before(whole.start(), 24);
            if view.text[start..whole.start()].chars().count() >= 4 {
                items.push((start, whole.start()));
            }
        }
        if !items.is_empty() {
            lists.push(ProjectList { items, counted, kind: (kind.start(), kind.end()) });
        }
    }
    lists
}

/// Words that describe a kind of thing, not one thing: a name made only of them (枢纽机场,
/// 在建高速公路, 国家物流枢纽, 储煤基地, 对外文化交流基地, 现代化新城) names a category; so do a works'
/// parts (路基工程, 主体工程, 水库灌区) and a kind of workshop (数字化车间).
const GENERIC_MODIFIERS: [&str; 150] = [
    "灯塔", "省会城市", "车间", "路基", "水库", "主体", "土建", "桥梁", "隧道", "桥隧", "中试", "县域", "分拨", "设区市",
    "自来", "医院", "污水", "生活污水", "城镇", "乡镇", "字形", "高水平", "应用型", "水源", "智能化", "供水", "引水", "调水", "输水", "排水", "防洪", "城乡", "电网", "联网", "省间", "港口",
    "国际", "国家", "国内", "全国", "枢纽", "货运", "客运", "在建", "新建", "物流", "储煤", "智能", "对外", "文化", "交流",
    "农田", "水利", "高端", "大型", "重大", "重点", "城市", "区域", "支线", "通用", "航空", "第二", "第三", "现代", "综合",
    "民生", "省际", "市域", "绿色", "智慧", "数字", "卓越级", "首条", "一批", "口袋", "体育", "社区", "山地", "生态", "产业",
    "贸易", "康养", "门户", "能源", "资源", "配置", "交通", "示范带", "示范", "园区", "超级", "战略性", "物资", "储备", "跨江",
    "普通", "高中", "课程", "创新", "旅游", "板块", "大", "轨道", "现代化", "公立", "上市", "境内", "制造业", "技术", "职业",
    "市级", "省级", "跨界", "融合", "全区", "全市", "全省", "全县", "通车", "通航", "投运", "运营", "开工", "完工", "竣工", "贯通",
    "投产", "建成", "世界一流", "一流", "高原", "郊区", "医疗", "新", "科技", "医学", "研究型", "扩建", "改扩建", "改造", "工程", "冷链", "研发", "商贸", "陆港", "保税", "航天", "数字化", "自动化",
];
/// Whether a name is only words for a kind of thing (枢纽, 在建, 国家物流) or a count (18条):
/// it names a category, not one project or place.
pub fn is_generic_name(name: &str) -> bool {
    static COUNT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"^[0-9一二三四五六七八九十两]+[条个座项家批]|^[一二三四五六七八九十]+大").expect("static regex")); // ok: a fixed pattern
    if COUNT.is_match(name) || name.contains('+') {
        return true;
    }
    // `市市通高铁`, `县县通`, `市州通高铁`: every city or county reached, not a name.
    let mut chars = name.chars();
    if let (Some(a), Some(b), Some('通')) = (chars.next(), chars.next(), chars.next())
        && (a == b || [a, b].iter().all(|c| "市州县区乡镇村".contains(*c)))
    {
        return true;
    }
    // The name is generic when the longest modifier at its start, then the longest after that,
    // and so on, use it up.
    static MODIFIERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(GENERIC_MODIFIERS)
            .expect("generic modifier automaton") // ok: a fixed list of words always builds
    });
    let mut rest = name;
    while !rest.is_empty() {
        match MODIFIERS.find(aho_corasick::Input::new(rest).anchored(aho_corasick::Anchored::Yes)) {
            Some(m) => rest = &rest[m.end()..],
            None => return false,
        }
    }
    true
}

/// A quotation in a sentence: `“…”` with no quote mark inside (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// Where `“` starts.
    pub open: usize,
    /// Where `”` starts: the text between is `text[open + 3..close]`.
    pub close: usize,
}

impl Quotation {
    /// The quoted text without its marks.
    pub fn inner<'t>(&self, text: &'t str) -> &'t str {
        &text[self.open + '“'.len_utf8()..self.close]
    }

    /// Where the closing mark ends.
    pub fn end(&self) -> usize {
        self.close + '”'.len_utf8()
    }
}

/// Every quotation of `text` in order: each `“` whose next quote mark is a `”` (`“A“B”` holds
/// only `“B”`). One scan, for the rules that read quoted names.
pub fn quotations(text: &str) -> impl Iterator<Item = Quotation> + '_ {
    text.match_indices('“').filter_map(move |(open, _)| {
        let inner = open + '“'.len_utf8();
        let close = inner + text[inner..].find(['”', '“'])?;
        text[close..].starts_with('”').then_some(Quotation { open, close })
    })
}

/// A character's bit in a sentence's character set (a 128-bit Bloom filter with one hash).
fn char_bit(c: char) -> u128 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 25)
}

/// A fixed list of words searched in one pass (one Aho-Corasick automaton) instead of one
/// substring search per word: the recognisers' head nouns, lineage's verbs.
pub struct WordList {
    pub words: &'static [&'static str],
    matcher: AhoCorasick,
}

impl WordList {
    pub fn new(words: &'static [&'static str]) -> WordList {
        let matcher = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .prefilter(false)
            .build(words)
            .expect("word list automaton"); // ok: a fixed list of words always builds
        WordList { words, matcher }
    }

    /// Every occurrence as (word index, byte offset), ordered by word then offset: the order
    /// of `for word in words { for at in text.match_indices(word) … }`.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> =
            self.matcher.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start())).collect();
        found.sort_unstable();
        found
    }
}

/// Heads of names that are none of the four kinds and take a place or a programme into them:
/// events (重庆国际人才交流大会, 首届“一带一路”科技交流大会, 厦门国际海洋周, 厦门马拉松赛), designations
/// (合肥综合性国家科学中心) (成渝共建“一带一路”
/// 科技创新合作区) and teams (铜梁龙足球队).
const ATOMIC_NAME_HEADS: [&str; 38] = [
    "国家科学中心", "马拉松", "海洋周", "创业周", "推介会", "招商会", "时装周", "科技周", "活动周", "大会", "论坛", "博览会", "交易会", "洽谈会", "峰会", "年会", "运动会", "运会", "冬奥会", "艺术节", "文化节", "大赛", "实践", "合作区",
    "示范区", "先行区", "足球队", "代表团", "联赛", "锦标赛", "冰雪节", "旅游节", "音乐节", "电影节", "美食节", "啤酒节", "庙会", "民族节",
];

/// Whether the text right after a name continues into an event, a designation or a team: at
/// most 20 characters of Han, Latin letters, digits, quotes and `+`, with no policy verb, up to
/// such a head or an international festival (`…国际红叶节`).
pub fn opens_event_name(after: &str) -> bool {
    let mut run_end = 0;
    for (i, c) in after.char_indices().take(20) {
        // A dash joins the partners of an event (中国—东盟博览会).
        // A bracketed place joins the name too (中国（河南）国际投资贸易洽谈会), and so does a
        // middle dot (中国·青海绿色发展投资贸易洽谈会).
        if !(crate::normalize::is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '“' | '”' | '+' | '—' | '（' | '）' | '(' | ')' | '·')) {
            break;
        }
        run_end = i + c.len_utf8();
    }
    let run = &after[..run_end];
    // The first head of the run, and no verb before it (one automaton pass each).
    static HEADS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(ATOMIC_NAME_HEADS).expect("atomic name heads") // ok: a fixed list of words
    });
    static VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(EVENT_BREAKING_VERBS).expect("event-breaking verbs")); // ok: a fixed list of words
    // `中国·重庆（巫山）国际红叶节`: an international festival of any name.
    let festival = run.find("国际").and_then(|i| run[i..].char_indices().take(8).find(|&(_, c)| c == '节').map(|(j, _)| i + j));
    HEADS.find(run).map(|head| head.start()).or(festival).is_some_and(|at| !VERBS.is_match(&run[..at]))
}

/// Whether a name at `start..end` sits inside a numbered event (`第六届数字中国建设峰会`,
/// `首届“一带一路”科技交流大会`): an edition opens it and an event head follows within the run
/// (verbs such as 建设 may then be part of the event's name).
pub fn inside_numbered_event(text: &str, start: usize, end: usize) -> bool {
    static EDITION: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(?:第[0-9一二三四五六七八九十百]+届|首届)“?$").expect("static regex")); // ok: a fixed pattern
    static HEADS: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(ATOMIC_NAME_HEADS).expect("atomic name heads")); // ok: a fixed list of words
    let after: String = text[end..].chars().take_while(|&c| !is_break(c) || matches!(c, '“' | '”' | '—')).take(16).collect();
    EDITION.is_match(&text[..start]) && HEADS.is_match(&after)
}

/// Verbs between a name and an event head that make the head a goal of the sentence, not part
/// of one name (`重庆|建设…示范区`).
const EVENT_BREAKING_VERBS: [&str; 21] = [
    "建设", "推进", "推动", "打造", "创建", "争创", "实施", "加快", "支持", "申报", "获批", "入选", "获评", "成为", "列入", "纳入", "融入",
    "对接", "参与", "加入", "联动",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_pairs_without_a_quote_mark_inside() {
        let text = "推进“1361”整体构架和“A“渝跃行动”，“未闭合";
        let found: Vec<&str> = quotations(text).map(|q| q.inner(text)).collect();
        assert_eq!(found, ["1361", "渝跃行动"]);
        let first = quotations(text).next().unwrap(); // ok: asserted above
        assert_eq!(&text[first.open..first.end()], "“1361”");
    }

    #[test]
    fn may_match_finds_every_literal_present_and_skips_absent_ones() {
        let jieba = Jieba::empty();
        let text = "加快建设轨道交通18号线和渝昆高铁，推进“满天星”行动计划";
        let view = SentenceView::new(&jieba, text);
        // The character bits never hide a word the sentence holds.
        for literal in ["号线", "高铁", "“", "行动", "计划", "18", "满天星", "加"] {
            assert!(view.may_match(&[literal]), "{literal}");
        }
        for literal in ["机场", "实验室", "·", "千伏"] {
            assert!(!view.may_match(&[literal]), "{literal}");
        }
        assert!(view.may_match(&["机场", "计划"]));
    }
}
