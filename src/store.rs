//! The on-disk oxigraph store: atomic builds, read-only opening, SPARQL, export.
//!
//! Atomic replacement: `--store DIR` is a symbolic link to a generation directory
//! (`DIR.gen-<time>-<pid>`). A build writes a new generation with oxigraph's bulk loader and
//! then swaps the link with one `rename`, which POSIX makes atomic; the previous generation is
//! removed afterwards. A build killed at any point leaves the previous store as it was (at
//! worst an unused generation directory, removed by the next build). Readers open the store
//! read-only, so `query`, `trace` and `serve` run beside each other and beside a build. Writers
//! take [`WriterLock`] first, so a second `build` or `add` of the same store is refused at once
//! instead of racing the first.

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::rdf::{ONTOLOGY_GRAPH, ONTOLOGY_TTL, PREFIXES};

/// Name of the file in a generation that lists the source files it was built from.
pub const SOURCES_FILE: &str = "gwkg-sources.json";

/// Memory the bulk loader aims at (it sizes its batches from this).
pub const BULK_LOAD_MEGABYTES: usize = 200;

/// The right to write a store, held for a whole `gwkg build` or `gwkg add`: an advisory lock
/// on `.NAME.lock` beside the store, released when the value is dropped or the process ends
/// (killed or not). Two writers of one store would otherwise both succeed, the last one
/// silently discarding what the first added.
pub struct WriterLock {
    _file: std::fs::File,
}

impl WriterLock {
    /// Takes the lock, or says which process holds it.
    pub fn acquire(store: &Path) -> Result<WriterLock> {
        let parent = store.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = store.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "store".into());
        let path = parent.join(format!(".{name}.lock"));
        let unwritable = |e: std::io::Error| {
            Error::store(store, format!("cannot create {}: {e}; choose a --store in a directory you can write to", path.display()))
        };
        std::fs::create_dir_all(parent).map_err(unwritable)?;
        let mut file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(unwritable)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                let who = if holder.is_empty() { "another process".to_string() } else { format!("process {holder}") };
                return Err(Error::store(
                    store,
                    format!("is being written by {who} (another gwkg build or add); wait for it to finish, the store is unchanged"),
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::store(store, format!("cannot lock {}: {e}", path.display()))),
        }
        // Say who holds it, for the message above; the lock works without it.
        let _ = file.set_len(0).and_then(|()| write!(file, "{}", std::process::id()));
        Ok(WriterLock { _file: file })
    }
}

/// Builds a new store generation from `quads` and makes `store` point to it; returns the
/// number of quads loaded, the ontology's included. `quads` may be a stream
/// ([`crate::rdf::stream`]): the bulk loader takes them in batches as they come.
pub fn write_atomically(store: &Path, quads: impl IntoIterator<Item = Quad>, sources: &[PathBuf]) -> Result<usize> {
    if store.exists() && !store.is_symlink() {
        let is_oxigraph = store.join("CURRENT").exists();
        let is_empty = std::fs::read_dir(store).map(|mut d| d.next().is_none()).unwrap_or(false);
        if is_empty {
            std::fs::remove_dir(store).map_err(|e| Error::store(store, e))?;
        } else if !is_oxigraph {
            return Err(Error::store(store, "exists and is not a gwkg store; choose another --store or remove it"));
        } else {
            return Err(Error::store(store, "is a plain store directory from elsewhere; move it away or choose another --store"));
        }
    }
    let unwritable = |what: &Path, e: std::io::Error| {
        Error::store(store, format!("cannot create {}: {e}; choose a --store in a directory you can write to", what.display()))
    };
    let parent = store.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| unwritable(parent, e))?;
    let name = store.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "store".into());
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let generation_name = format!("{name}.gen-{stamp}-{}", std::process::id());
    let generation = parent.join(&generation_name);
    let ontology = ontology_quads()?;
    // Create the generation directory first, so that an unwritable place is reported as such.
    std::fs::create_dir(&generation).map_err(|e| {
        Error::store(store, format!("cannot write in {}: {e}; choose a --store in a directory you can write to", parent.display()))
    })?;
    let mut count = ontology.len();
    let result = (|| -> Result<()> {
        let failed = |e: &dyn std::fmt::Display| Error::store(store, format!("writing {} failed: {e}", generation.display()));
        let db = Store::open(&generation).map_err(|e| failed(&e))?;
        // Batches of ~100k quads instead of oxigraph's default million per thread: a large build
        // would otherwise hold several batches beside the quads themselves.
        let mut loader = db.bulk_loader().with_max_memory_size_in_megabytes(BULK_LOAD_MEGABYTES);
        loader.load_quads(ontology.into_iter().chain(quads.into_iter().inspect(|_| count += 1))).map_err(|e| failed(&e))?;
        loader.commit().map_err(|e| failed(&e))?;
        db.flush().map_err(|e| failed(&e))?;
        let list = serde_json::to_string_pretty(&sources.iter().map(|p| p.display().to_string()).collect::<Vec<_>>())
            .map_err(|e| Error::Other(e.to_string()))?;
        std::fs::write(generation.join(SOURCES_FILE), list).map_err(|e| failed(&e))?;
        Ok(())
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_dir_all(&generation);
        return Err(error);
    }
    // Swap the link: make a new link beside it, then rename it over the old one.
    let previous = std::fs::read_link(store).ok();
    let temporary_link = parent.join(format!(".{name}.link-{}", std::process::id()));
    let swapped = (|| -> std::io::Result<()> {
        let _ = std::fs::remove_file(&temporary_link);
        std::os::unix::fs::symlink(&generation_name, &temporary_link)?;
        std::fs::rename(&temporary_link, store)
    })();
    if let Err(e) = swapped {
        let _ = std::fs::remove_file(&temporary_link);
        let _ = std::fs::remove_dir_all(&generation);
        return Err(Error::store(store, format!("cannot replace the link: {e}; the previous store is unchanged")));
    }
    if let Some(previous) = previous {
        let previous = if previous.is_absolute() { previous } else { parent.join(previous) };
        // A generation another process still reads (a `gwkg serve`, a long query) is kept; the
        // next build removes it once nobody uses it.
        if previous != generation && !in_use(&previous) {
            let _ = std::fs::remove_dir_all(previous);
        }
    }
    remove_stale_generations(parent, &name, &generation_name);
    Ok(count)
}

