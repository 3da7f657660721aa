"""Talks to `gwkg serve` with real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore, urllib).

usage: python3 client.py BASE_URL      (BASE_URL like http://127.0.0.1:PORT, loopback only)

Checks a SELECT and an ASK in SPARQL JSON, SELECT through rdflib (SPARQL XML) and as CSV,
CONSTRUCT as Turtle, RDF/XML and JSON-LD, that updates are refused with 403, that a malformed
query gets 400, CORS headers, and 200 concurrent queries (200 threads started together; each
request has a timeout) after which the server still answers. Exits 0 when every check passed.
"""

import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from SPARQLWrapper import GET, JSON, JSONLD, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else ""
HOST = urllib.parse.urlsplit(BASE).hostname
if HOST not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"refusing to query {BASE!r}: only loopback addresses")
ENDPOINT = BASE + "/sparql"
DEADLINE = time.monotonic() + 240
TIMEOUT = 60

PREFIXES = """PREFIX gw: <https://w3id.org/gwkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
E1361 = "<https://w3id.org/gwkg/id/programme/1361>"

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {what}", flush=True)
    else:
        failed += 1
        print(f"FAIL {what}", flush=True)


def wrapper(query, fmt=JSON, method=GET):
    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setTimeout(TIMEOUT)
    sparql.setMethod(method)
    sparql.setReturnFormat(fmt)
    sparql.setQuery(query)
    return sparql


def raw(method, path, body=None, headers=None):
    """(status, headers, body) of one request with urllib."""
    request = urllib.request.Request(BASE + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def step(name, function):
    if time.monotonic() > DEADLINE:
        check(False, f"{name}: not run, the client's time budget is spent")
        return
    try:
        function()
    except Exception as error:  # a failing step is reported, and the others still run
        check(False, f"{name}: {type(error).__name__}: {error}")


def select_json():
    for method in (GET, POST):
        query = PREFIXES + f"SELECT ?key ?label WHERE {{ {E1361} gw:key ?key ; rdfs:label ?label }}"
        results = wrapper(query, JSON, method).query().convert()
        rows = results["results"]["bindings"]
        check(results["head"]["vars"] == ["key", "label"], f"SELECT ({method}): SPARQL JSON head lists the variables")
        check(len(rows) == 1 and rows[0]["key"]["value"] == "1361", f"SELECT ({method}): entity 1361 has its key")
        check(rows and "1361" in rows[0]["label"]["value"] and rows[0]["label"].get("xml:lang") == "zh",
              f"SELECT ({method}): its label is a Chinese literal: {rows and rows[0]['label']}")
    query = PREFIXES + f"SELECT DISTINCT ?year WHERE {{ ?m gw:mentionOf {E1361} ; gw:aboutYear ?year }} ORDER BY ?year"
    rows = wrapper(query).query().convert()["results"]["bindings"]
    years = {row["year"]["value"] for row in rows}
    check({"2023", "2024", "2025"} <= years, f"SELECT: 1361 is spoken about in 2023, 2024 and 2025 ({sorted(years)})")


def ask_json():
    result = wrapper(PREFIXES + f"ASK {{ {E1361} a gw:Programme }}").query().convert()
    check(result.get("boolean") is True, "ASK: SPARQL JSON boolean true")


def select_rdflib():
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(ENDPOINT, timeout=TIMEOUT)
    graph = Graph(store=store)
    rows = list(graph.query(PREFIXES + "SELECT ?report ?year WHERE { ?report a gw:Report ; gw:reportYear ?year }"))
    check(len(rows) >= 4, f"rdflib SPARQLStore: SELECT over the protocol lists the reports ({len(rows)})")
    check(any(str(row[1]) == "2024" for row in rows), "rdflib SPARQLStore: typed year literals come back")
    store.close()


def select_csv():
    query = PREFIXES + "SELECT ?report WHERE { ?report a gw:Report } ORDER BY ?report"
    status, headers, body = raw("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"})
    lines = body.decode("utf-8").splitlines()
    check(status == 200 and headers.get("Content-Type", "").startswith("text/csv"), f"CSV: 200 text/csv ({status})")
    check(lines and lines[0] == "report" and len(lines) >= 5, f"CSV: header and one line per report ({len(lines)})")
    check(headers.get("Access-Control-Allow-Origin") == "*", "CORS: Access-Control-Allow-Origin: * on results")


def construct():
    query = PREFIXES + f"CONSTRUCT {{ {E1361} rdfs:label ?label ; gw:key ?key }} WHERE {{ {E1361} rdfs:label ?label ; gw:key ?key }}"
    turtle = wrapper(query, TURTLE).query().convert()
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=turtle, format="turtle")
    check(len(graph) == 2, f"CONSTRUCT: Turtle parses with rdflib into 2 triples ({len(graph)})")
    graph = wrapper(query, XML, POST).query().convert()  # RDF/XML, parsed by SPARQLWrapper into a Graph
    check(len(graph) == 2, f"CONSTRUCT: RDF/XML parses into 2 triples ({len(graph)})")
    graph = wrapper(query, JSONLD).query().convert()
    check(len(graph) == 2, f"CONSTRUCT: JSON-LD parses into 2 triples ({len(graph)})")
    describe = wrapper(f"DESCRIBE {E1361}", TURTLE).query().convert()
    graph = Graph()
    graph.parse(data=describe, format="turtle")
    check(len(graph) >= 4, f"DESCRIBE: Turtle with the entity's description ({len(graph)} triples)")


def update_refused():
    sparql = wrapper("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", JSON, POST)
    try:
        sparql.query()
        check(False, "update through SPARQLWrapper is refused (it was accepted)")
    except urllib.error.HTTPError as error:
        check(error.code == 403, f"update through SPARQLWrapper is refused with 403 ({error.code})")
    status, _, body = raw("POST", "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    check(status == 403 and b"read-only" in body, f"application/sparql-update body is refused with 403 ({status})")
    status, _, _ = raw("GET", "/sparql?" + urllib.parse.urlencode({"update": "DROP ALL"}))
    check(status == 403, f"update= in a GET is refused with 403 ({status})")
    # The data is still there.
    result = wrapper(PREFIXES + f"ASK {{ {E1361} a gw:Programme }}").query().convert()
    check(result.get("boolean") is True, "the store is unchanged after the refused updates")


def malformed():
    try:
        wrapper("SELECT ?x WHERE { ?x ").query()
        check(False, "a malformed query is refused (it was accepted)")
    except QueryBadFormed as error:
        check("syntax" in str(error).lower(), "a malformed query gets 400 with the parser's message")
    status, _, body = raw("POST", "/sparql", b"SELECT * WHERE { ?s ?p }", {"Content-Type": "application/sparql-query"})
    check(status == 400 and body.strip(), f"a malformed POSTed query gets 400 with a message ({status})")


def preflight():
    status, headers, _ = raw("OPTIONS", "/sparql", headers={
        "Origin": "http://yasgui.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    })
    check(status in (200, 204), f"CORS preflight answers ({status})")
    check(headers.get("Access-Control-Allow-Origin") == "*", "CORS preflight allows any origin")
    check("POST" in headers.get("Access-Control-Allow-Methods", ""), "CORS preflight allows POST")


def concurrent(count=200):
    queries = [
        PREFIXES + f"SELECT ?label WHERE {{ {E1361} rdfs:label ?label }}",
        PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?m a gw:Mention }",
        PREFIXES + "SELECT ?e ?label WHERE { ?e a gw:Place ; rdfs:label ?label } LIMIT 50",
        PREFIXES + "ASK { ?r a gw:Report }",
    ]
    barrier = threading.Barrier(count, timeout=60)
    outcomes = [None] * count

    def one(i):
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        try:
            method = POST if i % 2 else GET
            result = wrapper(queries[i % len(queries)], JSON, method).query().convert()
            outcomes[i] = "ok" if ("results" in result or "boolean" in result) else f"odd answer {result!r:.80}"
        except Exception as error:
            outcomes[i] = f"{type(error).__name__}: {error}"

    started = time.monotonic()
    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, DEADLINE - time.monotonic()))
    elapsed = time.monotonic() - started
    good = sum(1 for o in outcomes if o == "ok")
    problems = sorted({o for o in outcomes if o != "ok"}, key=str)[:3]
    check(good == count, f"{count} concurrent queries all answered in {elapsed:.1f} s ({good} ok; {problems})")
    result = wrapper(PREFIXES + "ASK { ?r a gw:Report }").query().convert()
    check(result.get("boolean") is True, "the server still answers after the burst")


for name, function in [
    ("select_json", select_json),
    ("ask_json", ask_json),
    ("select_rdflib", select_rdflib),
    ("select_csv", select_csv),
    ("construct", construct),
    ("update_refused", update_refused),
    ("malformed", malformed),
    ("preflight", preflight),
    ("concurrent", concurrent),
]:
    step(name, function)

print(f"python clients: {passed} passed, {failed} failed", flush=True)
sys.exit(0 if failed == 0 else 1)
