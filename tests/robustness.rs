//! Issue 7: every bad input gets a clear error and nothing is lost.
//!
//! Each test makes its own files in a fresh temp directory and runs the real `gwkg` binary:
//! legacy encodings and byte-order marks read the same as UTF-8; empty, binary, non-report and
//! dateless files are refused with a message that names the file and says what to do (never a
//! panic, exit code 101); `--keep-going` builds the good files; duplicates are read once; a
//! 20 MB one-line report is processed in bounded memory; a store in use by another process or a
//! build killed with SIGKILL loses nothing; malformed queries, unknown names and unwritable
//! stores get clear messages. Inputs the fuzzer (fuzz/) found crashing are replayed at the end.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use encoding_rs::{BIG5, Encoding, GB18030, GBK};
use serde_json::Value;

const REPORT_2024: &str = "2024-chongqing-government-work-report.txt";
const REPORT_2019: &str = "2019-chongqing-government-work-report.txt";

fn corpus_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name)
}

fn corpus_text(name: &str) -> String {
    std::fs::read_to_string(corpus_file(name)).expect("bundled report")
}

/// A fresh directory under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gwkg-robustness-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run of `gwkg` did.
struct Run {
    args: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "gwkg {} failed:\n{}", self.args, self.stderr);
        self
    }

    /// A clean failure: exit code 1, no panic, an `error:` line on stderr.
    fn fails(self) -> Run {
        assert_ne!(self.code, Some(101), "gwkg {} panicked:\n{}", self.args, self.stderr);
        assert!(!self.stderr.contains("panicked"), "gwkg {} panicked:\n{}", self.args, self.stderr);
        assert_eq!(self.code, Some(1), "gwkg {} should fail with 1:\n{}", self.args, self.stderr);
        assert!(self.stderr.contains("error:"), "gwkg {}: no error line:\n{}", self.args, self.stderr);
        self
    }

    fn stderr_has(&self, needle: &str) -> &Run {
        assert!(self.stderr.contains(needle), "gwkg {}: stderr lacks {needle:?}:\n{}", self.args, self.stderr);
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("gwkg {}: not JSON ({e}):\n{}", self.args, self.stdout))
    }
}

/// Runs `gwkg` in `dir` (so that default paths never touch the repository).
fn gwkg<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_gwkg")).args(args).current_dir(dir).output().expect("run gwkg");
    Run {
        args: args.iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect::<Vec<_>>().join(" "),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// Entities as `(type, key) → (label, mentions, years)`.
type Entities = BTreeMap<(String, String), (String, u64, Vec<i64>)>;

fn entities(dir: &Path, file: &Path) -> Entities {
    let run = gwkg(dir, &["entities", s(file), "--format", "json"]).ok();
    run.json()
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            let years = e["years"].as_array().unwrap().iter().map(|y| y.as_i64().unwrap()).collect();
            (
                (e["type"].as_str().unwrap().to_string(), e["key"].as_str().unwrap().to_string()),
                (e["label"].as_str().unwrap().to_string(), e["mentions"].as_u64().unwrap(), years),
            )
        })
        .collect()
}

/// `gwkg reports --format json` of one file, without the fields that name the file.
fn report_metadata(dir: &Path, file: &Path) -> Value {
    let mut list = gwkg(dir, &["reports", s(file), "--format", "json"]).ok().json();
    let mut report = list.as_array_mut().and_then(|l| l.pop()).expect("one report");
    for field in ["id", "file", "encoding"] {
        report.as_object_mut().unwrap().remove(field);
    }
    report
}

/// The sentences of a file as the library reads them.
fn sentences(bytes: &[u8]) -> Vec<String> {
    let source = gwkg::corpus::SourceFile { path: PathBuf::from("fixture.txt"), manifest: None };
    let report = gwkg::report::Report::load(&source, bytes, &Default::default()).expect("a report");
    report.sentences.iter().map(|s| s.text(&report.text.text).to_string()).collect()
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the fixture", encoding.name());
    bytes.into_owned()
}

