//! The SPARQL 1.1 Protocol endpoint (queries only).
//!
//! Requests: `GET /sparql?query=…`, `POST` with `application/x-www-form-urlencoded` (`query=…`)
//! or with `application/sparql-query` (the body is the query); `default-graph-uri` and
//! `named-graph-uri` set the dataset (without them the default graph is the union of all graphs).
//!
//! Answers by `Accept` (highest q wins, ties go to the first listed; an `Accept` that matches
//! nothing gets the first):
//! * SELECT and ASK: SPARQL JSON (default), SPARQL XML, CSV, TSV, or an HTML table;
//! * CONSTRUCT and DESCRIBE: Turtle (default), N-Triples, RDF/XML, JSON-LD, N-Quads, TriG, or
//!   an HTML table.
//!
//! Refusals: any `update` parameter or an `application/sparql-update` body → 403; a missing or
//! malformed query → 400 with the parser's message; another body type → 415; the time limit →
//! 503; more than `--max-results` rows or triples → 500 with a message (results are never cut
//! short silently). Results are serialised in memory on the blocking pool, so a failure midway
//! still gets its status code.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryDataset, QueryResults};

use super::html::{self, escape};
use super::{App, Failure, execute};
use crate::rdf::PREFIXES;

/// The dataset named by `default-graph-uri` and `named-graph-uri`.
#[derive(Default, Debug, Clone)]
pub struct Dataset {
    pub default: Vec<NamedNode>,
    pub named: Vec<NamedNode>,
}

impl Dataset {
    pub fn is_empty(&self) -> bool {
        self.default.is_empty() && self.named.is_empty()
    }

    pub fn apply(&self, dataset: &mut QueryDataset) {
        dataset.set_default_graph(self.default.iter().cloned().map(GraphName::NamedNode).collect());
        if !self.named.is_empty() {
            dataset.set_available_named_graphs(self.named.iter().cloned().map(NamedOrBlankNode::NamedNode).collect());
        }
    }
}

/// A query request after the protocol has been read.
#[derive(Debug)]
pub struct Request {
    pub query: String,
    pub dataset: Dataset,
}

const READ_ONLY: &str = "gwkg serve is read-only: SPARQL Update is refused. Change the data with `gwkg build` or `gwkg add` instead.";

/// Reads `query`, `default-graph-uri` and `named-graph-uri` from form-encoded parameters; an
/// `update` parameter is refused.
fn from_params(pairs: &[(String, String)], query_override: Option<String>) -> Result<Option<Request>, Failure> {
    if pairs.iter().any(|(k, _)| k == "update") {
        return Err(Failure::Forbidden(READ_ONLY.into()));
    }
    let mut queries = pairs.iter().filter(|(k, _)| k == "query").map(|(_, v)| v.clone());
    let query = match query_override {
        Some(query) => Some(query),
        None => {
            let first = queries.next();
            if queries.next().is_some() {
                return Err(Failure::BadRequest("give exactly one `query` parameter".into()));
            }
            first
        }
    };
    let iris = |name: &str| -> Result<Vec<NamedNode>, Failure> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| NamedNode::new(v.trim()).map_err(|e| Failure::BadRequest(format!("{name} {v:?} is not an IRI: {e}"))))
            .collect()
    };
    let dataset = Dataset { default: iris("default-graph-uri")?, named: iris("named-graph-uri")? };
    Ok(query.map(|query| Request { query, dataset }))
}

fn parse_form(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The media type of a request body, lower-cased, without parameters.
fn content_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
}

/// `GET /sparql`.
pub async fn get(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let pairs = parse_form(raw.as_deref().unwrap_or_default().as_bytes());
    match from_params(&pairs, None) {
        Ok(Some(request)) => answer(app, request, &headers).await,
        Ok(None) if wants_html(&headers) => html_response(StatusCode::OK, &query_page("", None)),
        Ok(None) => Failure::BadRequest(
            "missing `query` parameter: send GET /sparql?query=… or POST a query (application/x-www-form-urlencoded or application/sparql-query)"
                .into(),
        )
        .plain(),
        Err(failure) => failure.plain(),
    }
}

