//! Normalisation of decoded report text, with an offset map back to the original bytes.
//!
//! The text is a stream of [`Cell`]s (a character and the byte offset in the original file where
//! it starts). Each rule below is a small named function from cells to cells; [`normalize`] runs
//! them in order. No rule changes what the text says: they remove layout artefacts (PDF hard
//! wraps, page footers and line numbers, spaces inside words and numbers, blank lines, CRLF, Markdown marks, the
//! tags and character references of a page copied from the web) and unify character forms
//! (full-width Latin letters and digits become ASCII; half-width punctuation next to Chinese
//! becomes the full-width form Chinese text uses). A space between two Latin words, or between
//! two Chinese phrases on a bullet line or in quotes, is a separator and stays; between two Han
//! characters on a line of running prose it is an artefact and goes.

/// One character of text and where it starts in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub ch: char,
    pub origin: u32,
}

/// Normalised text: the string, and for each character the byte offset it came from.
#[derive(Debug, Clone, Default)]
pub struct NormalizedText {
    pub text: String,
    /// `origin[i]` = byte offset in the original file of normalised character `i`;
    /// one extra entry holds the original file length.
    pub origin: Vec<u32>,
}

impl NormalizedText {
    /// Number of characters (not bytes) in the text.
    pub fn char_len(&self) -> usize {
        self.origin.len().saturating_sub(1)
    }
}

/// Runs every rule in order over decoded text (`origin` has one entry per char plus the end).
pub fn normalize(text: &str, origin: &[u32]) -> NormalizedText {
    let cells: Vec<Cell> = text.chars().zip(origin.iter().copied()).map(|(ch, origin)| Cell { ch, origin }).collect();
    let end = origin.last().copied().unwrap_or(0);
    let cells = unify_line_breaks(cells);
    let cells = remove_html_markup(cells);
    let cells = remove_markdown_marks(cells);
    let cells = fullwidth_to_ascii(cells);
    let cells = remove_page_footers(cells);
    let cells = remove_line_numbers(cells);
    let cells = trim_line_edges(cells);
    let cells = join_wrapped_lines(cells);
    let cells = chinese_punctuation_to_fullwidth(cells);
    let cells = remove_spaces_next_to_chinese(cells);
    let cells = collapse_blank_lines(cells);
    let mut text = String::with_capacity(cells.len() * 3);
    let mut origin = Vec::with_capacity(cells.len() + 1);
    for cell in &cells {
        text.push(cell.ch);
        origin.push(cell.origin);
    }
    origin.push(end);
    NormalizedText { text, origin }
}

/// Han characters (CJK unified ideographs and extensions, compatibility ideographs, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Chinese (full-width) punctuation and symbols: CJK punctuation block, full-width forms,
/// curly quotes, the middle dot, dashes and ellipsis as Chinese text uses them.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '·' | '—' | '…' | '●' | '■' | '◆' | '▲' | '∶' | '─' | '━')
}

fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// CRLF and lone CR become LF; other line separators (U+2028, U+0085, form feed) too.
pub fn unify_line_breaks(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out = Vec::with_capacity(cells.len());
    let mut iter = cells.into_iter().peekable();
    while let Some(cell) = iter.next() {
        match cell.ch {
            '\r' => {
                if iter.peek().is_some_and(|next| next.ch == '\n') {
                    continue;
                }
                out.push(Cell { ch: '\n', ..cell });
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000C}' => out.push(Cell { ch: '\n', ..cell }),
            _ => out.push(cell),
        }
    }
    out
}

/// Full-width Latin letters and digits (Ａ, ０) become ASCII; the ideographic space, tabs and
/// no-break spaces become a plain space. Full-width punctuation is left alone.
pub fn fullwidth_to_ascii(mut cells: Vec<Cell>) -> Vec<Cell> {
    for cell in &mut cells {
        let c = cell.ch;
        cell.ch = match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '％' => '%',
            '＋' => '+',
            '．' => '.',
            '\u{3000}' | '\t' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
            '\u{200B}' | '\u{FEFF}' => '\u{0}',
            _ => c,
        };
    }
    cells.retain(|cell| cell.ch != '\u{0}');
    cells
}

