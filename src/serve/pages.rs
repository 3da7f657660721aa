//! The browser view: server-rendered pages for search, entities and reports.
//!
//! Each block of a page links to the SPARQL query that produces it, so what a page shows can be
//! reproduced (and extended) at `/sparql`.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::html::{self, entity_href, escape, report_href, sparql_link};
use super::{App, Failure, select};
use crate::lineage_graph::Relation;
use crate::rdf::ENTITY_GRAPH;
use crate::trace::TimelineEntry;

fn html_response(status: StatusCode, page: String) -> Response {
    let mut response = (status, page).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

fn failure_page(failure: &Failure) -> Response {
    let body = format!(
        "<h1>{} {}</h1><p class=\"error\">{}</p><p><a href=\"/\">Search</a></p>",
        failure.status().as_u16(),
        escape(failure.status().canonical_reason().unwrap_or_default()),
        escape(&failure.message())
    );
    html_response(failure.status(), html::page("gwkg", "", &body))
}

/// Any path the view does not have.
pub async fn not_found() -> Response {
    failure_page(&Failure::NotFound("no such page".into()))
}

fn params(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn param(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// A SPARQL string literal holding `text`.
pub fn sparql_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn internal(error: crate::Error) -> Failure {
    Failure::Internal(error.to_string())
}

// ---------------------------------------------------------------------------------------------
// Search

/// Characters the search ignores in names (quotes, book-title marks, spaces).
const IGNORED: &str = "[“”‘’\"《》 ]";

/// The forms of a search text to look for: as typed (lower-cased, without quotes), and in
/// Simplified script when typed in Traditional.
fn search_terms(q: &str) -> Vec<String> {
    let q: String = q.trim().chars().take(100).collect();
    let bare = crate::extract::bare(&q).to_lowercase();
    let mut terms = vec![bare.clone()];
    if let Some(simplified) = crate::script::simplified_for_analysis(&bare) {
        terms.push(simplified);
    }
    terms.retain(|t| !t.is_empty());
    terms.dedup();
    terms
}

fn search_query(terms: &[String]) -> String {
    let tests: Vec<String> = terms
        .iter()
        .map(|t| format!("CONTAINS(LCASE(REPLACE(STR(?name), {}, \"\")), {})", sparql_string(IGNORED), sparql_string(t)))
        .collect();
    format!(
        "SELECT ?e ?class ?key ?label ?count ?first ?last (GROUP_CONCAT(DISTINCT STR(?alt); SEPARATOR=\" / \") AS ?aliases)\n\
         WHERE {{\n  GRAPH <{ENTITY_GRAPH}> {{\n    ?e a ?class ; gw:key ?key ; rdfs:label ?label .\n    \
         FILTER EXISTS {{ ?e gw:key|rdfs:label|skos:altLabel ?name . FILTER({}) }}\n    \
         OPTIONAL {{ ?e skos:altLabel ?alt }}\n    OPTIONAL {{ ?e gw:mentionCount ?count }}\n    \
         OPTIONAL {{ ?e gw:firstYear ?first }}\n    OPTIONAL {{ ?e gw:lastYear ?last }}\n  }}\n}}\n\
         GROUP BY ?e ?class ?key ?label ?count ?first ?last\nORDER BY DESC(?count) ?label\nLIMIT 200",
        tests.join(" || ")
    )
}

const REPORTS_QUERY: &str = "SELECT ?report ?date ?year ?kind ?title WHERE {\n  ?report a gw:Report ; gw:reportYear ?year ; \
gw:reportKind ?kind ; dcterms:title ?title .\n  OPTIONAL { ?report dcterms:date ?date }\n} ORDER BY ?date ?report";

const TOP_QUERY: &str = "SELECT ?e ?class ?key ?label ?count WHERE {\n  GRAPH <https://w3id.org/gwkg/id/graph/entities> {\n    \
?e a ?class ; gw:key ?key ; rdfs:label ?label ; gw:mentionCount ?count .\n  }\n} ORDER BY DESC(?count) ?label LIMIT 24";

fn class_kind(class_iri: &str) -> String {
    class_iri.rsplit('#').next().unwrap_or_default().to_lowercase()
}

fn years_text(first: &str, last: &str) -> String {
    match (first.is_empty(), first == last) {
        (true, _) => String::new(),
        (false, true) => first.to_string(),
        (false, false) => format!("{first}–{last}"),
    }
}

fn home_page(app: &App, token: &oxigraph::sparql::CancellationToken) -> Result<String, Failure> {
    let mut body = String::from(
        "<h1>Government work reports, as a knowledge graph</h1>\
         <p>Search programmes, places, projects and institutions by name, alias or key (中文 or English; Traditional script is \
         matched too). Each entity page shows its timeline across reports, its relations and its lineage.</p>",
    );
    let reports = select(app, token, REPORTS_QUERY, &["report", "date", "year", "kind", "title"])?;
    let _ = write!(body, "<h2>Reports {}</h2><ul>", sparql_link(REPORTS_QUERY));
    for row in &reports {
        let id = row[0].rsplit('/').next().unwrap_or_default();
        let _ = write!(
            body,
            "<li><a href=\"{}\">{}</a> <span class=\"muted\">{} · {} · {}</span></li>",
            escape(&report_href(id)),
            escape(&row[4]),
            escape(if row[1].is_empty() { &row[2] } else { &row[1] }),
            escape(&row[3]),
            escape(id)
        );
    }
    body.push_str("</ul>");
    let top = select(app, token, TOP_QUERY, &["e", "class", "key", "label", "count"])?;
    let _ = write!(body, "<h2>Most mentioned {}</h2><p>", sparql_link(TOP_QUERY));
    for row in &top {
        let kind = class_kind(&row[1]);
        let _ = write!(
            body,
            "<a class=\"chip\" href=\"{}\">{} <span class=\"muted\">×{}</span></a> ",
            escape(&entity_href(&row[2], Some(&kind))),
            escape(&row[3]),
            escape(&row[4])
        );
    }
    body.push_str("</p>");
    Ok(html::page("gwkg", "", &body))
}

fn search_page(app: &App, token: &oxigraph::sparql::CancellationToken, q: &str) -> Result<String, Failure> {
    let terms = search_terms(q);
    let mut body = String::new();
    if terms.is_empty() {
        let _ = write!(body, "<h1>Search</h1><p>Type a name, an alias or a key.</p>");
        return Ok(html::page("Search · gwkg", q, &body));
    }
    let query = search_query(&terms);
    let mut rows = select(app, token, &query, &["e", "class", "key", "label", "count", "first", "last", "aliases"])?;
    let rank = |row: &Vec<String>| -> u8 {
        let names: Vec<String> = [row[2].clone(), row[3].clone()]
            .into_iter()
            .chain(row[7].split(" / ").map(String::from))
            .map(|n| crate::extract::bare(&n).to_lowercase())
            .collect();
        if names.iter().any(|n| terms.contains(n)) {
            0
        } else if names.iter().any(|n| terms.iter().any(|t| n.starts_with(t.as_str()))) {
            1
        } else {
            2
        }
    };
    rows.sort_by_key(|row| rank(row));
    let _ = write!(
        body,
        "<h1>“{}” <small class=\"muted\">{} match{}</small> {}</h1>",
        escape(q.trim()),
        rows.len(),
        if rows.len() == 1 { "" } else { "es" },
        sparql_link(&query)
    );
    if rows.is_empty() {
        body.push_str("<p>Nothing matches. Try a shorter part of the name, or a key such as 1361.</p>");
    } else {
        body.push_str(
            "<div class=\"scroll\"><table class=\"results\"><thead><tr><th>name</th><th>type</th><th>years</th><th>mentions</th>\
             <th>also called</th></tr></thead><tbody>",
        );
        for row in &rows {
            let kind = class_kind(&row[1]);
            let aliases: Vec<&str> = row[7].split(" / ").filter(|a| !a.is_empty()).take(4).collect();
            let _ = write!(
                body,
                "<tr><td><a href=\"{}\">{}</a><br><small class=\"muted\">key {}</small></td><td><span class=\"kind\">{}</span></td>\
                 <td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&entity_href(&row[2], Some(&kind))),
                escape(&row[3]),
                escape(&row[2]),
                escape(&kind),
                escape(&years_text(&row[5], &row[6])),
                escape(&row[4]),
                escape(&aliases.join(" / "))
            );
        }
        body.push_str("</tbody></table></div>");
    }
    Ok(html::page(&format!("{} · search · gwkg", q.trim()), q, &body))
}

/// `GET /` and `GET /?q=…`.
pub async fn home(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let q = param(&params(raw.as_deref()), "q").unwrap_or_default();
    let result = if q.trim().is_empty() {
        app.run(home_page).await
    } else {
        app.run(move |app, token| search_page(app, token, &q)).await
    };
    match result {
        Ok(page) => html_response(StatusCode::OK, page),
        Err(failure) => failure_page(&failure),
    }
}

// ---------------------------------------------------------------------------------------------
// Entity

fn describe_query(iri: &str) -> String {
    format!("SELECT ?property ?value WHERE {{\n  GRAPH <{ENTITY_GRAPH}> {{ <{iri}> ?property ?value }}\n}} ORDER BY ?property ?value")
}

fn relations_query(iri: &str) -> String {
    format!(
        "SELECT ?relation ?direction ?other ?label WHERE {{\n  GRAPH <{ENTITY_GRAPH}> {{\n    \
         {{ <{iri}> ?relation ?other BIND(\"out\" AS ?direction) }}\n    \
         UNION {{ ?other ?relation <{iri}> BIND(\"in\" AS ?direction) }}\n    \
         FILTER(?relation IN (gw:hasComponent, gw:partOf, gw:renamedTo, prov:wasRevisionOf, gw:parentOrganization))\n    \
         ?other rdfs:label ?label .\n  }}\n}}"
    )
}

/// The query `crate::trace::co_mentions` runs, for the page's link.
fn co_mentions_query(iri: &str, limit: usize) -> String {
    format!(
        "SELECT ?other ?label ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{\n  \
         ?m gw:mentionOf <{iri}> ; gw:sentence ?s .\n  ?m2 gw:sentence ?s ; gw:mentionOf ?other .\n  \
         FILTER(?other != <{iri}>)\n  ?other rdfs:label ?label ; a ?class .\n}} GROUP BY ?other ?label ?class \
         ORDER BY DESC(?n) ?label LIMIT {limit}"
    )
}

/// The yearly states the lineage picture draws, for the page's link.
fn lineage_query(iris: &[String]) -> String {
    let values: Vec<String> = iris.iter().map(|i| format!("<{i}>")).collect();
    format!(
        "SELECT ?e ?year (GROUP_CONCAT(DISTINCT ?stage; SEPARATOR=\"/\") AS ?stages) \
         (GROUP_CONCAT(DISTINCT ?verb; SEPARATOR=\"、\") AS ?verbs) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{\n  \
         VALUES ?e {{ {} }}\n  ?m a gw:Mention ; gw:mentionOf ?e ; gw:aboutYear ?year .\n  \
         OPTIONAL {{ ?m gw:stage ?stage }} OPTIONAL {{ ?m gw:verb ?verb }}\n}} GROUP BY ?e ?year ORDER BY ?e ?year",
        values.join(" ")
    )
}

/// How a relation reads from this entity's side.
fn relation_phrase(relation: Relation, outgoing: bool) -> &'static str {
    match (relation, outgoing) {
        (Relation::HasComponent, true) => "has component",
        (Relation::HasComponent, false) => "component of",
        (Relation::PartOf, true) => "part of",
        (Relation::PartOf, false) => "has part",
        (Relation::RenamedTo, true) => "renamed to",
        (Relation::RenamedTo, false) => "renamed from",
        (Relation::RevisionOf, true) => "revision of",
        (Relation::RevisionOf, false) => "revised as",
        (Relation::ParentOrganization, true) => "parent organisation",
        (Relation::ParentOrganization, false) => "member organisation",
    }
}

/// The sentence with the mention in `<mark>`, all text escaped.
fn highlighted(entry: &TimelineEntry) -> String {
    let chars: Vec<char> = entry.sentence.chars().collect();
    let surface: Vec<char> = entry.surface.chars().collect();
    let at = entry.offset_in_sentence as usize;
    let start = if at + surface.len() <= chars.len() && chars[at..at + surface.len()] == surface[..] {
        Some(at)
    } else if surface.is_empty() {
        None
    } else {
        chars.windows(surface.len()).position(|w| w == &surface[..])
    };
    match start {
        Some(start) => {
            let end = start + surface.len();
            let part = |range: &[char]| escape(&range.iter().collect::<String>());
            format!("{}<mark>{}</mark>{}", part(&chars[..start]), part(&chars[start..end]), part(&chars[end..]))
        }
        None => escape(&entry.sentence),
    }
}

fn timeline_html(entries: &[TimelineEntry]) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        return "<p class=\"muted\">No mentions.</p>".into();
    }
    let mut year = None;
    for entry in entries {
        if year != Some(entry.year) {
            if year.is_some() {
                out.push_str("</ol>");
            }
            year = Some(entry.year);
            let _ = write!(out, "<h3 class=\"year\" id=\"y{0}\">{0}</h3><ol class=\"timeline\">", entry.year);
        }
        let mut meta = format!(
            "<a href=\"{}\">{}</a>{} · {}",
            escape(&report_href(&entry.report)),
            escape(&entry.report),
            if entry.report_date.is_empty() { String::new() } else { format!(" <span class=\"muted\">({})</span>", escape(&entry.report_date)) },
            escape(&entry.section)
        );
        match (&entry.stage, &entry.verb) {
            (Some(stage), Some(verb)) => {
                let _ = write!(meta, " · <strong>{}</strong> ({})", escape(stage), escape(verb));
            }
            (Some(stage), None) => {
                let _ = write!(meta, " · <strong>{}</strong>", escape(stage));
            }
            (None, Some(verb)) => {
                let _ = write!(meta, " · {}", escape(verb));
            }
            (None, None) => {}
        }
        if entry.years.len() > 1 {
            let _ = write!(
                meta,
                " · <span class=\"muted\">about {}–{}</span>",
                entry.years.first().copied().unwrap_or_default(),
                entry.years.last().copied().unwrap_or_default()
            );
        }
        for q in &entry.quantities {
            let _ = write!(meta, " <span class=\"chip\">{}</span>", escape(q));
        }
        let _ = write!(out, "<li><div class=\"meta\">{meta}</div><div class=\"sentence\">{}</div></li>", highlighted(entry));
    }
    out.push_str("</ol>");
    out
}

