#!/usr/bin/env python3
"""Validate gwkg RDF output against ontology/shapes.ttl with pyshacl.

Usage:
    python3 tests/rdf/check_shapes.py DATA.nq|DATA.trig|DATA.ttl|DATA.nt
        Merge all graphs of DATA into one data graph and validate it (ontology/gwkg.ttl is
        used as the ontology graph, inference='none'). Exit 0 when the data conforms,
        otherwise print the validation report and exit 1.
    python3 tests/rdf/check_shapes.py
        Self-test: tests/rdf/sample.trig must conform, and each deliberately broken copy of it
        must not (each with the expected violation). Exit 0 when all checks pass.

Requires: pip install pyshacl rdflib
"""
import sys
import time
from pathlib import Path

import rdflib
from rdflib import Graph, Literal, URIRef, Namespace
from rdflib.namespace import RDF, RDFS, SKOS, XSD

try:
    from pyshacl import validate
except ImportError:  # pragma: no cover
    sys.stderr.write("pyshacl is not installed: pip install pyshacl rdflib\n")
    sys.exit(2)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHAPES = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY = ROOT / "ontology" / "gwkg.ttl"
SAMPLE = HERE / "sample.trig"

GW = Namespace("https://w3id.org/gwkg/ontology#")
ID = "https://w3id.org/gwkg/id/"

FORMATS = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".n3": "n3"}


