//! Traditional to Simplified Chinese, for analysis only.
//!
//! Reports copied from Hong Kong or Taiwan sites are in Traditional script. Segmentation and the
//! lexicons work on Simplified text, so such a text is converted with `zhconv` (MediaWiki and
//! OpenCC tables); mentions keep the original surface form and offsets. The analysis text must
//! have exactly one character per original character so that offsets carry over: when the
//! phrase-level conversion changes the length, each character is converted on its own instead.

/// The Simplified text to analyse, or `None` when the text is already Simplified.
pub fn simplified_for_analysis(text: &str) -> Option<String> {
    if zhconv::is_hans(text) {
        return None;
    }
    let converted = zhconv::zhconv(text, zhconv::Variant::ZhHans);
    if converted.chars().count() == text.chars().count() {
        return Some(converted);
    }
    let mut aligned = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let one = zhconv::zhconv(c.encode_utf8(&mut buffer), zhconv::Variant::ZhHans);
        let mut chars = one.chars();
        match (chars.next(), chars.next()) {
            (Some(simple), None) => aligned.push(simple),
            _ => aligned.push(c),
        }
    }
    Some(aligned)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