fn query_csv(dir: &Path, store: &Path, query: &str) -> Vec<String> {
    let run = gwkg(dir, &["query", "--store", s(store), "--format", "csv", "-e", query]).ok();
    run.stdout.lines().skip(1).map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

/// The report IRIs in a store.
fn stored_reports(dir: &Path, store: &Path) -> Vec<String> {
    query_csv(dir, store, "SELECT ?r WHERE { ?r a gw:Report } ORDER BY ?r")
}

// ---------------------------------------------------------------------------------------------
// Encodings

#[test]
fn gb18030_and_gbk_copies_give_the_same_entities() {
    let dir = Scratch::new("gbk");
    let text = corpus_text(REPORT_2024);
    let original = entities(&dir.0, &corpus_file(REPORT_2024));
    assert!(original.len() > 100, "the original yields entities");
    for encoding in [GB18030, GBK] {
        let copy = dir.write(&format!("{}.txt", encoding.name()), encode(encoding, &text));
        let list = gwkg(&dir.0, &["reports", s(&copy), "--format", "json"]).ok().json();
        let read_as = list[0]["encoding"].as_str().unwrap().to_string();
        assert!(read_as == "GBK" || read_as == "gb18030", "{} read as {read_as}", encoding.name());
        assert_eq!(entities(&dir.0, &copy), original, "{}", encoding.name());
    }
}

/// The Traditional text of a report, limited to characters Big5 can encode (a character Big5
/// lacks keeps its Simplified form when Big5 has that, and is dropped otherwise).
fn traditional_for_big5(simplified: &str) -> (String, usize) {
    let traditional = zhconv::zhconv(simplified, zhconv::Variant::ZhHant);
    let mut out = String::with_capacity(traditional.len());
    let mut replaced = 0;
    let mut buffer = [0u8; 4];
    let encodable = |c: char, buffer: &mut [u8; 4]| !BIG5.encode(c.encode_utf8(buffer)).2;
    let originals: Vec<char> = simplified.chars().collect();
    let same_length = traditional.chars().count() == originals.len();
    for (i, c) in traditional.chars().enumerate() {
        if encodable(c, &mut buffer) {
            out.push(c);
            continue;
        }
        replaced += 1;
        if same_length && encodable(originals[i], &mut buffer) {
            out.push(originals[i]);
        }
    }
    (out, replaced)
}

#[test]
fn big5_copy_reads_like_its_traditional_utf8_and_close_to_the_simplified_original() {
    let dir = Scratch::new("big5");
    let simplified = corpus_text(REPORT_2024);
    let (traditional, replaced) = traditional_for_big5(&simplified);
    assert!(replaced < 20, "{replaced} characters Big5 cannot encode");
    let utf8 = dir.write("traditional-utf8.txt", &traditional);
    let big5 = dir.write("traditional-big5.txt", encode(BIG5, &traditional));
    let list = gwkg(&dir.0, &["reports", s(&big5), "--format", "json"]).ok().json();
    assert_eq!(list[0]["encoding"], "Big5");
    assert_eq!(list[0]["report_year"], 2024);
    assert_eq!(list[0]["kind"], "government-work-report");

    let from_utf8 = entities(&dir.0, &utf8);
    let from_big5 = entities(&dir.0, &big5);
    assert_eq!(from_big5, from_utf8, "Big5 and UTF-8 copies of the same Traditional text");

    // Against the Simplified original: the same entities, up to what script conversion changes.
    let original = entities(&dir.0, &corpus_file(REPORT_2024));
    let keys = |e: &Entities| e.keys().cloned().collect::<BTreeSet<_>>();
    let (a, b) = (keys(&original), keys(&from_big5));
    let shared = a.intersection(&b).count();
    let jaccard = shared as f64 / a.union(&b).count() as f64;
    let same_counts = a.intersection(&b).filter(|k| original[*k].1 == from_big5[*k].1).count();
    let mentions = |e: &Entities| e.values().map(|v| v.1).sum::<u64>();
    eprintln!(
        "Big5/Traditional vs Simplified ({replaced} characters Big5 lacks kept Simplified or dropped): {} vs {} entities, {shared} shared (Jaccard {jaccard:.3}), {same_counts} with the same mention count; {} vs {} mentions",
        a.len(),
        b.len(),
        mentions(&original),
        mentions(&from_big5)
    );
    for key in a.difference(&b).take(15) {
        eprintln!("  only in Simplified: {key:?} {:?}", original[key]);
    }
    for key in b.difference(&a).take(15) {
        eprintln!("  only in Traditional: {key:?} {:?}", from_big5[key]);
    }
    assert!(jaccard >= 0.9, "entity overlap {jaccard:.3} below 0.9");
    assert!(same_counts as f64 >= 0.85 * shared as f64, "mention counts differ for {} of {shared}", shared - same_counts);
}

#[test]
fn a_traditional_report_whose_conversion_changes_byte_widths_is_read() {
    // zhconv turns some BMP characters (㒓) into astral ones (𠉂): the analysis copy must keep
    // byte offsets anyway, or slicing sentences panics.
    let dir = Scratch::new("widths");
    let traditional = zhconv::zhconv(&corpus_text(REPORT_2024), zhconv::Variant::ZhHant);
    assert!(traditional.contains("各位代表"));
    let file = dir.write("traditional.txt", traditional.replace("各位代表", "㒓各位代表"));
    let list = gwkg(&dir.0, &["entities", s(&file), "--format", "json"]).ok().json();
    assert!(list.as_array().unwrap().len() > 100);
}

#[test]
fn bom_utf16_crlf_and_mixed_width_copies_read_the_same() {
    let dir = Scratch::new("layout");
    let text = corpus_text(REPORT_2024);
    let original = report_metadata(&dir.0, &corpus_file(REPORT_2024));
    let original_sentences = sentences(text.as_bytes());
    assert!(original_sentences.len() > 300);

    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        utf16le.extend_from_slice(&unit.to_le_bytes());
        utf16be.extend_from_slice(&unit.to_be_bytes());
    }
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let mut crlf_utf16le = vec![0xFF, 0xFE];
    crlf_utf16le.extend(text.replace('\n', "\r\n").encode_utf16().flat_map(|u| u.to_le_bytes()));

    for (name, bytes) in [
        ("utf8-bom.txt", utf8_bom),
        ("utf16le.txt", utf16le),
        ("utf16be.txt", utf16be),
        ("crlf.txt", crlf),
        ("crlf-utf16le.txt", crlf_utf16le),
        ("mixed-width.txt", mixed_width(&text).into_bytes()),
    ] {
        let file = dir.write(name, &bytes);
        assert_eq!(report_metadata(&dir.0, &file), original, "{name}: metadata and sections");
        assert_eq!(sentences(&bytes), original_sentences, "{name}: sentences");
    }
}

