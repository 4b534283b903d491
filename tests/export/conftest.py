"""A dossier with what the sample lacks: accents, curly quotes, dashes, right-to-left text, a note on one
span, an engine suggestion, a span that no longer anchors, a statement with no source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterpoint.store import Project, TargetSpec
from counterpoint.store.sample import write_sample

RICH_TEXT = "Le président a dit « non » – puis “oui” à l’Élysée; naïve café, 3–4 mai."
ARABIC_TEXT = "قال الوزير إن القرار نهائي."


@pytest.fixture
def rich_project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "rich.counterpoint", create=True) as project:
        write_sample(project)
        source = project.add_source(
            "Élysée press release",
            publisher="Présidence",
            url="https://example.org/élysée?a=1&b=2",
            published="2020-05-04",
            content="Full text: " + RICH_TEXT,
            retrieved="2020-05-05T10:00:00Z",
        )
        fr = project.add_statement(
            "Émile Zöller",
            RICH_TEXT,
            role="Porte-parole",
            said_on="2020-05-04",
            occasion="Conférence de presse",
            source_id=source,
            source_start=11,
            source_end=11 + len(RICH_TEXT),
            language="fr",
        )
        ar = project.add_statement("وزير الخارجية", ARABIC_TEXT, language="ar")
        plain = project.add_statement("Jane <script>Doe</script>", "=1+1 is not a formula; *nor* _this_.")
        comparison = project.add_comparison("Zöller — “oui” or « non »?", [fr, ar, plain])
        yes = RICH_TEXT.index("“oui”")
        no = RICH_TEXT.index("« non »")
        project.add_annotation(
            [TargetSpec(fr, no, no + len("« non »")), TargetSpec(fr, yes, yes + len("“oui”"))],
            comparison_id=comparison,
            relation="walks_back",
            verdict="unverifiable",
            note="Said “non”, then – within a minute – “oui”.\nSecond line.",
            tags=["volte-face", "Élysée"],
        )
        project.add_annotation([TargetSpec(ar, 0, 3)], comparison_id=comparison, note="A note on one span")
        project.add_annotation(
            [TargetSpec(plain, 0, 4), TargetSpec(fr, 0, 2)],
            comparison_id=comparison,
            relation="clarifies",
            verdict="consistent",
            origin="engine",
            kind="quantity",
        )
        project.add_annotation([TargetSpec(plain, 5, 7)], note="not in any comparison", tags=["loose"])
        project.ensure_tag("unused", "#123456", "a tag on nothing")
        project.set_info("author", "Zoë Ångström")
        # A target whose quote no longer matches after the statement was edited.
        lost = project.update_statement(plain, text="Completely different words now.")
        assert lost
        yield project
