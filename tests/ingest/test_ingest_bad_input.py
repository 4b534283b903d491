"""Bad input: each file a user might feed the importer by mistake or by malice gets one clear message."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import pytest
from ingest_helpers import docx_bytes, text_pdf

from counterpoint.ingest import MAX_BYTES, IngestError, document_from_bytes, load_document
from counterpoint.ingest.pdf import read_pdf


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network during an import fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_binary_file_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(IngestError, match="binary file"):
        load_document(path)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: costs no disk and no time
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(IngestError, match=r"over the \d+ MB import limit"):
        load_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        load_document(tmp_path / "absent.txt")
    with pytest.raises(IngestError, match="is a folder"):
        load_document(tmp_path)


def test_latin1_text_is_decoded_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Le ministre a déclaré : « Nous ne céderons pas », a-t-il ajouté à Besançon.".encode("cp1252")
    )
    document = load_document(path)
    assert "déclaré" in document.text and "Besançon" in document.text
    assert any("not UTF-8" in note for note in document.notes)


def test_stray_invalid_bytes_in_utf8_are_replaced_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    good = "“Stay calm,” the mayor said. Café owners reopened on Tuesday. " * 20
    path.write_bytes(good.encode("utf-8") + b"\xff\xfe\xfa" + good.encode("utf-8"))
    document = load_document(path)
    assert "Café" in document.text and "“Stay calm,”" in document.text
    assert "\ufffd" in document.text
    assert any("invalid UTF-8" in note for note in document.notes)


def test_docx_with_too_many_entries_is_refused_before_parsing() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(2500):
            archive.writestr(f"word/media/part{number}.xml", "")
    with pytest.raises(IngestError, match="entries"):
        document_from_bytes(buffer.getvalue(), "bomb.docx")


def test_docx_that_expands_past_the_size_limit_is_refused() -> None:
    buffer = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry:
            for _ in range(210):
                entry.write(chunk)
    with pytest.raises(IngestError, match="would expand to"):
        document_from_bytes(buffer.getvalue(), "bomb.docx")


def test_docx_with_an_extreme_compression_ratio_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * (20 << 20) + b"</a>")
    with pytest.raises(IngestError, match="zip bomb"):
        document_from_bytes(buffer.getvalue(), "bomb.docx")


def test_docx_with_entity_declarations_is_refused() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document>&lol;</w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    with pytest.raises(IngestError, match="entity"):
        document_from_bytes(buffer.getvalue(), "laughs.docx")


def test_a_real_docx_is_read_with_its_metadata() -> None:
    data = docx_bytes(["Press release", '"We will cooperate fully with the review," Director Ann Wu said.'])
    document = document_from_bytes(data, "release.docx")
    assert document.format == "docx"
    assert document.title == "Statement on policing"
    assert '"We will cooperate fully with the review,"' in document.text


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/a.txt", "hello")
    with pytest.raises(IngestError, match="not a Word document"):
        document_from_bytes(buffer.getvalue(), "archive.docx")


def test_text_pdf_is_read() -> None:
    data = text_pdf(['"We will publish every report," Inspector Ravi Shah said.', "The office opens Monday."])
    document = document_from_bytes(data, "report.pdf")
    assert document.format == "pdf"
    assert "We will publish every report" in document.text


def test_encrypted_pdf_gets_a_clear_message() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf(["Confidential minutes of the meeting of the board."]))))
    writer.encrypt(user_password="secret", owner_password="owner")  # RC4: AES would need `cryptography`
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IngestError, match="password-protected"):
        document_from_bytes(buffer.getvalue(), "minutes.pdf")


def test_image_only_pdf_gets_a_clear_message() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IngestError, match="no text layer"):
        document_from_bytes(buffer.getvalue(), "scan.pdf")


def test_broken_pdf_and_pdf_named_txt() -> None:
    with pytest.raises(IngestError, match="PDF"):
        document_from_bytes(b"%PDF-1.7\n" + b"garbage " * 200, "broken.pdf")
    with pytest.raises(IngestError, match="not a PDF"):
        document_from_bytes(b"plain words, not a PDF at all", "fake.pdf")
    document = document_from_bytes(text_pdf(["Sent as text by mistake, this is a real PDF."]), "misnamed.txt")
    assert document.format == "pdf"


def test_pdf_worker_is_stopped_at_its_time_limit() -> None:
    with pytest.raises(IngestError, match="took too long"):
        read_pdf(text_pdf(["Any page at all will do for this one."]), "slow.pdf", time_limit=0.001)


def test_html_scripts_frames_and_images_leave_nothing_behind() -> None:
    page = """<!doctype html><html><head>
    <title>Council votes</title><meta property="og:site_name" content="The Ledger">
    <meta property="article:published_time" content="2024-03-04T09:00:00Z">
    <link rel="canonical" href="https://ledger.example/council">
    <script>document.write("INJECTED"); fetch("https://tracker.example/x")</script>
    <style>body { background: url(https://tracker.example/bg.png) }</style>
    </head><body>
    <nav>Home | World | Sport</nav>
    <article><h1>Council votes</h1>
    <p>"We will publish the budget line by line," Mayor Tom Reyes said on Monday.</p>
    <img src="https://tracker.example/pixel.gif" alt="TRACKING PIXEL">
    <img src="file:///etc/passwd" alt="LOCAL FILE">
    <iframe src="https://ads.example/frame">IFRAME FALLBACK</iframe>
    <object data="file:///tmp/x.swf">OBJECT FALLBACK</object>
    <p onclick="alert(1)">The vote passed 7 to 2.</p>
    <noscript>NOSCRIPT TEXT</noscript>
    </article></body></html>"""
    document = document_from_bytes(page.encode(), "council.html")
    for leftover in ("INJECTED", "tracker", "TRACKING PIXEL", "LOCAL FILE", "passwd", "IFRAME", "OBJECT", "NOSCRIPT",
                     "alert", "background", "Home | World"):  # fmt: skip
        assert leftover not in document.text
    assert '"We will publish the budget line by line," Mayor Tom Reyes said on Monday.' in document.text
    assert "The vote passed 7 to 2." in document.text
    assert document.title == "Council votes"
    assert document.publisher == "The Ledger"
    assert document.url == "https://ledger.example/council"
    assert str(document.published) == "2024-03-04"


def test_html_nested_20000_levels_deep() -> None:
    page = "<html><body>" + "<div>" * 20000 + "<p>“Deep but fine,” said Ada Byron, the engineer.</p>"
    page += "</div>" * 20000 + "</body></html>"
    document = document_from_bytes(page.encode(), "deep.html")
    assert "“Deep but fine,” said Ada Byron, the engineer." in document.text


def test_empty_and_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty"):
        document_from_bytes(b"  \n", "blank.txt")
    with pytest.raises(IngestError, match=r"old Word \(\.doc\)"):
        document_from_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "memo.doc")


def test_markdown_is_read_as_the_words_a_reader_sees(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Budget hearing\n\n**Mayor Tom Reyes** said the plan was [published](https://example.org) on *Monday*:\n\n"
        '> "We will publish the budget line by line."\n\n- first_item_name stays\n',
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.format == "markdown"
    assert document.title == "Budget hearing"
    assert "Mayor Tom Reyes said the plan was published on Monday:" in document.text
    assert '"We will publish the budget line by line."' in document.text
    assert "first_item_name" in document.text and "https://" not in document.text
    assert document.url is None  # a local file's path is never kept as its address


def test_html_structured_data_gives_headline_date_and_publisher() -> None:
    page = (
        '<html><head><title>x | Site</title><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Budget passes", "datePublished": "2024-05-02T10:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "The Ledger"}}</script></head>'
        "<body><p>The council passed the budget on Thursday night.</p></body></html>"
    )
    document = document_from_bytes(page.encode(), "budget.html")
    assert (document.title, str(document.published), document.publisher) == (
        "Budget passes",
        "2024-05-02",
        "The Ledger",
    )
    assert "NewsArticle" not in document.text
