//! Sentence splitting of normalised text, keeping each sentence's offsets.
//!
//! A sentence ends after 。！？； (with any closing quote or bracket that follows), at a line
//! break, and before a list marker inside a line: bullets (●■◆▲), parenthesised ordinals
//! (（一）, （1）) and enumerations (一是, 二是, … after a colon or comma). A bullet, or the
//! number of a list item at a line's start (`1.`, `2、`, or a middle dot `·`, a digest's bullet),
//! is left out of the sentence it opens.
//! A top-level heading run into the text after it (a one-line body: `一、2025年工作回顾2025年是…`)
//! is a sentence of its own when it ends in a section cue.
//! Pieces without any letter, digit or Han character (for example a row of 。。。) are not
//! sentences.

use crate::normalize::{is_bullet, is_han, is_line_bullet};

/// A sentence: character and byte offsets into the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First character (in characters from the start of the normalised text).
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// The same span in bytes of the normalised `String`.
    pub byte_start: u32,
    pub byte_end: u32,
    /// Whether the sentence starts a line (headings are whole lines).
    pub line_start: bool,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.byte_start as usize..self.byte_end as usize]
    }
}

fn is_ordinal(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '」' | '』' | '》')
}

/// True when a list marker starts at `rest`: （一）, （1）, or 一是 … 十是.
fn list_marker_at(rest: &str, previous: Option<char>) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some('（') => {
            let inner: String = chars.by_ref().take_while(|&c| c != '）').collect();
            !inner.is_empty()
                && inner.chars().count() <= 3
                && inner.chars().all(|c| is_ordinal(c) || c.is_ascii_digit())
        }
        Some(c) if is_ordinal(c) => {
            chars.next() == Some('是') && matches!(previous, Some('：' | '，'))
        }
        _ => false,
    }
}

/// Characters of a list item's number at `rest` (`1.`, `12、` before a Han character, an
/// opening quote, title mark or bracket), if any.
fn enumerator_len(rest: &str) -> Option<usize> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let mut after = rest[digits..].chars();
    // The item may open with a quotation or a title (`2.“钓鱼城英才计划”引进…`).
    let ok = (1..=2).contains(&digits)
        && matches!(after.next(), Some('.' | '、' | '．'))
        && after.next().is_some_and(|c| is_han(c) || matches!(c, '“' | '《' | '（'));
    ok.then_some(digits + 1)
}

/// Splits normalised text into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start: Option<(u32, u32, bool)> = None; // (char, byte, line_start)
    let mut char_index = 0u32;
    let mut at_line_start = true;
    let mut previous: Option<char> = None;
    let mut has_content = false;
    // `…审议。一、2025年工作回顾2025年是…`: a heading run into the text is a sentence of its own.
    let mut heading_end: Option<u32> = None;
    let mut iter = text.char_indices().peekable();
    let push = |s: Option<(u32, u32, bool)>, end_char: u32, end_byte: u32, content: bool, out: &mut Vec<Sentence>| {
        if let (Some((cs, bs, line_start)), true) = (s, content) {
            out.push(Sentence { start: cs, end: end_char, byte_start: bs, byte_end: end_byte, line_start });
        }
    };
    while let Some((byte, c)) = iter.next() {
        let byte = byte as u32;
        if c == '\n' {
            push(start.take(), char_index, byte, has_content, &mut sentences);
            has_content = false;
            at_line_start = true;
            previous = None;
            char_index += 1;
            continue;
        }
        if start.is_some() && (is_bullet(c) || list_marker_at(&text[byte as usize..], previous) || heading_end == Some(byte)) {
            push(start.take(), char_index, byte, has_content, &mut sentences);
            has_content = false;
        }
        if start.is_none() {
            if c == ' ' || is_bullet(c) || (at_line_start && is_line_bullet(c)) {
                char_index += 1;
                continue;
            }
            if at_line_start && let Some(marker) = enumerator_len(&text[byte as usize..]) {
                // `1.深入实施…`: the number of a list item is not part of its sentence.
                for _ in 1..marker {
                    iter.next();
                }
                char_index += marker as u32;
                continue;
            }
            start = Some((char_index, byte, at_line_start));
            heading_end = if at_line_start { None } else { crate::sections::inline_heading_end(&text[byte as usize..]).map(|end| byte + end as u32) };
        }
        at_line_start = false;
        // Han first: it is the common case, and a cheap range test where is_alphanumeric looks up tables.
        has_content = has_content || is_han(c) || c.is_alphanumeric();
        char_index += 1;
        previous = Some(c);
        if ends_sentence(c) {
            let mut end_byte = byte + c.len_utf8() as u32;
            while let Some(&(b, next)) = iter.peek() {
                if !closes(next) && !ends_sentence(next) {
                    break;
                }
                end_byte = b as u32 + next.len_utf8() as u32;
                char_index += 1;
                iter.next();
            }
            push(start.take(), char_index, end_byte, has_content, &mut sentences);
            has_content = false;
        }
    }
    push(start.take(), char_index, text.len() as u32, has_content, &mut sentences);
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_and_keeps_closing_quotes() {
        assert_eq!(pieces("一年来。我们坚持“重庆见行动。”然后？好！再；"), ["一年来。", "我们坚持“重庆见行动。”", "然后？", "好！", "再；"]);
    }

    #[test]
    fn splits_on_lines_bullets_and_list_markers() {
        let text = "一、2023年工作回顾\n●突出稳进增效\n●在抢抓机遇中拼搏进取。（一）扎实推进改革。重点抓好：一是稳增长，二是促改革";
        assert_eq!(
            pieces(text),
            ["一、2023年工作回顾", "突出稳进增效", "在抢抓机遇中拼搏进取。", "（一）扎实推进改革。", "重点抓好：", "一是稳增长，", "二是促改革"]
        );
        assert_eq!(pieces("1.深入实施行动\n12、推进工程\n2.0版"), ["深入实施行动", "推进工程", "2.0版"]);
        assert_eq!(pieces("3.“百企千岗”计划启动\n4.《条例》施行\n5.5%以上"), ["“百企千岗”计划启动", "《条例》施行", "5.5%以上"]);
        // A middle dot opens a digest's bullet at a line's start; inside a line it joins names.
        assert_eq!(pieces("·哈电集团投产\n·办好中国·青海洽谈会"), ["哈电集团投产", "办好中国·青海洽谈会"]);
        // A heading run into the text of a one-line body, when it ends in a section cue.
        assert_eq!(
            pieces("请予审议。一、2025年工作回顾2025年是关键之年。三、全面加强政府自身建设坚持依法行政。"),
            ["请予审议。", "一、2025年工作回顾", "2025年是关键之年。", "三、全面加强政府自身建设坚持依法行政。"]
        );
        // 一是 inside a word is not a marker.
        assert_eq!(pieces("统一是关键"), ["统一是关键"]);
    }

    #[test]
    fn offsets_are_in_characters_and_bytes() {
        let text = "甲乙。\n丙丁";
        let s = split(text);
        assert_eq!((s[0].start, s[0].end, s[1].start, s[1].end), (0, 3, 4, 6));
        assert_eq!(s[1].text(text), "丙丁");
        assert!(s[0].line_start && s[1].line_start);
    }

    #[test]
    fn pieces_without_content_are_dropped() {
        assert_eq!(pieces("好。\n。。。。。。\n"), ["好。"]);
    }
}
