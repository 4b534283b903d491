"""CSV, Web Annotation and ClaimReview exports, read back with the csv and json modules."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

from counterpoint.export import export
from counterpoint.store import Project


def test_csv_has_a_row_per_annotation(rich_project: Project, tmp_path: Path) -> None:
    path = export(rich_project, tmp_path / "a.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    in_comparisons = [a for c in rich_project.comparisons() for a in rich_project.annotations(c.id)]
    loose = [a for a in rich_project.annotations() if a.comparison_id is None]
    assert [int(r["annotation_id"]) for r in rows] == [a.id for a in in_comparisons + loose]
    assert rows[-1]["comparison_id"] == "" and rows[-1]["note"] == "not in any comparison"
    first = rows[0]
    assert first["a_quote"] == "Please don't be too nice"
    assert first["b_quote"] == "in a lawful way"
    assert first["a_speaker"] == "Donald Trump" and first["b_speaker"] == "Jeff Sessions"
    assert first["verdict"] == "Contradiction" and first["relation"] == "contradicts"
    assert first["tags"] == "use of force"
    walk_back = next(r for r in rows if r["relation"] == "walks back")
    assert walk_back["a_quote"] == "« non »" and walk_back["b_quote"] == "“oui”"
    assert walk_back["note"] == "Said “non”, then – within a minute – “oui”.\nSecond line."
    assert walk_back["tags"] == "volte-face; Élysée"
    # A quote that starts like a formula is not run by a spreadsheet.
    assert any(r["a_quote"] == "'=1+1" for r in rows)


def test_web_annotation_collection(rich_project: Project, tmp_path: Path) -> None:
    doc = json.loads(export(rich_project, tmp_path / "w.jsonld", "webanno").read_text("utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == len(rich_project.annotations())
    by_text = {s.text: s.id for s in rich_project.statements()}
    rewritten = next(s.id for s in rich_project.statements() if s.text.startswith("Completely"))
    uuids = {a.uuid for a in rich_project.annotations()}
    source_ids: dict[str, int] = {}
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].removeprefix("urn:uuid:") in uuids  # the annotation's own, kept UUID
        for target in item["target"]:
            selectors = {s["type"]: s for s in target["selector"]}
            quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
            text = target["source"]["value"]
            statement_id = by_text[text]
            # one urn:uuid per statement, the same wherever the statement is a target
            assert str(uuid.UUID(target["source"]["id"].removeprefix("urn:uuid:"))) in target["source"]["id"]
            assert source_ids.setdefault(target["source"]["id"], statement_id) == statement_id
            assert "created" not in target["source"]  # a statement's date is no xsd:dateTime
            sliced = text[position["start"] : position["end"]]
            anchored = sliced == quote["exact"]
            if anchored:
                assert text[: position["start"]].endswith(quote["prefix"])
                assert text[position["end"] :].startswith(quote["suffix"])
            else:  # targets on the rewritten statement keep their old quote
                assert statement_id == rewritten and quote["exact"] in ("=1+1", "is")
    contradiction = items[0]
    assert len(contradiction["target"]) == 2
    assert contradiction["motivation"] == "assessing"
    bodies = {(b["purpose"], b["value"]) for b in contradiction["body"]}
    assert ("assessing", "Contradiction") in bodies and ("tagging", "use of force") in bodies


def test_claim_review_one_per_verdict(rich_project: Project, tmp_path: Path) -> None:
    doc = json.loads(export(rich_project, tmp_path / "c.jsonld", "claimreview").read_text("utf-8"))
    assert doc["@context"] == "https://schema.org"
    reviews = doc["@graph"]
    with_verdict = [a for a in rich_project.annotations() if a.verdict]
    assert len(reviews) == len(with_verdict)
    first = reviews[0]
    assert first["@type"] == "ClaimReview"
    # The whole claim, not the annotated words alone; those are named in the review's text.
    assert first["claimReviewed"] == rich_project.statement(1).text
    assert "Please don't be too nice" in first["reviewBody"]
    assert first["author"] == {"@type": "Organization", "name": "Zoë Ångström"}
    assert (
        first["url"]
        == (tmp_path / "c.jsonld").resolve().as_uri() + f"#annotation-{rich_project.annotations()[0].uuid}"
    )
    assert first["itemReviewed"]["author"]["name"] == "Donald Trump"
    assert first["itemReviewed"]["datePublished"] == "2017-07-28"
    assert first["reviewRating"]["alternateName"] == "Contradiction"
    assert first["reviewRating"]["ratingValue"] == 1
    assert "in a lawful way" in first["reviewBody"]
    unverifiable = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unverifiable")
    assert "ratingValue" not in unverifiable["reviewRating"]


def test_html_is_one_self_contained_file(rich_project: Project, tmp_path: Path) -> None:
    html = export(rich_project, tmp_path / "r.html").read_text("utf-8")
    assert "<script>" not in html  # a speaker called "Jane <script>Doe</script>" stays text
    assert "Jane &lt;script&gt;Doe&lt;/script&gt;" in html
    assert "src=" not in html and "<link" not in html
    assert "Please don&#x27;t be too nice" in html or "Please don't be too nice" in html
    assert 'dir="rtl"' in html


def test_markdown_report(sample_project: Project, tmp_path: Path) -> None:
    text = export(sample_project, tmp_path / "r.md").read_text("utf-8")
    assert text.startswith("# Use of force")
    assert "## 1. Trump vs Sessions: how police should treat suspects" in text
    assert "“Please don't be too nice”" in text
    assert "| Comparison | Contradiction |" in text