/// Spaces at the start and end of every line go.
/// A report pasted into Markdown: heading marks (`## 一、…`), bullets (`- `, `> `) at a line's
/// start and bold marks (`**（一）…。**`) anywhere are layout, not text. Only these exact forms
/// go (a lone `*` or `#` inside a line stays).
pub fn remove_markdown_marks(cells: Vec<Cell>) -> Vec<Cell> {
    if !cells.iter().any(|c| matches!(c.ch, '#' | '*' | '>' | '-')) {
        return cells;
    }
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let mut i = 0;
    while i < cells.len() {
        let at_line_start = i == 0 || cells[i - 1].ch == '\n';
        if at_line_start {
            // `#`…`######` or one of `-`, `>` then a space.
            let hashes = cells[i..].iter().take_while(|c| c.ch == '#').count();
            let bullet = usize::from(matches!(cells[i].ch, '-' | '>'));
            let marks = if (1..=6).contains(&hashes) { hashes } else { bullet };
            if marks > 0 && cells.get(i + marks).is_some_and(|c| c.ch == ' ') {
                i += marks;
                while cells.get(i).is_some_and(|c| c.ch == ' ') {
                    i += 1;
                }
                continue;
            }
        }
        if cells[i].ch == '*' && cells.get(i + 1).is_some_and(|c| c.ch == '*') {
            i += 2;
            continue;
        }
        out.push(cells[i]);
        i += 1;
    }
    out
}

pub fn trim_line_edges(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let mut at_line_start = true;
    for cell in cells {
        if cell.ch == '\n' {
            while out.last().is_some_and(|c| c.ch == ' ') {
                out.pop();
            }
            at_line_start = true;
            out.push(cell);
        } else if cell.ch == ' ' && at_line_start {
            continue;
        } else {
            at_line_start = false;
            out.push(cell);
        }
    }
    while out.last().is_some_and(|c| c.ch == ' ') {
        out.pop();
    }
    out
}

/// Characters after which a line break is a real break even in hard-wrapped text.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '：' | '；' | '!' | '?' | ':' | ';')
}

/// Rejoins lines that a PDF export broke inside a sentence. A document is hard-wrapped when
/// many of its lines have nearly the same length; in such a document a line of the body at
/// least two thirds of that width (lines vary because digits and Latin letters are narrow)
/// that does not end a sentence continues on the next non-blank line; a heading continues only
/// when it fills four fifths of the width. The header (title, date and speaker lines: those
/// before the first line with sentence punctuation), short lines and lines ending a sentence
/// keep their break.
pub fn join_wrapped_lines(cells: Vec<Cell>) -> Vec<Cell> {
    let lines = line_spans(&cells);
    let Some(width) = wrap_width(&cells, &lines) else { return cells };
    // The body starts at the first line with sentence punctuation; the header above it has none.
    let body_start = lines
        .iter()
        .position(|&(s, e)| cells[s..e].iter().any(|c| ends_sentence(c.ch) || matches!(c.ch, '，' | '、' | ',')))
        .unwrap_or(lines.len());
    let mut out = Vec::with_capacity(cells.len());
    let mut pending_join: Option<char> = None; // last char of a line waiting to be continued
    for (n, &(start, end)) in lines.iter().enumerate() {
        let line = &cells[start..end];
        if line.is_empty() {
            continue; // blank lines carry no text; breaks are re-added before the next line
        }
        if starts_with_list_marker(line) {
            pending_join = None; // a bullet or a numbered item starts a line of its own
        }
        if let Some(last) = pending_join.take() {
            // A Latin word broken at the end of a line keeps a space before the next one; a
            // number or code broken there (`5|0GW`, `T|3`) is one number again.
            if last.is_ascii_alphabetic() && line[0].ch.is_ascii_alphabetic() {
                out.push(Cell { ch: ' ', origin: line[0].origin });
            }
        } else if !out.is_empty() {
            out.push(Cell { ch: '\n', origin: line[0].origin });
        }
        out.extend_from_slice(line);
        let last = line[line.len() - 1].ch;
        let threshold = if starts_with_list_marker(line) { width * 4 / 5 } else { width * 2 / 3 };
        if n >= body_start && line.len() >= threshold && !ends_sentence(last) {
            pending_join = Some(last);
        }
    }
    out
}

