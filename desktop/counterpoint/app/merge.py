"""Merging a dossier (a JSON export) or another project into a project: what is already there is not
added twice. Statements are matched by speaker, text and date; sources by SHA-256; comparisons by their
statements; annotations by their UUID or their spans; tags by name. One transaction: all or nothing.

Two people who each tagged a copy of the same dossier get the union of their work; merging the same
file twice adds nothing the second time. Into an empty project everything keeps its id, so a round trip
through JSON loses nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterpoint.errors import UserError
from counterpoint.export.dossier import FILE_KEYS, VERSION, dump, is_dossier_export
from counterpoint.store import Annotation, Project, Relation, Speaker, Target, Verdict
from counterpoint.store.merge_undo import info_value

KINDS = ("speakers", "sources", "statements", "tags", "comparisons", "annotations")
SINGULAR = {
    "speakers": "speaker",
    "sources": "source",
    "statements": "statement",
    "tags": "tag",
    "comparisons": "comparison",
    "annotations": "annotation",
}


@dataclass
class MergeReport:
    """How many of each kind of record were new, and how many were already present."""

    new: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)
    statement_ids: list[int] = field(default_factory=list)  # the statements the merge added
    added: dict[str, list[int]] = field(default_factory=dict)  # kind -> ids of the rows the merge added
    info_before: dict[str, str | None] = field(default_factory=dict)  # settings it set (None: were absent)
    roles_before: dict[int, str] = field(default_factory=dict)  # speakers whose empty role it filled in

    def summary(self) -> str:
        new, present = sum(self.new.values()), sum(self.present.values())
        details = ", ".join(
            f"{self.new[k]} {k if self.new[k] != 1 else SINGULAR[k]}" for k in KINDS if self.new[k]
        )
        return f"{new} new, {present} already present" + (f" ({details})" if details else "")


def merge_project(project: Project, other: Path) -> MergeReport:
    """Merge another project file into `project` (the other file is only read)."""
    with Project.open(other, lock=False) as source:
        data = dump(source)
    return merge_dossier(project, data)


def merge_dossier(project: Project, data: dict[str, Any]) -> MergeReport:
    """Merge a dumped dossier into `project`, in one transaction."""
    if not is_dossier_export(data):
        raise UserError("this JSON file is not a Counterpoint dossier export")
    if data["version"] > VERSION:
        raise UserError(
            f"this dossier was exported by a newer Counterpoint (format version {data['version']}); update to import it"
        )
    try:
        with project.transaction():
            return _Merge(project, data, keep_ids=project.is_empty()).run()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(f"the dossier file is damaged or incomplete ({type(exc).__name__}: {exc})") from None


class _Merge:
    def __init__(self, project: Project, data: dict[str, Any], *, keep_ids: bool) -> None:
        self.project = project
        self.data = data
        self.keep_ids = keep_ids
        self.report = MergeReport()
        self.speakers: dict[int, int] = {}
        self.sources: dict[int, int] = {}
        self.statements: dict[int, int] = {}
        self.comparisons: dict[int, int] = {}
        self.added_speakers: set[int] = set()

    def _count(self, kind: str, new: bool, row_id: int | None = None) -> None:
        (self.report.new if new else self.report.present)[kind] += 1
        if new and row_id is not None:
            self.report.added.setdefault(kind, []).append(row_id)

    def run(self) -> MergeReport:
        project, data = self.project, self.data
        # Beside existing data, the project keeps its own title, author and settings.
        for key, value in data.get("info", {}).items():
            if key not in FILE_KEYS and (self.keep_ids or not project.info(str(key))):
                self.report.info_before.setdefault(str(key), info_value(project, str(key)))
                project.set_info(str(key), str(value))
        self._speakers()
        self._sources()
        self._statements()
        self._tags()
        self._comparisons()
        self._annotations()
        return self.report

    def _speakers(self) -> None:
        known = {s.name: s for s in self.project.speakers()}
        for s in self.data.get("speakers", []):
            name = " ".join(str(s["name"]).split())
            there = known.get(name)
            if there is not None and not there.role and there.id not in self.added_speakers:
                self.report.roles_before.setdefault(there.id, "")  # the merge may fill in an empty role
            if self.keep_ids:
                self.speakers[s["id"]] = self.project.insert_speaker(
                    s["id"], name, s.get("role", ""), s.get("organisation", "")
                )
            else:
                self.speakers[s["id"]] = self.project.ensure_speaker(
                    name, s.get("role", ""), s.get("organisation", "")
                )
            new = name not in known
            self._count("speakers", new, self.speakers[s["id"]])
            if new:
                self.added_speakers.add(self.speakers[s["id"]])
                known[name] = Speaker(self.speakers[s["id"]], name, s.get("role", ""))

    def _sources(self) -> None:
        for s in self.data.get("sources", []):
            same = (
                None
                if self.keep_ids
                else self.project.find_source(s.get("sha256"), s["title"], s.get("url", ""))
            )
            if same is not None:
                self.sources[s["id"]] = same
                self._count("sources", False)
                continue
            new_id = self.project.add_source(
                s["title"],
                publisher=s.get("publisher", ""),
                url=s.get("url", ""),
                published=s.get("published"),
                content=s.get("content"),
                retrieved=s.get("retrieved"),
                id=s["id"] if self.keep_ids else None,
            )
            self.project.set_source_hash(new_id, s.get("sha256"))
            self.sources[s["id"]] = new_id
            self._count("sources", True, new_id)

    def _statements(self) -> None:
        names = {s["id"]: s["name"] for s in self.data.get("speakers", [])}
        for s in self.data.get("statements", []):
            speaker = names[s["speaker_id"]]
            same = (
                None if self.keep_ids else self.project.find_statement(speaker, s["text"], s.get("said_on"))
            )
            if same is not None:
                self.statements[s["id"]] = same
                self._count("statements", False)
                continue
            new_id = self.project.add_statement(
                speaker,
                s["text"],
                role=s.get("role", ""),
                said_on=s.get("said_on"),
                occasion=s.get("occasion", ""),
                source_id=self.sources.get(s["source_id"]) if s.get("source_id") is not None else None,
                source_start=s.get("source_start"),
                source_end=s.get("source_end"),
                language=s.get("language", "en"),
                id=s["id"] if self.keep_ids else None,
            )
            # add_statement keeps the speaker's first role on the speaker; the statement keeps its own.
            self.project.set_statement_origin(
                new_id, self.speakers[s["speaker_id"]], s.get("created"), s.get("updated")
            )
            self.statements[s["id"]] = new_id
            self.report.statement_ids.append(new_id)
            self._count("statements", True, new_id)

    def _tags(self) -> None:
        known = {tag.name.casefold() for tag in self.project.tags()}
        for t in self.data.get("tags", []):
            name = str(t["name"])
            if name.casefold() in known:
                self._count("tags", False)
                continue
            if self.keep_ids:
                tag_id = self.project.insert_tag(t["id"], name, t["colour"], t.get("description", ""))
            else:
                tag_id = self.project.ensure_tag(name, t["colour"], t.get("description", ""))
            known.add(name.casefold())
            self._count("tags", True, tag_id)

    def _comparisons(self) -> None:
        for c in self.data.get("comparisons", []):
            members = [self.statements[sid] for sid in c["statement_ids"]]
            same = None if self.keep_ids else self.project.find_comparison(members)
            if same is not None:
                self.comparisons[c["id"]] = same
                self._count("comparisons", False)
                continue
            new_id = self.project.add_comparison(c["title"], members, id=c["id"] if self.keep_ids else None)
            self.project.set_comparison_times(new_id, c.get("created"), c.get("updated"))
            self.comparisons[c["id"]] = new_id
            self._count("comparisons", True, new_id)

    def _annotations(self) -> None:
        for a in self.data.get("annotations", []):
            comparison_id = (
                self.comparisons.get(a["comparison_id"]) if a.get("comparison_id") is not None else None
            )
            spans = [
                (self.statements[t["statement_id"]], t["start"], t["end"], t["exact"]) for t in a["targets"]
            ]
            if (
                not self.keep_ids
                and self.project.find_annotation(a.get("uuid"), comparison_id, spans) is not None
            ):
                self._count("annotations", False)
                continue
            first_target = self.project.next_id("annotation_targets")
            annotation_id = self.project.restore_annotation(
                Annotation(
                    id=a["id"] if self.keep_ids else self.project.next_id("annotations"),
                    comparison_id=comparison_id,
                    relation=Relation(a["relation"]) if a.get("relation") else None,
                    verdict=Verdict(a["verdict"]) if a.get("verdict") else None,
                    note=a.get("note", ""),
                    tags=tuple(a.get("tags", ())),
                    origin=a.get("origin", "user"),
                    kind=a.get("kind"),
                    created=a.get("created", ""),
                    updated=a.get("updated", ""),
                    uuid=a.get("uuid") or "",
                    targets=tuple(
                        Target(
                            id=t["id"] if self.keep_ids else first_target + i,
                            statement_id=self.statements[t["statement_id"]],
                            start=t["start"],
                            end=t["end"],
                            exact=t["exact"],
                            prefix=t.get("prefix", ""),
                            suffix=t.get("suffix", ""),
                            anchored=bool(t.get("anchored", True)),
                        )
                        for i, t in enumerate(a["targets"])
                    ),
                )
            )
            self._count("annotations", True, annotation_id)


def merge_file(project: Project, path: Path) -> MergeReport:
    """Merge a JSON dossier export or another project file into `project` (File > Merge in the app)."""
    from counterpoint.app.documents import is_project_file, read_dossier_export

    path = Path(path)
    if is_project_file(path):
        if path.resolve() == project.path.resolve():
            raise UserError("this is the open project itself; choose another project file or a dossier")
        return merge_project(project, path)
    data = read_dossier_export(path)
    if data is None:
        raise UserError(f"{path.name} is neither a Counterpoint dossier (.json) nor a project file")
    return merge_dossier(project, data)
