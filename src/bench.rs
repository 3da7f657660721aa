//! `gwkg bench`: the build measured against its physical floor, at several corpus scales.
//!
//! For each scale N the bundled reports are copied N times into a scratch directory (copy 1 is
//! the file itself; copy k > 1 is named `{stem}-copy{k}` so its report id differs, and ends
//! with a line `copy k` so its bytes differ and nothing is read once as a duplicate). Each
//! scale is then built in a child process of the same binary (`gwkg bench --one-scale N`),
//! because peak resident memory (VmHWM) is a high-water mark of the whole process: a child
//! per scale measures each scale cleanly. The child builds the store exactly as `gwkg build`
//! does (the same function, `pipeline::build`), timing each stage, and reads VmHWM. A second fresh child (`--floors`) then measures
//! two floors on the same input, in a process of its own so that it pays jieba's one-time
//! initialisations (the POS model is loaded on first use) just as the build does:
//!
//! - **jieba**: `Jieba::new()` with its default dictionary plus one `tag(sentence, true)` over
//!   the same normalised sentences extraction segments (in parallel over reports, like the
//!   pipeline);
//! - **bulk load**: the build's own N-Quads export loaded into a fresh on-disk store with the
//!   bulk loader the build uses (opening the store, parsing, loading, committing, flushing).
//!
//! extraction ratio = (build − store write) / jieba floor;
//! build ratio = build / (jieba floor + bulk-load floor).
//!
//! The segment stage is measured inside extraction: `SentenceView::new` adds its time to a
//! counter while the bench has it switched on, and the extraction wall time is split between
//! segment and extract in proportion to the time summed over threads.

use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cli::{InputArgs, TableOrJson};
use crate::error::{Error, Result};

/// The entity `gwkg trace` is timed on, and how many runs are timed.
const TRACE_NAME: &str = "1361";
const TRACE_RUNS: usize = 5;
const TRACE_BUDGET_MS: f64 = 5000.0;

#[derive(clap::Args, Clone)]
pub struct BenchArgs {
    /// Scales to build: copies of each bundled report
    #[arg(long, value_delimiter = ',', default_value = "1,10,100")]
    pub scale: Vec<usize>,
    /// Keep the scaled corpora and stores in DIR (DIR/scale-N, replaced if present) instead of a temporary directory
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
    /// The reports to scale
    #[arg(long, default_value = crate::corpus::DEFAULT_CORPUS)]
    pub corpus: PathBuf,
    /// Build each scale this many times and keep the fastest build and the fastest floors
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableOrJson,
    /// Internal: build one scale in DIR/corpus and print its measurements as JSON
    #[arg(long, hide = true, value_name = "N", requires = "work")]
    pub one_scale: Option<usize>,
    /// Internal: measure the floors of the scale built in --work DIR and print them as JSON
    #[arg(long, hide = true, requires = "work", conflicts_with = "one_scale")]
    pub floors: bool,
    /// Internal: the scale's directory for --one-scale and --floors
    #[arg(long, hide = true, value_name = "DIR")]
    pub work: Option<PathBuf>,
}

/// What one scale measured. Times are wall-clock seconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScaleResult {
    pub scale: usize,
    pub reports: usize,
    pub characters: usize,
    pub sentences: usize,
    pub mentions: usize,
    pub entities: usize,
    /// Finding, reading, decoding and normalising the files (with sentence split and sections).
    pub decode_normalise_s: f64,
    /// Loading the dictionaries and gazetteers (jieba's dictionary among them): the part of it
    /// that outlasted reading, which it runs beside.
    pub dictionary_s: f64,
    pub segment_s: f64,
    pub extract_s: f64,
    pub resolve_s: f64,
    pub lineage_s: f64,
    pub rdf_s: f64,
    pub store_s: f64,
    /// The whole build, as `gwkg build` does it.
    pub build_s: f64,
    /// Quads in the store, ontology included.
    pub triples: usize,
    pub peak_rss_mb: f64,
    /// `Jieba::new()` with the default dictionary.
    pub floor_jieba_load_s: f64,
    /// One `tag(sentence, true)` pass over the same sentences.
    pub floor_jieba_tag_s: f64,
    pub floor_jieba_s: f64,
    /// Bulk load of the build's N-Quads export into a fresh on-disk store.
    pub floor_bulk_load_s: f64,
    /// Quads the floor store holds (equal to `triples`).
    pub floor_quads: usize,
    /// Diagnostics, not floors: a second tag pass with the default dictionary and one with
    /// gwkg's dictionary (both after jieba's one-time initialisations).
    pub jieba_tag_warm_s: f64,
    pub jieba_tag_gwkg_dictionary_s: f64,
    pub extraction_ratio: f64,
    pub build_ratio: f64,
    /// Median wall time of a `gwkg trace 1361` process on this scale's store.
    pub trace_ms: Option<f64>,
}

