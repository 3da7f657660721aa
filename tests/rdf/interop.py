#!/usr/bin/env python3
"""Run one SPARQL query over gwkg's N-Quads export with rdflib (an RDF library that is not
oxigraph) and print the result rows as JSON: a sorted list of lists of plain string values.

Usage: python3 tests/rdf/interop.py EXPORT.nq QUERY.rq
The default graph is the union of all named graphs, as in `gwkg query`.
"""
import json
import sys

from rdflib import Dataset


def main() -> int:
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    data, query_file = sys.argv[1], sys.argv[2]
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    with open(query_file, encoding="utf-8") as f:
        query = f.read()
    result = dataset.query(query)
    rows = sorted([["" if value is None else str(value) for value in row] for row in result])
    json.dump(rows, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
