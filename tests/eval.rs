//! The gold set and `gwkg eval`: the gold set is big enough, every gold sentence is found in
//! its report, and extraction stays well above the plain-jieba baseline. The floors guard
//! against regressions; the targets are reported by `gwkg eval`, not asserted here.

mod common;

use common::gwkg_ok;
use serde_json::Value;

#[test]
fn the_gold_set_is_large_and_well_formed() {
    let entities = std::fs::read_to_string(common::root().join("tests/gold/entities.toml")).unwrap();
    let sentences = std::fs::read_to_string(common::root().join("tests/gold/sentences.toml")).unwrap();
    assert!(entities.matches("[[entity]]").count() >= 150);
    assert!(sentences.matches("[[sentence]]").count() >= 60);
    for kind in ["programme", "place", "project", "institution"] {
        assert!(entities.matches(&format!("type = \"{kind}\"")).count() >= 30, "{kind}");
    }
}

#[test]
fn extraction_beats_the_baseline_on_the_gold_set() {
    let json: Value = serde_json::from_str(&gwkg_ok(&["eval", "--baseline", "--format", "json"])).unwrap();
    assert_eq!(json["system"]["missing_sentences"], 0, "every gold sentence is found in its report");
    let system = &json["system"]["all"];
    let baseline = &json["baseline"]["all"];
    let f1 = system["f1"].as_f64().unwrap();
    assert!(f1 >= 0.95, "overall F1 {f1} fell below the floor");
    assert!(f1 > baseline["f1"].as_f64().unwrap() + 0.3, "not clearly better than plain jieba");
    for kind in ["programme", "place", "project", "institution"] {
        let c = &json["system"][kind];
        assert!(c["precision"].as_f64().unwrap() >= 0.90, "{kind} precision {c}");
        assert!(c["recall"].as_f64().unwrap() >= 0.90, "{kind} recall {c}");
    }
    assert!(system["years_right"].as_f64().unwrap() >= 0.95, "years right {system}");
}

/// The held-out sets (`tests/gold/heldout*/`, reports written for evaluation in other
/// provinces' styles): the rules must carry over to them, not only to the bundled corpus.
#[test]
fn extraction_carries_over_to_the_held_out_reports() {
    // The first set has no number; the others are numbered from 2 up.
    let sets = std::iter::once("tests/gold/heldout".to_string()).chain((2..=147).map(|n| format!("tests/gold/heldout{n}")));
    for set in sets {
        let set = set.as_str();
        let corpus = format!("{set}/corpus");
        let json: Value = serde_json::from_str(&gwkg_ok(&["eval", set, "--corpus", &corpus, "--baseline", "--format", "json"])).unwrap();
        assert_eq!(json["system"]["missing_sentences"], 0, "{set}: every gold sentence is found in its report");
        let system = &json["system"]["all"];
        for measure in ["precision", "recall"] {
            let value = system[measure].as_f64().unwrap();
            assert!(value >= 0.85, "{set}: {measure} {value} fell below the floor");
        }
        assert!(system["f1"].as_f64().unwrap() > json["baseline"]["all"]["f1"].as_f64().unwrap() + 0.3, "{set}: not clearly better than plain jieba");
        assert!(system["years_right"].as_f64().unwrap() >= 0.85, "{set}: years right {system}");
    }
}
