//! Issue 8: `gwkg bench` prints every column with positive numbers. Only the shape of the
//! output is checked here, never timings (they depend on the machine and its load).

mod common;

use serde_json::Value;

const COLUMNS: [&str; 25] = [
    "scale",
    "reports",
    "characters",
    "sentences",
    "mentions",
    "entities",
    "decode_normalise_s",
    "dictionary_s",
    "segment_s",
    "extract_s",
    "resolve_s",
    "lineage_s",
    "rdf_s",
    "store_s",
    "build_s",
    "triples",
    "peak_rss_mb",
    "floor_jieba_load_s",
    "floor_jieba_tag_s",
    "floor_jieba_s",
    "floor_bulk_load_s",
    "floor_quads",
    "extraction_ratio",
    "build_ratio",
    "trace_ms",
];

#[test]
fn bench_json_has_every_column_with_positive_numbers() {
    let keep = common::temp_dir("bench");
    let out = common::gwkg_ok(&["bench", "--scale", "1", "--format", "json", "--keep", keep.to_str().unwrap()]);
    let json: Value = serde_json::from_str(&out).expect("bench prints JSON");
    let scales = json["scales"].as_array().expect("a list of scales");
    assert_eq!(scales.len(), 1);
    let row = &scales[0];
    for column in COLUMNS {
        let value = row[column].as_f64().unwrap_or_else(|| panic!("column {column} missing or not a number in {row}"));
        assert!(value > 0.0, "column {column} is {value}, not positive");
    }
    assert_eq!(row["scale"], 1);
    assert_eq!(row["reports"], 5, "the five bundled reports");
    assert_eq!(row["floor_quads"], row["triples"], "the floor loads exactly the quads the build wrote");
    let stages: f64 = ["decode_normalise_s", "dictionary_s", "segment_s", "extract_s", "resolve_s", "lineage_s", "rdf_s", "store_s"]
        .iter()
        .map(|c| row[*c].as_f64().unwrap())
        .sum();
    assert!(stages <= row["build_s"].as_f64().unwrap() * 1.01, "the stages fit in the build");
    let targets = json["targets"].as_array().expect("targets");
    assert_eq!(targets.len(), 6);
    assert!(targets.iter().all(|t| t["name"].is_string() && t["target"].is_string()));
    // --keep leaves the scaled corpus and its store.
    assert!(keep.join("scale-1/corpus/2024-chongqing-government-work-report.txt").is_file());
    assert!(keep.join("scale-1/store").exists());
    let _ = std::fs::remove_dir_all(&keep);
}

#[test]
fn bench_table_names_the_targets() {
    let out = common::gwkg_ok(&["bench", "--scale", "1"]);
    for word in ["scale", "segment", "build ratio", "peak MB", "targets:", "extraction ratio at 20×"] {
        assert!(out.contains(word), "no {word:?} in\n{out}");
    }
}

#[test]
fn bench_rejects_a_zero_scale() {
    let out = common::gwkg(&["bench", "--scale", "0"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--scale"));
}