/// Removes what killed builds of this store left beside it: generation directories no link
/// points to and temporary links, once the process that made them is gone and no process
/// has the directory open.
fn remove_stale_generations(parent: &Path, name: &str, current: &str) {
    let prefix = format!("{name}.gen-");
    let link_prefix = format!(".{name}.link-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_generation = file_name.starts_with(&prefix) && file_name != current;
        if !is_generation && !file_name.starts_with(&link_prefix) {
            continue;
        }
        // The builder's pid is the last field.
        let pid = file_name.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists() && p != std::process::id());
        if alive {
            continue;
        }
        if is_generation {
            if !in_use(&entry.path()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        } else {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether another process has a file in `dir` open (Linux: looks through `/proc/*/fd`).
/// Where `/proc` cannot be read, nothing is considered in use.
fn in_use(dir: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else { return false };
    let own = std::process::id().to_string();
    let Ok(processes) = std::fs::read_dir("/proc") else { return false };
    for process in processes.flatten() {
        let pid = process.file_name();
        let pid = pid.to_string_lossy();
        if !pid.bytes().all(|b| b.is_ascii_digit()) || pid == own {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(process.path().join("fd")) else { continue };
        if fds.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target.starts_with(&dir))) {
            return true;
        }
    }
    false
}

/// The ontology as quads in its own graph.
pub fn ontology_quads() -> Result<Vec<Quad>> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(ONTOLOGY_GRAPH));
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ONTOLOGY_TTL.as_bytes())
        .map(|t| t.map(|t| Quad::new(t.subject, t.predicate, t.object, graph.clone())))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::Other(format!("ontology/gwkg.ttl does not parse: {e}")))
}

/// Opens a built store read-only.
pub fn open_read_only(store: &Path) -> Result<Store> {
    if !store.exists() {
        return Err(Error::store(store, "does not exist; run `gwkg build` first (or pass --store DIR)"));
    }
    let target = std::fs::canonicalize(store).map_err(|e| Error::store(store, e))?;
    Store::open_read_only(&target).map_err(|e| {
        Error::store(store, format!("cannot open: {e}; pass the --store a `gwkg build` wrote, or rebuild it"))
    })
}

/// The source files a store was built from.
pub fn sources(store: &Path) -> Result<Vec<PathBuf>> {
    let path = store.join(SOURCES_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::store(store, format!("cannot read its source list: {e}")))?;
    let list: Vec<String> = serde_json::from_str(&text).map_err(|e| Error::store(store, e))?;
    Ok(list.into_iter().map(PathBuf::from).collect())
}

/// A SPARQL query prepared with gwkg's prefixes and the default graph as the union of all graphs.
pub fn run_query<'a>(db: &'a Store, query: &str) -> Result<QueryResults<'a>> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator.with_prefix(prefix, iri).map_err(|e| Error::Query { detail: e.to_string() })?;
    }
    let mut prepared = evaluator.parse_query(query).map_err(|e| Error::Query { detail: syntax_error(query, &e.to_string()) })?;
    prepared.dataset_mut().set_default_graph_as_union();
    prepared.on_store(db).execute().map_err(|e| Error::Query { detail: e.to_string() })
}

/// A parser message `error at 3:7: expected …` as `syntax error at line 3, column 7: expected …`,
/// with the line quoted and the column marked.
fn syntax_error(query: &str, message: &str) -> String {
    let position = message.strip_prefix("error at ").and_then(|rest| {
        let (at, expected) = rest.split_once(": ")?;
        let (line, column) = at.split_once(':')?;
        Some((line.parse::<usize>().ok()?, column.parse::<usize>().ok()?, expected))
    });
    let Some((line, column, expected)) = position else {
        return format!("{message}; check the query");
    };
    let mut detail = format!(
        "syntax error at line {line}, column {column}: {expected}; fix the query (the prefixes {} are predeclared)",
        PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect::<Vec<_>>().join(" ")
    );
    match query.lines().nth(line.saturating_sub(1)) {
        Some(text) => {
            let before: String = text.chars().take(column.saturating_sub(1)).collect();
            let indent = unicode_width::UnicodeWidthStr::width(before.as_str());
            detail.push_str(&format!("\n  {text}\n  {}^", " ".repeat(indent)));
        }
        None => detail.push_str(" (the query ends too early)"),
    }
    detail
}

/// Writes the whole dataset in an RDF syntax.
pub fn export(db: &Store, format: RdfFormat, out: impl Write) -> Result<()> {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(prefix, iri).map_err(|e| Error::Other(e.to_string()))?;
    }
    if matches!(format, RdfFormat::Turtle | RdfFormat::NTriples) {
        // Triple formats carry no graph names: the union of all graphs is written.
        let mut writer = serializer.for_writer(out);
        for quad in db.iter() {
            let quad = quad.map_err(|e| Error::Other(e.to_string()))?;
            writer.serialize_triple(quad.as_ref()).map_err(|e| Error::Other(e.to_string()))?;
        }
        writer.finish().map_err(|e| Error::Other(e.to_string()))?;
        return Ok(());
    }
    db.dump_to_writer(serializer, out).map_err(|e| Error::Other(e.to_string()))?;
    Ok(())
}