/// `POST /sparql`.
pub async fn post(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap, body: Bytes) -> Response {
    let url_pairs = parse_form(raw.as_deref().unwrap_or_default().as_bytes());
    let request = match content_type(&headers).as_deref() {
        Some("application/x-www-form-urlencoded") => {
            let mut pairs = parse_form(&body);
            // Refuse an update named in the URL too.
            if url_pairs.iter().any(|(k, _)| k == "update") {
                pairs.extend(url_pairs);
            }
            from_params(&pairs, None)
        }
        Some("application/sparql-query") => match String::from_utf8(body.to_vec()) {
            Ok(text) => from_params(&url_pairs, Some(text)),
            Err(_) => Err(Failure::BadRequest("the query is not UTF-8 text".into())),
        },
        Some("application/sparql-update") => Err(Failure::Forbidden(READ_ONLY.into())),
        other => Err(Failure::UnsupportedMediaType(format!(
            "unsupported request body type {}: POST application/x-www-form-urlencoded (query=…) or application/sparql-query",
            other.map(|t| format!("{t:?}")).unwrap_or_else(|| "(none)".into())
        ))),
    };
    match request {
        Ok(Some(request)) => answer(app, request, &headers).await,
        Ok(None) => Failure::BadRequest("missing `query` parameter".into()).plain(),
        Err(failure) => failure.plain(),
    }
}

/// An output format chosen by negotiation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Results(QueryResultsFormat),
    Rdf(RdfFormat),
    Html,
}

const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// Offers for SELECT and ASK results, in order of preference.
const SOLUTION_OFFERS: &[(&str, Output)] = &[
    ("application/sparql-results+json", Output::Results(QueryResultsFormat::Json)),
    ("application/json", Output::Results(QueryResultsFormat::Json)),
    ("application/sparql-results+xml", Output::Results(QueryResultsFormat::Xml)),
    ("application/xml", Output::Results(QueryResultsFormat::Xml)),
    ("text/xml", Output::Results(QueryResultsFormat::Xml)),
    ("text/csv", Output::Results(QueryResultsFormat::Csv)),
    ("text/tab-separated-values", Output::Results(QueryResultsFormat::Tsv)),
    ("text/html", Output::Html),
];

/// Offers for CONSTRUCT and DESCRIBE results, in order of preference.
const GRAPH_OFFERS: &[(&str, Output)] = &[
    ("text/turtle", Output::Rdf(RdfFormat::Turtle)),
    ("application/x-turtle", Output::Rdf(RdfFormat::Turtle)),
    ("application/n-triples", Output::Rdf(RdfFormat::NTriples)),
    ("application/rdf+xml", Output::Rdf(RdfFormat::RdfXml)),
    ("application/ld+json", Output::Rdf(JSON_LD)),
    ("application/json", Output::Rdf(JSON_LD)),
    ("application/n-quads", Output::Rdf(RdfFormat::NQuads)),
    ("application/trig", Output::Rdf(RdfFormat::TriG)),
    ("text/plain", Output::Rdf(RdfFormat::NTriples)),
    ("text/html", Output::Html),
];

