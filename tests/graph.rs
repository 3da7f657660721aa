//! The RDF graph and what reads it: SHACL validation with a real validator, every curated
//! query returning rows, an independent RDF library giving the same answer as `gwkg query`,
//! idempotent builds, the lineage story of “1361”, and the Graphviz gallery.

mod common;

use std::collections::BTreeSet;

use common::{corpus_store, gwkg, gwkg_ok, require, root, temp_dir};
use serde_json::Value;

fn store_arg() -> String {
    corpus_store().display().to_string()
}

fn export(store: &str, name: &str) -> std::path::PathBuf {
    let file = temp_dir(name).join("export.nq");
    gwkg_ok(&["export", "--store", store, "--format", "nquads", "-o", file.to_str().unwrap()]);
    file
}

#[test]
fn every_curated_query_returns_rows() {
    let store = store_arg();
    let mut queries: Vec<_> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    assert!(queries.len() >= 12, "at least 12 curated queries");
    for query in queries {
        let text = std::fs::read_to_string(&query).unwrap();
        assert!(text.starts_with('#'), "{} opens with a comment", query.display());
        assert!(text.contains("问题") || text.contains("？"), "{} states the question in Chinese", query.display());
        let csv = gwkg_ok(&["query", query.to_str().unwrap(), "--store", &store, "--format", "csv"]);
        let rows = csv.lines().count().saturating_sub(1);
        assert!(rows > 0, "{} returns no rows", query.display());
    }
}

#[test]
fn the_graph_conforms_to_the_shacl_shapes() {
    if !require("python3", &["-c", "import pyshacl, rdflib"], "pyshacl and rdflib (pip install pyshacl rdflib)") {
        return;
    }
    let file = export(&store_arg(), "shacl");
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/rdf/check_shapes.py"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "SHACL violations:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The checker itself rejects broken data (its self-test breaks the sample in many ways).
    let selftest = std::process::Command::new("python3").arg(root().join("tests/rdf/check_shapes.py")).output().unwrap();
    assert!(selftest.status.success(), "{}", String::from_utf8_lossy(&selftest.stdout));
}

const INTEROP_QUERY: &str = "PREFIX gw: <https://w3id.org/gwkg/ontology#>
SELECT ?report ?year (COUNT(?m) AS ?mentions) WHERE {
  ?m a gw:Mention ; gw:inReport ?report ; gw:aboutYear ?year .
} GROUP BY ?report ?year";

#[test]
fn another_rdf_library_reads_the_export_and_gets_the_same_answer() {
    if !require("python3", &["-c", "import rdflib"], "rdflib (pip install rdflib)") {
        return;
    }
    let store = store_arg();
    let file = export(&store, "interop");
    let query_file = file.with_file_name("query.rq");
    std::fs::write(&query_file, INTEROP_QUERY).unwrap();
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/rdf/interop.py"))
        .arg(&file)
        .arg(&query_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let theirs: BTreeSet<Vec<String>> = serde_json::from_slice::<Vec<Vec<String>>>(&out.stdout).unwrap().into_iter().collect();
    let ours_json: Value = serde_json::from_str(&gwkg_ok(&["query", "-e", INTEROP_QUERY, "--store", &store, "--format", "json"])).unwrap();
    let ours: BTreeSet<Vec<String>> = ours_json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| ["report", "year", "mentions"].iter().map(|v| b[*v]["value"].as_str().unwrap().to_string()).collect())
        .collect();
    assert!(ours.len() >= 5, "{ours:?}");
    assert_eq!(ours, theirs);
}

#[test]
fn building_twice_gives_the_same_graph() {
    let a = temp_dir("idempotent-a").join("store");
    let b = temp_dir("idempotent-b").join("store");
    gwkg_ok(&["build", "--store", a.to_str().unwrap()]);
    gwkg_ok(&["build", "--store", b.to_str().unwrap()]);
    // Build a second time into the same store: it replaces the first generation.
    gwkg_ok(&["build", "--store", b.to_str().unwrap()]);
    // Blank nodes (the ontology's OWL lists) get fresh labels on every load: compare the rest,
    // and the number of blank-node quads.
    let read = |store: &std::path::Path, name: &str| -> (BTreeSet<String>, usize) {
        let text = std::fs::read_to_string(export(store.to_str().unwrap(), name)).unwrap();
        let blank = text.lines().filter(|l| l.contains("_:")).count();
        (text.lines().filter(|l| !l.contains("_:")).map(String::from).collect(), blank)
    };
    let ((first, first_blank), (second, second_blank)) = (read(&a, "idem-export-a"), read(&b, "idem-export-b"));
    assert!(first.len() > 10_000);
    let differences: Vec<&String> = first.symmetric_difference(&second).take(5).collect();
    assert!(differences.is_empty(), "builds differ, e.g. {differences:#?}");
    assert_eq!(first_blank, second_blank);
    let generations = std::fs::read_dir(b.parent().unwrap()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().contains(".gen-")).count();
    assert_eq!(generations, 1, "old generations are removed");
}