/// A target of issue 8, checked against a run.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub name: String,
    pub target: String,
    pub value: Option<f64>,
    pub met: Option<bool>,
}

#[derive(Debug, Serialize)]
struct BenchReport {
    threads: usize,
    scales: Vec<ScaleResult>,
    targets: Vec<Target>,
}

pub fn run(args: BenchArgs) -> Result<()> {
    if args.one_scale.is_some() || args.floors {
        let work = args.work.as_deref().ok_or_else(|| Error::Other("--one-scale and --floors need --work DIR".into()))?;
        let json = match args.one_scale {
            Some(scale) => serde_json::to_string(&one_scale(scale, work)?),
            None => serde_json::to_string(&floors(work)?),
        };
        outln!("{}", json.map_err(|e| Error::Other(e.to_string()))?);
        return Ok(());
    }
    if args.scale.is_empty() || args.scale.contains(&0) {
        return Err(Error::Other("--scale takes positive copy counts, e.g. --scale 1,10,100".into()));
    }
    let temporary = std::env::temp_dir().join(format!("gwkg-bench-{}", std::process::id()));
    let root = args.keep.clone().unwrap_or_else(|| temporary.clone());
    let outcome = (|| -> Result<Vec<ScaleResult>> {
        let mut results = Vec::new();
        for &scale in &args.scale {
            let work = root.join(format!("scale-{scale}"));
            if work.exists() {
                std::fs::remove_dir_all(&work).map_err(|e| Error::io(&work, e))?;
            }
            make_corpus(&args.corpus, &work.join("corpus"), scale)?;
            eprintln!("bench: building {scale}× in {}", work.display());
            // With --repeat, the fastest build and the fastest of each floor are kept: each is
            // the best this machine did, whatever else ran beside it.
            let mut best: Option<ScaleResult> = None;
            let mut floors: Option<Floors> = None;
            for _ in 0..args.repeat.max(1) {
                let result: ScaleResult = child(&["--one-scale", &scale.to_string()], &work, scale)?;
                let measured: Floors = child(&["--floors"], &work, scale)?;
                if best.as_ref().is_none_or(|b| result.build_s < b.build_s) {
                    best = Some(result);
                }
                floors = Some(match floors {
                    None => measured,
                    Some(f) => f.fastest(measured),
                });
            }
            let mut best = best.expect("at least one run"); // ok: the loop runs at least once
            floors.expect("at least one run").apply(&mut best); // ok: the loop runs at least once
            best.trace_ms = trace_ms(&work.join("store"));
            results.push(best);
        }
        Ok(results)
    })();
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&temporary);
    }
    let scales = outcome?;
    let report = BenchReport { threads: rayon::current_num_threads(), targets: targets(&scales), scales };
    match args.format {
        TableOrJson::Json => {
            outln!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::Other(e.to_string()))?);
        }
        TableOrJson::Table => out!("{}", render(&report)),
    }
    Ok(())
}

