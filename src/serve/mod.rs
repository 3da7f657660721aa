//! `gwkg serve`: the store over HTTP, read-only.
//!
//! * `/sparql` — the SPARQL 1.1 Protocol for queries (GET `?query=`, POST form, POST
//!   `application/sparql-query`) with content negotiation; updates are refused with 403. See
//!   [`sparql`] for the formats, the time limit and the result-size limit.
//! * `/` — a search page; `/entity/{key}` — one entity with its timeline, relations and lineage
//!   picture; `/report/{id}` — one report's metadata and its entities by section. See [`pages`].
//!
//! Every response carries `Access-Control-Allow-Origin: *`, and `OPTIONS` answers CORS
//! preflights, so a query page on another origin (YASGUI) can use the endpoint.
//!
//! The store is opened read-only once and shared; the lineage graph is loaded once at start-up.
//! Query evaluation runs on tokio's blocking pool, at most [`Limits::concurrency`] at a time,
//! each under the `--timeout` limit (a cancellation token stops oxigraph's evaluation).

mod html;
mod pages;
mod sparql;

use std::collections::HashMap;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::lineage_graph::LineageGraph;
use crate::rdf::PREFIXES;

/// Command-line options of `gwkg serve`.
#[derive(clap::Args, Clone, Debug)]
pub struct ServeArgs {
    /// Store directory
    #[arg(long, default_value = "graphs/store")]
    pub store: PathBuf,
    /// Address to listen on (port 0 picks a free port; the address is printed)
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Time limit for one query, in seconds (503 when exceeded)
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) one /sparql answer may hold; a larger
    /// result is refused with 500 and a message, never truncated silently
    #[arg(long, default_value_t = 100_000)]
    pub max_results: usize,
}

/// Limits applied to every query.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub timeout: Duration,
    pub max_results: usize,
    /// Queries evaluated at the same time; others wait up to [`QUEUE_WAIT`].
    pub concurrency: usize,
}

/// How long a request waits for an evaluation slot before it gets 503.
const QUEUE_WAIT: Duration = Duration::from_secs(30);
/// How long a query may overrun its time limit before the answer is given up on (the
/// evaluation thread stops at its next cancellation check).
const GRACE: Duration = Duration::from_secs(2);

/// What the request handlers share.
pub struct App {
    pub db: Store,
    pub graph: LineageGraph,
    pub limits: Limits,
    permits: Arc<Semaphore>,
    /// Whether Graphviz `dot` runs.
    pub dot: bool,
    /// Rendered lineage pictures by entity index (the store does not change while serving).
    svg_cache: Mutex<HashMap<usize, Arc<str>>>,
}

/// Why a request failed; each maps to a status code and a message.
#[derive(Debug)]
pub enum Failure {
    BadRequest(String),
    Forbidden(String),
    NotFound(String),
    UnsupportedMediaType(String),
    Timeout(Duration),
    TooLarge(usize),
    Busy,
    Internal(String),
}

impl Failure {
    pub fn status(&self) -> StatusCode {
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::Forbidden(_) => StatusCode::FORBIDDEN,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Failure::Timeout(_) | Failure::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Failure::TooLarge(_) | Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Failure::BadRequest(m) | Failure::Forbidden(m) | Failure::NotFound(m) | Failure::UnsupportedMediaType(m) => m.clone(),
            Failure::Internal(m) => format!("query failed: {m}"),
            Failure::Timeout(limit) => format!(
                "query stopped: it ran longer than the server's time limit of {} s (gwkg serve --timeout); narrow it or add a LIMIT",
                limit.as_secs_f64()
            ),
            Failure::TooLarge(limit) => format!(
                "result too large: more than {limit} rows or triples (gwkg serve --max-results); add a LIMIT or narrow the query"
            ),
            Failure::Busy => "server busy: too many queries are waiting; try again shortly".into(),
        }
    }

    /// A plain-text response (for the SPARQL endpoint).
    pub fn plain(&self) -> Response {
        let mut response = (self.status(), format!("{}\n", self.message())).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        response
    }

    fn from_evaluation(error: QueryEvaluationError, limits: &Limits) -> Failure {
        match error {
            QueryEvaluationError::Cancelled => Failure::Timeout(limits.timeout),
            other => Failure::Internal(other.to_string()),
        }
    }
}

/// Parses and starts a query with gwkg's prefixes, the default graph as the union of all graphs
/// (unless the query or the protocol names a dataset), and a cancellation token.
pub fn execute(
    db: &Store,
    query: &str,
    dataset: &sparql::Dataset,
    token: &CancellationToken,
    limits: &Limits,
) -> std::result::Result<QueryResults<'static>, Failure> {
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator.with_prefix(prefix, iri).map_err(|e| Failure::Internal(e.to_string()))?;
    }
    let mut prepared = evaluator.parse_query(query).map_err(|e| Failure::BadRequest(format!("SPARQL syntax error: {e}")))?;
    if dataset.is_empty() {
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
    } else {
        dataset.apply(prepared.dataset_mut());
    }
    prepared.on_store(db).execute().map_err(|e| Failure::from_evaluation(e, limits))
}

/// Most rows a page's query may return (pages bound their queries themselves; `--max-results`
/// is for `/sparql`).
const PAGE_ROWS: usize = 100_000;

