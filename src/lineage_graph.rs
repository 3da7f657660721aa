//! The lineage graph read back from the store into `petgraph`, and the queries that feed it.
//!
//! Nodes are entities and their yearly states (one per entity and year it is spoken about);
//! edges are `Next` (one state to the entity's next state), `StateOf` (state → entity) and the
//! lineage relations written at build time (components, parts, renames, versions, parent
//! organisations). Reading from the store keeps every command consistent with what SPARQL sees.

use std::collections::{BTreeMap, HashMap};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{Dfs, EdgeFiltered, EdgeRef, Reversed};

use crate::error::{Error, Result};
use crate::rdf::ENTITY_GRAPH;
use crate::store::run_query;

/// An entity as the lineage graph knows it.
#[derive(Debug, Clone)]
pub struct EntityInfo {
    pub iri: String,
    pub kind: String,
    pub key: String,
    pub label: String,
    pub aliases: Vec<String>,
}

/// One yearly state: the stages and verbs of the entity's mentions about that year.
#[derive(Debug, Clone, Default)]
pub struct StateInfo {
    pub year: i32,
    pub stages: Vec<String>,
    pub verbs: Vec<String>,
    pub quantities: Vec<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone)]
pub enum Node {
    Entity(usize),
    State { entity: usize, state: StateInfo },
}

/// Relations between entities, as named in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    HasComponent,
    PartOf,
    RenamedTo,
    RevisionOf,
    ParentOrganization,
}

