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
        SentenceView { text, tokens, boundary }
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
    /// (国家硅基混合集成创新中心): only function words, policy verbs and punctuation end it. For
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

/// Whether a word is one of the stop words that never belong to a name.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Whether a word is a stop word or ends with one of two or more characters (加快推进).
fn is_or_ends_with_stop_word(word: &str) -> bool {
    static LONG_STOP_WORDS: LazyLock<Vec<&str>> =
        LazyLock::new(|| STOP_WORDS.iter().copied().filter(|w| w.chars().count() >= 2).collect());
    is_stop_word(word) || LONG_STOP_WORDS.iter().any(|w| word.ends_with(w))
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
        || matches!(tag, "j" | "eng" | "vn" | "an" | "b" | "l" | "i" | "x" | "s" | "nrfg" | "g" | "k" | "h")
        || (tag == "m" && token.word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || "第号期代".contains(c)))
        || (tag == "f" && token.word.chars().all(|c| "东西南北中部".contains(c)))
        || (tag == "a" && token.word.chars().count() == 1 && "新大".contains(token.word))
        || (matches!(tag, "nr" | "nrt") && token.word.chars().count() <= 5)
}

/// Tokens that can be part of a name ending in a strong head: anything but punctuation,
/// function words (prepositions, conjunctions, particles, pronouns, adverbs) and stop words.
pub fn is_loose_name_token(token: Token) -> bool {
    if is_name_token(token) {
        return true;
    }
    if token.word.chars().any(is_break) || is_or_ends_with_stop_word(token.word) {
        return false;
    }
    !matches!(token.tag, "p" | "c" | "u" | "uj" | "ul" | "uz" | "ud" | "ug" | "uv" | "d" | "r" | "y" | "e" | "o" | "q" | "m" | "t")
}

/// Characters that end a name phrase.
pub fn is_break(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '、' | '“' | '”' | '‘' | '’' | '《' | '》' | ',' | ' ' | '\n' | '—' | '…')
}

/// Words that never start or continue a name even when jieba tags them as nouns: function
/// words, collective references, and the verbs of policy text (布局, 深化, 迭代, …).
const STOP_WORDS: [&str; 82] = [
    "等", "和", "及", "与", "以及", "或", "的", "了", "是", "在", "为", "将", "把", "被", "对", "向", "从", "由", "全市",
    "全国", "我市", "本市", "全省", "我省", "重点", "一批", "一些", "各类", "其中", "加快", "推进", "推动", "实施",
    "建设", "建成", "开工", "完成", "启动", "布局", "深化", "迭代", "优化", "完善", "提升", "构建", "打造", "培育",
    "壮大", "建强", "做强", "支持", "加强", "持续", "深入", "积极", "着力", "大力", "加大", "谋划", "部署", "落实",
    "开展", "举办", "新建", "争取", "获批", "投用", "力争", "主要", "大力发展", "编制", "设置", "争创", "发展", "设立", "组建", "成立", "挂牌", "揭牌", "签约",
    "落户", "引进",
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
                let first_start = view.loose_name_start_before(item_end, max_item_chars);
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

/// Whether `text` holds one of `literals`, one of which every match of a pattern contains: the
/// recognisers skip a regex over sentences it cannot match (a substring search is much cheaper).
pub fn may_match(text: &str, literals: &[&str]) -> bool {
    literals.iter().any(|literal| text.contains(literal))
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
