//! Shared helpers for the integration tests: run the real `gwkg` binary, make temp dirs,
//! build the bundled corpus once per test binary, and decide about optional tools.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository root (tests run with it as the working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `gwkg` with arguments from the repository root.
pub fn gwkg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gwkg")).args(args).current_dir(root()).output().expect("run gwkg")
}

/// Runs `gwkg` and returns stdout, failing the test with stderr when it exits non-zero.
pub fn gwkg_ok(args: &[&str]) -> String {
    let out = gwkg(args);
    assert!(out.status.success(), "gwkg {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// A fresh empty directory under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gwkg-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A store built once from the bundled corpus, shared by the tests of one test binary.
pub fn corpus_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = temp_dir("corpus").join("store");
        gwkg_ok(&["build", "--store", store.to_str().unwrap()]);
        store
    })
}

/// Whether a command can be run (e.g. `python3 -c "import rdflib"`, `dot -V`).
pub fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().map(|o| o.status.success()).unwrap_or(false)
}

/// Skips a test whose optional tool is missing; in CI (CI set) a missing tool fails it.
pub fn require(program: &str, args: &[&str], what: &str) -> bool {
    if available(program, args) {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{what} is required in CI but missing (`{program} {}` failed); .ci/run installs it", args.join(" "));
    }
    eprintln!("SKIPPED: {what} not available (`{program} {}` failed)", args.join(" "));
    false
}
