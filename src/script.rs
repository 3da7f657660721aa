//! Traditional to Simplified Chinese, for analysis only.
//!
//! Reports copied from Hong Kong or Taiwan sites are in Traditional script. Segmentation and the
//! lexicons work on Simplified text, so such a text is converted with `zhconv` (MediaWiki and
//! OpenCC tables); mentions keep the original surface form and offsets. The analysis text must
//! have exactly one character per original character so that offsets carry over: when the
//! phrase-level conversion changes the length, each character is converted on its own instead.

/// The Simplified text to analyse, or `None` when the text is already Simplified.
pub fn simplified_for_analysis(text: &str) -> Option<String> {
    if is_simplified(text) {
        return None;
    }
    let converted = zhconv::zhconv(text, zhconv::Variant::ZhHans);
    // Sentences are sliced by byte offsets too, so a character may only become one of the same
    // UTF-8 length (almost always the case: both are 3-byte CJK characters).
    let same_width = |a: char, b: char| a.len_utf8() == b.len_utf8();
    if converted.chars().count() == text.chars().count() {
        if converted.len() == text.len() && text.chars().zip(converted.chars()).all(|(a, b)| same_width(a, b)) {
            return Some(converted);
        }
        return Some(text.chars().zip(converted.chars()).map(|(a, b)| if same_width(a, b) { b } else { a }).collect());
    }
    let mut aligned = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let one = zhconv::zhconv(c.encode_utf8(&mut buffer), zhconv::Variant::ZhHans);
        let mut chars = one.chars();
        match (chars.next(), chars.next()) {
            (Some(simple), None) if same_width(c, simple) => aligned.push(simple),
            _ => aligned.push(c),
        }
    }
    Some(aligned)
}

/// `zhconv::is_hans`, answered with less work. zhconv counts the characters its converter to
/// Traditional would replace (`to_hant`) and those its converter to Simplified would replace
/// (`to_hans`), each over the whole text, and says Simplified when `to_hant / (to_hans + to_hant)
/// > 0.5`, that is when `to_hant > to_hans`. This counts `to_hans` in full, then `to_hant` only until
/// it is larger: on Simplified text a few lines in, so the second scan of the text is saved.
///
/// A report is written in one script, so the answer is usually clear long before the end: the
/// text is read in pieces of [`SAMPLE_BYTES`], and once both counts over the pieces read reach
/// [`DECISIVE_CHARACTERS`] in all with one at least four times the other, that decides. Otherwise
/// (a short or mixed text) the whole text is counted as above.
pub fn is_simplified(text: &str) -> bool {
    let (mut to_hans, mut to_hant, mut at) = (0, 0, 0);
    while at < text.len() {
        let mut end = (at + SAMPLE_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let (hans, hant) = replaced_counts(&text[at..end]);
        (to_hans, to_hant, at) = (to_hans + hans, to_hant + hant, end);
        if to_hans + to_hant >= DECISIVE_CHARACTERS && (to_hant >= 4 * to_hans || to_hans >= 4 * to_hant) {
            return to_hant > to_hans;
        }
        if at < text.len() && at >= 4 * SAMPLE_BYTES {
            break; // not decided by a large sample: count the whole text
        }
    }
    whole_text_is_simplified(text)
}

/// Bytes read at a time by [`is_simplified`].
const SAMPLE_BYTES: usize = 8 * 1024;
/// Replaced characters that make the sample decisive.
const DECISIVE_CHARACTERS: usize = 200;

/// Characters the converters to Simplified and to Traditional would replace in `text`.
fn replaced_counts(text: &str) -> (usize, usize) {
    use zhconv::converters::{ZH_TO_HANS_CONVERTER, ZH_TO_HANT_CONVERTER};
    let replaced = |(start, end, to): (usize, usize, &str)| {
        let from = &text[start..end];
        if from == to { 0 } else { from.chars().count() }
    };
    (ZH_TO_HANS_CONVERTER.search(text).map(replaced).sum(), ZH_TO_HANT_CONVERTER.search(text).map(replaced).sum())
}

/// The whole-text decision, as zhconv makes it (see [`is_simplified`]).
fn whole_text_is_simplified(text: &str) -> bool {
    use zhconv::converters::{ZH_TO_HANS_CONVERTER, ZH_TO_HANT_CONVERTER};
    let replaced = |(start, end, to): (usize, usize, &str)| {
        let from = &text[start..end];
        if from == to { 0 } else { from.chars().count() }
    };
    let to_hans: usize = ZH_TO_HANS_CONVERTER.search(text).map(replaced).sum();
    if to_hans >= 1 << 23 {
        // Past 2^24 characters zhconv's f32 ratio rounds: let it decide.
        return zhconv::is_hans(text);
    }
    let mut to_hant = 0;
    for found in ZH_TO_HANT_CONVERTER.search(text) {
        to_hant += replaced(found);
        if to_hant > to_hans {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_simplified_agrees_with_zhconv() {
        for text in [
            "重庆市人民政府工作报告，两江新区",
            "重慶市人民政府工作報告：兩江新區、璧山區",
            "臺灣與香港的報告：𠮷野家、Ａ計劃、兩江新區。重庆",
            "重庆 重慶 发展 發展",
            "abc 123",
            "",
        ] {
            assert_eq!(is_simplified(text), zhconv::is_hans(text), "{text}");
        }
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(corpus).unwrap().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                assert_eq!(is_simplified(&text), zhconv::is_hans(&text), "{}", entry.path().display());
                // The same report in Traditional script, decided by its first pieces.
                let traditional = zhconv::zhconv(&text, zhconv::Variant::ZhHant);
                assert_eq!(is_simplified(&traditional), zhconv::is_hans(&traditional), "{} in Traditional", entry.path().display());
            }
        }
    }

    #[test]
    fn simplified_text_is_left_alone() {
        assert_eq!(simplified_for_analysis("重庆市人民政府工作报告，两江新区"), None);
    }

    #[test]
    fn traditional_text_is_converted_character_for_character() {
        let traditional = "重慶市人民政府工作報告：兩江新區、璧山區，數字重慶建設。";
        let simplified = simplified_for_analysis(traditional).unwrap();
        assert_eq!(simplified, "重庆市人民政府工作报告：两江新区、璧山区，数字重庆建设。");
        assert_eq!(simplified.chars().count(), traditional.chars().count());
    }

    #[test]
    fn converted_text_keeps_every_character_width_in_bytes() {
        // Byte offsets of sentences in the original text must cut the analysis text at the
        // same characters, whatever the conversion tables do to rare or non-CJK characters.
        let traditional = "臺灣與香港的報告：𠮷野家、Ａ計劃、兩江新區。";
        let simplified = simplified_for_analysis(traditional).unwrap();
        assert_eq!(simplified.len(), traditional.len());
        for (a, b) in traditional.chars().zip(simplified.chars()) {
            assert_eq!(a.len_utf8(), b.len_utf8(), "{a} → {b}");
        }
    }
}
