"""Benchmark the PDF report on a large dossier: 50 comparisons of three statements, 10 annotations each.

Run by `make bench` (benchmarks/run.py), or alone: `python benchmarks/bench_export.py [--keep DIR]`.
Time is measured in this process against two baselines run here too: the JSON export of the same dossier
and a plain QTextDocument of the same words written by QPdfWriter (Qt's floor for that much text).
Peak memory is measured in fresh subprocesses (ru_maxrss, and tracemalloc for Python's own share),
against a subprocess that only imports Qt and opens the project. Targets: < 3 s and < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIME_TARGET_S = 3.0
MEMORY_TARGET_MB = 400.0
COMPARISONS = 50
ANNOTATIONS_PER_COMPARISON = 10
SPEAKERS = [
    ("Maria Álvarez", "Minister of Health"),
    ("Jonas Weiß", "Opposition spokesperson"),
    ("Chloé Dubois", "Director, Public Health Agency"),
    ("Kwame Mensah", "Mayor"),
    ("Priya Raman", "Chief Medical Officer"),
]
PHRASES = [
    "we will not raise taxes on working families",
    "the budget for hospitals must increase by 4 per cent next year",
    "there is no evidence that the programme failed",
    "it was never a directive, it was a suggestion",
    "officers should always act in a lawful way",
    "we might consider a review of the policy",
    "the crisis in emergency care is a challenge we can meet",
    "funding was cut by 12 million in 2019",
    "the reform is a success by any measure",
    "this is not true and never was",
    "we can’t back off that now — we need to do better",
    "the numbers for 2020 show 3,400 more nurses",
]


def build_dossier(path: Path, seed: int = 7) -> None:
    from counterpoint.store import Project, TargetSpec

    rng = random.Random(seed)
    with Project.open(path, create=True) as project, project.transaction():
        project.set_info("title", "Benchmark dossier: fifty comparisons")
        project.set_info("author", "Benchmark")
        source = project.add_source(
            "Parliamentary record", publisher="Hansard", url="https://example.org/record"
        )
        for c in range(COMPARISONS):
            ids, texts = [], []
            for s in range(3):
                sentences = [rng.choice(PHRASES).capitalize() + "." for _ in range(rng.randint(4, 8))]
                text = " ".join(sentences)
                speaker, role = SPEAKERS[(c + s) % len(SPEAKERS)]
                ids.append(
                    project.add_statement(
                        speaker,
                        text,
                        role=role,
                        said_on=f"2020-{1 + c % 12:02d}-{1 + s:02d}",
                        occasion="Committee hearing",
                        source_id=source,
                    )
                )
                texts.append(text)
            comparison = project.add_comparison(f"Comparison {c + 1}: health funding and policing", ids)
            for a in range(ANNOTATIONS_PER_COMPARISON):
                left, right = rng.sample(range(3), 2)
                spans = []
                for index in (left, right):
                    text = texts[index]
                    start = rng.randrange(0, len(text) - 30)
                    spans.append(TargetSpec(ids[index], start, start + rng.randint(8, 30)))
                project.add_annotation(
                    spans,
                    comparison_id=comparison,
                    relation=rng.choice(["contradicts", "walks_back", "clarifies"]),
                    verdict=rng.choice(
                        ["contradiction", "partly_inconsistent", "consistent", "unverifiable"]
                    ),
                    note=f"Note {a + 1}: the two statements disagree on the figures.",
                    tags=[f"topic {a % 4}"],
                )


# -- the operations measured ------------------------------------------------------------------------


def op_pdf(db: Path, out: Path) -> None:
    from counterpoint.export import export
    from counterpoint.store import Project

    with Project.open(db) as project:
        export(project, out / "report.pdf", "pdf")


def op_pdf_without_engine(db: Path, out: Path) -> None:
    from counterpoint.export.pdf import write_pdf
    from counterpoint.export.report import build_report
    from counterpoint.store import Project

    with Project.open(db) as project:
        write_pdf(build_report(project, analyses={}), out / "report-plain.pdf")  # no engine highlights


def op_json(db: Path, out: Path) -> None:
    from counterpoint.export import export
    from counterpoint.store import Project

    with Project.open(db) as project:
        export(project, out / "dossier.json", "json")


def op_plain_document(db: Path, out: Path) -> None:
    """The same words, no markup, one QTextDocument printed by QPdfWriter: what Qt alone costs."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    from counterpoint.export.pdf import ensure_gui_application
    from counterpoint.store import Project

    ensure_gui_application()
    with Project.open(db) as project:
        parts = []
        for comparison in project.comparisons():
            parts.append(comparison.title)
            parts += [project.statement(i).text for i in comparison.statement_ids]
            parts += [a.note for a in project.annotations(comparison.id)]
    writer = QPdfWriter(str(out / "plain.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText("\n\n".join(parts))
    document.print_(writer)


def op_reportlab(db: Path, out: Path) -> None:
    """The anchor: the same words set as paragraphs by reportlab (platypus), another PDF library's cost."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from counterpoint.store import Project

    styles = getSampleStyleSheet()
    story = []
    with Project.open(db) as project:
        for comparison in project.comparisons():
            story.append(Paragraph(escape(comparison.title), styles["Heading2"]))
            story += [Paragraph(escape(project.statement(i).text)) for i in comparison.statement_ids]
            story += [Paragraph(escape(a.note)) for a in project.annotations(comparison.id)]
    SimpleDocTemplate(str(out / "reportlab.pdf"), pagesize=A4).build(story)


def op_nothing(db: Path, out: Path) -> None:
    """Imports, a QGuiApplication and an open project: the memory every mode starts from."""
    import counterpoint.export.pdf  # noqa: F401
    from counterpoint.export.pdf import ensure_gui_application
    from counterpoint.store import Project

    ensure_gui_application()
    with Project.open(db) as project:
        project.comparisons()


OPERATIONS: dict[str, Callable[[Path, Path], None]] = {
    "pdf": op_pdf,
    "pdf-no-engine": op_pdf_without_engine,
    "json": op_json,
    "plain-qtextdocument": op_plain_document,
    "baseline": op_nothing,
}
try:
    import reportlab  # noqa: F401

    OPERATIONS["reportlab (anchor)"] = op_reportlab
except ImportError:  # a dev dependency: the anchor is left out where it is not installed
    pass


def fresh_process_export(db: Path, out: Path, runs: int) -> float:
    """`counterpoint export PROJECT -o report.pdf` as a user runs it: a new process each time."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "counterpoint.cli", "export", str(db), "-o", str(out / "cli.pdf")],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def child(mode: str, db: Path, out: Path) -> None:
    """Run one operation in a fresh process and print its peak memory as JSON."""
    tracemalloc.start()
    started = time.perf_counter()
    OPERATIONS[mode](db, out)
    seconds = time.perf_counter() - started
    _, traced_peak = tracemalloc.get_traced_memory()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    # On Linux a child's ru_maxrss starts from the parent it was forked from (this benchmark, with Qt and
    # the engine loaded): the process's own high-water mark is VmHWM.
    with suppress(OSError), open("/proc/self/status") as status:
        rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    print(
        json.dumps(
            {"seconds": seconds, "maxrss_mb": rss_kb * 1024 / scale / 1024, "traced_mb": traced_peak / 2**20}
        )
    )


def measure_memory(mode: str, db: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(db), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median_time(operation: Callable[[Path, Path], None], db: Path, out: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        operation(db, out)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DB", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="write the dossier and the exports into this folder")
    args, _ = parser.parse_known_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0

    with tempfile.TemporaryDirectory() as temp:
        out = args.keep or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        db = out / "bench-dossier.counterpoint"
        if db.exists():
            db.unlink()
        build_dossier(db)

        # Warm up imports, fonts and the engine's lexicons once, so every timing is of the work itself.
        op_plain_document(db, out)
        op_pdf(db, out)
        op_json(db, out)
        if "reportlab (anchor)" in OPERATIONS:
            op_reportlab(db, out)
        timings = {mode: median_time(OPERATIONS[mode], db, out) for mode in OPERATIONS if mode != "baseline"}
        quick = os.environ.get("COUNTERPOINT_BENCH_QUICK") == "1"
        cli_seconds = fresh_process_export(db, out, 1 if quick else 2)
        from pypdf import PdfReader

        pages = len(PdfReader(out / "report.pdf").pages)
        memory = {mode: measure_memory(mode, db, out) for mode in OPERATIONS}

    print(
        f"dossier: {COMPARISONS} comparisons × 3 statements, {ANNOTATIONS_PER_COMPARISON} annotations each; "
        f"PDF report: {pages} pages"
    )
    print(f"{'operation':<22}{'time s':>9}{'× json':>9}{'× plain':>9}{'peak RSS MB':>13}{'Python MB':>11}")
    # (× plain: against Qt printing the same words; reportlab (anchor): another library setting them)
    for mode in OPERATIONS:
        seconds = timings.get(mode)
        row = f"{mode:<22}"
        if seconds is None:
            row += f"{'':>9}{'':>9}{'':>9}"
        else:
            row += (
                f"{seconds:>9.3f}{seconds / timings['json']:>9.1f}"
                f"{seconds / timings['plain-qtextdocument']:>9.1f}"
            )
        row += f"{memory[mode]['maxrss_mb']:>13.0f}{memory[mode]['traced_mb']:>11.1f}"
        print(row)
    print(
        f"counterpoint export -o report.pdf, fresh process: {cli_seconds:.2f} s "
        f"(x{cli_seconds / timings['pdf']:.2f} the in-process export"
        + (
            f", x{cli_seconds / timings['reportlab (anchor)']:.1f} reportlab on the same words)"
            if "reportlab (anchor)" in timings
            else ")"
        )
    )
    pdf_rss = memory["pdf"]["maxrss_mb"]
    print(
        f"PDF peak RSS over the baseline process: {pdf_rss - memory['baseline']['maxrss_mb']:.0f} MB "
        f"(×{pdf_rss / memory['baseline']['maxrss_mb']:.2f})"
    )
    for mode, seconds in timings.items():
        target = TIME_TARGET_S if mode == "pdf" else None
        report.record(
            "export",
            f"{mode}, in process",
            None,
            seconds,
            timings["plain-qtextdocument"],
            floor_name="plain QTextDocument PDF",
            target=target,
        )
    report.record(
        "export",
        "counterpoint export -o report.pdf, fresh process",
        None,
        cli_seconds,
        timings.get("reportlab (anchor)"),
        floor_name="reportlab, same words",
    )
    for mode in OPERATIONS:
        report.record(
            "export",
            f"{mode}, peak RSS",
            None,
            memory[mode]["maxrss_mb"],
            memory["baseline"]["maxrss_mb"] if mode != "baseline" else None,
            unit="MB",
            floor_name="baseline process",
            target=MEMORY_TARGET_MB if mode == "pdf" else None,
        )
    within = timings["pdf"] < TIME_TARGET_S and pdf_rss < MEMORY_TARGET_MB
    print(
        f"targets: PDF < {TIME_TARGET_S:.0f} s ({timings['pdf']:.2f} s), < {MEMORY_TARGET_MB:.0f} MB "
        f"({pdf_rss:.0f} MB): {'met' if within else 'MISSED'}"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