#[test]
fn malformed_sparql_is_reported_with_its_position() {
    let out = gwkg(&["query", "-e", "SELECT ?x WHERE { ?x ?y }", "--store", &store_arg()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SPARQL") && stderr.contains("line") && stderr.contains("column"), "{stderr}");
}

#[test]
fn trace_tells_the_story_of_1361() {
    let json: Vec<Value> = serde_json::from_str(&gwkg_ok(&["trace", "1361", "--format", "json", "--store", &store_arg()])).unwrap();
    let years: Vec<i64> = json.iter().map(|e| e["year"].as_i64().unwrap()).collect();
    for y in [2023, 2024, 2025] {
        assert!(years.contains(&y), "{years:?}");
    }
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "time order: {years:?}");
    let stage_in = |y: i64| json.iter().find(|e| e["year"] == y).and_then(|e| e["stage"].as_str()).unwrap_or_default().to_string();
    assert_eq!(stage_in(2023), "launch");
    assert_eq!(stage_in(2024), "iterate");
    let first = &json[0];
    for field in ["report", "section", "stage", "verb", "surface", "sentence", "quantities"] {
        assert!(!first[field].is_null(), "{field} missing");
    }
    assert!(first["sentence"].as_str().unwrap().contains(first["surface"].as_str().unwrap()));
    let text = gwkg_ok(&["trace", "1361", "--store", &store_arg()]);
    assert!(text.contains("【") && text.contains("has component: 三级治理中心"), "{text}");
    // Relations read backwards are named for that direction.
    let version = gwkg_ok(&["trace", "渝赛计划", "--store", &store_arg()]);
    assert!(version.contains("revised as: 渝赛计划2.0"), "{version}");
    let whole = gwkg_ok(&["trace", "数字重庆", "--store", &store_arg()]);
    assert!(whole.contains("has part: “1361”整体构架"), "{whole}");
    // A key is looked up directly and any other name through every label and alias: the same
    // entity traced both ways prints the same story.
    let by_alias = gwkg_ok(&["trace", "“1361”整体架构", "--store", &store_arg()]);
    assert_eq!(by_alias, text);
}

#[test]
fn trace_shows_yearly_quantities_of_a_campaign() {
    let json: Vec<Value> = serde_json::from_str(&gwkg_ok(&["trace", "两岸青山·千里林带", "--format", "json", "--store", &store_arg()])).unwrap();
    let quantities: Vec<String> = json.iter().flat_map(|e| e["quantities"].as_array().unwrap().iter().map(|q| q.as_str().unwrap().to_string())).collect();
    assert!(quantities.contains(&"50.5万亩".to_string()), "{quantities:?}");
    assert!(quantities.contains(&"35万亩".to_string()), "{quantities:?}");
}

#[test]
fn unknown_names_get_suggestions() {
    let out = gwkg(&["trace", "不存在的计划名称", "--store", &store_arg()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    let ambiguous = gwkg(&["trace", "行动", "--store", &store_arg()]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&ambiguous.stderr).contains("did you mean"));
}

#[test]
fn sparql_sees_the_lineage_relations() {
    let store = store_arg();
    let ask = |q: &str| gwkg_ok(&["query", "-e", q, "--store", &store, "--format", "json"]).contains("true");
    assert!(ask("ASK { ?p gw:key \"1361\" ; gw:hasComponent ?c . ?c rdfs:label \"三级治理中心\"@zh }"));
    assert!(ask("ASK { ?a gw:renamedTo ?b . ?a rdfs:label \"重庆三峡学院\"@zh . ?b rdfs:label \"重庆三峡科技大学\"@zh }"));
    assert!(ask("ASK { ?new prov:wasRevisionOf ?old . ?old rdfs:label ?l FILTER(CONTAINS(STR(?l), \"渝赛计划\")) }"));
    assert!(ask("ASK { ?p gw:key \"1361\" ; gw:partOf ?d . ?d gw:key \"数字重庆\" }"));
}

#[test]
fn the_committed_gallery_is_up_to_date_and_renders() {
    let dir = temp_dir("gallery");
    std::fs::copy(root().join("graphs/gallery.txt"), dir.join("gallery.txt")).unwrap();
    gwkg_ok(&["gallery", "--dir", dir.to_str().unwrap(), "--store", &store_arg()]);
    let list = std::fs::read_to_string(root().join("graphs/gallery.txt")).unwrap();
    let names: Vec<&str> = list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    assert_eq!(names.len(), 5);
    for name in names {
        let file = format!("{}.dot", gwkg::resolve::iri_safe(name));
        let fresh = std::fs::read_to_string(dir.join(&file)).unwrap();
        let committed = std::fs::read_to_string(root().join("graphs").join(&file))
            .unwrap_or_else(|_| panic!("graphs/{file} is not committed; run `gwkg gallery`"));
        assert_eq!(fresh, committed, "graphs/{file} is stale; regenerate with `cargo run --release -- gallery`");
        assert!(fresh.contains("rankdir=LR") && fresh.contains("fontname=\"Noto Sans CJK SC"));
        if require("dot", &["-V"], "Graphviz (apt-get install graphviz)") {
            let svg = std::process::Command::new("dot").arg("-Tsvg").arg(dir.join(&file)).output().unwrap();
            assert!(svg.status.success(), "dot fails on {file}: {}", String::from_utf8_lossy(&svg.stderr));
            assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
        }
    }
}