/// Every other ASCII letter, digit and `%` full-width, every other `，：；` next to Chinese
/// half-width, and the spaces inside the date line ideographic.
fn mixed_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut flip = false;
    for (i, &c) in chars.iter().enumerate() {
        flip = !flip;
        let chinese_neighbour = [i.wrapping_sub(1), i + 1]
            .iter()
            .any(|&j| chars.get(j).is_some_and(|&n| ('\u{4E00}'..='\u{9FFF}').contains(&n)));
        let replacement = match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '%' if flip => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            '，' if flip && chinese_neighbour => ',',
            '：' if flip && chinese_neighbour => ':',
            '；' if flip && chinese_neighbour => ';',
            _ => c,
        };
        out.push(replacement);
    }
    assert_ne!(out, text);
    out
}

// ---------------------------------------------------------------------------------------------
// Files that are not reports

const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
    0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

const ESSAY: &str = "关于天气的随笔\n今天下了一整天的雨，街上的行人都撑着伞匆匆走过。\n明天可能还会下雨，出门记得带伞，注意交通安全。\n";

/// The 2024 report without its date line.
fn dateless_report() -> String {
    corpus_text(REPORT_2024).lines().filter(|l| !l.contains("2024 年 1 月 21 日")).collect::<Vec<_>>().join("\n")
}

