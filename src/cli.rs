//! The command line: argument parsing (clap) and one function per command.
//!
//! Commands print results on stdout and problems on stderr; a failure exits with status 1,
//! never with a panic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::{self, DEFAULT_CORPUS};
use crate::error::{Error, Result};
use crate::report::{LoadOptions, Report};

#[derive(Parser)]
#[command(name = "gwkg", version, about = "Build and query a time-anchored knowledge graph of Chinese government work reports")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the inputs come from, shared by commands that read report files.
#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// Report files or directories (default: corpus/)
    pub paths: Vec<PathBuf>,
    /// Report year for files whose header has no date
    #[arg(long)]
    pub year: Option<i32>,
    /// Build the good files and list the bad ones at the end instead of stopping at the first
    #[arg(long)]
    pub keep_going: bool,
    /// Extra dictionary (jieba format `word [freq] [tag]`; tag programme|place|project|institution adds to a gazetteer)
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableOrJson {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TextOrJson {
    #[value(alias = "table")]
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Nquads,
    Trig,
    Turtle,
    Ntriples,
}

#[derive(Subcommand)]
enum Command {
    /// Read reports and build the store
    Build {
        #[command(flatten)]
        input: InputArgs,
        /// Store directory
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// List the reports read from the inputs, with metadata and sections
    Reports {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: TableOrJson,
    },
    /// Add or replace reports in an existing store (rebuilds it atomically with the new files)
    Add {
        /// Report files to add
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
        /// Extra dictionary
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
        /// Report year for files whose header has no date
        #[arg(long)]
        year: Option<i32>,
    },
    /// Run a SPARQL query over the store (prefixes gw: rdfs: skos: dcterms: prov: xsd: are predeclared)
    Query {
        /// A file holding the query
        file: Option<PathBuf>,
        /// The query text itself
        #[arg(short = 'e', long = "expr", conflicts_with = "file")]
        expr: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: crate::results::ResultFormat,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// Dump the whole dataset in a standard RDF syntax
    Export {
        #[arg(long, value_enum, default_value = "nquads")]
        format: ExportFormat,
        /// Output file (default: stdout)
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// Trace an entity across years: mentions, stages, quantities, related entities
    Trace {
        /// A code (1361), a label or an alias
        name: String,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// The lineage neighbourhood of an entity: before, after, parts, renames
    Lineage {
        name: String,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// Graphviz DOT of an entity's lineage (or of all related entities with --all)
    Dot {
        /// A code, label or alias
        #[arg(required_unless_present = "all")]
        name: Option<String>,
        /// Every entity that takes part in a relation
        #[arg(long, conflicts_with = "name")]
        all: bool,
        /// Relation steps to follow from the entity
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Output file (default: stdout)
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
    },
    /// Regenerate the lineage gallery: DOT (and SVG when Graphviz is installed) for each name in DIR/gallery.txt
    Gallery {
        /// Gallery directory holding gallery.txt
        #[arg(long, default_value = "graphs")]
        dir: PathBuf,
        #[arg(long, default_value = "graphs/store")]
        store: PathBuf,
        /// Relation steps to follow from each entity
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// Measure extraction against the gold set: precision, recall, F1 per type, years right
    Eval {
        /// Gold directory (entities.toml, sentences.toml)
        #[arg(default_value = "tests/gold")]
        gold: PathBuf,
        /// Reports to evaluate on
        #[arg(long = "corpus", default_value = "corpus")]
        corpus: Vec<PathBuf>,
        /// Also show plain jieba POS tagging as a baseline
        #[arg(long)]
        baseline: bool,
        /// List missed and spurious mentions
        #[arg(long)]
        verbose: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: TableOrJson,
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
    },
    /// Show how a piece of text is segmented (jieba tokens and POS tags) and what is recognised in it
    Segment {
        /// Text to analyse
        text: String,
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
        /// Province of the text (for short district names), e.g. 重庆市
        #[arg(long, default_value = "")]
        region: String,
    },
    /// Serve the store over HTTP: a SPARQL 1.1 Protocol endpoint at /sparql and a browser view at /
    Serve(crate::serve::ServeArgs),
    /// Benchmark the build at several corpus scales against its floors (a jieba pass, a bulk load)
    Bench(crate::bench::BenchArgs),
    /// List the entities found in the inputs, with their years and mention counts
    Entities {
        #[command(flatten)]
        input: InputArgs,
        /// Only this kind
        #[arg(long = "type", value_enum)]
        kind: Option<crate::extract::EntityKind>,
        /// Only entities spoken about in this year
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
}

/// Writes to stdout (see the `out!` macro): a closed pipe ends the process with success, any
/// other write error with failure, never with a panic.
pub fn write_stdout(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout: {error}");
        std::process::exit(1);
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run(cli.command);
    let skipped = std::mem::take(&mut *SKIPPED.lock().unwrap_or_else(|e| e.into_inner()));
    if !skipped.is_empty() {
        eprintln!("skipped {} bad file(s):", skipped.len());
        for failure in &skipped {
            eprintln!("  {failure}");
        }
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Bad files skipped under `--keep-going`, listed once the command has finished.
static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn run(command: Command) -> Result<()> {
    match command {
        Command::Build { input, store } => build(&input, &store),
        Command::Reports { input, format } => reports(&input, format),
        Command::Entities { input, kind, year, format } => entities(&input, kind, year, format),
        Command::Serve(args) => crate::serve::run(args),
        Command::Bench(args) => crate::bench::run(args),
        Command::Segment { text, dicts, region } => segment(&text, &dicts, &region),
        Command::Add { files, store, dicts, year } => add(&files, &store, dicts, year),
        Command::Query { file, expr, format, store } => query(file.as_deref(), expr.as_deref(), format, &store),
        Command::Export { format, output, store } => export(format, output.as_deref(), &store),
        Command::Trace { name, format, store } => trace(&name, format, &store),
        Command::Lineage { name, store } => lineage(&name, &store),
        Command::Dot { name, all, depth, output, store } => dot(name.as_deref(), all, depth, output.as_deref(), &store),
        Command::Gallery { dir, store, depth } => gallery(&dir, &store, depth),
        Command::Eval { gold, corpus, baseline, verbose, format, dicts } => eval(&gold, corpus, baseline, verbose, format, dicts),
    }
}

/// Reads the inputs; reports failures per `--keep-going`.
pub fn read_inputs(input: &InputArgs) -> Result<Vec<Report>> {
    let paths = if input.paths.is_empty() { vec![PathBuf::from(DEFAULT_CORPUS)] } else { input.paths.clone() };
    let sources = corpus::discover(&paths)?;
    if sources.is_empty() {
        return Err(Error::Other(format!(
            "no report files (*.txt) found in {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )));
    }
    let corpus = corpus::read_all(&sources, &LoadOptions { year: input.year });
    for note in &corpus.notes {
        eprintln!("note: {note}");
    }
    if !corpus.failures.is_empty() {
        if !input.keep_going || corpus.reports.is_empty() {
            let mut message: Vec<String> = corpus.failures.iter().map(ToString::to_string).collect();
            if !input.keep_going && sources.len() > 1 {
                message.push("(nothing was written; pass --keep-going to build the other files)".into());
            }
            return Err(Error::Other(message.join("\nerror: ")));
        }
        SKIPPED.lock().unwrap_or_else(|e| e.into_inner()).extend(corpus.failures.iter().map(ToString::to_string));
    }
    let mut reports = corpus.reports;
    reports.sort_by(|a, b| (a.date, a.report_year, &a.id).cmp(&(b.date, b.report_year, &b.id)));
    Ok(reports)
}

fn build(input: &InputArgs, store: &Path) -> Result<()> {
    let _writer = crate::store::WriterLock::acquire(store)?;
    build_locked(input, store)
}

/// The build once the store's writer lock is held.
fn build_locked(input: &InputArgs, store: &Path) -> Result<()> {
    let summary = crate::pipeline::build(input, store)?;
    outln!(
        "built {} from {} reports: {} sentences, {} characters, {} entities, {} mentions, {} quads in {:.3} s (read {:.3} s, extract {:.3} s, store {:.3} s)",
        store.display(),
        summary.reports,
        summary.sentences,
        summary.characters,
        summary.entities,
        summary.mentions,
        summary.quads,
        summary.total.as_secs_f64(),
        summary.read.as_secs_f64(),
        (summary.analysis.extract + summary.analysis.resolve + summary.lineage).as_secs_f64(),
        (summary.rdf + summary.store).as_secs_f64()
    );
    Ok(())
}

fn add(files: &[PathBuf], store: &Path, dicts: Vec<PathBuf>, year: Option<i32>) -> Result<()> {
    if !store.exists() {
        crate::store::sources(store)?; // says there is no store to add to
    }
    // Held from reading the store's sources to the new store: a concurrent writer cannot slip
    // in between and have its reports dropped.
    let _writer = crate::store::WriterLock::acquire(store)?;
    let mut paths = crate::store::sources(store)?;
    for file in files {
        let file = std::fs::canonicalize(file).map_err(|e| Error::io(file, e))?;
        if !paths.contains(&file) {
            paths.push(file);
        }
    }
    let missing: Vec<String> = paths.iter().filter(|p| !p.exists()).map(|p| p.display().to_string()).collect();
    if !missing.is_empty() {
        return Err(Error::Other(format!(
            "the store was built from files that are gone: {}; rebuild with `gwkg build` instead",
            missing.join(", ")
        )));
    }
    let input = InputArgs { paths, year, keep_going: false, dicts };
    build_locked(&input, store)
}

fn read_query(file: Option<&Path>, expr: Option<&str>) -> Result<String> {
    match (file, expr) {
        (_, Some(text)) => Ok(text.to_string()),
        (Some(path), None) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| Error::io(path, e))?;
            Ok(text)
        }
        (Some(path), None) => std::fs::read_to_string(path).map_err(|e| Error::io(path, e)),
        (None, None) => Err(Error::Other("give a query file or -e QUERY".into())),
    }
}

fn query(file: Option<&Path>, expr: Option<&str>, format: crate::results::ResultFormat, store: &Path) -> Result<()> {
    let text = read_query(file, expr)?;
    let db = crate::store::open_read_only(store)?;
    let origin = file.map_or_else(|| "the -e query".to_string(), |p| p.display().to_string());
    let results = crate::store::run_query(&db, &text).map_err(|e| e.in_query(&origin))?;
    let stdout = std::io::stdout();
    crate::results::write(results, format, std::io::BufWriter::new(stdout.lock()))
}

fn export(format: ExportFormat, output: Option<&Path>, store: &Path) -> Result<()> {
    use oxigraph::io::RdfFormat;
    let format = match format {
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
    };
    let db = crate::store::open_read_only(store)?;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
            crate::store::export(&db, format, std::io::BufWriter::new(file))
        }
        None => crate::store::export(&db, format, std::io::BufWriter::new(std::io::stdout().lock())),
    }
}

fn trace(name: &str, format: TextOrJson, store: &Path) -> Result<()> {
    let db = crate::store::open_read_only(store)?;
    // A key (a programme's code) is looked up directly; any other name needs every entity's
    // labels and aliases.
    let found = match crate::trace::entity_with_key(&db, name)? {
        Some(iri) => {
            let graph = crate::lineage_graph::LineageGraph::load_around(&db, &iri)?;
            graph.entity_by_iri(&iri).map(|entity| (graph, entity))
        }
        None => None,
    };
    let (graph, entity) = match found {
        Some(found) => found,
        None => {
            let graph = crate::lineage_graph::LineageGraph::load_without_states(&db)?;
            let entity = crate::trace::find_entity(&graph, name)?;
            (graph, entity)
        }
    };
    let iri = graph.entities[entity].iri.clone();
    let entries = crate::trace::timeline(&db, &iri)?;
    match format {
        TextOrJson::Json => {
            outln!("{}", serde_json::to_string_pretty(&entries).map_err(|e| Error::Other(e.to_string()))?);
        }
        TextOrJson::Text => {
            let co = crate::trace::co_mentions(&db, &iri, 8)?;
            out!("{}", crate::trace::render_text(&graph, entity, &entries, &co));
        }
    }
    Ok(())
}

fn lineage(name: &str, store: &Path) -> Result<()> {
    use crate::lineage_graph::Relation;
    let db = crate::store::open_read_only(store)?;
    let graph = crate::lineage_graph::LineageGraph::load(&db)?;
    let entity = crate::trace::find_entity(&graph, name)?;
    let e = &graph.entities[entity];
    let names = |list: Vec<usize>| -> String {
        if list.is_empty() { "-".into() } else { list.iter().map(|&i| graph.entities[i].label.clone()).collect::<Vec<_>>().join(", ") }
    };
    let years: Vec<String> = graph.states[entity].iter().filter_map(|&n| graph.state(n)).map(|s| {
        if s.stages.is_empty() { s.year.to_string() } else { format!("{} {}", s.year, s.stages.join("/")) }
    }).collect();
    outln!("{} ({}, key {})", e.label, e.kind, e.key);
    outln!("  years:         {}", if years.is_empty() { "-".into() } else { years.join(" → ") });
    outln!("  came before:   {}", names([graph.reach(entity, Relation::RenamedTo, false), graph.reach(entity, Relation::RevisionOf, true)].concat()));
    outln!("  came after:    {}", names([graph.reach(entity, Relation::RenamedTo, true), graph.reach(entity, Relation::RevisionOf, false)].concat()));
    outln!("  parts:         {}", names(graph.reach(entity, Relation::HasComponent, true)));
    outln!("  part of:       {}", names([graph.reach(entity, Relation::PartOf, true), graph.reach(entity, Relation::HasComponent, false)].concat()));
    outln!("  parent org.:   {}", names(graph.reach(entity, Relation::ParentOrganization, true)));
    outln!("  member orgs.:  {}", names(graph.reach(entity, Relation::ParentOrganization, false)));
    Ok(())
}

fn dot(name: Option<&str>, all: bool, depth: usize, output: Option<&Path>, store: &Path) -> Result<()> {
    let db = crate::store::open_read_only(store)?;
    let graph = crate::lineage_graph::LineageGraph::load(&db)?;
    let (entities, title) = if all {
        (graph.related_entities(), "gwkg lineage: all related entities".to_string())
    } else {
        let entity = crate::trace::find_entity(&graph, name.unwrap_or_default())?;
        (graph.neighbourhood(entity, depth), format!("gwkg lineage: {}", graph.entities[entity].label))
    };
    let text = crate::dot::render(&graph, &entities, &title);
    match output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(path, e)),
        None => {
            out!("{text}");
            Ok(())
        }
    }
}

fn gallery(dir: &Path, store: &Path, depth: usize) -> Result<()> {
    let list_path = dir.join("gallery.txt");
    let list = std::fs::read_to_string(&list_path).map_err(|e| Error::io(&list_path, e))?;
    let db = crate::store::open_read_only(store)?;
    let graph = crate::lineage_graph::LineageGraph::load(&db)?;
    let has_dot = std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success());
    for name in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let entity = crate::trace::find_entity(&graph, name)?;
        let text = crate::dot::render(&graph, &graph.neighbourhood(entity, depth), &format!("gwkg lineage: {}", graph.entities[entity].label));
        let stem = crate::resolve::iri_safe(name);
        let dot_path = dir.join(format!("{stem}.dot"));
        std::fs::write(&dot_path, &text).map_err(|e| Error::io(&dot_path, e))?;
        if has_dot {
            let svg_path = dir.join(format!("{stem}.svg"));
            let status = std::process::Command::new("dot")
                .args(["-Tsvg", "-o"])
                .arg(&svg_path)
                .arg(&dot_path)
                .status()
                .map_err(|e| Error::io(&svg_path, e))?;
            if !status.success() {
                return Err(Error::Other(format!("dot failed on {}", dot_path.display())));
            }
        }
        outln!("{}{}", dot_path.display(), if has_dot { " (+ .svg)" } else { " (install Graphviz for the SVG)" });
    }
    Ok(())
}

fn eval(gold: &Path, corpus: Vec<PathBuf>, baseline: bool, verbose: bool, format: TableOrJson, dicts: Vec<PathBuf>) -> Result<()> {
    let gold = crate::eval::Gold::load(gold)?;
    let input = InputArgs { paths: corpus, year: None, keep_going: false, dicts: dicts.clone() };
    let crate::pipeline::Loaded { reports, lexicon, .. } = crate::pipeline::load(&input)?;
    let knowledge = crate::pipeline::analyse(reports, &lexicon);
    let (predicted, names) = crate::eval::system_predictions(&knowledge);
    let system = crate::eval::evaluate(&gold, &knowledge, &predicted, &names);
    let base = baseline.then(|| {
        let (predicted, names) = crate::eval::baseline_predictions(&knowledge, &lexicon);
        crate::eval::evaluate(&gold, &knowledge, &predicted, &names)
    });
    if format == TableOrJson::Json {
        let json = serde_json::json!({ "system": crate::eval::to_json(&system), "baseline": base.as_ref().map(crate::eval::to_json) });
        outln!("{}", serde_json::to_string_pretty(&json).map_err(|e| Error::Other(e.to_string()))?);
        return Ok(());
    }
    out!("{}", crate::eval::render(&system, base.as_ref()));
    if verbose {
        outln!("
missed (gold not found):");
        for m in &system.misses {
            outln!("  {} {}  [{}]  {}", m.kind.as_str(), m.surface, m.report, m.context);
        }
        outln!("
spurious (predicted, not in gold):");
        for m in &system.spurious {
            outln!("  {} {}  [{}]  {}", m.kind.as_str(), m.surface, m.report, m.context);
        }
        outln!("\nentities not found (no predicted entity of the type has one of their names):");
        for (kind, name) in &system.entities_missed {
            outln!("  {} {name}", kind.as_str());
        }
        outln!("\nyears wrong (gold → predicted):");
        let years = |set: &std::collections::BTreeSet<i32>| set.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
        for (kind, name, gold, predicted) in &system.years_wrong {
            outln!("  {} {name}  {} → {}", kind.as_str(), years(gold), years(predicted));
        }
    }
    Ok(())
}

fn reports(input: &InputArgs, format: TableOrJson) -> Result<()> {
    let reports = read_inputs(input)?;
    let summaries: Vec<_> = reports.iter().map(Report::summary).collect();
    match format {
        TableOrJson::Json => {
            outln!("{}", serde_json::to_string_pretty(&summaries).map_err(|e| Error::Other(e.to_string()))?);
        }
        TableOrJson::Table => {
            let mut rows = vec![vec![
                "id".to_string(), "date".into(), "year".into(), "kind".into(), "speaker".into(), "sections (years)".into(),
            ]];
            for s in &summaries {
                let sections = s
                    .sections
                    .iter()
                    .filter(|x| x.kind != crate::sections::SectionKind::Header)
                    .map(|x| format!("{}:{}", x.kind.as_str(), years_label(&x.about_years)))
                    .collect::<Vec<_>>()
                    .join(" ");
                rows.push(vec![
                    s.id.clone(),
                    s.date.clone().unwrap_or_default(),
                    s.report_year.to_string(),
                    s.kind.to_string(),
                    format!("{} {}", s.speaker_role.clone().unwrap_or_default(), s.speaker.clone().unwrap_or_default()),
                    sections,
                ]);
            }
            out!("{}", crate::table::render(&rows));
        }
    }
    Ok(())
}

/// `2021-2025` for a run of years, `2023` for one.
pub fn years_label(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if first != last && (last - first) as usize + 1 == years.len() => format!("{first}-{last}"),
        _ => years.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
    }
}

/// Reads and analyses the inputs.
pub fn analyse_inputs(input: &InputArgs) -> Result<crate::pipeline::Knowledge> {
    let crate::pipeline::Loaded { reports, lexicon, .. } = crate::pipeline::load(input)?;
    let spinner = corpus::spinner("analysing", crate::pipeline::is_big_work(&reports));
    let knowledge = crate::pipeline::analyse(reports, &lexicon);
    spinner.finish_and_clear();
    Ok(knowledge)
}

fn entities(input: &InputArgs, kind: Option<crate::extract::EntityKind>, year: Option<i32>, format: ListFormat) -> Result<()> {
    let knowledge = analyse_inputs(input)?;
    let mut rows: Vec<&crate::resolve::Entity> = knowledge
        .resolved
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k) && year.is_none_or(|y| e.years.contains(&y)))
        .collect();
    rows.sort_by(|a, b| (a.kind, std::cmp::Reverse(a.mentions.len()), &a.key).cmp(&(b.kind, std::cmp::Reverse(b.mentions.len()), &b.key)));
    let years = |e: &crate::resolve::Entity| years_label(&e.years.iter().copied().collect::<Vec<_>>());
    match format {
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "type": e.kind.as_str(), "key": e.key, "label": e.label, "aliases": e.aliases,
                        "years": e.years, "mentions": e.mentions.len(), "division_code": e.code,
                    })
                })
                .collect();
            outln!("{}", serde_json::to_string_pretty(&list).map_err(|e| Error::Other(e.to_string()))?);
        }
        ListFormat::Csv => {
            outln!("type,key,label,years,mentions,aliases");
            for e in rows {
                let aliases = e.aliases.iter().cloned().collect::<Vec<_>>().join("|");
                outln!("{},{},{},{},{},{}", e.kind.as_str(), csv(&e.key), csv(&e.label), csv(&years(e)), e.mentions.len(), csv(&aliases));
            }
        }
        ListFormat::Table => {
            let mut table = vec![vec!["type".to_string(), "label".into(), "years".into(), "mentions".into(), "aliases".into()]];
            for e in rows {
                let aliases = e.aliases.iter().take(3).cloned().collect::<Vec<_>>().join(" / ");
                table.push(vec![e.kind.as_str().into(), e.label.clone(), years(e), e.mentions.len().to_string(), aliases]);
            }
            out!("{}", crate::table::render(&table));
        }
    }
    Ok(())
}

/// A CSV field, quoted when needed.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n']) { format!("\"{}\"", field.replace('"', "\"\"")) } else { field.to_string() }
}

fn segment(text: &str, dicts: &[PathBuf], region: &str) -> Result<()> {
    let lexicon = crate::lexicon::Lexicon::load(dicts)?;
    let origin: Vec<u32> = (0..=text.chars().count() as u32).collect();
    let normalised = crate::normalize::normalize(text, &origin).text;
    let mut view = crate::extract::tokens::SentenceView::new(&lexicon.jieba, &normalised);
    let ctx = crate::extract::Context { lexicon: &lexicon, province: lexicon.province_prefix(region) };
    let candidates = crate::extract::recognise(&mut view, &ctx);
    let tokens: Vec<String> = view.tokens.iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
    outln!("{}", tokens.join(" "));
    for c in candidates {
        outln!("{:<12} {}  →  {}", c.kind.as_str(), &normalised[c.start..c.end], c.label);
    }
    Ok(())
}
