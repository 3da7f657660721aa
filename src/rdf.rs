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
use rayon::prelude::*;

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

/// Report graphs made at once per thread by [`stream`].
const GRAPHS_PER_THREAD: usize = 4;

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

/// The IRIs every build uses, made once: cloning a made `NamedNode` is one allocation, while
/// `gw("…")` formats and `node(…)` also validates the IRI.
struct Vocabulary {
    rdf_type: NamedNode,
    rdf_value: NamedNode,
    rdfs_label: NamedNode,
    dcterms_title: NamedNode,
    dcterms_date: NamedNode,
    dcterms_source: NamedNode,
    skos_alt_label: NamedNode,
    prov_was_revision_of: NamedNode,
    report: NamedNode,
    section: NamedNode,
    sentence_class: NamedNode,
    mention: NamedNode,
    report_year: NamedNode,
    report_kind: NamedNode,
    speaker_name: NamedNode,
    speaker_role: NamedNode,
    meeting: NamedNode,
    region: NamedNode,
    character_count: NamedNode,
    has_section: NamedNode,
    section_kind: NamedNode,
    heading: NamedNode,
    about_year: NamedNode,
    start: NamedNode,
    end: NamedNode,
    in_report: NamedNode,
    in_section: NamedNode,
    mention_of: NamedNode,
    surface: NamedNode,
    sentence: NamedNode,
    stage: NamedNode,
    verb: NamedNode,
    quantity: NamedNode,
    key: NamedNode,
    division_code: NamedNode,
    place_kind: NamedNode,
    first_year: NamedNode,
    last_year: NamedNode,
    mention_count: NamedNode,
    parent_organization: NamedNode,
    has_component: NamedNode,
    part_of: NamedNode,
    renamed_to: NamedNode,
    classes: [NamedNode; 4],
}

impl Vocabulary {
    fn new() -> Vocabulary {
        Vocabulary {
            rdf_type: rdf::TYPE.into_owned(),
            rdf_value: rdf::VALUE.into_owned(),
            rdfs_label: rdfs::LABEL.into_owned(),
            dcterms_title: ns(DCTERMS, "title"),
            dcterms_date: ns(DCTERMS, "date"),
            dcterms_source: ns(DCTERMS, "source"),
            skos_alt_label: ns(SKOS, "altLabel"),
            prov_was_revision_of: ns(PROV, "wasRevisionOf"),
            report: gw("Report"),
            section: gw("Section"),
            sentence_class: gw("Sentence"),
            mention: gw("Mention"),
            report_year: gw("reportYear"),
            report_kind: gw("reportKind"),
            speaker_name: gw("speakerName"),
            speaker_role: gw("speakerRole"),
            meeting: gw("meeting"),
            region: gw("region"),
            character_count: gw("characterCount"),
            has_section: gw("hasSection"),
            section_kind: gw("sectionKind"),
            heading: gw("heading"),
            about_year: gw("aboutYear"),
            start: gw("start"),
            end: gw("end"),
            in_report: gw("inReport"),
            in_section: gw("inSection"),
            mention_of: gw("mentionOf"),
            surface: gw("surface"),
            sentence: gw("sentence"),
            stage: gw("stage"),
            verb: gw("verb"),
            quantity: gw("quantity"),
            key: gw("key"),
            division_code: gw("divisionCode"),
            place_kind: gw("placeKind"),
            first_year: gw("firstYear"),
            last_year: gw("lastYear"),
            mention_count: gw("mentionCount"),
            parent_organization: gw("parentOrganization"),
            has_component: gw("hasComponent"),
            part_of: gw("partOf"),
            renamed_to: gw("renamedTo"),
            classes: EntityKind::ALL.map(|k| gw(k.class())),
        }
    }

    fn class(&self, kind: EntityKind) -> &NamedNode {
        &self.classes[EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)]
    }
}

/// Collects quads for one graph.
struct GraphWriter<'a> {
    graph: GraphName,
    out: &'a mut Vec<Quad>,
}

impl GraphWriter<'_> {
    fn add(&mut self, s: &NamedNode, p: &NamedNode, o: impl Into<Term>) {
        self.out.push(Quad::new(s.clone(), p.clone(), o.into(), self.graph.clone()));
    }
}

/// All quads of the knowledge graph (without the ontology graph).
pub fn quads(knowledge: &Knowledge, lineage: &Lineage) -> Vec<Quad> {
    let mut out = Vec::with_capacity(knowledge.resolved.mentions.len() * 10 + knowledge.resolved.entities.len() * 8);
    out.extend(stream(knowledge, lineage));
    out
}