/// A report copied from a web page: tags are layout (`<p>`, `</p>`, `<br>` and other block tags
/// end a line; `<strong>` and the like go) and character references are the characters they
/// name (`&ldquo;` is “, `&nbsp;` a space; decoded by the `html-escape` crate), each kept at the
/// origin of its `&`. Text without a tag or a reference is left alone.
pub fn remove_html_markup(cells: Vec<Cell>) -> Vec<Cell> {
    let tag_len = |rest: &[Cell]| -> Option<usize> {
        let opens = rest.get(1).is_some_and(|c| c.ch.is_ascii_alphabetic() || c.ch == '/' || c.ch == '!');
        let close = rest.iter().take(300).position(|c| c.ch == '>')?;
        (opens && rest[1..close].iter().all(|c| c.ch != '\n' && c.ch != '<')).then_some(close + 1)
    };
    let reference_len = |rest: &[Cell]| -> Option<usize> {
        let end = rest.iter().take(12).position(|c| c.ch == ';')?;
        let name = &rest[1..end];
        let valid = !name.is_empty() && name.iter().all(|c| c.ch.is_ascii_alphanumeric() || c.ch == '#');
        valid.then_some(end + 1)
    };
    let marked = (0..cells.len()).any(|i| match cells[i].ch {
        '<' => tag_len(&cells[i..]).is_some(),
        '&' => reference_len(&cells[i..]).is_some(),
        _ => false,
    });
    if !marked {
        return cells;
    }
    const BLOCK_TAGS: [&str; 12] = ["p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section"];
    let mut out = Vec::with_capacity(cells.len());
    let mut i = 0;
    while i < cells.len() {
        let cell = cells[i];
        if cell.ch == '<'
            && let Some(len) = tag_len(&cells[i..])
        {
            let name: String = cells[i + 1..i + len].iter().map(|c| c.ch).skip_while(|&c| c == '/').take_while(char::is_ascii_alphanumeric).collect();
            if BLOCK_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
                out.push(Cell { ch: '\n', origin: cell.origin });
            }
            i += len;
            continue;
        }
        if cell.ch == '&'
            && let Some(len) = reference_len(&cells[i..])
        {
            let reference: String = cells[i..i + len].iter().map(|c| c.ch).collect();
            let decoded = html_escape::decode_html_entities(&reference);
            if decoded != reference {
                // A no-break space is a space to the later rules.
                out.extend(decoded.chars().map(|ch| Cell { ch: if ch == '\u{a0}' { ' ' } else { ch }, origin: cell.origin }));
                i += len;
                continue;
            }
        }
        out.push(cell);
        i += 1;
    }
    out
}

/// Page footers a PDF leaves between lines (`— 3 —`, `- 12 -`, `第3页`) go with their line break,
/// so that the lines around them join as any wrapped lines do (`物种80|— 1 —|0种`).
pub fn remove_page_footers(cells: Vec<Cell>) -> Vec<Cell> {
    let lines = line_spans(&cells);
    if !lines.iter().any(|&(s, e)| is_page_footer(&cells[s..e])) {
        return cells;
    }
    let mut out = Vec::with_capacity(cells.len());
    for &(start, end) in lines.iter().filter(|&&(s, e)| !is_page_footer(&cells[s..e])) {
        if !out.is_empty() {
            out.push(Cell { ch: '\n', origin: cells[start.saturating_sub(1)].origin });
        }
        out.extend_from_slice(&cells[start..end]);
    }
    out
}

/// The line numbers a PDF export with numbered lines puts before every line (`  12\t…`) go with
/// the gap after them. A document is numbered when at least ten lines and four fifths of its
/// non-blank lines open with a number and a tab or spaces, and the numbers mostly count up by
/// one from line to line; a numbered list or a table's row numbers fill no such share.
pub fn remove_line_numbers(cells: Vec<Cell>) -> Vec<Cell> {
    let lines = line_spans(&cells);
    // The number of a line and where its text starts after the gap.
    let numbered = |line: &[Cell]| -> Option<(u32, usize)> {
        let lead = line.iter().take_while(|c| c.ch == ' ').count();
        let digits = line[lead..].iter().take(6).take_while(|c| c.ch.is_ascii_digit()).count();
        let gap = line[lead + digits..].iter().take_while(|c| c.ch == '\t' || c.ch == ' ').count();
        if digits == 0 || digits > 5 || gap == 0 {
            return None;
        }
        let number = line[lead..lead + digits].iter().fold(0u32, |n, c| n * 10 + c.ch.to_digit(10).unwrap_or(0));
        Some((number, lead + digits + gap))
    };
    let spans: Vec<Option<(u32, usize)>> = lines.iter().map(|&(s, e)| numbered(&cells[s..e])).collect();
    let non_blank = lines.iter().filter(|&&(s, e)| e > s).count();
    let numbers: Vec<u32> = spans.iter().flatten().map(|&(n, _)| n).collect();
    let counting = numbers.windows(2).filter(|pair| pair[1] == pair[0] + 1).count();
    if numbers.len() < 10 || numbers.len() * 5 < non_blank * 4 || counting * 5 < (numbers.len() - 1) * 4 {
        return cells;
    }
    let mut out = Vec::with_capacity(cells.len());
    for (n, (&(start, end), span)) in lines.iter().zip(&spans).enumerate() {
        if n > 0 {
            out.push(cells[start - 1]);
        }
        let text_start = span.map_or(start, |(_, skip)| start + skip);
        out.extend_from_slice(&cells[text_start..end]);
    }
    out
}