def load_merged(path):
    """Parse a dataset or graph file and return one rdflib Graph with all its triples."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SystemExit(f"unknown RDF file extension {path.suffix!r} (expected .nq, .trig, .ttl or .nt)")
    merged = Graph()
    if fmt in ("nquads", "trig"):
        ds = rdflib.Dataset()
        ds.parse(str(path), format=fmt)
        for s, p, o, _g in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged.parse(str(path), format=fmt)
    return merged


_shapes = _ont = None


def shapes_and_ontology():
    global _shapes, _ont
    if _shapes is None:
        _shapes = Graph().parse(str(SHAPES), format="turtle")
        _ont = Graph().parse(str(ONTOLOGY), format="turtle")
    return _shapes, _ont


def run(data_graph):
    shapes, ont = shapes_and_ontology()
    try:
        return _run(data_graph, shapes, ont)
    except Exception as exc:  # a validator crash is a failure, not a pass
        return False, f"Validation could not run: {type(exc).__name__}: {exc}"


def _run(data_graph, shapes, ont):
    conforms, _report_graph, report_text = validate(
        data_graph,
        shacl_graph=shapes,
        ont_graph=ont,
        inference="none",
        abort_on_first=False,
        allow_infos=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
        debug=False,
    )
    return conforms, report_text


def copy(g):
    h = Graph()
    for t in g:
        h.add(t)
    return h


# ---------------------------------------------------------------------------------------------
# Broken copies for the self-test: (name, mutation, substring expected in the report)

def first(g, s=None, p=None, o=None):
    return next(iter(g.triples((s, p, o))))


def a_mention(g):
    return sorted(g.subjects(RDF.type, GW.Mention))[0]


def m_drop_mention_of(g):
    m = a_mention(g)
    g.remove((m, GW.mentionOf, None))


def m_bad_stage(g):
    s, p, o = first(g, None, GW.stage, None)
    g.remove((s, p, o))
    g.add((s, p, Literal("finished")))


def m_bad_division_code(g):
    s, p, o = first(g, None, GW.divisionCode, None)
    g.remove((s, p, o))
    g.add((s, p, Literal("50010")))


def m_label_without_language(g):
    e = URIRef(ID + "programme/1361")
    label = g.value(e, RDFS.label)
    g.remove((e, RDFS.label, None))
    g.add((e, RDFS.label, Literal(str(label))))


def m_two_labels(g):
    e = URIRef(ID + "programme/1361")
    g.add((e, RDFS.label, Literal("1361", lang="zh")))


def m_byte_offsets(g):
    # what a UTF-8 byte offset would look like: end moved past the surface
    m = a_mention(g)
    end = int(g.value(m, GW.end))
    g.remove((m, GW.end, None))
    g.add((m, GW.end, Literal(end + 2)))


def m_wrong_mention_count(g):
    e = URIRef(ID + "programme/1361")
    n = int(g.value(e, GW.mentionCount))
    g.remove((e, GW.mentionCount, None))
    g.add((e, GW.mentionCount, Literal(n + 1)))


def m_wrong_first_year(g):
    e = URIRef(ID + "programme/1361")
    g.remove((e, GW.firstYear, None))
    g.add((e, GW.firstYear, Literal("2019", datatype=XSD.gYear)))


def m_first_after_last(g):
    e = URIRef(ID + "programme/1361")
    g.remove((e, GW.firstYear, None))
    g.add((e, GW.firstYear, Literal("2030", datatype=XSD.gYear)))


def m_first_year_without_mentions(g):
    e = URIRef(ID + "institution/北京大学")
    g.add((e, GW.firstYear, Literal("2024", datatype=XSD.gYear)))
    g.add((e, GW.lastYear, Literal("2024", datatype=XSD.gYear)))


def m_alt_label_equals_label(g):
    e = URIRef(ID + "programme/1361")
    g.add((e, SKOS.altLabel, g.value(e, RDFS.label)))


def m_empty_heading(g):
    s, p, o = first(g, None, GW.heading, None)
    g.remove((s, p, o))
    g.add((s, p, Literal("")))


def m_language_tagged_surface(g):
    m = a_mention(g)
    v = g.value(m, GW.surface)
    g.remove((m, GW.surface, None))
    g.add((m, GW.surface, Literal(str(v), lang="zh")))


def m_misspelt_predicate(g):
    m = a_mention(g)
    o = g.value(m, GW.mentionOf)
    g.add((m, GW.mentionsOf, o))


def m_two_dates(g):
    r = sorted(g.subjects(RDF.type, GW.Report))[0]
    g.add((r, URIRef("http://purl.org/dc/terms/date"), Literal("2024-01-22", datatype=XSD.date)))


def m_date_as_string(g):
    r = sorted(g.subjects(RDF.type, GW.Report))[0]
    d = URIRef("http://purl.org/dc/terms/date")
    v = g.value(r, d)
    g.remove((r, d, None))
    g.add((r, d, Literal(str(v))))


def m_year_as_integer(g):
    m = a_mention(g)
    y = g.value(m, GW.aboutYear)
    g.remove((m, GW.aboutYear, None))
    g.add((m, GW.aboutYear, Literal(int(str(y)))))


def m_no_year(g):
    m = a_mention(g)
    g.remove((m, GW.aboutYear, None))


def m_section_not_listed(g):
    s, p, o = first(g, None, GW.hasSection, None)
    g.remove((s, p, o))


def m_bad_section_kind(g):
    s, p, o = first(g, None, GW.sectionKind, None)
    g.remove((s, p, o))
    g.add((s, p, Literal("summary")))


def m_bad_report_kind(g):
    s, p, o = first(g, None, GW.reportKind, None)
    g.remove((s, p, o))
    g.add((s, p, Literal("work-report")))


def m_undescribed_entity(g):
    m = a_mention(g)
    g.remove((m, GW.mentionOf, None))
    g.add((m, GW.mentionOf, URIRef(ID + "programme/unknown")))


def m_key_mismatch(g):
    e = URIRef(ID + "programme/1361")
    g.remove((e, GW.key, None))
    g.add((e, GW.key, Literal("1362")))


def m_orphan_sentence(g):
    # a sentence without any mention must not be written
    sen = sorted(g.subjects(RDF.type, GW.Sentence))[0]
    for m in list(g.subjects(GW.sentence, sen)):
        for t in list(g.triples((m, None, None))):
            g.remove(t)


def m_parent_not_institution(g):
    s, p, o = first(g, None, GW.parentOrganization, None)
    g.remove((s, p, o))
    g.add((s, p, URIRef(ID + "place/北碚区")))


def m_mention_wrong_report(g):
    reports = sorted(g.subjects(RDF.type, GW.Report))
    m = a_mention(g)
    other = [r for r in reports if r != g.value(m, GW.inReport)][0]
    g.remove((m, GW.inReport, None))
    g.add((m, GW.inReport, other))


BROKEN = [
    ("mention without gw:mentionOf", m_drop_mention_of, "mentionOf"),
    ("stage outside the list", m_bad_stage, "stage"),
    ("division code of 5 digits", m_bad_division_code, "divisionCode"),
    ("label without @zh", m_label_without_language, "label"),
    ("two canonical labels", m_two_labels, "label"),
    ("mention end offset off by two (byte offsets)", m_byte_offsets, "not the text between its offsets"),
    ("wrong gw:mentionCount", m_wrong_mention_count, "mentionCount"),
    ("wrong gw:firstYear", m_wrong_first_year, "firstYear"),
    ("gw:firstYear after gw:lastYear", m_first_after_last, "firstYear"),
    ("years on an entity without mentions", m_first_year_without_mentions, "forbidden when it is 0"),
    ("skos:altLabel equal to rdfs:label", m_alt_label_equals_label, "altLabel"),
    ("empty gw:heading", m_empty_heading, "heading"),
    ("language-tagged gw:surface", m_language_tagged_surface, "surface"),
    ("misspelt predicate gw:mentionsOf (closed shape)", m_misspelt_predicate, "mentionsOf"),
    ("report with two dcterms:date", m_two_dates, "date"),
    ("dcterms:date as plain string", m_date_as_string, "date"),
    ("gw:aboutYear as xsd:integer", m_year_as_integer, "aboutYear"),
    ("mention without gw:aboutYear", m_no_year, "aboutYear"),
    ("section not listed by gw:hasSection", m_section_not_listed, "hasSection"),
    ("section kind outside the list", m_bad_section_kind, "sectionKind"),
    ("report kind outside the list", m_bad_report_kind, "reportKind"),
    ("mention of an undescribed entity", m_undescribed_entity, "mentionOf"),
    ("gw:key differs from the IRI", m_key_mismatch, "gw:key"),
    ("sentence without mentions", m_orphan_sentence, "Only sentences"),
    ("parent organisation that is a place", m_parent_not_institution, "parentOrganization"),
    ("mention in the wrong report", m_mention_wrong_report, "inReport"),
]


def self_test():
    passed = failed = 0
    t0 = time.time()
    base = load_merged(SAMPLE)
    conforms, text = run(base)
    if conforms:
        print(f"ok    sample.trig conforms ({len(base)} triples)")
        passed += 1
    else:
        print("FAIL  sample.trig does not conform:")
        print(text)
        failed += 1
    for name, mutate, expected in BROKEN:
        g = copy(base)
        mutate(g)
        conforms, text = run(g)
        if conforms:
            print(f"FAIL  broken copy conforms: {name}")
            failed += 1
        elif expected not in text:
            print(f"FAIL  broken copy rejected, but not for the expected reason ({expected!r}): {name}")
            print(text)
            failed += 1
        else:
            print(f"ok    broken copy rejected: {name}")
            passed += 1
    print(f"({time.time() - t0:.1f}s)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__)
        return 2
    if len(argv) == 1:
        return self_test()
    t0 = time.time()
    if not Path(argv[1]).is_file():
        print(f"{argv[1]}: no such file")
        return 1
    data = load_merged(argv[1])
    t1 = time.time()
    if len(data) == 0:
        print(f"{argv[1]}: no triples to validate")
        return 1
    conforms, text = run(data)
    t2 = time.time()
    if conforms:
        print(f"{argv[1]}: conforms ({len(data)} triples; parsed in {t1 - t0:.1f}s, validated in {t2 - t1:.1f}s)")
        return 0
    print(text)
    print(f"{argv[1]}: does NOT conform ({len(data)} triples)")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
