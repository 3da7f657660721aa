//! Bytes to text: detects the encoding of a report file and decodes it, keeping for every
//! decoded character the byte offset where it starts in the original file.
//!
//! Order of decisions: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then valid UTF-8; then
//! `chardetng` guesses among the legacy encodings (GB18030/GBK, Big5, …) and `encoding_rs`
//! decodes. Empty files and files that look binary (NUL or control bytes, or too many
//! undecodable sequences) are refused with an error naming the file.

use std::path::Path;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};

/// Decoded text with the original byte offset of each character.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `origin[i]` is the byte offset in the file of the i-th character of `text`;
    /// one extra entry holds the file length.
    pub origin: Vec<u32>,
    /// Name of the encoding the file was read in (WHATWG label, e.g. `UTF-8`, `GBK`).
    pub encoding: &'static str,
}

/// Decodes a whole file, detecting its encoding.
pub fn decode_file(path: &Path) -> Result<Decoded> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_bytes(path, &bytes)
}

/// Decodes bytes read from `path` (the path is only used in error messages).
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    if bytes.len() > u32::MAX as usize {
        return Err(Error::Other(format!("{}: files over 4 GiB are not supported", path.display())));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    let (encoding, bom_len) = match Encoding::for_bom(bytes) {
        Some((encoding, len)) => (encoding, len),
        None => (detect(bytes), 0),
    };
    let body = &bytes[bom_len..];
    if encoding != UTF_16LE && encoding != UTF_16BE && body.contains(&0) {
        return Err(Error::Binary { path: path.to_path_buf(), detail: "it contains NUL bytes".into() });
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    let chars = text.chars().count();
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad * 100 > chars {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                detail: format!("{bad} of {chars} characters cannot be decoded as {}", encoding.name()),
            });
        }
    }
    let control = text.chars().filter(|&c| is_binary_control(c)).count();
    if control * 100 > chars.max(1) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            detail: format!("{control} control characters in {chars}"),
        });
    }
    let origin = origins(&text, body, encoding, bom_len as u32);
    Ok(Decoded { text, origin, encoding: encoding.name() })
}

/// Guesses the encoding of bytes without a byte-order mark.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    if let Some(utf16) = utf16_without_bom(bytes) {
        return utf16;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// UTF-16 without a BOM shows as NUL bytes in every other position for ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Chinese text in UTF-16 has few NULs; newline and digits give some. Require a clear skew.
    if odd_nul * 10 > pairs && even_nul == 0 {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000C}' | '\u{0085}')
}

/// Byte offset in the original file of each decoded character (plus the end offset).
fn origins(text: &str, body: &[u8], encoding: &'static Encoding, start: u32) -> Vec<u32> {
    let mut origin = Vec::with_capacity(text.len() + 1);
    if encoding == UTF_8 {
        // Each character is as wide as in the text (a replacement character counts its own
        // three bytes, as `encoded_width` does), so its origin is its byte offset in the text.
        let end = start as usize + body.len();
        origin.extend(text.char_indices().map(|(at, _)| (start as usize + at).min(end) as u32));
        origin.push(end as u32);
        return origin;
    }
    let mut at = start as usize;
    let end = start as usize + body.len();
    for c in text.chars() {
        origin.push(at.min(end) as u32);
        at += encoded_width(c, &body[(at - start as usize).min(body.len())..], encoding);
    }
    origin.push(end as u32);
    origin
}

/// How many bytes of the original encoding the character `c` took, given the bytes at its start.
fn encoded_width(c: char, rest: &[u8], encoding: &'static Encoding) -> usize {
    if encoding == UTF_8 {
        c.len_utf8()
    } else if encoding == UTF_16LE || encoding == UTF_16BE {
        c.len_utf16() * 2
    } else if encoding == GB18030 || encoding == GBK {
        match rest {
            [b, ..] if *b < 0x80 => 1,
            [_, second, ..] if second.is_ascii_digit() => 4,
            [_] => 1,
            _ => 2,
        }
    } else if encoding == BIG5 {
        match rest {
            [b, ..] if *b < 0x80 => 1,
            [_] => 1,
            _ => 2,
        }
    } else {
        // Other legacy encodings: ask the encoder.
        let mut buffer = [0u8; 4];
        let (bytes, _, _) = encoding.encode(c.encode_utf8(&mut buffer));
        bytes.len().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Decoded> {
        decode_bytes(Path::new("test.txt"), bytes)
    }

    fn assert_origins_round_trip(decoded: &Decoded, bytes: &[u8]) {
        let encoding = Encoding::for_label(decoded.encoding.as_bytes()).unwrap();
        for (i, c) in decoded.text.chars().enumerate() {
            let from = decoded.origin[i] as usize;
            let to = decoded.origin[i + 1] as usize;
            let (back, _) = encoding.decode_without_bom_handling(&bytes[from..to]);
            assert_eq!(back.chars().next(), Some(c), "char {i} {c:?} at bytes {from}..{to}");
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("重庆 2024年".as_bytes()).unwrap();
        assert_eq!(plain.text, "重庆 2024年");
        assert_eq!(plain.origin[..3], [0, 3, 6]);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("重庆".as_bytes());
        let d = decode(&with_bom).unwrap();
        assert_eq!(d.text, "重庆");
        assert_eq!(d.origin, vec![3, 6, 9]);
    }

    #[test]
    fn gbk_is_detected_and_offsets_point_into_gbk_bytes() {
        let text = "重庆市人民政府工作报告，2024年1月21日在重庆市第六届人民代表大会第二次会议上。璧山区、两江新区。";
        let (bytes, _, _) = GBK.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(d.encoding == "GBK" || d.encoding == "gb18030", "{}", d.encoding);
        assert_origins_round_trip(&d, &bytes);
    }

    #[test]
    fn big5_is_detected() {
        let text = "重慶市人民政府工作報告，二〇二四年一月二十一日在重慶市第六屆人民代表大會第二次會議上。兩江新區、璧山區。";
        let (bytes, _, _) = BIG5.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "Big5");
        assert_origins_round_trip(&d, &bytes);
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let text = "重庆市 2024 年\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for bytes in [&le, &be] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.origin[0], 2);
            assert_eq!(d.origin[1], 4);
        }
        let ascii_heavy = "Report 2024 of Chongqing\n重庆";
        let bare: Vec<u8> = ascii_heavy.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&bare).unwrap().text, ascii_heavy);
    }

    #[test]
    fn empty_and_binary_files_are_refused_with_the_file_name() {
        let empty = decode(b"  \n\t").unwrap_err();
        assert!(matches!(empty, Error::Empty { .. }));
        assert!(empty.to_string().contains("test.txt"));
        let binary = decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0xD8, 0x00, 0x10]).unwrap_err();
        assert!(matches!(binary, Error::Binary { .. }), "{binary}");
        let controls: Vec<u8> = (0u8..32).cycle().take(400).filter(|b| *b != 0).collect();
        assert!(matches!(decode(&controls).unwrap_err(), Error::Binary { .. }));
    }
}