/// Bad inputs, each with words its error message must contain.
fn bad_files(dir: &Scratch) -> Vec<(PathBuf, Vec<&'static str>)> {
    vec![
        (dir.write("bad/empty.txt", b""), vec!["empty", "remove it"]),
        (dir.write("bad/blank.txt", b" \r\n\t\n"), vec!["empty", "remove it"]),
        (dir.write("bad/image.txt", PNG), vec!["not a text file", "convert"]),
        (dir.write("bad/essay.txt", ESSAY), vec!["no date", "manifest.toml", "--year"]),
        (dir.write("bad/dateless.txt", dateless_report()), vec!["no date", "manifest.toml", "--year"]),
        (dir.write("bad/english.txt", "Minutes of the meeting.\nNothing to report.\n"), vec!["Chinese", "report"]),
    ]
}

#[test]
fn each_bad_file_gets_a_clear_error_naming_it_and_saying_what_to_do() {
    let dir = Scratch::new("bad");
    let store = dir.path("store");
    for (file, words) in bad_files(&dir) {
        for command in ["reports", "entities", "build"] {
            let mut args = vec![command, s(&file)];
            if command == "build" {
                args.extend(["--store", s(&store)]);
            }
            let run = gwkg(&dir.0, &args).fails();
            run.stderr_has(s(&file));
            for word in &words {
                run.stderr_has(word);
            }
            assert!(!store.exists(), "a failed build leaves no store");
        }
    }
    // A missing input names the path too.
    gwkg(&dir.0, &["reports", s(&dir.path("missing.txt"))]).fails().stderr_has("missing.txt");
    // A directory without reports says so.
    std::fs::create_dir_all(dir.path("nothing")).unwrap();
    gwkg(&dir.0, &["build", s(&dir.path("nothing")), "--store", s(&store)]).fails().stderr_has("nothing");
}

#[test]
fn keep_going_builds_the_good_files_and_lists_the_bad_ones_at_the_end() {
    let dir = Scratch::new("keep-going");
    let inputs = dir.path("bad");
    let bad = bad_files(&dir);
    std::fs::copy(corpus_file(REPORT_2024), inputs.join("good-2024.txt")).unwrap();
    std::fs::copy(corpus_file(REPORT_2019), inputs.join("good-2019.txt")).unwrap();
    let store = dir.path("store");

    let run = gwkg(&dir.0, &["build", s(&inputs), "--store", s(&store)]).fails();
    run.stderr_has("--keep-going");
    for (file, _) in &bad {
        run.stderr_has(s(file));
    }
    assert!(!store.exists(), "without --keep-going nothing is written");

    let run = gwkg(&dir.0, &["build", s(&inputs), "--store", s(&store), "--keep-going"]).ok();
    assert!(run.stdout.contains("from 2 reports"), "{}", run.stdout);
    // The list of bad files comes last on stderr, one line each.
    let tail: Vec<&str> = run.stderr.lines().rev().take(bad.len()).collect();
    for (file, _) in &bad {
        assert!(tail.iter().any(|l| l.contains(s(file))), "{} not in the final list:\n{}", file.display(), run.stderr);
    }
    let reports = stored_reports(&dir.0, &store);
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert!(reports.iter().any(|r| r.contains("good-2024")) && reports.iter().any(|r| r.contains("good-2019")));
}

#[test]
fn year_makes_a_dateless_report_readable() {
    let dir = Scratch::new("year");
    let file = dir.write("dateless.txt", dateless_report());
    gwkg(&dir.0, &["reports", s(&file)]).fails().stderr_has("--year");
    let list = gwkg(&dir.0, &["reports", s(&file), "--year", "2024", "--format", "json"]).ok().json();
    assert_eq!(list[0]["report_year"], 2024);
    assert_eq!(list[0]["date"], Value::Null);
    assert_eq!(list[0]["kind"], "government-work-report");
    for implausible in ["99999", "-2147483648", "0"] {
        gwkg(&dir.0, &["reports", s(&file), &format!("--year={implausible}")]).fails().stderr_has("--year").stderr_has("dateless.txt");
    }
    let store = dir.path("store");
    gwkg(&dir.0, &["build", s(&file), "--year", "2024", "--store", s(&store)]).ok();
    assert_eq!(stored_reports(&dir.0, &store).len(), 1);
    // A manifest next to the file does the same.
    dir.write("manifest.toml", "[[report]]\nfile = \"dateless.txt\"\ndate = \"2024-01-21\"\n");
    let list = gwkg(&dir.0, &["reports", s(&file), "--format", "json"]).ok().json();
    assert_eq!(list[0]["date"], "2024-01-21");
}