fn entity_section(app: &App, token: &oxigraph::sparql::CancellationToken, entity: usize) -> Result<String, Failure> {
    let graph = &app.graph;
    let info = &graph.entities[entity];
    let iri = info.iri.as_str();
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"entity\" data-kind=\"{}\"><h1>{} <span class=\"kind\">{}</span></h1>",
        escape(&info.kind),
        escape(&info.label),
        escape(&info.kind)
    );
    // Facts.
    let describe = describe_query(iri);
    let facts = select(app, token, &describe, &["property", "value"])?;
    let fact = |local: &str| -> Vec<String> {
        facts.iter().filter(|r| r[0].strip_prefix(crate::rdf::GW) == Some(local)).map(|r| r[1].clone()).collect()
    };
    let _ = write!(out, "<h2>About {}</h2><dl class=\"facts\">", sparql_link(&describe));
    let _ = write!(out, "<dt>type</dt><dd>{}</dd><dt>key</dt><dd>{}</dd>", escape(&info.kind), escape(&info.key));
    if !info.aliases.is_empty() {
        let _ = write!(out, "<dt>also called</dt><dd>{}</dd>", escape(&info.aliases.join(" / ")));
    }
    for (local, name) in [("divisionCode", "division code"), ("placeKind", "place kind"), ("mentionCount", "mentions")] {
        let values = fact(local);
        if !values.is_empty() {
            let _ = write!(out, "<dt>{name}</dt><dd>{}</dd>", escape(&values.join(", ")));
        }
    }
    let (first, last) = (fact("firstYear"), fact("lastYear"));
    if let (Some(first), Some(last)) = (first.first(), last.first()) {
        let _ = write!(out, "<dt>years</dt><dd>{}</dd>", escape(&years_text(first, last)));
    }
    let states: Vec<String> = graph.states[entity]
        .iter()
        .filter_map(|&n| graph.state(n))
        .map(|s| if s.stages.is_empty() { s.year.to_string() } else { format!("{} {}", s.year, s.stages.join("/")) })
        .collect();
    if !states.is_empty() {
        let _ = write!(out, "<dt>course</dt><dd>{}</dd>", escape(&states.join(" → ")));
    }
    let _ = write!(out, "<dt>IRI</dt><dd><small>{}</small></dd></dl>", escape(iri));
    // Timeline.
    let entries = crate::trace::timeline(&app.db, iri).map_err(internal)?;
    let _ = write!(
        out,
        "<h2 id=\"timeline\">Timeline <small class=\"muted\">{} mention{}</small> {}</h2><div class=\"timeline\">{}</div>",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        sparql_link(&crate::trace::timeline_query(iri)),
        timeline_html(&entries)
    );
    // Related entities.
    let relations = graph.relations_of(entity);
    let co = crate::trace::co_mentions(&app.db, iri, 12).map_err(internal)?;
    let _ = write!(out, "<h2>Related {}</h2>", sparql_link(&relations_query(iri)));
    if relations.is_empty() {
        out.push_str("<p class=\"muted\">No lineage relations.</p>");
    } else {
        out.push_str("<ul>");
        for (relation, other, outgoing) in relations {
            let o = &graph.entities[other];
            let _ = write!(
                out,
                "<li>{}: <a href=\"{}\">{}</a> <span class=\"kind\">{}</span></li>",
                relation_phrase(relation, outgoing),
                escape(&entity_href(&o.key, Some(&o.kind))),
                escape(&o.label),
                escape(&o.kind)
            );
        }
        out.push_str("</ul>");
    }
    let _ = write!(out, "<h3>Mentioned in the same sentences {}</h3>", sparql_link(&co_mentions_query(iri, 12)));
    if co.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>");
    } else {
        out.push_str("<p>");
        for (label, kind, n) in &co {
            let link = graph.entities.iter().find(|e| &e.label == label && &e.kind == kind).map(|e| entity_href(&e.key, Some(&e.kind)));
            let note = format!(" <span class=\"muted\">{} ×{n}</span>", escape(kind));
            match link {
                Some(href) => {
                    let _ = write!(out, "<a class=\"chip\" href=\"{}\">{}{note}</a> ", escape(&href), escape(label));
                }
                None => {
                    let _ = write!(out, "<span class=\"chip\">{}{note}</span> ", escape(label));
                }
            }
        }
        out.push_str("</p>");
    }
    // Lineage picture.
    let neighbourhood = graph.neighbourhood(entity, 1);
    let iris: Vec<String> = neighbourhood.iter().map(|&e| graph.entities[e].iri.clone()).collect();
    let dot = crate::dot::render(graph, &neighbourhood, &format!("gwkg lineage: {}", info.label));
    let _ = write!(out, "<h2 id=\"lineage\">Lineage {}</h2>", sparql_link(&lineage_query(&iris)));
    match app.lineage_svg(entity, &dot) {
        Some(svg) => {
            let _ = write!(
                out,
                "<figure class=\"lineage\">{svg}</figure><details><summary>DOT source</summary><pre>{}</pre></details>",
                escape(&dot)
            );
        }
        None => {
            let _ = write!(
                out,
                "<p class=\"muted\">Graphviz <code>dot</code> is not available to the server, so the picture is shown as \
                 DOT text (install graphviz, or paste it into any Graphviz viewer).</p><pre class=\"dot\">{}</pre>",
                escape(&dot)
            );
        }
    }
    out.push_str("</section>");
    Ok(out)
}

