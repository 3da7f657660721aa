//! The RDF view of the knowledge: IRIs, vocabulary, and the quads of each graph.
//!
//! One named graph per report (its IRI) holds the report, its sections, the sentences that
//! carry mentions and the mentions; the graph `…/id/graph/entities` holds entity descriptions
//! and lineage relations; `…/id/graph/ontology` holds `ontology/gwkg.ttl`. Each mention costs
//! 8 triples (type, entity, report, surface, sentence, start, end, and one `gw:aboutYear` per
//! year), plus stage, verb and quantities when lineage finds them; sentence text is stored once
//! per sentence, not per mention. See ARCHITECTURE.md for the cost per mention.

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

use crate::extract::EntityKind;
use crate::lineage::{Lineage, RelationKind};
use crate::pipeline::Knowledge;
use crate::report::Report;

pub const GW: &str = "https://w3id.org/gwkg/ontology#";
pub const ID: &str = "https://w3id.org/gwkg/id/";
pub const ENTITY_GRAPH: &str = "https://w3id.org/gwkg/id/graph/entities";
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/gwkg/id/graph/ontology";
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/gwkg.ttl");
const DCTERMS: &str = "http://purl.org/dc/terms/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const PROV: &str = "http://www.w3.org/ns/prov#";

/// Prefixes predeclared for queries and used when printing Turtle.
pub const PREFIXES: [(&str, &str); 8] = [
    ("gw", GW),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("prov", PROV),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
];

fn node(iri: String) -> NamedNode {
    NamedNode::new(iri.clone()).unwrap_or_else(|_| NamedNode::new_unchecked(percent_encode(&iri)))
}

fn gw(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{GW}{local}"))
}

fn ns(base: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}{local}"))
}