#[test]
fn the_same_report_twice_is_read_once_with_a_note() {
    let dir = Scratch::new("duplicate");
    let bytes = std::fs::read(corpus_file(REPORT_2024)).unwrap();
    let first = dir.write("inputs/first.txt", &bytes);
    let second = dir.write("inputs/second.txt", &bytes);
    let store = dir.path("store");
    let run = gwkg(&dir.0, &["build", s(&first), s(&second), "--store", s(&store)]).ok();
    run.stderr_has("second.txt").stderr_has("same bytes");
    assert!(run.stdout.contains("from 1 reports"), "{}", run.stdout);
    assert_eq!(stored_reports(&dir.0, &store).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Size

/// A report whose body is one line of about `bytes` bytes: the 2024 report's header, then its
/// paragraphs repeated.
fn one_line_report(bytes: usize) -> String {
    let text = corpus_text(REPORT_2024);
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let body: String = lines[3..].concat();
    let mut out = lines[..3].join("\n");
    out.push('\n');
    while out.len() < bytes {
        out.push_str(&body);
    }
    out
}

/// Runs gwkg and returns its exit code and peak resident set size in bytes, read from
/// `/usr/bin/time -v` when it is installed and from `/proc/PID/status` (VmHWM) otherwise.
fn run_measuring_memory(dir: &Path, args: &[&str]) -> (Option<i32>, u64, String) {
    let bin = env!("CARGO_BIN_EXE_gwkg");
    if Path::new("/usr/bin/time").exists() {
        let out = Command::new("/usr/bin/time").arg("-v").arg(bin).args(args).current_dir(dir).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let kb = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(kb) = kb {
            return (out.status.code(), kb * 1024, stderr);
        }
    }
    let mut child = Command::new(bin).args(args).current_dir(dir).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))
        {
            peak = peak.max(kb.trim().trim_end_matches("kB").trim().parse::<u64>().unwrap_or(0) * 1024);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    (status.code(), peak, stderr)
}

#[test]
fn a_20_mb_single_line_report_is_built_in_bounded_memory() {
    let dir = Scratch::new("big");
    let file = dir.write("big.txt", one_line_report(20_000_000));
    let store = dir.path("store");
    let started = Instant::now();
    let (code, peak, stderr) = run_measuring_memory(&dir.0, &["build", s(&file), "--store", s(&store)]);
    assert_ne!(code, Some(101), "panic:\n{stderr}");
    assert_eq!(code, Some(0), "build failed:\n{stderr}");
    eprintln!("20 MB one-line report: built in {:.1} s, peak RSS {} MB", started.elapsed().as_secs_f64(), peak / 1_000_000);
    assert!(peak > 0, "peak RSS measured");
    assert!(peak < 1_500_000_000, "peak RSS {} MB", peak / 1_000_000);
    assert_eq!(stored_reports(&dir.0, &store).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// The store

/// Generation directories of `store` beside it.
fn generations(store: &Path) -> Vec<String> {
    let name = format!("{}.gen-", store.file_name().unwrap().to_string_lossy());
    let mut list: Vec<String> = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&name))
        .collect();
    list.sort();
    list
}

#[test]
fn a_store_held_open_by_another_process_stays_readable_and_can_be_rebuilt() {
    let dir = Scratch::new("in-use");
    let store = dir.path("store");
    gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2024)), "--store", s(&store)]).ok();
    let generation = std::fs::canonicalize(&store).unwrap();
    // Another process (here: this test) has the current generation open for writing.
    let held = oxigraph::store::Store::open(&generation).expect("open the generation");
    let quads = held.len().unwrap();
    assert!(quads > 1000);

    assert_eq!(stored_reports(&dir.0, &store).len(), 1, "queries run beside the other process");
    gwkg(&dir.0, &["trace", "两江新区", "--store", s(&store)]).ok();

    let run = gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2024)), s(&corpus_file(REPORT_2019)), "--store", s(&store)]);
    if run.code == Some(0) {
        assert_eq!(stored_reports(&dir.0, &store).len(), 2, "the new build is what the store shows");
        // The generation still in use was kept: the other process reads on.
        assert!(generation.exists(), "a generation in use was deleted under its reader");
        assert_eq!(held.len().unwrap(), quads);
        assert_eq!(held.iter().count(), quads);
    } else {
        let run = run.fails();
        run.stderr_has(s(&store));
        assert_eq!(stored_reports(&dir.0, &store).len(), 1);
    }
    drop(held);
    // Once nobody uses it, the next build removes the old generation.
    gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2024)), "--store", s(&store)]).ok();
    assert_eq!(generations(&store).len(), 1, "{:?}", generations(&store));
}