/// The quads of [`quads`], in the same order, made a few report graphs at a time (in
/// parallel): a consumer such as the bulk loader holds at most those few graphs' quads beside
/// its own batch.
pub fn stream<'a>(knowledge: &'a Knowledge, lineage: &'a Lineage) -> impl Iterator<Item = Quad> + 'a {
    timed_stream(knowledge, lineage, None)
}

/// [`stream`], adding the time spent making quads to `spent` (for `gwkg bench`, where the
/// consumer's time is measured apart).
pub fn timed_stream<'a>(
    knowledge: &'a Knowledge,
    lineage: &'a Lineage,
    spent: Option<&'a std::cell::Cell<std::time::Duration>>,
) -> impl Iterator<Item = Quad> + 'a {
    let started = std::time::Instant::now();
    let vocabulary = Vocabulary::new();
    let entity_iris: Vec<NamedNode> = knowledge.resolved.entities.iter().map(|e| entity_iri(e.kind, &e.key)).collect();
    // The mentions of each report, in the order of `knowledge.resolved.mentions`.
    let mut by_report: Vec<Vec<usize>> = vec![Vec::new(); knowledge.reports.len()];
    for (index, m) in knowledge.resolved.mentions.iter().enumerate() {
        if let Some(list) = by_report.get_mut(m.report) {
            list.push(index);
        }
    }
    if let Some(spent) = spent {
        spent.set(spent.get() + started.elapsed());
    }
    // Graph `knowledge.reports.len()` is the entity graph. A few graphs are made at once, in
    // parallel, and handed over in order: memory holds at most those few beside the consumer's.
    let graphs = knowledge.reports.len() + 1;
    let at_once = rayon::current_num_threads() * GRAPHS_PER_THREAD;
    (0..graphs).step_by(at_once).flat_map(move |first| {
        let started = spent.map(|_| std::time::Instant::now());
        let graph = Graph { knowledge, lineage, vocabulary: &vocabulary, entity_iris: &entity_iris };
        let chunks: Vec<Vec<Quad>> = (first..(first + at_once).min(graphs))
            .into_par_iter()
            .map(|next| {
                // Room for the quads a report graph usually has, so the chunk is rarely moved.
                let expected = by_report.get(next).map_or(0, |m| m.len() * 14) + knowledge.reports.get(next).map_or(0, |r| r.sections.len() * 8);
                let mut chunk = Vec::with_capacity(expected);
                match knowledge.reports.get(next) {
                    Some(report) => graph.report_quads(report, &by_report[next], &mut chunk),
                    None => graph.entity_quads(&mut chunk),
                }
                chunk
            })
            .collect();
        if let (Some(spent), Some(started)) = (spent, started) {
            spent.set(spent.get() + started.elapsed());
        }
        chunks.into_iter().flatten()
    })
}

/// What making the quads of a graph needs.
struct Graph<'a> {
    knowledge: &'a Knowledge,
    lineage: &'a Lineage,
    vocabulary: &'a Vocabulary,
    /// The IRI of each resolved entity.
    entity_iris: &'a [NamedNode],
}

