//! HTML building blocks of the browser view: escaping, links, the page frame, result tables,
//! and the Graphviz call that draws lineage pictures.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use oxigraph::model::Term;

use crate::rdf::{ID, PREFIXES};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a URL path segment (everything but unreserved ASCII).
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Encodes a query-string value.
pub fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

pub fn entity_href(key: &str, kind: Option<&str>) -> String {
    match kind {
        Some(kind) => format!("/entity/{}?type={}", path_segment(key), query_value(kind)),
        None => format!("/entity/{}", path_segment(key)),
    }
}

pub fn report_href(id: &str) -> String {
    format!("/report/{}", path_segment(id))
}

pub fn sparql_href(query: &str) -> String {
    format!("/sparql?query={}", query_value(query))
}

/// A small link to the SPARQL query behind a part of a page.
pub fn sparql_link(query: &str) -> String {
    format!("<a class=\"sparql\" href=\"{}\" title=\"the SPARQL query behind this\">SPARQL</a>", escape(&sparql_href(query)))
}

/// The browser view's link for a gwkg IRI (entity or report), if it has one.
pub fn view_href(iri: &str) -> Option<String> {
    let local = iri.strip_prefix(ID)?;
    let (head, rest) = local.split_once('/')?;
    match head {
        "report" => Some(report_href(rest.split('/').next().unwrap_or(rest))),
        "programme" | "place" | "project" | "institution" if !rest.is_empty() => Some(entity_href(rest, Some(head))),
        _ => None,
    }
}

/// An IRI written short with a known prefix.
pub fn short_iri(iri: &str) -> String {
    for (prefix, base) in PREFIXES {
        if let Some(local) = iri.strip_prefix(base) {
            return format!("{prefix}:{local}");
        }
    }
    if let Some(local) = iri.strip_prefix(ID) {
        return format!("id:{local}");
    }
    format!("<{iri}>")
}

/// A term as an HTML cell: IRIs short and linked to the browser view where there is one.
pub fn term_cell(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => {
            let iri = node.as_str();
            let text = escape(&short_iri(iri));
            match view_href(iri) {
                Some(href) => format!("<a href=\"{}\" title=\"{}\">{text}</a>", escape(&href), escape(iri)),
                None => format!("<span title=\"{}\">{text}</span>", escape(iri)),
            }
        }
        Term::Literal(literal) => {
            let mut cell = escape(literal.value());
            if let Some(language) = literal.language() {
                let _ = write!(cell, "<small class=\"muted\">@{}</small>", escape(language));
            }
            cell
        }
        other => escape(&other.to_string()),
    }
}

/// A results table.
pub fn term_table(header: &[String], rows: &[Vec<Option<Term>>], more: bool) -> String {
    let mut out = String::new();
    let _ = write!(out, "<p class=\"muted\">{} row{}{}</p>", rows.len(), if rows.len() == 1 { "" } else { "s" }, if more {
        " shown; there are more (machines get the full result through Accept, up to the server's limit)"
    } else {
        ""
    });
    out.push_str("<div class=\"scroll\"><table><thead><tr>");
    for name in header {
        let _ = write!(out, "<th>?{}</th>", escape(name));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", cell.as_ref().map(term_cell).unwrap_or_default());
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

pub fn boolean_table(value: bool) -> String {
    format!("<p class=\"answer\">ASK → <strong>{value}</strong></p>")
}

const STYLE: &str = "\
*{box-sizing:border-box}\
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;\
line-height:1.55;color:#212529;background:#fff}\
header{background:#1864ab;color:#fff;padding:.5rem 1rem}\
header .bar{max-width:60rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}\
header a{color:#fff;text-decoration:none;font-weight:600}\
header form{flex:1 1 14rem;display:flex;gap:.3rem}\
header input{flex:1;min-width:0;padding:.35rem .5rem;border:0;border-radius:4px;font-size:1rem}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
h1{font-size:1.6rem;margin:.3rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #dee2e6}\
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}\
a{color:#1864ab}.muted{color:#6c757d}.sparql{font-size:.75rem;font-weight:normal;margin-left:.5rem;\
border:1px solid #adb5bd;border-radius:3px;padding:0 .3rem;text-decoration:none;vertical-align:middle}\
mark{background:#ffe066;padding:0 .1em}\
.kind{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:3px;background:#e7f5ff;color:#1864ab}\
.chip{display:inline-block;font-size:.8rem;padding:0 .35rem;margin:.1rem;border-radius:3px;background:#f1f3f5}\
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem}dl.facts dt{color:#6c757d}dl.facts dd{margin:0;overflow-wrap:anywhere}\
ol.timeline{list-style:none;padding:0}ol.timeline li{border-left:3px solid #74c0fc;padding:.3rem .8rem;margin:.5rem 0}\
.meta{font-size:.85rem;color:#495057}\
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #dee2e6;padding:.25rem .5rem;\
text-align:left;vertical-align:top}th{background:#f8f9fa}\
textarea{width:100%;font-family:ui-monospace,monospace;font-size:.9rem}\
pre{overflow-x:auto;background:#f8f9fa;padding:.5rem;font-size:.8rem}\
figure.lineage{margin:0;overflow-x:auto}figure.lineage svg{max-width:100%;height:auto}\
.error{color:#c92a2a;font-weight:600}\
button{padding:.35rem .8rem;font-size:1rem}\
";

/// A whole page: the frame with the search box, then `body`.
pub fn page(title: &str, search: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>\
         <header><div class=\"bar\"><a href=\"/\">gwkg</a>\
         <form method=\"get\" action=\"/\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{}\" \
         placeholder=\"搜索 search: 1361, 成渝, 两江新区\" aria-label=\"search\"><button type=\"submit\">Search</button></form>\
         <a href=\"/sparql\">SPARQL</a></div></header><main>{body}</main></body></html>\n",
        escape(title),
        escape(search)
    )
}

/// Runs Graphviz `dot -Tsvg` on `source` within `limit`; the `<svg>` element, or `None`.
pub fn run_dot(source: &str, limit: Duration) -> Option<String> {
    let mut child = Command::new("dot").arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().ok()?;
    let mut stdin = child.stdin.take()?;
    let mut stdout = child.stdout.take()?;
    let input = source.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < limit => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = writer.join();
    let output = reader.join().ok()?;
    if !status?.success() {
        return None;
    }
    let text = String::from_utf8(output).ok()?;
    let start = text.find("<svg")?;
    Some(text[start..].trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_encodes() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(path_segment("1+2 重庆/x"), "1%2B2%20%E9%87%8D%E5%BA%86%2Fx");
        assert_eq!(query_value("a+b c&d"), "a%2Bb+c%26d");
        assert_eq!(entity_href("1361", Some("programme")), "/entity/1361?type=programme");
    }

    #[test]
    fn gwkg_iris_link_to_views() {
        assert_eq!(view_href(&format!("{ID}programme/1361")).as_deref(), Some("/entity/1361?type=programme"));
        assert_eq!(view_href(&format!("{ID}report/2024-x/sentence/3")).as_deref(), Some("/report/2024-x"));
        assert_eq!(view_href(&format!("{ID}graph/entities")), None);
        assert_eq!(view_href("http://example.com/"), None);
    }
}
