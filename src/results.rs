//! Printing SPARQL results: the standard result formats through oxigraph's serialisers, a
//! terminal table that lines up Chinese text, and Turtle for CONSTRUCT and DESCRIBE.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use crate::error::{Error, Result};
use crate::rdf::PREFIXES;

/// Output formats of `gwkg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
}

fn io_error(e: impl std::fmt::Display) -> Error {
    Error::Other(format!("writing results: {e}"))
}

/// Writes query results in the format asked for.
pub fn write(results: QueryResults, format: ResultFormat, mut out: impl Write) -> Result<()> {
    match results {
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
            for (prefix, iri) in PREFIXES {
                serializer = serializer.with_prefix(prefix, iri).map_err(io_error)?;
            }
            let mut writer = serializer.for_writer(out);
            for triple in triples {
                let triple = triple.map_err(|e| Error::Query { detail: e.to_string() })?;
                writer.serialize_triple(triple.as_ref()).map_err(io_error)?;
            }
            writer.finish().map_err(io_error)?;
        }
        QueryResults::Boolean(value) => match standard(format) {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, value).map_err(io_error)?;
            }
            None => writeln!(out, "{value}").map_err(io_error)?,
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match standard(format) {
                Some(f) => {
                    let mut writer =
                        QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(out, variables).map_err(io_error)?;
                    for solution in solutions {
                        let solution = solution.map_err(|e| Error::Query { detail: e.to_string() })?;
                        writer.serialize(&solution).map_err(io_error)?;
                    }
                    writer.finish().map_err(io_error)?;
                }
                None => {
                    let mut rows = vec![variables.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>()];
                    for solution in solutions {
                        let solution = solution.map_err(|e| Error::Query { detail: e.to_string() })?;
                        rows.push(variables.iter().map(|v| solution.get(v).map(short_term).unwrap_or_default()).collect());
                    }
                    let count = rows.len() - 1;
                    out.write_all(crate::table::render(&rows).as_bytes()).map_err(io_error)?;
                    writeln!(out, "({count} row{})", if count == 1 { "" } else { "s" }).map_err(io_error)?;
                }
            }
        }
    }
    Ok(())
}

fn standard(format: ResultFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultFormat::Table => None,
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
    }
}

/// A term as a reader wants it in a table: prefixed IRIs, plain literal values.
pub fn short_term(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => {
            let iri = node.as_str();
            for (prefix, base) in PREFIXES {
                if let Some(local) = iri.strip_prefix(base) {
                    return format!("{prefix}:{local}");
                }
            }
            if let Some(local) = iri.strip_prefix(crate::rdf::ID) {
                return format!("id:{local}");
            }
            format!("<{iri}>")
        }
        Term::Literal(literal) => literal.value().replace('\n', " "),
        other => other.to_string(),
    }
}