impl Relation {
    fn from_iri(iri: &str) -> Option<Relation> {
        Some(match iri.rsplit(['#', '/']).next()? {
            "hasComponent" => Relation::HasComponent,
            "partOf" => Relation::PartOf,
            "renamedTo" => Relation::RenamedTo,
            "wasRevisionOf" => Relation::RevisionOf,
            "parentOrganization" => Relation::ParentOrganization,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Relation::HasComponent => "has component",
            Relation::PartOf => "part of",
            Relation::RenamedTo => "renamed to",
            Relation::RevisionOf => "revision of",
            Relation::ParentOrganization => "parent organisation",
        }
    }

    /// The relation read from its object back to its subject (`revised as` for `revision of`).
    pub fn inverse_label(self) -> &'static str {
        match self {
            Relation::HasComponent => "component of",
            Relation::PartOf => "has part",
            Relation::RenamedTo => "renamed from",
            Relation::RevisionOf => "revised as",
            Relation::ParentOrganization => "parent organisation of",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Next,
    StateOf,
    Relation(Relation),
}

/// The lineage relations, as a SPARQL `VALUES` list.
const RELATIONS: &str = "gw:hasComponent gw:partOf gw:renamedTo prov:wasRevisionOf gw:parentOrganization";

/// The whole lineage graph.
pub struct LineageGraph {
    pub graph: StableDiGraph<Node, Edge>,
    pub entities: Vec<EntityInfo>,
    pub entity_nodes: Vec<NodeIndex>,
    /// Each entity's states, in year order.
    pub states: Vec<Vec<NodeIndex>>,
    by_iri: HashMap<String, usize>,
}

fn text(term: Option<&Term>) -> String {
    match term {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Runs a SELECT query and returns its rows as strings, in the order of `columns`.
pub fn select(db: &Store, query: &str, columns: &[&str]) -> Result<Vec<Vec<String>>> {
    let QueryResults::Solutions(solutions) = run_query(db, query)? else {
        return Err(Error::Query { detail: "expected a SELECT query".into() });
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| Error::Query { detail: e.to_string() })?;
        rows.push(columns.iter().map(|c| text(solution.get(*c))).collect());
    }
    Ok(rows)
}

impl LineageGraph {
    /// Reads entities, yearly states and relations from the store.
    pub fn load(db: &Store) -> Result<LineageGraph> {
        Self::load_with(db, true)
    }

    /// Entities and relations only, without yearly states (which need every mention): what
    /// `trace` needs to find an entity and its relations, at a fraction of the cost.
    pub fn load_without_states(db: &Store) -> Result<LineageGraph> {
        Self::load_with(db, false)
    }

    /// One entity and its direct relation neighbours, without states: what `trace` prints about
    /// relations, read by lookups on the entity (their cost does not grow with the store).
    pub fn load_around(db: &Store, iri: &str) -> Result<LineageGraph> {
        let relations = select(
            db,
            &format!(
                "SELECT ?a ?p ?b WHERE {{ VALUES ?p {{ {RELATIONS} }}
                   GRAPH <{ENTITY_GRAPH}> {{ {{ <{iri}> ?p ?b BIND(<{iri}> AS ?a) }} UNION {{ ?a ?p <{iri}> BIND(<{iri}> AS ?b) }} }} }}"
            ),
            &["a", "p", "b"],
        )?;
        let mut around: Vec<&str> = relations.iter().flat_map(|r| [r[0].as_str(), r[2].as_str()]).chain([iri]).collect();
        around.sort_unstable();
        around.dedup();
        let only = format!("VALUES ?e {{ {} }}", around.iter().map(|e| format!("<{e}>")).collect::<Vec<_>>().join(" "));
        Self::assemble(db, &only, false, relations)
    }

    fn load_with(db: &Store, with_states: bool) -> Result<LineageGraph> {
        let relations = select(
            db,
            &format!("SELECT ?a ?p ?b WHERE {{ VALUES ?p {{ {RELATIONS} }} GRAPH <{ENTITY_GRAPH}> {{ ?a ?p ?b }} }}"),
            &["a", "p", "b"],
        )?;
        Self::assemble(db, "", with_states, relations)
    }

    /// The graph of the entities `only` lets through (a `VALUES ?e` clause, or nothing for all),
    /// their states if asked, and the `relations` rows (?a ?p ?b) between them.
    fn assemble(db: &Store, only: &str, with_states: bool, relation_rows: Vec<Vec<String>>) -> Result<LineageGraph> {
        // Entities, then their aliases: two plain scans, grouped here (cheaper than GROUP_CONCAT).
        let mut entity_rows = select(
            db,
            &format!("SELECT ?e ?class ?key ?label WHERE {{ {only} GRAPH <{ENTITY_GRAPH}> {{ ?e a ?class ; gw:key ?key ; rdfs:label ?label }} }}"),
            &["e", "class", "key", "label"],
        )?;
        let alias_rows =
            select(db, &format!("SELECT ?e ?alt WHERE {{ {only} GRAPH <{ENTITY_GRAPH}> {{ ?e skos:altLabel ?alt }} }}"), &["e", "alt"])?;
        let mut aliases_of: HashMap<String, Vec<String>> = HashMap::new();
        for mut row in alias_rows {
            let alt = row.pop().unwrap_or_default();
            let entity = row.pop().unwrap_or_default();
            aliases_of.entry(entity).or_default().push(alt);
        }
        entity_rows.sort(); // stable node order, so that DOT output is reproducible
        entity_rows.dedup();
        let mut graph = StableDiGraph::new();
        let mut entities = Vec::with_capacity(entity_rows.len());
        let mut by_iri = HashMap::new();
        let mut entity_nodes = Vec::with_capacity(entity_rows.len());
        for row in entity_rows {
            let index = entities.len();
            let mut aliases = aliases_of.remove(&row[0]).unwrap_or_default();
            aliases.sort();
            aliases.dedup();
            by_iri.insert(row[0].clone(), index);
            entity_nodes.push(graph.add_node(Node::Entity(index)));
            entities.push(EntityInfo {
                iri: row[0].clone(),
                kind: row[1].rsplit('#').next().unwrap_or_default().to_lowercase(),
                key: row[2].clone(),
                label: row[3].clone(),
                aliases,
            });
        }
        let state_rows = if with_states {
            select(
                db,
                "SELECT ?e ?y ?stage ?verb ?q WHERE { ?m a gw:Mention ; gw:mentionOf ?e ; gw:aboutYear ?y .
                   OPTIONAL { ?m gw:stage ?stage } OPTIONAL { ?m gw:verb ?verb } OPTIONAL { ?m gw:quantity ?q } }",
                &["e", "y", "stage", "verb", "q"],
            )?
        } else {
            Vec::new()
        };
        let mut states_by_entity: Vec<BTreeMap<i32, StateInfo>> = vec![BTreeMap::new(); entities.len()];
        for row in state_rows {
            let (Some(&entity), Ok(year)) = (by_iri.get(&row[0]), row[1].parse::<i32>()) else { continue };
            let state = states_by_entity[entity].entry(year).or_insert_with(|| StateInfo { year, ..StateInfo::default() });
            state.mentions += 1;
            for (list, value) in [(&mut state.stages, &row[2]), (&mut state.verbs, &row[3]), (&mut state.quantities, &row[4])] {
                if !value.is_empty() && !list.contains(value) {
                    list.push(value.clone());
                }
            }
        }
        let mut states = Vec::with_capacity(entities.len());
        for (entity, by_year) in states_by_entity.into_iter().enumerate() {
            let mut nodes = Vec::with_capacity(by_year.len());
            let mut previous = None;
            for (_, state) in by_year {
                let node = graph.add_node(Node::State { entity, state });
                graph.add_edge(node, entity_nodes[entity], Edge::StateOf);
                if let Some(p) = previous {
                    graph.add_edge(p, node, Edge::Next);
                }
                previous = Some(node);
                nodes.push(node);
            }
            states.push(nodes);
        }
        for row in relation_rows {
            if let (Some(&a), Some(&b), Some(relation)) = (by_iri.get(&row[0]), by_iri.get(&row[2]), Relation::from_iri(&row[1])) {
                graph.add_edge(entity_nodes[a], entity_nodes[b], Edge::Relation(relation));
            }
        }
        Ok(LineageGraph { graph, entities, entity_nodes, states, by_iri })
    }