/// `GET /entity/{key}` (`?type=` picks one kind when several share the key).
pub async fn entity(State(app): State<Arc<App>>, Path(key): Path<String>, RawQuery(raw): RawQuery) -> Response {
    let kind = param(&params(raw.as_deref()), "type").filter(|k| !k.is_empty());
    let graph = &app.graph;
    let by_key: Vec<usize> = (0..graph.entities.len()).filter(|&i| graph.entities[i].key == key).collect();
    let chosen: Vec<usize> = match &kind {
        Some(kind) if by_key.iter().any(|&i| &graph.entities[i].kind == kind) => {
            by_key.iter().copied().filter(|&i| &graph.entities[i].kind == kind).collect()
        }
        _ => by_key,
    };
    if chosen.is_empty() {
        return match crate::trace::find_entity(graph, &key) {
            Ok(i) => Redirect::to(&entity_href(&graph.entities[i].key, Some(&graph.entities[i].kind))).into_response(),
            Err(crate::Error::Unknown { .. }) => {
                failure_page(&Failure::NotFound(format!("no entity has the key, label or alias {key:?}; try the search")))
            }
            Err(_) => Redirect::to(&format!("/?q={}", html::query_value(&key))).into_response(),
        };
    }
    let title_key = key.clone();
    let result = app
        .run(move |app, token| {
            let mut body = String::new();
            if chosen.len() > 1 {
                let _ = write!(
                    body,
                    "<p class=\"muted\">{} entities share the key “{}”: {}</p>",
                    chosen.len(),
                    escape(&title_key),
                    chosen
                        .iter()
                        .map(|&i| format!(
                            "<a href=\"{}\">{}</a>",
                            escape(&entity_href(&app.graph.entities[i].key, Some(&app.graph.entities[i].kind))),
                            escape(&app.graph.entities[i].kind)
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for &entity in &chosen {
                body.push_str(&entity_section(app, token, entity)?);
            }
            let label = chosen.first().map(|&i| app.graph.entities[i].label.clone()).unwrap_or_default();
            Ok(html::page(&format!("{label} · gwkg"), "", &body))
        })
        .await;
    match result {
        Ok(page) => html_response(StatusCode::OK, page),
        Err(failure) => failure_page(&failure),
    }
}

// ---------------------------------------------------------------------------------------------
// Report

fn report_meta_query(iri: &str) -> String {
    format!("SELECT ?property ?value WHERE {{\n  GRAPH <{iri}> {{ <{iri}> ?property ?value }}\n}} ORDER BY ?property ?value")
}

fn sections_query(iri: &str) -> String {
    format!(
        "SELECT ?section ?kind ?heading ?start (GROUP_CONCAT(DISTINCT STR(?year); SEPARATOR=\",\") AS ?years) WHERE {{\n  \
         GRAPH <{iri}> {{\n    <{iri}> gw:hasSection ?section .\n    ?section gw:sectionKind ?kind ; gw:start ?start .\n    \
         OPTIONAL {{ ?section gw:heading ?heading }}\n    OPTIONAL {{ ?section gw:aboutYear ?year }}\n  }}\n}} \
         GROUP BY ?section ?kind ?heading ?start ORDER BY ?start"
    )
}

fn section_entities_query(iri: &str) -> String {
    format!(
        "SELECT ?section ?entity ?class ?key ?label (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{\n  \
         GRAPH <{iri}> {{ ?m gw:mentionOf ?entity ; gw:sentence ?s . ?s gw:inSection ?section . }}\n  \
         GRAPH <{ENTITY_GRAPH}> {{ ?entity a ?class ; gw:key ?key ; rdfs:label ?label . }}\n}} \
         GROUP BY ?section ?entity ?class ?key ?label ORDER BY ?section DESC(?mentions) ?label"
    )
}

fn report_page(app: &App, token: &oxigraph::sparql::CancellationToken, id: &str) -> Result<String, Failure> {
    let iri = crate::rdf::report_iri(id).as_str().to_string();
    let meta_query = report_meta_query(&iri);
    let meta = select(app, token, &meta_query, &["property", "value"])?;
    if meta.is_empty() {
        return Err(Failure::NotFound(format!("no report has the id {id:?}")));
    }
    let value = |iri: &str| meta.iter().find(|r| r[0] == iri).map(|r| r[1].clone()).unwrap_or_default();
    let gw = |local: &str| value(&format!("{}{local}", crate::rdf::GW));
    let dcterms = |local: &str| value(&format!("http://purl.org/dc/terms/{local}"));
    let title = dcterms("title");
    let mut body = format!("<h1>{}</h1>", escape(if title.is_empty() { id } else { &title }));
    let _ = write!(body, "<h2>Report {}</h2><dl class=\"facts\">", sparql_link(&meta_query));
    let speaker = format!("{} {}", gw("speakerRole"), gw("speakerName")).trim().to_string();
    for (name, text) in [
        ("id", id.to_string()),
        ("date", dcterms("date")),
        ("report year", gw("reportYear")),
        ("kind", gw("reportKind")),
        ("speaker", speaker),
        ("meeting", gw("meeting")),
        ("region", gw("region")),
        ("source file", dcterms("source")),
        ("characters", gw("characterCount")),
    ] {
        if !text.is_empty() {
            let _ = write!(body, "<dt>{name}</dt><dd>{}</dd>", escape(&text));
        }
    }
    body.push_str("</dl>");
    let sections_q = sections_query(&iri);
    let sections = select(app, token, &sections_q, &["section", "kind", "heading", "start", "years"])?;
    let entities_q = section_entities_query(&iri);
    let entities = select(app, token, &entities_q, &["section", "entity", "class", "key", "label", "mentions"])?;
    let _ = write!(
        body,
        "<h2>Entities by section {} {}</h2>",
        sparql_link(&entities_q),
        sparql_link(&sections_q).replace(">SPARQL<", ">sections<")
    );
    for (n, section) in sections.iter().enumerate() {
        let mut years: Vec<&str> = section[4].split(',').filter(|y| !y.is_empty()).collect();
        years.sort_unstable();
        let years = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let _ = write!(
            body,
            "<h3>{}. {} <span class=\"kind\">{}</span> <small class=\"muted\">{}</small></h3>",
            n + 1,
            escape(if section[2].is_empty() { &section[1] } else { &section[2] }),
            escape(&section[1]),
            escape(&years)
        );
        let here: Vec<&Vec<String>> = entities.iter().filter(|e| e[0] == section[0]).collect();
        if here.is_empty() {
            body.push_str("<p class=\"muted\">No entities.</p>");
            continue;
        }
        for kind in ["programme", "project", "place", "institution"] {
            let of_kind: Vec<&&Vec<String>> = here.iter().filter(|e| class_kind(&e[2]) == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = write!(body, "<p><span class=\"kind\">{kind}</span> ");
            for e in of_kind {
                let count = if e[5] == "1" { String::new() } else { format!(" <span class=\"muted\">×{}</span>", escape(&e[5])) };
                let _ = write!(
                    body,
                    "<a class=\"chip\" href=\"{}\">{}{count}</a> ",
                    escape(&entity_href(&e[3], Some(kind))),
                    escape(&e[4])
                );
            }
            body.push_str("</p>");
        }
    }
    Ok(html::page(&format!("{} · gwkg", if title.is_empty() { id } else { &title }), "", &body))
}

/// `GET /report/{id}`.
pub async fn report(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    if id.is_empty() || id.contains(['<', '>', '"', '{', '}', '|', '\\', '^', '`', ' ']) {
        return failure_page(&Failure::NotFound(format!("no report has the id {id:?}")));
    }
    match app.run(move |app, token| report_page(app, token, &id)).await {
        Ok(page) => html_response(StatusCode::OK, page),
        Err(failure) => failure_page(&failure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparql_strings_are_escaped() {
        assert_eq!(sparql_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(sparql_string("重庆}"), "\"重庆}\"");
    }

    #[test]
    fn search_terms_strip_quotes_and_simplify() {
        assert_eq!(search_terms(" “1361” "), vec!["1361".to_string()]);
        let terms = search_terms("數字重慶");
        assert!(terms.contains(&"数字重庆".to_string()), "{terms:?}");
        assert!(search_terms("  ").is_empty());
    }

    #[test]
    fn the_mention_is_marked() {
        let entry = TimelineEntry {
            year: 2024,
            years: vec![2024],
            report: "r".into(),
            report_date: String::new(),
            section: "plan".into(),
            stage: None,
            verb: None,
            surface: "<b>1361</b>".into(),
            sentence: "优化<b>1361</b>整体".into(),
            start: 0,
            end: 0,
            offset_in_sentence: 2,
            quantities: vec![],
        };
        assert_eq!(highlighted(&entry), "优化<mark>&lt;b&gt;1361&lt;/b&gt;</mark>整体");
        let shifted = TimelineEntry { offset_in_sentence: 0, ..entry };
        assert_eq!(highlighted(&shifted), "优化<mark>&lt;b&gt;1361&lt;/b&gt;</mark>整体");
    }
}
