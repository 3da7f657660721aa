#!/usr/bin/env python3
"""Run every SPARQL query of a directory against a gwkg dataset with pyoxigraph.

Usage:
    python3 tests/rdf/run_queries.py DATA [QUERYDIR] [-v]

DATA is an N-Quads (.nq), TriG (.trig), Turtle (.ttl) or N-Triples (.nt) file. It is loaded into
an in-memory pyoxigraph Store; like gwkg, the ontology (ontology/gwkg.ttl) is added in the graph
https://w3id.org/gwkg/id/graph/ontology unless DATA already has that graph. Each QUERYDIR/*.rq
(default: queries/ beside tests/) is run with the default graph = union of all named graphs.
Prints the number of rows of each query (-v also prints the first rows). Exits 1 if a query fails
to parse or run, or returns no rows.

Requires: pip install pyoxigraph
"""
import sys
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ONTOLOGY = ROOT / "ontology" / "gwkg.ttl"
ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/gwkg/id/graph/ontology")

FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def load(path):
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SystemExit(f"unknown RDF file extension {path.suffix!r} (expected .nq, .trig, .ttl or .nt)")
    store = ox.Store()
    store.bulk_load(path=str(path), format=fmt)
    if not any(True for _ in store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH)):
        store.bulk_load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    return store


def term(t):
    if t is None:
        return ""
    if isinstance(t, ox.Literal):
        return t.value
    if isinstance(t, ox.NamedNode):
        return t.value
    return str(t)


def run_one(store, query):
    """Return (rows, preview lines)."""
    result = store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return (1 if bool(result) else 0), [str(bool(result))]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = 0
        preview = []
        for sol in result:
            rows += 1
            if rows <= 5:
                preview.append(" | ".join(f"{n}={term(sol[n])}" for n in names if sol[n] is not None))
        return rows, preview
    # QueryTriples (CONSTRUCT / DESCRIBE)
    triples = list(result)
    return len(triples), [str(t) for t in triples[:5]]


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("-")]
    verbose = "-v" in argv[1:]
    if not args or len(args) > 2 or "-h" in argv or "--help" in argv:
        print(__doc__)
        return 2
    data = args[0]
    qdir = Path(args[1]) if len(args) > 1 else ROOT / "queries"
    queries = sorted(qdir.glob("*.rq"))
    if not queries:
        print(f"no .rq files in {qdir}")
        return 1
    if not Path(data).is_file():
        print(f"{data}: no such file")
        return 1
    t0 = time.time()
    store = load(data)
    print(f"loaded {data}: {len(store)} quads in {time.time() - t0:.1f}s")
    passed = failed = 0
    width = max(len(q.name) for q in queries)
    for q in queries:
        text = q.read_text(encoding="utf-8")
        t1 = time.time()
        try:
            rows, preview = run_one(store, text)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            print(f"FAIL  {q.name:<{width}}  error: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        dt = time.time() - t1
        if rows == 0:
            print(f"FAIL  {q.name:<{width}}  0 rows ({dt:.2f}s)")
            failed += 1
        else:
            print(f"ok    {q.name:<{width}}  {rows} rows ({dt:.2f}s)")
            passed += 1
        if verbose:
            for line in preview:
                print("        " + line)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