#[test]
fn a_build_killed_with_sigkill_leaves_the_previous_store_intact() {
    let dir = Scratch::new("kill");
    let store = dir.path("store");
    gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2019)), "--store", s(&store)]).ok();
    let before = stored_reports(&dir.0, &store);
    assert_eq!(before.len(), 1);

    let big = dir.write("big.txt", one_line_report(8_000_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwkg"))
        .args(["build", s(&big), "--store", s(&store)])
        .current_dir(&dir.0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while it writes its new generation (or after a while, whichever comes first).
    let own = format!("-{}", child.id());
    let started = Instant::now();
    let mut writing = false;
    while started.elapsed() < Duration::from_secs(240) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if generations(&store).iter().any(|g| g.ends_with(&own)) {
            writing = true;
            std::thread::sleep(Duration::from_millis(300));
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let finished = child.try_wait().unwrap().is_some();
    child.kill().ok(); // SIGKILL
    child.wait().unwrap();
    eprintln!("killed the build after {:.1} s (writing its generation: {writing}, already finished: {finished})", started.elapsed().as_secs_f64());

    if !finished {
        assert_eq!(stored_reports(&dir.0, &store), before, "the previous store is intact after SIGKILL");
        gwkg(&dir.0, &["trace", "两江新区", "--store", s(&store)]).ok();
    }
    let run = gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2024)), "--store", s(&store)]).ok();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    assert_eq!(stored_reports(&dir.0, &store).len(), 1);
    assert!(stored_reports(&dir.0, &store)[0].contains("2024"));
    assert_eq!(generations(&store).len(), 1, "stale generations removed: {:?}", generations(&store));
    let leftovers: Vec<String> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".store.link-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn malformed_sparql_gets_line_and_column() {
    let dir = Scratch::new("sparql");
    let store = dir.path("store");
    gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2019)), "--store", s(&store)]).ok();
    let run = gwkg(&dir.0, &["query", "--store", s(&store), "-e", "SELEC"]).fails();
    run.stderr_has("line 1").stderr_has("column");
    let file = dir.write("bad.rq", "SELECT ?x WHERE {\n  ?x a gw:Report .\n  ?x ?? ?y .\n}\n");
    let run = gwkg(&dir.0, &["query", "--store", s(&store), s(&file)]).fails();
    run.stderr_has("bad.rq").stderr_has("line 3");
    let file = dir.write("short.rq", "SELECT ?x WHERE {\n  ?x a gw:Report .\n");
    gwkg(&dir.0, &["query", "--store", s(&store), s(&file)]).fails().stderr_has("short.rq").stderr_has("line");
    // An unknown prefix is a syntax error too, and a store that does not exist says what to do.
    gwkg(&dir.0, &["query", "--store", s(&store), "-e", "SELECT * WHERE { ?s nope:p ?o }"]).fails().stderr_has("nope");
    gwkg(&dir.0, &["query", "--store", s(&dir.path("absent")), "-e", "SELECT * {}"]).fails().stderr_has("gwkg build");
}

#[test]
fn unknown_trace_names_get_suggestions() {
    let dir = Scratch::new("trace");
    let store = dir.path("store");
    gwkg(&dir.0, &["build", s(&corpus_file(REPORT_2024)), "--store", s(&store)]).ok();
    let run = gwkg(&dir.0, &["trace", "两江新城", "--store", s(&store)]).fails();
    run.stderr_has("两江新城").stderr_has("两江新区");
    let run = gwkg(&dir.0, &["trace", "zzzz-nothing", "--store", s(&store)]).fails();
    run.stderr_has("zzzz-nothing").stderr_has("gwkg entities");
    gwkg(&dir.0, &["lineage", "两江新城", "--store", s(&store)]).fails().stderr_has("两江新区");
}