/// Whether a line is only a page number between dashes (`— 3 —`) or `第N页`.
fn is_page_footer(line: &[Cell]) -> bool {
    if line.len() > 16 {
        return false;
    }
    let chars: Vec<char> = line.iter().map(|c| c.ch).filter(|c| !c.is_whitespace()).collect();
    let dash = |c: &&char| matches!(c, '—' | '–' | '-' | '－' | '─');
    let lead = chars.iter().take_while(dash).count();
    let trail = chars.iter().rev().take_while(dash).count();
    let number = |inner: &[char]| (1..=4).contains(&inner.len()) && inner.iter().all(char::is_ascii_digit);
    let between_dashes = lead > 0 && trail > 0 && lead + trail < chars.len() && number(&chars[lead..chars.len() - trail]);
    let page = chars.len() > 2 && chars[0] == '第' && chars[chars.len() - 1] == '页' && number(&chars[1..chars.len() - 1]);
    between_dashes || page
}

/// Bullets: marks that only ever open a list item (●, •, ▪ …), wherever they stand.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '●' | '■' | '◆' | '▲' | '★' | '□' | '○' | '•' | '▪')
}

/// Marks that open a list item at a line's start: the bullets and a middle dot (`·全省…`, a news
/// digest's bullet); inside a line a middle dot joins names (`中国·青海`).
pub fn is_line_bullet(c: char) -> bool {
    is_bullet(c) || matches!(c, '·' | '・')
}

/// Whether a line opens with a list marker: a bullet (●, or · at a line's start), a numbered item (`1.`, `12、`,
/// `（3）`) or a heading (`一、`, `（一）`). A wrapped line never continues into one.
fn starts_with_list_marker(line: &[Cell]) -> bool {
    let chars: Vec<char> = line.iter().take(5).map(|c| c.ch).collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let ordinals = chars.iter().take_while(|c| "一二三四五六七八九十".contains(**c)).count();
    match chars.first() {
        Some(&c) if is_line_bullet(c) => true,
        Some('（' | '(') => {
            let inner = chars[1..].iter().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(**c)).count();
            inner > 0 && matches!(chars.get(1 + inner), Some('）' | ')'))
        }
        // `1.深入实施…`, not `2.0` (a version wrapped onto the next line).
        _ if digits > 0 && digits <= 2 => {
            matches!(chars.get(digits), Some('.' | '、' | '．')) && chars.get(digits + 1).is_some_and(|&c| is_han(c))
        }
        _ if ordinals > 0 && ordinals <= 3 => chars.get(ordinals) == Some(&'、'),
        _ => false,
    }
}

/// (start, end) cell index of every line, without the line break.
fn line_spans(cells: &[Cell]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, cell) in cells.iter().enumerate() {
        if cell.ch == '\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, cells.len()));
    lines
}

/// The wrap width of a hard-wrapped document, or `None` when lines do not look wrapped:
/// at least 20 non-blank lines, and at least a third of them within 20% of the 90th-percentile
/// length while not ending a sentence.
fn wrap_width(cells: &[Cell], lines: &[(usize, usize)]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines.iter().map(|(s, e)| e - s).filter(|&n| n > 0).collect();
    if lengths.len() < 20 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    if width < 10 {
        return None;
    }
    let wrapped = lines
        .iter()
        .filter(|&&(s, e)| e - s >= width * 4 / 5 && !ends_sentence(cells[e - 1].ch))
        .count();
    (wrapped * 3 >= lengths.len()).then_some(width)
}

