//! Plain-text tables for the terminal that line up Chinese text (two columns per character).

use unicode_width::UnicodeWidthStr;

/// Renders rows (the first is the header) as aligned columns separated by two spaces.
pub fn render(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.extend(std::iter::repeat_n(' ', widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if n == 0 && rows.len() > 1 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_cells_line_up() {
        let rows = vec![vec!["名称".to_string(), "n".to_string()], vec!["1361".to_string(), "3".to_string()]];
        assert_eq!(super::render(&rows), "名称  n\n----  -\n1361  3\n");
    }
}