#[test]
fn an_unwritable_store_gets_a_clear_message() {
    let dir = Scratch::new("unwritable");
    let report = corpus_file(REPORT_2019);
    let file = dir.write("plain-file", "not a directory");
    for store in [PathBuf::from("/proc/gwkg-robustness/store"), PathBuf::from("/proc/store"), file.join("store"), file.clone()] {
        let run = gwkg(&dir.0, &["build", s(&report), "--store", s(&store)]).fails();
        run.stderr_has(s(&store)).stderr_has("--store");
        assert!(!run.stderr.contains("gen-"), "the message names the store, not a generation:\n{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

// ---------------------------------------------------------------------------------------------
// Fuzzing regressions

/// Every file in tests/robustness/fuzz — inputs `cargo fuzz run pipeline` found crashing (see
/// fuzz/README.md) and hand-made edge cases (Traditional text with astral and full-width
/// characters, odd-length UTF-16, a truncated GBK character, lone CRs and control characters,
/// cue-only text) — replayed through the same pipeline as the fuzz target
/// (`gwkg::pipeline::check_arbitrary_bytes`, the body of fuzz/fuzz_targets/pipeline.rs): the first byte picks plain file, `--year` or manifest entry.
#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/robustness/fuzz");
    let entries = std::fs::read_dir(&dir).expect("tests/robustness/fuzz");
    let lexicon = gwkg::lexicon::Lexicon::load(&[] as &[&str]).unwrap();
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let data = std::fs::read(&file).unwrap();
        let result = std::panic::catch_unwind(|| gwkg::pipeline::check_arbitrary_bytes(&data, &lexicon));
        assert!(result.is_ok(), "{} panics", file.display());
    }
}


/// `gwkg entities | head -1`: the reader goes away after one line; gwkg stops quietly, with
/// success and no panic, like any Unix filter.
#[test]
fn a_reader_that_closes_the_pipe_early_causes_no_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = Scratch::new("closed-pipe");
    // The whole corpus as JSON: more than a pipe's buffer (64 KiB), so the write meets the
    // closed pipe.
    let corpus = corpus_file("2019-chongqing-government-work-report.txt");
    let corpus = corpus.parent().expect("corpus dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwkg"))
        .args(["entities", s(corpus), "--format", "json"])
        .current_dir(dir.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gwkg");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("a first line");
    // stdout is dropped here: the pipe is closed with most of the table unwritten.
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("stderr");
    let status = child.wait().expect("wait");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.success(), "{status:?}: {stderr}");
}

/// A store being written (here: its writer lock held, as a running `gwkg build` or `add` holds
/// it) is not written by a second build or add: a clear error, and the store is unchanged.
#[test]
fn a_store_being_written_refuses_a_second_writer() {
    let dir = Scratch::new("writer-lock");
    let store = dir.path("store");
    let first = corpus_file("2025-chongqing-government-work-report-summary.txt");
    let second = corpus_file("2019-chongqing-government-work-report.txt");
    gwkg(&dir.0, &["build", s(&first), "--store", s(&store)]).ok();
    let before = stored_reports(&dir.0, &store);
    let lock = std::fs::OpenOptions::new().write(true).create(true).truncate(false).open(dir.path(".store.lock")).expect("lock file");
    lock.try_lock().expect("the lock is free");
    gwkg(&dir.0, &["build", s(&second), "--store", s(&store)]).fails().stderr_has("is being written by");
    gwkg(&dir.0, &["add", s(&second), "--store", s(&store)]).fails().stderr_has("wait for it to finish");
    assert_eq!(stored_reports(&dir.0, &store), before);
    // Once the writer is gone, the next one goes ahead.
    drop(lock);
    gwkg(&dir.0, &["add", s(&second), "--store", s(&store)]).ok();
    assert_eq!(stored_reports(&dir.0, &store).len(), before.len() + 1);
}
