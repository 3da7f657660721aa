//! Graphviz DOT of the lineage graph: years as ranks from left to right, one node per yearly
//! state, `Next` edges along each entity's row, one edge style per relation, and a legend.
//! Labels are escaped for DOT; the font list starts with CJK fonts so Chinese renders.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::lineage_graph::{LineageGraph, Relation};

/// Fonts tried in order by Graphviz (fontconfig): CJK first, then a generic fallback.
pub const FONT: &str = "Noto Sans CJK SC,WenQuanYi Zen Hei,Source Han Sans SC,sans-serif";

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn style(relation: Relation) -> (&'static str, &'static str) {
    match relation {
        Relation::HasComponent => ("solid", "#2b8a3e"),
        Relation::PartOf => ("dotted", "#2b8a3e"),
        Relation::RenamedTo => ("dashed", "#c92a2a"),
        Relation::RevisionOf => ("bold", "#1864ab"),
        Relation::ParentOrganization => ("dotted", "#862e9c"),
    }
}

/// A stable node id for an entity's state in one year (independent of graph indices, so that
/// the committed gallery only changes when the lineage does).
fn state_id(graph: &LineageGraph, entity: usize, node: petgraph::stable_graph::NodeIndex) -> String {
    let info = &graph.entities[entity];
    let year = graph.state(node).map_or(0, |s| s.year);
    format!("\"{}/{}@{year}\"", info.kind, escape(&info.key))
}

/// The node id of an entity that has no dated state.
fn entity_id(graph: &LineageGraph, entity: usize) -> String {
    let info = &graph.entities[entity];
    format!("\"{}/{}\"", info.kind, escape(&info.key))
}

/// DOT for the given entities (their states and the relations among them).
pub fn render(graph: &LineageGraph, entities: &[usize], title: &str) -> String {
    let chosen: BTreeSet<usize> = entities.iter().copied().collect();
    let mut out = String::new();
    let _ = writeln!(out, "digraph lineage {{");
    let _ = writeln!(out, "  graph [rankdir=LR, fontname=\"{FONT}\", label=\"{}\", labelloc=t, newrank=true];", escape(title));
    let _ = writeln!(out, "  node [fontname=\"{FONT}\", shape=box, style=\"rounded,filled\", fillcolor=\"#f8f9fa\"];");
    let _ = writeln!(out, "  edge [fontname=\"{FONT}\", fontsize=10];");
    let years: BTreeSet<i32> = chosen
        .iter()
        .flat_map(|&e| graph.states[e].iter().filter_map(|&n| graph.state(n).map(|s| s.year)))
        .collect();
    // The time axis: one node per year, chained, each year a rank.
    let _ = writeln!(out, "  subgraph axis {{ node [shape=plaintext, style=\"\", fontsize=16];");
    for y in &years {
        let _ = writeln!(out, "    y{y} [label=\"{y}\"];");
    }
    let chain: Vec<String> = years.iter().map(|y| format!("y{y}")).collect();
    if chain.len() > 1 {
        let _ = writeln!(out, "    {} [style=invis];", chain.join(" -> "));
    }
    let _ = writeln!(out, "  }}");
    for &e in &chosen {
        let info = &graph.entities[e];
        for &node in &graph.states[e] {
            let Some(state) = graph.state(node) else { continue };
            let mut label = format!("{}\\n{} · {}", escape(&info.label), state.year, info.kind);
            if !state.verbs.is_empty() || !state.stages.is_empty() {
                let _ = write!(label, "\\n{} {}", escape(&state.stages.join("/")), escape(&state.verbs.join("、")));
            }
            if !state.quantities.is_empty() {
                let _ = write!(label, "\\n{}", escape(&state.quantities.iter().take(3).cloned().collect::<Vec<_>>().join("、")));
            }
            let id = state_id(graph, e, node);
            let _ = writeln!(out, "  {id} [label=\"{label}\"];");
            let _ = writeln!(out, "  {{ rank=same; y{}; {id}; }}", state.year);
        }
        if graph.states[e].is_empty() {
            // Known only through a relation (a component spelled out in the text): one undated node.
            let _ = writeln!(out, "  {} [label=\"{}\\n{}\", style=\"rounded,dashed\"];", entity_id(graph, e), escape(&info.label), info.kind);
        }
        for pair in graph.states[e].windows(2) {
            let _ = writeln!(out, "  {} -> {} [color=\"#868e96\"];", state_id(graph, e, pair[0]), state_id(graph, e, pair[1]));
        }
    }
    for &e in &chosen {
        for (relation, other, outgoing) in graph.relations_of(e) {
            if !outgoing || !chosen.contains(&other) {
                continue;
            }
            let from = graph.states[e].last().map_or_else(|| entity_id(graph, e), |&n| state_id(graph, e, n));
            let to = graph.states[other].first().map_or_else(|| entity_id(graph, other), |&n| state_id(graph, other, n));
            let (line, color) = style(relation);
            let _ = writeln!(
                out,
                "  {from} -> {to} [style={line}, color=\"{color}\", label=\"{}\", constraint=false];",
                relation.label()
            );
        }
    }
    // A compact legend: one table node, each relation in its edge colour and style name.
    let mut rows = String::from("<tr><td align=\"left\"><b>legend</b></td></tr><tr><td align=\"left\"><font color=\"#868e96\">──▶ next year</font></td></tr>");
    for relation in [Relation::HasComponent, Relation::PartOf, Relation::RenamedTo, Relation::RevisionOf, Relation::ParentOrganization] {
        let (line, color) = style(relation);
        let glyph = match line {
            "dotted" => "┈┈▶",
            "dashed" => "╌╌▶",
            "bold" => "━━▶",
            _ => "──▶",
        };
        let _ = write!(rows, "<tr><td align=\"left\"><font color=\"{color}\">{glyph} {}</font></td></tr>", relation.label());
    }
    let _ = writeln!(out, "  legend [shape=plaintext, style=\"\", fontsize=9, label=<<table border=\"0\" cellspacing=\"0\">{rows}</table>>];");
    let _ = writeln!(out, "}}");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_are_escaped() {
        assert_eq!(super::escape("“1361”\"a\"\\"), "“1361”\\\"a\\\"\\\\");
    }
}