/// The quality an `Accept` header gives a media type: the most specific matching range wins.
fn quality(ranges: &[(String, String, f32)], media: &str) -> f32 {
    let (kind, subtype) = media.split_once('/').unwrap_or((media, ""));
    let mut best: Option<(u8, f32)> = None;
    for (range_kind, range_subtype, q) in ranges {
        let specificity = match (range_kind.as_str(), range_subtype.as_str()) {
            ("*", "*") => 0,
            (k, "*") if k == kind => 1,
            (k, s) if k == kind && s == subtype => 2,
            _ => continue,
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, *q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// The media ranges of an `Accept` header: (type, subtype, q), lower-cased.
fn accept_ranges(headers: &HeaderMap) -> Vec<(String, String, f32)> {
    let mut ranges = Vec::new();
    for value in headers.get_all(header::ACCEPT) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let Some((kind, subtype)) = media.split_once('/') else { continue };
            let mut q = 1.0f32;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=')
                    && name.trim().eq_ignore_ascii_case("q")
                {
                    q = value.trim().parse::<f32>().ok().filter(|q| q.is_finite()).unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
            ranges.push((kind.trim().to_string(), subtype.trim().to_string(), q));
        }
    }
    ranges
}

/// Picks the offer the client prefers; the first offer when there is no `Accept` or nothing fits.
pub fn negotiate(headers: &HeaderMap, offers: &[(&str, Output)]) -> Output {
    let ranges = accept_ranges(headers);
    let mut chosen = offers[0].1;
    if ranges.is_empty() {
        return chosen;
    }
    let mut best = 0.0f32;
    for (media, output) in offers {
        let q = quality(&ranges, media);
        if q > best {
            best = q;
            chosen = *output;
        }
    }
    chosen
}

/// Whether a browser is asking (HTML preferred over the SPARQL formats).
fn wants_html(headers: &HeaderMap) -> bool {
    negotiate(headers, SOLUTION_OFFERS) == Output::Html
}

fn results_media_type(format: QueryResultsFormat) -> &'static str {
    match format {
        QueryResultsFormat::Json => "application/sparql-results+json",
        QueryResultsFormat::Xml => "application/sparql-results+xml; charset=utf-8",
        QueryResultsFormat::Csv => "text/csv; charset=utf-8",
        QueryResultsFormat::Tsv => "text/tab-separated-values; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn rdf_media_type(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::Turtle => "text/turtle; charset=utf-8",
        RdfFormat::NTriples => "application/n-triples",
        RdfFormat::RdfXml => "application/rdf+xml; charset=utf-8",
        RdfFormat::JsonLd { .. } => "application/ld+json",
        RdfFormat::NQuads => "application/n-quads",
        RdfFormat::TriG => "application/trig; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn io_failure(e: impl std::fmt::Display) -> Failure {
    Failure::Internal(format!("writing results: {e}"))
}

/// Rows shown in the HTML view at most.
const HTML_ROWS: usize = 1000;

/// Counts one more result row or triple, refusing it past the size limit or after the time limit.
fn guard(count: &mut usize, limit: usize, token: &oxigraph::sparql::CancellationToken, timeout: std::time::Duration) -> Result<(), Failure> {
    *count += 1;
    if *count > limit {
        return Err(Failure::TooLarge(limit));
    }
    if token.is_cancelled() {
        return Err(Failure::Timeout(timeout));
    }
    Ok(())
}

/// Evaluates a request and serialises its results: (content type, body).
fn evaluate(
    app: &App,
    token: &oxigraph::sparql::CancellationToken,
    request: &Request,
    headers: &HeaderMap,
) -> Result<(&'static str, Vec<u8>), Failure> {
    let results = execute(&app.db, &request.query, &request.dataset, token, &app.limits)?;
    let limit = app.limits.max_results;
    let failure = |e| Failure::from_evaluation(e, &app.limits);
    match results {
        QueryResults::Boolean(value) => match negotiate(headers, SOLUTION_OFFERS) {
            Output::Results(format) => {
                let out = QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(Vec::new(), value).map_err(io_failure)?;
                Ok((results_media_type(format), out))
            }
            _ => Ok(("text/html; charset=utf-8", query_page(&request.query, Some(&html::boolean_table(value))).into_bytes())),
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match negotiate(headers, SOLUTION_OFFERS) {
                Output::Results(format) => {
                    let mut writer = QueryResultsSerializer::from_format(format)
                        .serialize_solutions_to_writer(Vec::new(), variables)
                        .map_err(io_failure)?;
                    let mut count = 0usize;
                    for solution in solutions {
                        let solution = solution.map_err(failure)?;
                        guard(&mut count, limit, token, app.limits.timeout)?;
                        writer.serialize(&solution).map_err(io_failure)?;
                    }
                    Ok((results_media_type(format), writer.finish().map_err(io_failure)?))
                }
                _ => {
                    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                    let mut rows = Vec::new();
                    let mut more = false;
                    for solution in solutions {
                        let solution = solution.map_err(failure)?;
                        if rows.len() >= HTML_ROWS.min(limit) {
                            more = true;
                            break;
                        }
                        rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect::<Vec<_>>());
                    }
                    let table = html::term_table(&header, &rows, more);
                    Ok(("text/html; charset=utf-8", query_page(&request.query, Some(&table)).into_bytes()))
                }
            }
        }
        QueryResults::Graph(triples) => match negotiate(headers, GRAPH_OFFERS) {
            Output::Rdf(format) => {
                let mut serializer = RdfSerializer::from_format(format);
                for (prefix, iri) in PREFIXES {
                    serializer = serializer.with_prefix(prefix, iri).map_err(io_failure)?;
                }
                let mut writer = serializer.for_writer(Vec::new());
                let mut count = 0usize;
                for triple in triples {
                    let triple = triple.map_err(failure)?;
                    guard(&mut count, limit, token, app.limits.timeout)?;
                    writer.serialize_triple(triple.as_ref()).map_err(io_failure)?;
                }
                Ok((rdf_media_type(format), writer.finish().map_err(io_failure)?))
            }
            _ => {
                let header = vec!["subject".to_string(), "predicate".into(), "object".into()];
                let mut rows = Vec::new();
                let mut more = false;
                for triple in triples {
                    let triple = triple.map_err(failure)?;
                    if rows.len() >= HTML_ROWS.min(limit) {
                        more = true;
                        break;
                    }
                    rows.push(vec![Some(triple.subject.into()), Some(triple.predicate.into()), Some(triple.object)]);
                }
                let table = html::term_table(&header, &rows, more);
                Ok(("text/html; charset=utf-8", query_page(&request.query, Some(&table)).into_bytes()))
            }
        },
    }
}

/// Evaluates on the blocking pool and builds the HTTP answer.
async fn answer(app: Arc<App>, request: Request, headers: &HeaderMap) -> Response {
    let html = wants_html(headers);
    let headers_for_work = headers.clone();
    let query = request.query.clone();
    match app.run(move |app, token| evaluate(app, token, &request, &headers_for_work)).await {
        Ok((media_type, body)) => {
            let mut response = (StatusCode::OK, body).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
            response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
            response
        }
        Err(failure) if html => {
            let note = format!("<p class=\"error\">{} {}</p>", failure.status().as_u16(), escape(&failure.message()));
            html_response(failure.status(), &query_page(&query, Some(&note)))
        }
        Err(failure) => failure.plain(),
    }
}

fn html_response(status: StatusCode, page: &str) -> Response {
    let mut response = (status, page.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// The query page of the HTML view: a form and, after a run, the results.
fn query_page(query: &str, results: Option<&str>) -> String {
    let mut body = String::new();
    let prefixes: Vec<String> = PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect();
    let _ = write!(
        body,
        "<h1>SPARQL</h1>\
         <p class=\"muted\">Prefixes {} are predeclared; the default graph is the union of all graphs. \
         Machines get SPARQL JSON, XML, CSV or TSV (or Turtle, N-Triples, RDF/XML, JSON-LD) from the same URL by <code>Accept</code>.</p>\
         <form method=\"get\" action=\"/sparql\"><textarea name=\"query\" rows=\"10\" spellcheck=\"false\">{}</textarea>\
         <p><button type=\"submit\">Run</button></p></form>",
        escape(&prefixes.join(" ")),
        escape(if query.is_empty() { "SELECT ?entity ?label WHERE {\n  ?entity a gw:Programme ; rdfs:label ?label .\n} LIMIT 20" } else { query })
    );
    if let Some(results) = results {
        body.push_str(results);
    }
    html::page("SPARQL · gwkg", "", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn negotiation_prefers_quality_then_order() {
        assert_eq!(negotiate(&HeaderMap::new(), SOLUTION_OFFERS), Output::Results(QueryResultsFormat::Json));
        assert_eq!(negotiate(&accept("*/*"), SOLUTION_OFFERS), Output::Results(QueryResultsFormat::Json));
        assert_eq!(negotiate(&accept("text/csv"), SOLUTION_OFFERS), Output::Results(QueryResultsFormat::Csv));
        assert_eq!(
            negotiate(&accept("application/sparql-results+json;q=0.5, application/sparql-results+xml"), SOLUTION_OFFERS),
            Output::Results(QueryResultsFormat::Xml)
        );
        assert_eq!(
            negotiate(&accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), SOLUTION_OFFERS),
            Output::Html
        );
        assert_eq!(negotiate(&accept("image/png"), GRAPH_OFFERS), Output::Rdf(RdfFormat::Turtle));
        assert_eq!(negotiate(&accept("application/rdf+xml"), GRAPH_OFFERS), Output::Rdf(RdfFormat::RdfXml));
        assert_eq!(negotiate(&accept("application/ld+json"), GRAPH_OFFERS), Output::Rdf(JSON_LD));
        assert_eq!(negotiate(&accept("text/*;q=0.3, text/turtle;q=0"), GRAPH_OFFERS), Output::Rdf(RdfFormat::NTriples));
        assert_eq!(negotiate(&accept("garbage, ;;, */*;q=abc"), SOLUTION_OFFERS), Output::Results(QueryResultsFormat::Json));
    }

    #[test]
    fn updates_are_refused() {
        let pairs = vec![("update".to_string(), "DROP ALL".to_string())];
        assert!(matches!(from_params(&pairs, None), Err(Failure::Forbidden(_))));
        let pairs = vec![("query".to_string(), "ASK {}".to_string()), ("query".to_string(), "ASK {}".to_string())];
        assert!(matches!(from_params(&pairs, None), Err(Failure::BadRequest(_))));
        let pairs = vec![("default-graph-uri".to_string(), "not an iri".to_string()), ("query".to_string(), "ASK {}".to_string())];
        assert!(matches!(from_params(&pairs, None), Err(Failure::BadRequest(_))));
    }
}