/// Runs a page's SELECT query under the time limit: rows as strings, in the order of `columns`.
pub fn select(app: &App, token: &CancellationToken, query: &str, columns: &[&str]) -> std::result::Result<Vec<Vec<String>>, Failure> {
    let QueryResults::Solutions(solutions) = execute(&app.db, query, &sparql::Dataset::default(), token, &app.limits)? else {
        return Err(Failure::Internal("expected a SELECT query".into()));
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| Failure::from_evaluation(e, &app.limits))?;
        if rows.len() >= PAGE_ROWS {
            return Err(Failure::TooLarge(PAGE_ROWS));
        }
        rows.push(columns.iter().map(|c| term_text(solution.get(*c))).collect());
    }
    Ok(rows)
}

/// The lexical value of a term (IRI text for IRIs), empty when unbound.
pub fn term_text(term: Option<&oxigraph::model::Term>) -> String {
    use oxigraph::model::Term;
    match term {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

impl App {
    /// Runs `work` on the blocking pool under the concurrency and time limits. `work` gets a
    /// cancellation token that is cancelled when the time limit passes.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&App, &CancellationToken) -> std::result::Result<T, Failure> + Send + 'static,
    ) -> std::result::Result<T, Failure> {
        let permit = match tokio::time::timeout(QUEUE_WAIT, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(Failure::Busy),
        };
        let token = CancellationToken::new();
        let app = Arc::clone(self);
        let inner_token = token.clone();
        let mut handle = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work(&app, &inner_token)
        });
        let joined = tokio::select! {
            joined = &mut handle => joined,
            () = tokio::time::sleep(self.limits.timeout) => {
                token.cancel();
                match tokio::time::timeout(GRACE, &mut handle).await {
                    Ok(joined) => joined,
                    Err(_) => return Err(Failure::Timeout(self.limits.timeout)),
                }
            }
        };
        match joined {
            Ok(result) => result,
            Err(error) if error.is_panic() => Err(Failure::Internal("the evaluation failed unexpectedly (a bug in gwkg)".into())),
            Err(_) => Err(Failure::Internal("the evaluation was stopped".into())),
        }
    }

    /// The lineage picture of an entity as SVG, or `None` without Graphviz.
    pub fn lineage_svg(&self, entity: usize, dot_source: &str) -> Option<Arc<str>> {
        if !self.dot {
            return None;
        }
        if let Ok(cache) = self.svg_cache.lock()
            && let Some(svg) = cache.get(&entity)
        {
            return Some(Arc::clone(svg));
        }
        let svg: Arc<str> = html::run_dot(dot_source, Duration::from_secs(10))?.into();
        if let Ok(mut cache) = self.svg_cache.lock() {
            if cache.len() >= 1024 {
                cache.clear();
            }
            cache.insert(entity, Arc::clone(&svg));
        }
        Some(svg)
    }
}

/// Adds CORS and safety headers to every response and answers preflight requests.
async fn cors(request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let requested = request.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS).cloned();
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, OPTIONS"));
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            requested.unwrap_or_else(|| HeaderValue::from_static("Accept, Content-Type")),
        );
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
        response
    } else {
        next.run(request).await
    };
    let headers: &mut HeaderMap = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("Content-Type, Content-Length"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// The application's routes.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/entity/{*key}", get(pages::entity))
        .route("/report/{*id}", get(pages::report))
        .route("/sparql", get(sparql::get).post(sparql::post))
        .fallback(pages::not_found)
        .with_state(app)
        .layer(axum::middleware::from_fn(cors))
}

/// Whether Graphviz `dot` can be run.
fn dot_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Opens the store and loads the lineage graph.
pub fn open(args: &ServeArgs) -> Result<Arc<App>> {
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 86_400.0) {
        return Err(Error::Other(format!("--timeout {} is not a number of seconds between 0 and 86400", args.timeout)));
    }
    if args.max_results == 0 {
        return Err(Error::Other("--max-results must be at least 1".into()));
    }
    let db = crate::store::open_read_only(&args.store)?;
    let graph = LineageGraph::load(&db)?;
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let limits = Limits { timeout: Duration::from_secs_f64(args.timeout), max_results: args.max_results, concurrency: (cores * 4).max(4) };
    Ok(Arc::new(App {
        db,
        graph,
        limits,
        permits: Arc::new(Semaphore::new(limits.concurrency)),
        dot: dot_available(),
        svg_cache: Mutex::new(HashMap::new()),
    }))
}

/// Waits for Ctrl-C (or SIGTERM).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// `gwkg serve`: serves until Ctrl-C.
pub fn run(args: ServeArgs) -> Result<()> {
    let app = open(&args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server runtime: {e}")))?;
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.bind)
            .await
            .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", args.bind)))?;
        let address: SocketAddr = listener.local_addr().map_err(|e| Error::Other(format!("cannot listen on {}: {e}", args.bind)))?;
        if !app.dot {
            eprintln!("note: Graphviz `dot` was not found; entity pages show the lineage as DOT text");
        }
        {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "listening on http://{address}/");
            let _ = stdout.flush();
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Error::Other(format!("server error: {e}")))
    });
    // Queries still running stop at their time limit; don't wait longer than that.
    runtime.shutdown_timeout(Duration::from_secs(1));
    if result.is_ok() {
        eprintln!("stopped");
    }
    result
}