impl Graph<'_> {
    fn report_quads(&self, report: &Report, mentions: &[usize], out: &mut Vec<Quad>) {
        let v = self.vocabulary;
        let r = report_iri(&report.id);
        // Section, sentence and mention IRIs extend the report's IRI with ASCII path segments;
        // built by appending, they are what `node` would make of the whole string (valid when
        // the report's IRI is, percent-encoded the same way when it is not).
        let below = |path: std::fmt::Arguments| NamedNode::new_unchecked(format!("{}/{path}", r.as_str()));
        let mut g = GraphWriter { graph: GraphName::NamedNode(r.clone()), out };
        g.add(&r, &v.rdf_type, v.report.clone());
        g.add(&r, &v.dcterms_title, string(&report.title));
        if let Some(date) = report.date {
            g.add(&r, &v.dcterms_date, Literal::new_typed_literal(date.to_string(), xsd::DATE));
        }
        g.add(&r, &v.report_year, year(report.report_year));
        g.add(&r, &v.report_kind, string(report.kind.as_str()));
        if let Some(speaker) = &report.speaker {
            g.add(&r, &v.speaker_name, string(&speaker.name));
            if !speaker.role.is_empty() {
                g.add(&r, &v.speaker_role, string(&speaker.role));
            }
        }
        if let Some(meeting) = &report.meeting {
            g.add(&r, &v.meeting, string(meeting));
        }
        if let Some(region) = &report.region {
            g.add(&r, &v.region, string(region));
        }
        let file_name = report.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        g.add(&r, &v.dcterms_source, string(&file_name));
        g.add(&r, &v.character_count, integer(report.text.char_len()));
        let section_iris: Vec<NamedNode> = (0..report.sections.len()).map(|n| below(format_args!("section/{n}"))).collect();
        for (section, s) in report.sections.iter().zip(&section_iris) {
            g.add(&r, &v.has_section, s.clone());
            g.add(s, &v.rdf_type, v.section.clone());
            g.add(s, &v.section_kind, string(section.kind.as_str()));
            if !section.heading.is_empty() {
                g.add(s, &v.heading, string(&section.heading));
            }
            for y in &section.about_years {
                g.add(s, &v.about_year, year(*y));
            }
            g.add(s, &v.start, integer(section.start));
            g.add(s, &v.end, integer(section.end));
            g.add(s, &v.in_report, r.clone());
        }
        let mut written_sentence = vec![false; report.sentences.len()];
        for &m_index in mentions {
            let m = &self.knowledge.resolved.mentions[m_index];
            let sentence = &report.sentences[m.sentence];
            let s = below(format_args!("sentence/{}", m.sentence));
            if !written_sentence[m.sentence] {
                written_sentence[m.sentence] = true;
                g.add(&s, &v.rdf_type, v.sentence_class.clone());
                g.add(&s, &v.rdf_value, string(sentence.text(&report.text.text)));
                g.add(&s, &v.start, integer(sentence.start));
                g.add(&s, &v.end, integer(sentence.end));
                g.add(&s, &v.in_section, section_iris[report.sentence_section[m.sentence] as usize].clone());
            }
            let mention = below(format_args!("mention/{}-{}", m.start, m.end));
            g.add(&mention, &v.rdf_type, v.mention.clone());
            g.add(&mention, &v.mention_of, self.entity_iris[m.entity].clone());
            g.add(&mention, &v.in_report, r.clone());
            for y in &m.years {
                g.add(&mention, &v.about_year, year(*y));
            }
            g.add(&mention, &v.surface, string(&m.surface));
            g.add(&mention, &v.sentence, s);
            g.add(&mention, &v.start, integer(m.start));
            g.add(&mention, &v.end, integer(m.end));
            let facts = &self.lineage.facts[m_index];
            if let Some(stage) = facts.stage {
                g.add(&mention, &v.stage, string(stage.as_str()));
            }
            if let Some(verb) = &facts.verb {
                g.add(&mention, &v.verb, string(verb));
            }
            for q in &facts.quantities {
                g.add(&mention, &v.quantity, string(q));
            }
        }
    }

    fn entity_quads(&self, out: &mut Vec<Quad>) {
        let v = self.vocabulary;
        let mut g = GraphWriter { graph: GraphName::NamedNode(NamedNode::new_unchecked(ENTITY_GRAPH)), out };
        let entities = &self.knowledge.resolved.entities;
        for (e, s) in entities.iter().zip(self.entity_iris) {
            g.add(s, &v.rdf_type, v.class(e.kind).clone());
            g.add(s, &v.rdfs_label, zh(&e.label));
            for alias in &e.aliases {
                g.add(s, &v.skos_alt_label, zh(alias));
            }
            g.add(s, &v.key, string(&e.key));
            if let Some(code) = &e.code {
                g.add(s, &v.division_code, string(code));
            }
            if let Some(kind) = e.place_kind {
                g.add(s, &v.place_kind, string(kind));
            }
            if let (Some(first), Some(last)) = (e.years.first(), e.years.last()) {
                g.add(s, &v.first_year, year(*first));
                g.add(s, &v.last_year, year(*last));
            }
            g.add(s, &v.mention_count, integer(e.mentions.len()));
            if let Some(parent) = &e.parent {
                g.add(s, &v.parent_organization, entity_iri(e.kind, parent));
            }
        }
        for relation in &self.lineage.relations {
            let predicate = match relation.kind {
                RelationKind::HasComponent => &v.has_component,
                RelationKind::PartOf => &v.part_of,
                RelationKind::RenamedTo => &v.renamed_to,
                RelationKind::RevisionOf => &v.prov_was_revision_of,
            };
            g.add(&self.entity_iris[relation.from], predicate, self.entity_iris[relation.to].clone());
        }
    }
}