/// Percent-encodes what an IRI may not contain (kept as a fallback; keys are made IRI-safe).
fn percent_encode(iri: &str) -> String {
    let mut out = String::with_capacity(iri.len());
    for c in iri.chars() {
        if c.is_control() || c.is_whitespace() || "<>\"{}|\\^`".contains(c) {
            let mut buffer = [0u8; 4];
            for b in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn report_iri(report_id: &str) -> NamedNode {
    node(format!("{ID}report/{report_id}"))
}

pub fn entity_iri(kind: EntityKind, key: &str) -> NamedNode {
    node(format!("{ID}{}/{key}", kind.as_str()))
}

fn year(y: i32) -> Literal {
    Literal::new_typed_literal(format!("{y:04}"), xsd::G_YEAR)
}

fn integer(n: impl ToString) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn string(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

/// Collects quads for one graph.
struct GraphWriter<'a> {
    graph: GraphName,
    out: &'a mut Vec<Quad>,
}

impl GraphWriter<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.out.push(Quad::new(s.clone(), p, o.into(), self.graph.clone()));
    }
}

/// All quads of the knowledge graph (without the ontology graph).
pub fn quads(knowledge: &Knowledge, lineage: &Lineage) -> Vec<Quad> {
    let mut out = Vec::with_capacity(knowledge.resolved.mentions.len() * 10 + knowledge.resolved.entities.len() * 8);
    for (index, report) in knowledge.reports.iter().enumerate() {
        report_quads(knowledge, lineage, index, report, &mut out);
    }
    entity_quads(knowledge, lineage, &mut out);
    out
}

fn report_quads(knowledge: &Knowledge, lineage: &Lineage, index: usize, report: &Report, out: &mut Vec<Quad>) {
    let r = report_iri(&report.id);
    let mut g = GraphWriter { graph: GraphName::NamedNode(r.clone()), out };
    g.add(&r, rdf::TYPE.into_owned(), gw("Report"));
    g.add(&r, ns(DCTERMS, "title"), string(&report.title));
    if let Some(date) = report.date {
        g.add(&r, ns(DCTERMS, "date"), Literal::new_typed_literal(date.to_string(), xsd::DATE));
    }
    g.add(&r, gw("reportYear"), year(report.report_year));
    g.add(&r, gw("reportKind"), string(report.kind.as_str()));
    if let Some(speaker) = &report.speaker {
        g.add(&r, gw("speakerName"), string(&speaker.name));
        if !speaker.role.is_empty() {
            g.add(&r, gw("speakerRole"), string(&speaker.role));
        }
    }
    if let Some(meeting) = &report.meeting {
        g.add(&r, gw("meeting"), string(meeting));
    }
    if let Some(region) = &report.region {
        g.add(&r, gw("region"), string(region));
    }
    let file_name = report.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    g.add(&r, ns(DCTERMS, "source"), string(&file_name));
    g.add(&r, gw("characterCount"), integer(report.text.char_len()));
    let section_iri = |n: usize| node(format!("{ID}report/{}/section/{n}", report.id));
    for (n, section) in report.sections.iter().enumerate() {
        let s = section_iri(n);
        g.add(&r, gw("hasSection"), s.clone());
        g.add(&s, rdf::TYPE.into_owned(), gw("Section"));
        g.add(&s, gw("sectionKind"), string(section.kind.as_str()));
        if !section.heading.is_empty() {
            g.add(&s, gw("heading"), string(&section.heading));
        }
        for y in &section.about_years {
            g.add(&s, gw("aboutYear"), year(*y));
        }
        g.add(&s, gw("start"), integer(section.start));
        g.add(&s, gw("end"), integer(section.end));
        g.add(&s, gw("inReport"), r.clone());
    }
    let mut written_sentence = vec![false; report.sentences.len()];
    for (m_index, m) in knowledge.resolved.mentions.iter().enumerate().filter(|(_, m)| m.report == index) {
        let sentence = &report.sentences[m.sentence];
        let s = node(format!("{ID}report/{}/sentence/{}", report.id, m.sentence));
        if !written_sentence[m.sentence] {
            written_sentence[m.sentence] = true;
            g.add(&s, rdf::TYPE.into_owned(), gw("Sentence"));
            g.add(&s, rdf::VALUE.into_owned(), string(sentence.text(&report.text.text)));
            g.add(&s, gw("start"), integer(sentence.start));
            g.add(&s, gw("end"), integer(sentence.end));
            g.add(&s, gw("inSection"), section_iri(report.sentence_section[m.sentence] as usize));
        }
        let entity = &knowledge.resolved.entities[m.entity];
        let mention = node(format!("{ID}report/{}/mention/{}-{}", report.id, m.start, m.end));
        g.add(&mention, rdf::TYPE.into_owned(), gw("Mention"));
        g.add(&mention, gw("mentionOf"), entity_iri(entity.kind, &entity.key));
        g.add(&mention, gw("inReport"), r.clone());
        for y in &m.years {
            g.add(&mention, gw("aboutYear"), year(*y));
        }
        g.add(&mention, gw("surface"), string(&m.surface));
        g.add(&mention, gw("sentence"), s);
        g.add(&mention, gw("start"), integer(m.start));
        g.add(&mention, gw("end"), integer(m.end));
        let facts = &lineage.facts[m_index];
        if let Some(stage) = facts.stage {
            g.add(&mention, gw("stage"), string(stage.as_str()));
        }
        if let Some(verb) = &facts.verb {
            g.add(&mention, gw("verb"), string(verb));
        }
        for q in &facts.quantities {
            g.add(&mention, gw("quantity"), string(q));
        }
    }
}

fn entity_quads(knowledge: &Knowledge, lineage: &Lineage, out: &mut Vec<Quad>) {
    let mut g = GraphWriter { graph: GraphName::NamedNode(NamedNode::new_unchecked(ENTITY_GRAPH)), out };
    let entities = &knowledge.resolved.entities;
    for e in entities {
        let s = entity_iri(e.kind, &e.key);
        g.add(&s, rdf::TYPE.into_owned(), gw(e.kind.class()));
        g.add(&s, rdfs::LABEL.into_owned(), zh(&e.label));
        for alias in &e.aliases {
            g.add(&s, ns(SKOS, "altLabel"), zh(alias));
        }
        g.add(&s, gw("key"), string(&e.key));
        if let Some(code) = &e.code {
            g.add(&s, gw("divisionCode"), string(code));
        }
        if let Some(kind) = e.place_kind {
            g.add(&s, gw("placeKind"), string(kind));
        }
        if let (Some(first), Some(last)) = (e.years.first(), e.years.last()) {
            g.add(&s, gw("firstYear"), year(*first));
            g.add(&s, gw("lastYear"), year(*last));
        }
        g.add(&s, gw("mentionCount"), integer(e.mentions.len()));
        if let Some(parent) = &e.parent {
            g.add(&s, gw("parentOrganization"), entity_iri(e.kind, parent));
        }
    }
    for relation in &lineage.relations {
        let (from, to) = (&entities[relation.from], &entities[relation.to]);
        let predicate = match relation.kind {
            RelationKind::HasComponent => gw("hasComponent"),
            RelationKind::PartOf => gw("partOf"),
            RelationKind::RenamedTo => gw("renamedTo"),
            RelationKind::RevisionOf => ns(PROV, "wasRevisionOf"),
        };
        g.add(&entity_iri(from.kind, &from.key), predicate, entity_iri(to.kind, &to.key));
    }
}
