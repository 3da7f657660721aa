//! `gwkg serve` end to end: a store is built from the bundled corpus into the test's temporary
//! directory, servers are started on free loopback ports (`--bind 127.0.0.1:0`), and then
//!
//! * `protocol_and_pages`: raw HTTP/1.1 requests check the SPARQL protocol (formats, refusals,
//!   CORS, the time and size limits), the HTML pages, hostile input, and a clean stop on Ctrl-C;
//! * `python_sparql_clients`: tests/serve/client.py talks to the endpoint with SPARQLWrapper and
//!   rdflib, and fires 200 concurrent queries;
//! * `browser_entity_page`: tests/serve/browser.mjs opens the entity page of key 1361 in
//!   headless Chromium (playwright-core) and saves screenshots.
//!
//! The last two need python3 with SPARQLWrapper and rdflib, and node with
//! tests/serve/node_modules (`npm ci` there) and /usr/bin/chromium. When one is missing the test
//! fails if the environment variable CI is set, and otherwise prints a skip notice and passes.
//! Every connection goes to 127.0.0.1; every wait has a time limit.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gwkg");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve")
}

/// Writes to the real stderr (not captured by the test harness), for skip notices and paths.
fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// A store built once from the bundled corpus.
fn store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = scratch();
        std::fs::create_dir_all(&dir).expect("create the scratch directory");
        let store = dir.join("store");
        let output = Command::new(BIN)
            .arg("build")
            .arg("--store")
            .arg(&store)
            .current_dir(root())
            .stdin(Stdio::null())
            .output()
            .expect("run gwkg build");
        assert!(output.status.success(), "gwkg build failed:\n{}", String::from_utf8_lossy(&output.stderr));
        store
    })
}

/// A running `gwkg serve`, stopped when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
    base: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .arg("serve")
            .arg("--store")
            .arg(store())
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start gwkg serve");
        let stdout = child.stdout.take().expect("the server's stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let line = receiver.recv_timeout(Duration::from_secs(60));
        let base = match &line {
            Ok(Ok(line)) => line.strip_prefix("listening on ").map(|url| url.trim_end_matches('/').to_string()),
            _ => None,
        };
        let Some(base) = base else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gwkg serve did not print `listening on URL` within 60 s (got {line:?})");
        };
        let address: SocketAddr = base.trim_start_matches("http://").parse().expect("the printed address");
        assert!(address.ip().is_loopback(), "the server must listen on loopback, not {address}");
        assert_ne!(address.port(), 0, "the printed address carries the real port");
        Server { child, address, base }
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        http(self.address, method, path, headers, body)
    }

    fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], b"")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).unwrap_or("")
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A raw HTTP/1.1 request with `Connection: close`, bounded by timeouts.
fn http(address: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(10)).expect("connect to the server");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("read timeout");
    stream.set_write_timeout(Some(Duration::from_secs(30))).expect("write timeout");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).expect("send the request");
    stream.write_all(body).expect("send the body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("a status line");
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..end]).split(';').next().unwrap_or("0").trim(), 16).unwrap_or(0);
        if size == 0 || end + 2 + size > data.len() {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[(end + 4 + size).min(data.len())..];
    }
    out
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sparql_get(query: &str) -> String {
    format!("/sparql?query={}", encode(query))
}

const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");
const SPARQL_QUERY: (&str, &str) = ("Content-Type", "application/sparql-query");