/// Writes `copies` distinct copies of every report under `source` into `dir`, with a manifest
/// carrying over what the source manifest says about each file.
pub fn make_corpus(source: &Path, dir: &Path, copies: usize) -> Result<usize> {
    let sources = crate::corpus::discover(&[source.to_path_buf()])?;
    if sources.is_empty() {
        return Err(Error::Other(format!("no report files (*.txt) found in {}", source.display())));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut manifest = toml::Table::new();
    let mut entries = Vec::new();
    let mut names = std::collections::HashSet::new();
    for file in &sources {
        let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
        let stem = file.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let extension = file.path.extension().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "txt".into());
        for copy in 1..=copies {
            let name = if copy == 1 { format!("{stem}.{extension}") } else { format!("{stem}-copy{copy}.{extension}") };
            if !names.insert(name.clone()) {
                return Err(Error::Other(format!("{}: two reports are named {name}; rename one", source.display())));
            }
            let path = dir.join(&name);
            let mut text = bytes.clone();
            if copy > 1 {
                text.extend(trailing_line(&bytes, &format!("\ncopy {copy}\n")));
            }
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
            if let Some(entry) = &file.manifest {
                entries.push(toml::Value::Table(manifest_entry(entry, &name, copy)));
            }
        }
    }
    if !entries.is_empty() {
        manifest.insert("report".into(), toml::Value::Array(entries));
        let path = dir.join("manifest.toml");
        std::fs::write(&path, manifest.to_string()).map_err(|e| Error::io(&path, e))?;
    }
    Ok(sources.len() * copies)
}

/// An ASCII line in the encoding of a file that starts with `bytes` (UTF-16 by its byte-order
/// mark; every other encoding gwkg reads is a superset of ASCII).
fn trailing_line(bytes: &[u8], line: &str) -> Vec<u8> {
    match bytes {
        [0xFF, 0xFE, ..] => line.bytes().flat_map(|b| [b, 0]).collect(),
        [0xFE, 0xFF, ..] => line.bytes().flat_map(|b| [0, b]).collect(),
        _ => line.as_bytes().to_vec(),
    }
}

/// The manifest fields that change what is read, for copy `copy` of a file.
fn manifest_entry(entry: &crate::corpus::ManifestEntry, name: &str, copy: usize) -> toml::Table {
    let mut table = toml::Table::new();
    let mut put = |key: &str, value: Option<toml::Value>| {
        if let Some(value) = value {
            table.insert(key.into(), value);
        }
    };
    let text = |s: &Option<String>| s.clone().map(toml::Value::String);
    put("file", Some(toml::Value::String(name.into())));
    put("id", entry.id.as_ref().map(|id| toml::Value::String(if copy == 1 { id.clone() } else { format!("{id}-copy{copy}") })));
    put("title", text(&entry.title));
    put("date", entry.date.map(|d| toml::Value::String(d.to_string())));
    put("year", entry.year.map(|y| toml::Value::Integer(y.into())));
    put("kind", entry.kind.map(|k| toml::Value::String(k.as_str().into())));
    put("speaker", text(&entry.speaker));
    put("speaker_role", text(&entry.speaker_role));
    put("meeting", text(&entry.meeting));
    put("region", text(&entry.region));
    table
}