/// Spaces next to a Chinese character go when the other side is Chinese punctuation, a digit,
/// a Latin letter or a sign (`2024 年` → `2024年`, `18 号线` → `18号线`, `奥松 MEMS` → `奥松MEMS`,
/// `， 以` → `，以`). A space between two Han characters stays where it separates two phrases: on
/// a line without sentence punctuation (a bullet heading, `经济运行稳中有进 发展态势向上向好`; a
/// speaker line) or inside quotes (`“雄奇山水 新韵重庆”`); on a line of running prose it is a PDF
/// artefact inside a word and goes (`贵 州师范大学`); on a line without sentence punctuation a run of
/// two or more spaces is a table's column gap and stays as one space (`9  临空港…产业园  新建…`,
/// a table flattened to text). Spaces inside a number next to its decimal
/// point go (`30145. 79`), and on a line of running prose so do spaces between digits (`“12 69”`).
pub fn remove_spaces_next_to_chinese(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let mut i = 0;
    let mut prose_line = is_prose_line(&cells);
    let mut quoted = false;
    while i < cells.len() {
        match cells[i].ch {
            ' ' => {}
            '\n' => {
                prose_line = is_prose_line(&cells[i + 1..]);
                quoted = false;
            }
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
        if cells[i].ch != ' ' {
            out.push(cells[i]);
            i += 1;
            continue;
        }
        let run_end = cells[i..].iter().position(|c| c.ch != ' ').map_or(cells.len(), |p| i + p);
        let before = out.last().map(|c| c.ch);
        let after = cells.get(run_end).map(|c| c.ch);
        // `9       临空港数字经济产业园      新建研发楼宇`: on a line without sentence punctuation a run
        // of spaces is a table's column gap, kept as one space.
        let column_gap = !prose_line && run_end - i >= 2 && before.is_some_and(|b| b != '\n') && after.is_some_and(|a| a != '\n');
        let keep = match (before, after) {
            _ if column_gap => true,
            (Some(b), Some(a)) if is_han(b) && is_han(a) => !prose_line || quoted,
            // `“12 69”`, `1 30 0万人次`: in running Chinese prose a space between digits is a PDF artefact.
            (Some(b), Some(a)) if b.is_ascii_digit() && a.is_ascii_digit() => !prose_line,
            (Some(b), Some(a)) => !space_is_artefact(b, a),
            _ => false,
        };
        if keep {
            out.push(cells[i]);
        }
        i = run_end;
    }
    out
}

/// Whether the line starting at `cells` is running prose: it holds a comma or a full stop.
fn is_prose_line(cells: &[Cell]) -> bool {
    cells.iter().map(|c| c.ch).take_while(|&c| c != '\n').any(|c| matches!(c, '，' | '。' | '；'))
}

fn space_is_artefact(before: char, after: char) -> bool {
    if before == '\n' || after == '\n' {
        return true;
    }
    let number_part = |c: char| c.is_ascii_digit() || c == '.' || c == '%';
    if (before.is_ascii_digit() && after == '.') || (before == '.' && after.is_ascii_digit()) {
        return true;
    }
    (is_chinese(before) && !after.is_whitespace()) || (is_chinese(after) && !before.is_whitespace())
        || (number_part(before) && after == '%')
}

/// Half-width punctuation next to Chinese text (spaces between do not count) becomes the full-width form: `,` → `，`,
/// `:` → `：`, `;` → `；`, `!` → `！`, `?` → `？`, `(`/`)` → `（`/`）`, straight double quotes →
/// `“`/`”`. Punctuation between digits or Latin letters (`1,000`, `10:30`, `f(x)`) stays.
pub fn chinese_punctuation_to_fullwidth(mut cells: Vec<Cell>) -> Vec<Cell> {
    let mut quote_open = false;
    for i in 0..cells.len() {
        let ch = cells[i].ch;
        if !matches!(ch, ',' | ':' | ';' | '!' | '?' | '(' | ')' | '"') {
            continue; // every other character stays as it is
        }
        // The nearest characters on either side, looking past spaces.
        let prev = cells[..i].iter().rev().map(|c| c.ch).find(|&c| c != ' ');
        let next = cells[i + 1..].iter().map(|c| c.ch).find(|&c| c != ' ');
        let touches = |c: Option<char>| c.is_some_and(is_chinese);
        let replacement = match ch {
            ',' if touches(prev) || touches(next) => '，',
            ':' if touches(prev) || touches(next) => '：',
            ';' if touches(prev) || touches(next) => '；',
            '!' if touches(prev) || touches(next) => '！',
            '?' if touches(prev) || touches(next) => '？',
            '(' if touches(prev) || touches(next) || closes_chinese_parenthesis(&cells[i + 1..]) => '（',
            ')' if touches(prev) || touches(next) || opens_chinese_parenthesis(&cells[..i]) => '）',
            '"' if touches(prev) || touches(next) => {
                quote_open = !quote_open;
                if quote_open { '“' } else { '”' }
            }
            _ => ch,
        };
        cells[i].ch = replacement;
    }
    cells
}

/// `(` whose matching `)` encloses Chinese text, e.g. `(2023-2027年)`.
fn closes_chinese_parenthesis(rest: &[Cell]) -> bool {
    rest.iter().take(40).take_while(|c| c.ch != ')' && c.ch != '\n').any(|c| is_han(c.ch))
}

/// `)` whose opening `(` (already converted or not) encloses Chinese text.
fn opens_chinese_parenthesis(before: &[Cell]) -> bool {
    before.iter().rev().take(40).take_while(|c| c.ch != '(' && c.ch != '（' && c.ch != '\n').any(|c| is_han(c.ch))
        && before.iter().rev().take(40).any(|c| c.ch == '（')
}

/// Runs of blank lines become a single line break; leading and trailing breaks go.
pub fn collapse_blank_lines(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for cell in cells {
        if cell.ch == '\n' && out.last().is_none_or(|c| c.ch == '\n') {
            continue;
        }
        out.push(cell);
    }
    while out.last().is_some_and(|c| c.ch == '\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str) -> Vec<Cell> {
        let mut at = 0u32;
        s.chars()
            .map(|ch| {
                let cell = Cell { ch, origin: at };
                at += ch.len_utf8() as u32;
                cell
            })
            .collect()
    }

    fn text(cells: &[Cell]) -> String {
        cells.iter().map(|c| c.ch).collect()
    }

    fn apply(rule: fn(Vec<Cell>) -> Vec<Cell>, s: &str) -> String {
        text(&rule(cells(s)))
    }

    #[test]
    fn line_breaks_are_unified() {
        assert_eq!(apply(unify_line_breaks, "一\r\n二\r三\n四"), "一\n二\n三\n四");
    }

    #[test]
    fn fullwidth_letters_and_digits_become_ascii() {
        assert_eq!(apply(fullwidth_to_ascii, "ＡＩ手机２０２４年，增长５％"), "AI手机2024年，增长5%");
        assert_eq!(apply(fullwidth_to_ascii, "各位代表：\u{3000}现在"), "各位代表： 现在");
    }

    #[test]
    fn markdown_marks_are_layout() {
        let pasted = "# 政府工作报告\n## 一、2025年工作回顾\n**（一）产业加快发展。**广州实验室挂牌。\n- 推进项目\n> 引文\n增长3*2倍，第#1号";
        assert_eq!(apply(remove_markdown_marks, pasted), "政府工作报告\n一、2025年工作回顾\n（一）产业加快发展。广州实验室挂牌。\n推进项目\n引文\n增长3*2倍，第#1号");
        // Origins still point at the original characters.
        assert_eq!(remove_markdown_marks(cells("## 一"))[0].origin, 3);
    }

    #[test]
    fn line_edges_are_trimmed() {
        assert_eq!(apply(trim_line_edges, "  一、回顾  \n 造业发展"), "一、回顾\n造业发展");
    }

    /// 30 lines of the same width, each ending in `end(i)` and followed by `gap`.
    fn full_lines(end: impl Fn(usize) -> &'static str, gap: &str) -> String {
        (0..30).map(|i| format!("这是第{i:02}行的正文内容用来模拟版式固定宽度的折行文本而且相当长{}{gap}", end(i))).collect()
    }

    #[test]
    fn html_tags_are_layout_and_references_are_their_characters() {
        let page = "<p>政府工作报告</p>\n<p style=\"text-indent:2em\">&mdash;&mdash;2025年1月15日</p><p>实施&ldquo;<strong>强基</strong>&rdquo;行动&nbsp;，A&amp;B。</p>";
        let out = apply(remove_html_markup, page);
        assert_eq!(out, "\n政府工作报告\n\n\n——2025年1月15日\n\n实施“强基”行动 ，A&B。\n");
        // Without markup nothing changes: a lone < or & is text.
        assert_eq!(apply(remove_html_markup, "增长<5%，R&D投入"), "增长<5%，R&D投入");
        // A decoded character keeps the origin of its reference.
        let cells = remove_html_markup(cells("&ldquo;一&rdquo;"));
        assert_eq!(cells.iter().map(|c| c.origin).collect::<Vec<_>>(), [0, 7, 10]);
    }

    #[test]
    fn page_footers_go_and_the_lines_around_them_join() {
        let mut doc = String::from("云南省人民政府工作报告\n");
        doc.push_str(&full_lines(|i| if i % 3 == 2 { "。" } else { "，保存物种80" }, "\n"));
        let doc = doc.replacen("物种80\n", "物种80\n  — 1 —\n", 1).replacen("物种80\n", "物种80\n- 12 -\n", 1).replacen("物种80\n", "物种80\n第3页\n", 1);
        let out = apply(|c| join_wrapped_lines(remove_page_footers(c)), &doc);
        assert!(!out.contains('—') && !out.contains("- 12 -") && !out.contains("第3页"), "{out}");
        assert!(out.contains("物种80这是第01行"), "{out}");
        // A line of text that only holds a number or a dash is no footer.
        let kept = apply(remove_page_footers, "甲\n2025\n——\n第一页\n乙");
        assert_eq!(kept, "甲\n2025\n——\n第一页\n乙");
    }

    #[test]
    fn line_numbers_of_a_numbered_export_go_but_numbered_items_stay() {
        let mut doc = String::from("政府工作报告\n");
        for n in 1..=12 {
            doc.push_str(&format!("{n:>4}\t第{n}行的文字\n"));
        }
        let out = apply(remove_line_numbers, &doc);
        assert!(out.starts_with("政府工作报告\n第1行的文字\n第2行的文字\n"), "{out}");
        assert!(out.contains("\n第12行的文字\n"), "{out}");
        // A few numbered rows of a table among prose lines keep their numbers.
        let mut table = String::new();
        for n in 1..=12 {
            table.push_str(&format!("第{n}段的文字。\n"));
        }
        table.push_str("1  甲项目\n2  乙项目\n3  丙项目\n");
        assert_eq!(apply(remove_line_numbers, &table), table);
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_short_lines_and_sentence_ends_are_kept() {
        // 30 full lines: every third ends a sentence.
        let mut doc = String::from("重庆市人民政府工作报告\n\n重庆市人民政府市长 胡衡华\n\n");
        doc.push_str(&full_lines(|i| if i % 3 == 2 { "。" } else { "，" }, "\n\n"));
        doc.push_str("制\n\n造业发展提质增效。");
        let out = apply(join_wrapped_lines, &doc);
        assert!(out.starts_with("重庆市人民政府工作报告\n重庆市人民政府市长 胡衡华\n"), "{out}");
        assert!(out.contains("长，这是第01行"), "{out}");
        assert!(out.contains("长。\n这是第03行"), "{out}");
        // A full line does not continue into a bullet or a numbered item.
        let mut listed = doc.replace("这是第05行", "●这是第05行").replace("这是第07行", "7.这是第07行").replace("这是第10行", "·这是第10行");
        listed.push('\n');
        let out_listed = apply(join_wrapped_lines, &listed);
        assert!(out_listed.contains("长，\n●这是第05行") && out_listed.contains("长，\n7.这是第07行"), "{out_listed}");
        // A middle dot opening a line is a digest's bullet.
        assert!(out_listed.contains("长，\n·这是第10行"), "{out_listed}");
        assert!(out_listed.contains("长，这是第02行"), "{out_listed}");
        // "制" is a short line, so it is not joined: only full lines continue.
        assert!(out.contains("制\n造业"));
        // A line two thirds full continues (narrow digits make lines of a PDF vary); a long
        // title and date line of the header do not, nor does a heading shorter than 4/5.
        let mut varied = String::from("关于某省二〇二五年上半年国民经济和社会发展计划执行情况的报告\n——2025年7月24日在某省第十四届人民代表大会常务委员会第十八次会议上\n各位委员：\n");
        varied.push_str(&full_lines(|_| "，", "\n"));
        varied.push_str("对东盟、非洲出口分别增长了很多很多对共建国家出口增长对东\n盟出口增长。\n二、二〇二五年下半年的主要工作安排和重点任务\n全年目标。");
        let out = apply(join_wrapped_lines, &varied);
        assert!(out.contains("对东盟出口增长"), "{out}");
        assert!(out.starts_with("关于某省二〇二五年上半年国民经济和社会发展计划执行情况的报告\n——2025年7月24日"), "{out}");
        assert!(out.contains("重点任务\n全年目标"), "{out}");
        // Latin words broken across lines keep a space.
        let mut latin = String::new();
        for _ in 0..25 {
            latin.push_str("这是一行很长很长的正文内容用来模拟折行的文本 Chongqing\nMunicipal 报告内容继续写下去。\n");
        }
        assert!(apply(join_wrapped_lines, &latin).contains("Chongqing Municipal"));
        let mut number = String::new();
        for _ in 0..25 {
            number.push_str("这是一行很长很长的正文内容用来模拟折行的文本中环宁夏5\n0GW单晶硅材料项目建成投产继续写下去。\n");
        }
        assert!(apply(join_wrapped_lines, &number).contains("宁夏50GW单晶硅"));
    }

    #[test]
    fn unwrapped_documents_are_left_alone() {
        let doc = "标题\n第一段很长的内容。\n第二段\n第三段";
        assert_eq!(apply(join_wrapped_lines, doc), doc);
    }

    #[test]
    fn spaces_next_to_chinese_go_but_separators_stay() {
        let rule = remove_spaces_next_to_chinese;
        assert_eq!(apply(rule, "2024 年 1 月 21 日"), "2024年1月21日");
        // A table's column gap stays as one space; in prose a run of spaces goes.
        assert_eq!(apply(rule, "9       临空港产业园    68.0"), "9 临空港产业园 68.0");
        assert_eq!(apply(rule, "建成9    座水库。"), "建成9座水库。");
        assert_eq!(apply(rule, "轨道交通 18 号线"), "轨道交通18号线");
        assert_eq!(apply(rule, "达到 30145.79 亿元、增长 6.1%"), "达到30145.79亿元、增长6.1%");
        assert_eq!(apply(rule, "30145. 79 亿元"), "30145.79亿元");
        assert_eq!(apply(rule, "实施“12 69”行动计划，接待1 30 0 万人次。"), "实施“1269”行动计划，接待1300万人次。");
        assert_eq!(apply(rule, "版本 1 2"), "版本1 2"); // not running prose: the digits stay apart
        assert_eq!(apply(rule, "奥松 MEMS 传感器"), "奥松MEMS传感器");
        assert_eq!(apply(rule, "AI PC 等"), "AI PC等");
        assert_eq!(apply(rule, "Chongqing Municipal People"), "Chongqing Municipal People");
        assert_eq!(apply(rule, "经济运行稳中有进 发展态势向上向好"), "经济运行稳中有进 发展态势向上向好");
        assert_eq!(apply(rule, "市长 胡衡华"), "市长 胡衡华");
        // On a line of prose a space between Han characters is a PDF artefact, but not in quotes.
        assert_eq!(apply(rule, "支持贵州大学、贵 州师范大学建设一流学科。"), "支持贵州大学、贵州师范大学建设一流学科。");
        assert_eq!(apply(rule, "推出“雄奇山水 新韵重庆”品牌，宁德 时代\n经济运行 发展态势"), "推出“雄奇山水 新韵重庆”品牌，宁德时代\n经济运行 发展态势");
    }

    #[test]
    fn punctuation_next_to_chinese_becomes_fullwidth() {
        let rule = chinese_punctuation_to_fullwidth;
        assert_eq!(apply(rule, "现在,我代表市人民政府:请予审议;好!"), "现在，我代表市人民政府：请予审议；好！");
        assert_eq!(apply(rule, "西部(重庆)科学城"), "西部（重庆）科学城");
        assert_eq!(apply(rule, "(2023-2027年)"), "（2023-2027年）");
        assert_eq!(apply(rule, "1,000 and 10:30, f(x)"), "1,000 and 10:30, f(x)");
        assert_eq!(apply(rule, "实施\"满天星\"行动"), "实施“满天星”行动");
    }

    #[test]
    fn blank_lines_collapse() {
        assert_eq!(apply(collapse_blank_lines, "\n\n一\n\n\n二\n\n"), "一\n二");
    }

    #[test]
    fn every_normalised_character_maps_back_to_the_same_character() {
        let original = "重庆市人民政府工作报告\r\n\r\n——2024 年 1 月 21 日\r\n现在,我代表ＡＩ (重庆)。";
        let decoded: Vec<u32> = original.char_indices().map(|(i, _)| i as u32).chain([original.len() as u32]).collect();
        let n = normalize(original, &decoded);
        assert_eq!(n.text, "重庆市人民政府工作报告\n——2024年1月21日\n现在，我代表AI（重庆）。");
        assert_eq!(n.origin.len(), n.text.chars().count() + 1);
        for (i, c) in n.text.chars().enumerate() {
            let at = n.origin[i] as usize;
            let source = original[at..].chars().next().unwrap();
            let expected = match source {
                'Ａ' => 'A',
                'Ｉ' => 'I',
                ',' => '，',
                '(' => '（',
                ')' => '）',
                '\r' => '\n',
                other => other,
            };
            assert_eq!(c, expected, "normalised char {i}");
        }
    }
}