#[test]
fn protocol_and_pages() {
    let server = Server::start(&["--timeout", "1", "--max-results", "50"]);

    // SELECT: JSON by default, with CORS.
    let select = "SELECT ?key WHERE { <https://w3id.org/gwkg/id/programme/1361> gw:key ?key }";
    let reply = server.get(&sparql_get(select));
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("content-type"), "application/sparql-results+json");
    assert_eq!(reply.header("access-control-allow-origin"), "*");
    let json: serde_json::Value = serde_json::from_slice(&reply.body).expect("SPARQL JSON");
    assert_eq!(json["results"]["bindings"][0]["key"]["value"], "1361");

    // The other result formats by Accept, through both POST forms.
    for (accept, media_type, marker) in [
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
        ("text/csv", "text/csv", "key\r\n1361"),
        ("text/tab-separated-values", "text/tab-separated-values", "?key\n\"1361\""),
        ("text/html", "text/html", "<table"),
    ] {
        let form = format!("query={}", encode(select));
        let reply = server.request("POST", "/sparql", &[FORM, ("Accept", accept)], form.as_bytes());
        assert_eq!(reply.status, 200, "{accept}: {}", reply.text());
        assert!(reply.header("content-type").starts_with(media_type), "{accept} → {}", reply.header("content-type"));
        assert!(reply.text().contains(marker), "{accept}: {}", reply.text());
        let reply = server.request("POST", "/sparql", &[SPARQL_QUERY, ("Accept", accept)], select.as_bytes());
        assert_eq!(reply.status, 200, "{accept}: {}", reply.text());
        assert!(reply.header("content-type").starts_with(media_type));
    }
    let reply = server.get(&sparql_get("ASK { ?r a gw:Report }"));
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("\"boolean\":true"), "{}", reply.text());

    // CONSTRUCT: Turtle by default, and the other RDF syntaxes.
    let construct = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e gw:key \"1361\" ; rdfs:label ?l }";
    for (accept, media_type, marker) in [
        ("", "text/turtle", "rdfs:label"),
        ("text/turtle", "text/turtle", "rdfs:label"),
        ("application/n-triples", "application/n-triples", "<http://www.w3.org/2000/01/rdf-schema#label>"),
        ("application/rdf+xml", "application/rdf+xml", "<rdf:RDF"),
        ("application/ld+json", "application/ld+json", "\"@id\""),
    ] {
        let headers: Vec<(&str, &str)> = if accept.is_empty() { vec![] } else { vec![("Accept", accept)] };
        let reply = server.request("GET", &sparql_get(construct), &headers, b"");
        assert_eq!(reply.status, 200, "{accept}: {}", reply.text());
        assert!(reply.header("content-type").starts_with(media_type), "{accept} → {}", reply.header("content-type"));
        assert!(reply.text().contains(marker), "{accept}: {}", reply.text());
    }

    // Refusals.
    let reply = server.request("POST", "/sparql", &[FORM], b"update=DROP%20ALL");
    assert_eq!(reply.status, 403);
    assert!(reply.text().contains("read-only"), "{}", reply.text());
    assert_eq!(reply.header("access-control-allow-origin"), "*");
    let reply = server.request("POST", "/sparql", &[("Content-Type", "application/sparql-update")], b"DROP ALL");
    assert_eq!(reply.status, 403);
    assert_eq!(server.get("/sparql?update=DROP%20ALL").status, 403);
    let reply = server.get(&sparql_get("SELECT ?x WHERE { ?x"));
    assert_eq!(reply.status, 400);
    assert!(reply.text().contains("syntax error"), "{}", reply.text());
    assert_eq!(server.get("/sparql").status, 400);
    assert_eq!(server.request("POST", "/sparql", &[FORM], b"").status, 400);
    assert_eq!(server.request("POST", "/sparql", &[("Content-Type", "text/plain")], b"ASK {}").status, 415);
    assert_eq!(server.request("POST", "/sparql", &[SPARQL_QUERY], &[0xff, 0xfe, 0x00]).status, 400);
    assert_eq!(server.get(&format!("{}&query=ASK%7B%7D", sparql_get("ASK {}"))).status, 400);
    assert_eq!(server.get(&format!("{}&default-graph-uri=not%20an%20iri", sparql_get("ASK {}"))).status, 400);

    // CORS preflight.
    let reply = server.request(
        "OPTIONS",
        "/sparql",
        &[("Origin", "http://yasgui.example"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type")],
        b"",
    );
    assert!(reply.status == 204 || reply.status == 200, "{reply:?}");
    assert_eq!(reply.header("access-control-allow-origin"), "*");
    assert!(reply.header("access-control-allow-methods").contains("POST"));
    assert!(reply.header("access-control-allow-headers").to_ascii_lowercase().contains("content-type"));

    // The protocol dataset: default-graph-uri narrows the default graph.
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let ontology = format!("{}&default-graph-uri={}", sparql_get(count), encode("https://w3id.org/gwkg/id/graph/ontology"));
    let (all, part) = (server.get(&sparql_get(count)).text(), server.get(&ontology).text());
    assert_ne!(all, part, "default-graph-uri changes the dataset");

    // The size limit: more rows than --max-results is an error, not a silent cut.
    let reply = server.get(&sparql_get("SELECT * WHERE { ?s ?p ?o }"));
    assert_eq!(reply.status, 500, "{}", reply.text());
    assert!(reply.text().contains("result too large"), "{}", reply.text());
    assert_eq!(server.get(&sparql_get("SELECT * WHERE { ?s ?p ?o } LIMIT 50")).status, 200);

    // The time limit.
    let started = Instant::now();
    let reply = server.get(&sparql_get("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER NOT EXISTS { ?a ?x ?f } }"));
    assert_eq!(reply.status, 503, "{}", reply.text());
    assert!(reply.text().contains("time limit"), "{}", reply.text());
    assert!(started.elapsed() < Duration::from_secs(10), "the time limit took {:?}", started.elapsed());

    // Pages.
    let reply = server.get("/");
    assert_eq!(reply.status, 200);
    assert!(reply.header("content-type").starts_with("text/html"));
    let home = reply.text();
    assert!(home.contains("name=\"viewport\"") && home.contains("/report/2024-chongqing-government-work-report"), "{home}");
    let search = server.get(&format!("/?q={}", encode("1361"))).text();
    assert!(search.contains("href=\"/entity/1361?type=programme\""), "{search}");
    // The label of 1361 as the store has it (extraction decides it).
    let label = server.request("GET", &sparql_get("SELECT ?l WHERE { ?e gw:key \"1361\" ; rdfs:label ?l }"), &[("Accept", "text/csv")], b"");
    let label = label.text().lines().nth(1).expect("1361 has a label").to_string();
    let search = server.get(&format!("/?q={}", encode(&label))).text();
    assert!(search.contains("href=\"/entity/1361?type=programme\""), "searching {label}: {search}");
    let search = server.get(&format!("/?q={}", encode("重庆")));
    assert_eq!(search.status, 200);
    assert!(search.text().contains("match"), "{}", search.text());
    let entity = server.get("/entity/1361");
    assert_eq!(entity.status, 200);
    let entity = entity.text();
    for year in ["2023", "2024", "2025"] {
        assert!(entity.contains(&format!("<h3 class=\"year\" id=\"y{year}\">{year}</h3>")), "no {year} on the timeline");
    }
    assert!(entity.contains("<mark>"), "mentions are highlighted");
    assert!(entity.contains("href=\"/report/"), "mentions link to their reports");
    assert!(entity.contains("href=\"/sparql?query="), "blocks link to their SPARQL queries");
    assert!(entity.contains("<svg") || entity.contains("<pre class=\"dot\">digraph"), "the lineage picture or its DOT");
    let typed = server.get("/entity/1361?type=programme");
    assert_eq!(typed.status, 200);
    // A label instead of a key redirects to the key.
    let by_label = server.get(&format!("/entity/{}", encode(&label)));
    assert!(matches!(by_label.status, 303 | 307 | 308), "{by_label:?}");
    assert!(by_label.header("location").starts_with("/entity/1361"), "{by_label:?}");
    assert_eq!(server.get("/entity/no-such-entity-key").status, 404);
    let report = server.get("/report/2024-chongqing-government-work-report");
    assert_eq!(report.status, 200);
    assert!(report.text().contains("href=\"/entity/1361?type=programme\""), "the report lists 1361");
    assert_eq!(server.get("/report/no-such-report").status, 404);
    assert_eq!(server.get("/no/such/page").status, 404);
    // The query page for browsers.
    let reply = server.request("GET", "/sparql", &[("Accept", "text/html,*/*;q=0.8")], b"");
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("<textarea"));

    // Hostile input: escaped, never a crash.
    let attack = "<script>alert(1)</script>\"'&";
    let page = server.get(&format!("/?q={}", encode(attack))).text();
    assert!(!page.contains("<script>alert"), "search text is escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
    let page = server.get(&format!("/entity/{}", encode(attack)));
    assert!(page.status < 500 && !page.text().contains("<script>alert"), "{page:?}");
    for path in [
        "/entity/%ff%fe",
        "/report/%ff",
        "/report/a%22b",
        "/entity/",
        "/?q=%ff%fe%00",
        "/sparql?query=%ff%fe",
        "/sparql?query=%",
        "/entity/1361?type=%ff",
    ] {
        let reply = server.get(path);
        assert!(reply.status < 500, "{path} → {reply:?}");
    }
    let long = format!("/?q={}", "重".repeat(2000));
    assert!(server.get(&long).status < 500);
    let text = "SELECT * WHERE { ?s ?p \"\u{1F600}\\\"\" } LIMIT 1";
    assert_eq!(server.get(&sparql_get(text)).status, 200);
    // Still alive.
    assert_eq!(server.get(&sparql_get("ASK {}")).status, 200);

    // Ctrl-C stops it cleanly.
    let mut server = server;
    let pid = server.child.id().to_string();
    let status = Command::new("kill").args(["-INT", &pid]).status().expect("run kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    let exit = loop {
        match server.child.try_wait().expect("wait for the server") {
            Some(exit) => break exit,
            None if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            None => panic!("gwkg serve did not stop within 15 s of Ctrl-C"),
        }
    };
    assert!(exit.success(), "gwkg serve exited with {exit} after Ctrl-C");
}

/// Whether a tool the test needs is there; if not, fails under CI and skips otherwise.
fn require(present: bool, what: &str) -> bool {
    if present {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{what} (CI is set, so this is a failure, not a skip)");
    }
    notice(&format!("SKIPPED: {what}"));
    false
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Runs a command with a time limit; its output.
fn run_limited(mut command: Command, limit: Duration) -> Output {
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start the client");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let err = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stderr.read_to_end(&mut buffer);
        buffer
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the client") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let status = child.wait().expect("wait for the killed client");
            notice(&format!("the client ran longer than {limit:?} and was stopped"));
            break status;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output { status, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default() }
}

#[test]
fn python_sparql_clients() {
    let python = "python3";
    if !require(runs(python, &["--version"]), "python3 is not installed (apt-get install python3)") {
        return;
    }
    if !require(
        runs(python, &["-c", "import SPARQLWrapper, rdflib"]),
        "the Python packages SPARQLWrapper and rdflib are missing (pip install SPARQLWrapper rdflib)",
    ) {
        return;
    }
    let server = Server::start(&[]);
    let mut command = Command::new(python);
    command.arg(root().join("tests/serve/client.py")).arg(&server.base);
    let output = run_limited(command, Duration::from_secs(300));
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(output.status.success(), "tests/serve/client.py failed:\n{text}");
}

#[test]
fn browser_entity_page() {
    let chromium = Path::new("/usr/bin/chromium");
    if !require(runs("node", &["--version"]), "node is not installed (apt-get install nodejs npm)") {
        return;
    }
    if !require(chromium.exists(), "/usr/bin/chromium is not installed (apt-get install chromium)") {
        return;
    }
    let modules = root().join("tests/serve/node_modules/playwright-core");
    if !require(modules.exists(), "playwright-core is not installed for tests/serve (cd tests/serve && npm ci)") {
        return;
    }
    let server = Server::start(&[]);
    let out_dir = scratch().join("screenshots");
    let mut command = Command::new("node");
    command.arg(root().join("tests/serve/browser.mjs")).arg(&server.base).arg(&out_dir).current_dir(root().join("tests/serve"));
    let output = run_limited(command, Duration::from_secs(180));
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    notice(&format!("browser_entity_page: screenshots in {}", out_dir.display()));
    assert!(output.status.success(), "tests/serve/browser.mjs failed:\n{text}");
    assert!(out_dir.join("entity-1361.png").exists(), "no screenshot saved");
}