/// Runs `gwkg bench ARGS --work DIR` and reads its JSON.
fn child<T: serde::de::DeserializeOwned>(args: &[&str], work: &Path, scale: usize) -> Result<T> {
    let exe = std::env::current_exe().map_err(|e| Error::Other(format!("cannot find the gwkg binary: {e}")))?;
    let out = Command::new(&exe)
        .arg("bench")
        .args(args)
        .arg("--work")
        .arg(work)
        .output()
        .map_err(|e| Error::io(&exe, e))?;
    if !out.status.success() {
        return Err(Error::Other(format!(
            "the {scale}× bench step `{}` failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    serde_json::from_slice(&out.stdout)
        .map_err(|e| Error::Other(format!("the {scale}× bench step `{}` printed no measurements: {e}", args.join(" "))))
}

/// Median wall time (ms) of a `gwkg trace` process on `store`, after one warm-up run, over
/// up to TRACE_RUNS runs (fewer when they take seconds); `None` when the entity is not in the
/// store.
fn trace_ms(store: &Path) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    let run = || -> Option<f64> {
        let started = Instant::now();
        let out = Command::new(&exe).args(["trace", TRACE_NAME, "--store"]).arg(store).output().ok()?;
        out.status.success().then(|| started.elapsed().as_secs_f64() * 1000.0)
    };
    let warm_up = run()?;
    let mut times = Vec::new();
    let mut spent = 0.0;
    while times.len() < TRACE_RUNS && (times.is_empty() || spent + warm_up < TRACE_BUDGET_MS) {
        let ms = run()?;
        spent += ms;
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    Some(times[times.len() / 2])
}

/// The child: builds `work/corpus` into `work/store`, timing each stage.
fn one_scale(scale: usize, work: &Path) -> Result<ScaleResult> {
    let corpus = work.join("corpus");
    let store = work.join("store");
    for stale in ["store", "floor-store", "export.nq"] {
        let path = work.join(stale);
        let _ = std::fs::remove_dir_all(&path);
        let _ = std::fs::remove_file(&path);
    }
    let input = InputArgs { paths: vec![corpus], year: None, keep_going: false, dicts: Vec::new() };
    let seconds = |d: Duration| d.as_secs_f64();

    // The build, exactly as `gwkg build` runs it.
    crate::extract::tokens::segment_clock::start();
    let built = crate::pipeline::build(&input, &store);
    let segment_cpu = crate::extract::tokens::segment_clock::stop();
    let built = built?;
    let peak_rss_mb = peak_rss_kb().map_or(0.0, |kb| kb as f64 / 1024.0);
    let timings = built.analysis;

    // Segment and extract share the extraction wall time in proportion to their thread time.
    let share = if timings.extract_cpu.is_zero() { 0.0 } else { (seconds(segment_cpu) / seconds(timings.extract_cpu)).min(1.0) };
    let segment = seconds(timings.extract) * share;
    let extract = seconds(timings.extract) - segment;
    Ok(ScaleResult {
        scale,
        reports: built.reports,
        characters: built.characters,
        sentences: built.sentences,
        mentions: built.mentions,
        entities: built.entities,
        decode_normalise_s: seconds(built.read),
        dictionary_s: seconds(built.dictionary),
        segment_s: segment,
        extract_s: extract,
        resolve_s: seconds(timings.resolve),
        lineage_s: seconds(built.lineage),
        rdf_s: seconds(built.rdf),
        store_s: seconds(built.store),
        build_s: seconds(built.total),
        triples: built.quads,
        peak_rss_mb,
        floor_jieba_load_s: 0.0,
        floor_jieba_tag_s: 0.0,
        floor_jieba_s: 0.0,
        floor_bulk_load_s: 0.0,
        floor_quads: 0,
        jieba_tag_warm_s: 0.0,
        jieba_tag_gwkg_dictionary_s: 0.0,
        extraction_ratio: 0.0,
        build_ratio: 0.0,
        trace_ms: None,
    })
}

/// What the `--floors` child measures.
#[derive(Debug, Serialize, Deserialize)]
struct Floors {
    jieba_load_s: f64,
    jieba_tag_s: f64,
    jieba_tag_warm_s: f64,
    jieba_tag_gwkg_dictionary_s: f64,
    bulk_load_s: f64,
    quads: usize,
}

impl Floors {
    /// The faster of two measurements, floor by floor.
    fn fastest(self, other: Floors) -> Floors {
        let jieba = if self.jieba_load_s + self.jieba_tag_s <= other.jieba_load_s + other.jieba_tag_s { &self } else { &other };
        Floors {
            jieba_load_s: jieba.jieba_load_s,
            jieba_tag_s: jieba.jieba_tag_s,
            jieba_tag_warm_s: self.jieba_tag_warm_s.min(other.jieba_tag_warm_s),
            jieba_tag_gwkg_dictionary_s: self.jieba_tag_gwkg_dictionary_s.min(other.jieba_tag_gwkg_dictionary_s),
            bulk_load_s: self.bulk_load_s.min(other.bulk_load_s),
            quads: self.quads,
        }
    }

    /// Fills in the floors of a build and its ratios against them.
    fn apply(&self, r: &mut ScaleResult) {
        r.floor_jieba_load_s = self.jieba_load_s;
        r.floor_jieba_tag_s = self.jieba_tag_s;
        r.floor_jieba_s = self.jieba_load_s + self.jieba_tag_s;
        r.floor_bulk_load_s = self.bulk_load_s;
        r.floor_quads = self.quads;
        r.jieba_tag_warm_s = self.jieba_tag_warm_s;
        r.jieba_tag_gwkg_dictionary_s = self.jieba_tag_gwkg_dictionary_s;
        r.extraction_ratio = (r.build_s - r.store_s) / r.floor_jieba_s;
        r.build_ratio = r.build_s / (r.floor_jieba_s + r.floor_bulk_load_s);
    }
}

/// One `tag(sentence, true)` over every body sentence of `reports`, in parallel over reports.
fn tag_pass(jieba: &jieba_rs::Jieba, reports: &[crate::report::Report]) -> Duration {
    let started = Instant::now();
    let tokens: usize = reports
        .par_iter()
        .map(|r| {
            let text = r.analysis_text();
            (0..r.sentences.len()).filter(|&i| r.is_body(i)).map(|i| jieba.tag(r.sentences[i].text(text), true).len()).sum::<usize>()
        })
        .sum();
    std::hint::black_box(tokens);
    started.elapsed()
}

/// The second child: the floors of the scale built in `work`, in a fresh process.
fn floors(work: &Path) -> Result<Floors> {
    let input = InputArgs { paths: vec![work.join("corpus")], year: None, keep_going: false, dicts: Vec::new() };
    let reports = crate::cli::read_inputs(&input)?;

    // Floor 1: one raw jieba pass with POS tags over the same normalised sentences.
    let started = Instant::now();
    let jieba = jieba_rs::Jieba::new();
    let jieba_load = started.elapsed();
    let jieba_tag = tag_pass(&jieba, &reports);
    // Diagnostics: the same pass again, and with gwkg's dictionary.
    let jieba_tag_warm = tag_pass(&jieba, &reports);
    drop(jieba);
    let lexicon = crate::lexicon::Lexicon::load(&input.dicts)?;
    let jieba_tag_gwkg = tag_pass(&lexicon.jieba, &reports);
    drop((reports, lexicon));

    // Floor 2: the build's own N-Quads export bulk-loaded into a fresh on-disk store.
    let store = work.join("store");
    let export = work.join("export.nq");
    {
        let db = crate::store::open_read_only(&store)?;
        let file = std::fs::File::create(&export).map_err(|e| Error::io(&export, e))?;
        crate::store::export(&db, oxigraph::io::RdfFormat::NQuads, BufWriter::new(file))?;
    }
    let floor_store = work.join("floor-store");
    let _ = std::fs::remove_dir_all(&floor_store);
    let failed = |e: &dyn std::fmt::Display| Error::store(&floor_store, format!("bulk load floor failed: {e}"));
    let started = Instant::now();
    let db = oxigraph::store::Store::open(&floor_store).map_err(|e| failed(&e))?;
    let mut loader = db.bulk_loader().with_max_memory_size_in_megabytes(crate::store::BULK_LOAD_MEGABYTES);
    let file = std::fs::File::open(&export).map_err(|e| Error::io(&export, e))?;
    loader
        .load_from_reader(oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads), BufReader::new(file))
        .map_err(|e| failed(&e))?;
    loader.commit().map_err(|e| failed(&e))?;
    db.flush().map_err(|e| failed(&e))?;
    let bulk_load = started.elapsed();
    let quads = db.len().map_err(|e| failed(&e))?;
    drop(db);
    let _ = std::fs::remove_dir_all(&floor_store);
    let _ = std::fs::remove_file(&export);
    let seconds = |d: Duration| d.as_secs_f64();
    Ok(Floors {
        jieba_load_s: seconds(jieba_load),
        jieba_tag_s: seconds(jieba_tag),
        jieba_tag_warm_s: seconds(jieba_tag_warm),
        jieba_tag_gwkg_dictionary_s: seconds(jieba_tag_gwkg),
        bulk_load_s: seconds(bulk_load),
        quads,
    })
}

/// The process's peak resident set size (VmHWM) in kB, from /proc/self/status.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The targets of issue 8, with the values of this run where it has the scales they need.
pub fn targets(scales: &[ScaleResult]) -> Vec<Target> {
    let at = |n: usize| scales.iter().find(|s| s.scale == n);
    let check = |name: &str, target: &str, value: Option<f64>, ok: fn(f64) -> bool| Target {
        name: name.into(),
        target: target.into(),
        value,
        met: value.map(ok),
    };
    vec![
        check("extraction ratio at 20×", "≤ 2.0", at(20).map(|s| s.extraction_ratio), |v| v <= 2.0),
        check("build ratio at 20×", "≤ 1.3", at(20).map(|s| s.build_ratio), |v| v <= 1.3),
        check(
            "100× build time / 10× build time",
            "≤ 11",
            at(100).zip(at(10)).map(|(a, b)| a.build_s / b.build_s),
            |v| v <= 11.0,
        ),
        check("peak RSS at 100× (MB)", "< 1536", at(100).map(|s| s.peak_rss_mb), |v| v < 1536.0),
        check("bundled corpus build, 1× (s)", "< 1", at(1).map(|s| s.build_s), |v| v < 1.0),
        check("gwkg trace 1361 on the 1× store (ms)", "< 50", at(1).and_then(|s| s.trace_ms), |v| v < 50.0),
    ]
}

/// The table and the targets, for the terminal.
fn render(report: &BenchReport) -> String {
    let header = [
        "scale", "reports", "chars", "read", "dict", "segment", "extract", "resolve", "lineage", "rdf", "store", "build",
        "triples", "peak MB", "jieba", "load", "extr.ratio", "build ratio", "trace ms",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    for s in &report.scales {
        let t = |x: f64| format!("{x:.3}");
        rows.push(vec![
            format!("{}×", s.scale),
            s.reports.to_string(),
            s.characters.to_string(),
            t(s.decode_normalise_s),
            t(s.dictionary_s),
            t(s.segment_s),
            t(s.extract_s),
            t(s.resolve_s),
            t(s.lineage_s),
            t(s.rdf_s),
            t(s.store_s),
            t(s.build_s),
            s.triples.to_string(),
            format!("{:.0}", s.peak_rss_mb),
            t(s.floor_jieba_s),
            t(s.floor_bulk_load_s),
            format!("{:.2}", s.extraction_ratio),
            format!("{:.2}", s.build_ratio),
            s.trace_ms.map_or("-".into(), |ms| format!("{ms:.0}")),
        ]);
    }
    let widths: Vec<usize> =
        (0..header.len()).map(|i| rows.iter().map(|r| unicode_width::UnicodeWidthStr::width(r[i].as_str())).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| format!("{}{cell}", " ".repeat(w - unicode_width::UnicodeWidthStr::width(cell.as_str()))))
            .collect();
        out.push_str(&cells.join("  "));
        out.push('\n');
        if n == 0 {
            out.push_str(&widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().join("  "));
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\ntimes in seconds (wall, {} threads); read = decode+normalise (+ sentences, sections);\n\
         dict = dictionary load, the part of it that outlasted read (it runs beside read);\n\
         jieba = floor: Jieba::new() + one tag pass; load = floor: bulk load of the build's N-Quads export;\n\
         extr.ratio = (build - store) / jieba; build ratio = build / (jieba + load)\n\ntargets:\n",
        report.threads
    ));
    let name_width = report.targets.iter().map(|t| t.name.chars().count()).max().unwrap_or(0);
    for t in &report.targets {
        let value = t.value.map_or("not measured (scale missing)".to_string(), |v| format!("{v:.2}"));
        let verdict = match t.met {
            Some(true) => "  met",
            Some(false) => "  NOT met",
            None => "",
        };
        out.push_str(&format!("  {:<name_width$}  {:<7} {value}{verdict}\n", t.name, t.target));
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_distinct_reports() {
        let dir = std::env::temp_dir().join(format!("gwkg-bench-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let originals = crate::corpus::discover(&[corpus.clone()]).unwrap().len();
        assert_eq!(make_corpus(&corpus, &dir, 3).unwrap(), originals * 3);
        let read = crate::corpus::read_all(&crate::corpus::discover(&[dir.clone()]).unwrap(), &Default::default());
        assert!(read.failures.is_empty() && read.notes.is_empty(), "{:?} {:?}", read.failures, read.notes);
        assert_eq!(read.reports.len(), originals * 3);
        let ids: std::collections::BTreeSet<&str> = read.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), originals * 3);
        // Copy 1 is the file itself; later copies end with their number.
        let first = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).find(|p| p.to_string_lossy().ends_with("-copy3.txt")).unwrap();
        assert!(std::fs::read_to_string(first).unwrap().ends_with("\ncopy 3\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn utf16_files_get_a_utf16_line() {
        assert_eq!(trailing_line(&[0xFF, 0xFE, b'a', 0], "7"), vec![b'7', 0]);
        assert_eq!(trailing_line(&[0xFE, 0xFF, 0, b'a'], "7"), vec![0, b'7']);
        assert_eq!(trailing_line("重庆".as_bytes(), "7"), b"7".to_vec());
    }
}