    pub fn entity_by_iri(&self, iri: &str) -> Option<usize> {
        self.by_iri.get(iri).copied()
    }

    /// Entities reached by following `relation` edges from `entity` (forward), or against them
    /// (backward), transitively, with petgraph's depth-first search.
    pub fn reach(&self, entity: usize, relation: Relation, forward: bool) -> Vec<usize> {
        let start = self.entity_nodes[entity];
        let only = |e: petgraph::stable_graph::EdgeReference<Edge>| *e.weight() == Edge::Relation(relation);
        let filtered = EdgeFiltered::from_fn(&self.graph, only);
        let mut found = Vec::new();
        if forward {
            let mut dfs = Dfs::new(&filtered, start);
            while let Some(node) = dfs.next(&filtered) {
                if let Node::Entity(i) = self.graph[node]
                    && node != start
                {
                    found.push(i);
                }
            }
        } else {
            let reversed = Reversed(&filtered);
            let mut dfs = Dfs::new(reversed, start);
            while let Some(node) = dfs.next(reversed) {
                if let Node::Entity(i) = self.graph[node]
                    && node != start
                {
                    found.push(i);
                }
            }
        }
        found
    }

    /// Direct relation neighbours of an entity: (relation, other entity, outgoing?).
    pub fn relations_of(&self, entity: usize) -> Vec<(Relation, usize, bool)> {
        let node = self.entity_nodes[entity];
        let mut out = Vec::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for edge in self.graph.edges_directed(node, direction) {
                let Edge::Relation(relation) = *edge.weight() else { continue };
                let other = if direction == Direction::Outgoing { edge.target() } else { edge.source() };
                if let Node::Entity(i) = self.graph[other] {
                    out.push((relation, i, direction == Direction::Outgoing));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Entities within `depth` relation steps of `entity` (either direction), breadth first.
    pub fn neighbourhood(&self, entity: usize, depth: usize) -> Vec<usize> {
        let mut seen = vec![entity];
        let mut frontier = vec![entity];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &e in &frontier {
                for (_, other, _) in self.relations_of(e) {
                    if !seen.contains(&other) {
                        seen.push(other);
                        next.push(other);
                    }
                }
            }
            frontier = next;
        }
        seen
    }

    /// Entities that take part in at least one relation.
    pub fn related_entities(&self) -> Vec<usize> {
        (0..self.entities.len()).filter(|&e| !self.relations_of(e).is_empty()).collect()
    }

    pub fn state(&self, node: NodeIndex) -> Option<&StateInfo> {
        match &self.graph[node] {
            Node::State { state, .. } => Some(state),
            Node::Entity(_) => None,
        }
    }
}
