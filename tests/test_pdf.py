"""PDF printing: the engine registry, finding Chromium on every system, and printing with it.

Printing needs a Chromium (Debian's /usr/bin/chromium here) and poppler's pdfinfo/pdftotext;
those tests are skipped without them. Finding Chromium on Windows and macOS runs on any system
with fake install folders under ``tmp_path``. Each test starts at most one browser.

Navigation: the two printing passes that put page numbers in the Daftar Isi, Daftar Tabel and
Daftar Gambar run with a fake printer writing PDFs with pypdf; the lists' HTML is checked on
small chapters; one print checks Chromium's bookmarks and named destinations. The real
report's page numbers are checked in test_render.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from builders import CLEAN_UNIT, CLEAN_YEAR, text_of, write_clean
from markupsafe import Markup

from lkip_helpers import chromium as chromium_module
from lkip_helpers import errors, pagination
from lkip_helpers.chromium import choose_transport
from lkip_helpers.html_report import (Chapter, Section, render_report, report_contents,
                                      report_facts, report_lists)
from lkip_helpers.i18n import teks
from lkip_helpers.pdf import (DEFAULT_ENGINE, INSTALL_HINT, Chromium, ChromiumError, PdfEngine,
                              PdfEngines, find_chromium, pdf_engines)

CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed")
needs_poppler = pytest.mark.skipif(not (shutil.which("pdfinfo") and shutil.which("pdftotext")),
                                   reason="poppler-utils (pdfinfo, pdftotext) not installed")
TRANSPORTS = ["pipe", "websocket"] if os.name != "nt" else ["websocket"]

HTML = """<!doctype html><html lang="id"><head><meta charset="utf-8"></head>
<body><h1>Laporan Kinerja</h1><p>Capaian kinerja tahun 2023.</p></body></html>"""


def _executable(path: Path, body: str = "exit 0") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def _english(error: Exception) -> str:
    """An error's message in English, whatever the test machine's language."""
    return teks(error.args[0], "en")


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


# -- the registry ------------------------------------------------------------------------------
def test_registry_knows_chromium():
    assert DEFAULT_ENGINE == "chromium"
    assert "chromium" in pdf_engines.names()
    assert pdf_engines.get("chromium") is Chromium
    assert pdf_engines.get() is Chromium
    assert issubclass(Chromium, PdfEngine)
    assert Chromium.find is not None and find_chromium(None) == Chromium.find(None)


def test_registry_register_and_unknown_name():
    engines = PdfEngines()

    class Fake(PdfEngine):
        name = "fake"

    engines.register("fake", Fake)
    engines.register("lazy", "lkip_helpers.chromium:Chromium")
    assert engines.names() == ["fake", "lazy"]
    assert engines.get("fake") is Fake
    assert engines.get("lazy") is Chromium
    with pytest.raises(errors.UsageError) as caught:
        engines.get("wkhtmltopdf")
    assert caught.value.exit_code == 2
    message = _english(caught.value)
    assert "wkhtmltopdf" in message and "fake, lazy" in message


def test_errors_belong_to_the_one_family():
    assert issubclass(ChromiumError, errors.RenderError)
    assert ChromiumError("x").exit_code == 1
    assert "LKIP_CHROMIUM" in str(INSTALL_HINT) and "Windows" in INSTALL_HINT.teks("en")


def test_transport_choice(monkeypatch):
    assert choose_transport("websocket") == "websocket"
    with pytest.raises(errors.UsageError):
        choose_transport("carrier-pigeon")
    with monkeypatch.context() as patch:  # only around the calls: pathlib reads os.name too
        patch.setattr(os, "name", "nt")
        auto = choose_transport("auto")
        with pytest.raises(errors.UsageError):
            choose_transport("pipe")
    assert auto == "websocket"
    if os.name != "nt":
        assert choose_transport("auto") == "pipe"


# -- finding Chromium --------------------------------------------------------------------------
@pytest.fixture
def no_chromium_around(monkeypatch, tmp_path):
    """Nothing on PATH and no LKIP_CHROMIUM: only the install folders we fake are searched."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("LKIP_CHROMIUM", raising=False)
    for name in chromium_module.WINDOWS_BASES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))  # ~ on Windows
    monkeypatch.setattr(chromium_module, "MACOS_FOLDERS",
                        (str(tmp_path / "Applications"), "~/Applications"))


def test_find_on_windows(monkeypatch, tmp_path, no_chromium_around):
    monkeypatch.setattr(sys, "platform", "win32")
    for name, folder in (("PROGRAMFILES", "pf"), ("PROGRAMFILES(X86)", "pf86"),
                         ("LOCALAPPDATA", "local")):
        monkeypatch.setenv(name, str(tmp_path / folder))
    assert Chromium.find() is None
    edge = _executable(tmp_path / "pf86" / "Microsoft" / "Edge" / "Application" / "msedge.exe")
    assert Chromium.find() == edge
    chrome = _executable(tmp_path / "local" / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert Chromium.find() == chrome  # an installed Chrome wins over Windows' own Edge
    system_chrome = _executable(
        tmp_path / "pf" / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert Chromium.find() == system_chrome


def test_find_chromium_build_on_windows(monkeypatch, tmp_path, no_chromium_around):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    chromium = _executable(tmp_path / "local" / "Chromium" / "Application" / "chrome.exe")
    assert Chromium.find() == chromium


def test_find_on_macos(monkeypatch, tmp_path, no_chromium_around):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert Chromium.find() is None
    mine = _executable(tmp_path / "home" / "Applications" / "Chromium.app" / "Contents"
                       / "MacOS" / "Chromium")
    assert Chromium.find() == mine
    edge = _executable(tmp_path / "Applications" / "Microsoft Edge.app" / "Contents" / "MacOS"
                       / "Microsoft Edge")
    assert Chromium.find() == mine  # Chromium before Edge
    chrome = _executable(tmp_path / "Applications" / "Google Chrome.app" / "Contents" / "MacOS"
                         / "Google Chrome")
    assert Chromium.find() == chrome
    assert edge.exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX scripts on PATH")
def test_find_on_path_and_in_the_environment(monkeypatch, tmp_path, no_chromium_around):
    monkeypatch.setattr(sys, "platform", "linux")
    assert Chromium.find() is None
    on_path = _executable(tmp_path / "bin" / "google-chrome")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert Chromium.find() == on_path
    chosen = _executable(tmp_path / "elsewhere" / "my-chromium")
    monkeypatch.setenv("LKIP_CHROMIUM", str(chosen))
    assert Chromium.find() == chosen
    assert Chromium.find(on_path) == on_path  # explicit beats the variable
    monkeypatch.setenv("LKIP_CHROMIUM", str(tmp_path / "gone"))
    with pytest.raises(ChromiumError, match="gone"):
        Chromium.find()


def test_explicit_missing_path_is_an_error(tmp_path):
    missing = tmp_path / "no-such-chromium"
    with pytest.raises(ChromiumError) as caught:
        find_chromium(missing)
    message = _english(caught.value)
    assert str(missing) in message and "LKIP_CHROMIUM" in message and "\n" not in message
    assert caught.value.exit_code == 1


# -- a browser that does not work --------------------------------------------------------------
@pytest.fixture
def page(tmp_path) -> Path:
    html = tmp_path / "laporan.html"
    html.write_text(HTML, encoding="utf-8")
    return html


@pytest.mark.skipif(os.name == "nt", reason="POSIX scripts")
@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("program, expected", [
    ("/bin/false", "exit status 1"),
    ("script", "exit status 1: libnss3.so: cannot open shared object file"),
    ("missing", "could not be started"),
    ("not-executable", "could not be started"),
])
def test_a_browser_that_does_not_start(tmp_path, page, transport, program, expected):
    if program == "script":
        program = _executable(tmp_path / "chromium", 'echo "starting"\n'
                              'echo "libnss3.so: cannot open shared object file" >&2\nexit 1')
    elif program == "missing":
        program = tmp_path / "nothing-here"
    elif program == "not-executable":
        program = tmp_path / "chromium.txt"
        program.write_text("not a program")
    browser = Chromium(Path(program), timeout=10, transport=transport)
    try:
        with pytest.raises(ChromiumError) as caught:
            browser.print_pdf(page, tmp_path / "laporan.pdf")
        message = _english(caught.value)
        assert expected in message and str(program) in message and "\n" not in message
        with pytest.raises(ChromiumError):  # and it stays so
            browser.print_pdf(page, tmp_path / "laporan.pdf")
    finally:
        browser.close()
    assert not Path(browser.profile).exists()
    assert not (tmp_path / "laporan.pdf").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX scripts")
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_browser_that_does_not_answer(tmp_path, page, transport, monkeypatch):
    # It starts a helper process, never answers and ignores Browser.close: the print times
    # out, and close() kills it with its children.
    silent = _executable(tmp_path / "chromium", "sleep 60 &\nexec sleep 61")
    browser = Chromium(silent, timeout=1, transport=transport)
    start = time.monotonic()
    try:
        with pytest.raises(ChromiumError, match="did not answer within 1 s"):
            browser.print_pdf(page, tmp_path / "laporan.pdf")
        assert time.monotonic() - start < 5
        children = psutil.Process(browser.pid).children(recursive=True)
        assert children
    finally:
        browser.close()
    assert time.monotonic() - start < 10
    assert not psutil.pid_exists(browser.pid) or not _alive(psutil.Process(browser.pid))
    assert not any(_alive(child) for child in children)
    assert not Path(browser.profile).exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX scripts")
def test_close_kills_a_browser_that_ignores_browser_close(tmp_path, monkeypatch):
    monkeypatch.setattr(chromium_module, "CLOSE_WAIT", 0.5)
    stubborn = _executable(tmp_path / "chromium", "sleep 60 &\nexec sleep 61")
    browser = Chromium(stubborn, transport="pipe")
    deadline = time.monotonic() + 5
    while not psutil.Process(browser.pid).children() and time.monotonic() < deadline:
        time.sleep(0.05)
    family = [psutil.Process(browser.pid), *psutil.Process(browser.pid).children(recursive=True)]
    assert len(family) == 2
    browser.close()
    assert not any(_alive(process) for process in family)
    assert not Path(browser.profile).exists()


# -- printing ----------------------------------------------------------------------------------
@needs_chromium
@needs_poppler
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_print_a4_with_page_numbers_then_close(tmp_path, page, transport):
    log = (tmp_path / "chromium.log").open("w", encoding="utf-8")
    browser = Chromium(CHROMIUM, log, transport=transport)
    try:
        pdf = tmp_path / "laporan.pdf"
        browser.print_pdf(page, pdf, "LKIP 2023 · Biro Umum")
        family = [psutil.Process(browser.pid),
                  *psutil.Process(browser.pid).children(recursive=True)]
    finally:
        browser.close()
        log.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "(A4)" in info and re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Laporan Kinerja" in text and "Capaian kinerja tahun 2023." in text
    assert "Halaman 1 dari 1" in text and "LKIP 2023 · Biro Umum" in text
    # Closed: no process of ours left, no profile left.
    assert not any(_alive(process) for process in family)
    assert not Path(browser.profile).exists()
    with pytest.raises(ChromiumError):
        browser.print_pdf(page, pdf)


# -- navigation: bookmarks, and page numbers in the Daftar Isi / Tabel / Gambar ----------------
def _pdf_with_destinations(path: Path, pages: dict[str, int], count: int) -> None:
    """A PDF of ``count`` blank pages with a named destination per ``pages`` entry."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(595, 842)
    for name, page in pages.items():
        writer.add_named_destination(name, page - 1)
    with open(path, "wb") as file:
        writer.write(file)


def _page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


class _FakePrinter:
    """Prints pass N with destinations ``passes[N]`` on N + 7 pages (so the passes' PDFs can
    be told apart), and keeps the HTML it was given."""

    def __init__(self, *passes: dict[str, int]) -> None:
        self.passes, self.printed = list(passes), []

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "") -> None:
        self.printed.append(Path(html_file).read_text(encoding="utf-8"))
        number = len(self.printed)
        if number > len(self.passes):
            raise ChromiumError("no such pass")
        _pdf_with_destinations(pdf_file, self.passes[number - 1], number + 7)


@pytest.fixture
def report_files(tmp_path) -> tuple[Path, Path]:
    html = tmp_path / "unit-2023.html"
    html.write_text("<p>tanpa nomor</p>", encoding="utf-8")
    return html, tmp_path / "unit-2023.pdf"


def _numbered(printer: _FakePrinter, files: tuple[Path, Path], anchors=("a", "b")):
    html, pdf = files
    return pagination.print_numbered(printer.print_pdf, html, pdf, "kaki",
                                     lambda pages: f"<p>{sorted(pages.items())}</p>", anchors)


def test_destination_pages_reads_every_named_destination(tmp_path):
    pdf = tmp_path / "x.pdf"
    _pdf_with_destinations(pdf, {"bab-01": 1, "tabel-3-1": 3, "gambar-l-1": 4}, 4)
    assert pagination.destination_pages(pdf) == {"bab-01": 1, "tabel-3-1": 3, "gambar-l-1": 4}
    assert pagination.pages_of(pdf, ["tabel-3-1", "nowhere"]) == {"tabel-3-1": 3}
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert pagination.destination_pages(tmp_path / "broken.pdf") == {}
    assert pagination.destination_pages(tmp_path / "missing.pdf") == {}


def test_two_passes_print_the_pages_the_first_one_found(report_files):
    printer = _FakePrinter({"a": 2, "b": 5}, {"a": 2, "b": 5})
    numbering = _numbered(printer, report_files)
    assert numbering == pagination.Numbering({"a": 2, "b": 5}, 2)
    assert printer.printed == ["<p>tanpa nomor</p>", "<p>[('a', 2), ('b', 5)]</p>"]
    html, pdf = report_files
    assert _page_count(pdf) == 9  # the second pass's PDF
    assert sorted(p.name for p in html.parent.iterdir()) == [html.name, pdf.name]


def test_numbers_that_move_an_entry_are_corrected_by_a_third_pass(report_files):
    printer = _FakePrinter({"a": 2, "b": 5}, {"a": 2, "b": 6}, {"a": 2, "b": 6})
    numbering = _numbered(printer, report_files)
    assert numbering == pagination.Numbering({"a": 2, "b": 6}, 3)
    assert printer.printed[2] == "<p>[('a', 2), ('b', 6)]</p>"
    assert _page_count(report_files[1]) == 10


def test_numbers_that_never_settle_leave_the_first_pass_without_numbers(report_files):
    printer = _FakePrinter({"a": 2, "b": 5}, {"a": 2, "b": 6}, {"a": 2, "b": 7})
    numbering = _numbered(printer, report_files)
    assert numbering.pages == {} and numbering.passes == pagination.MAX_PASSES
    assert "moved" in numbering.reason
    assert _page_count(report_files[1]) == 8  # the first pass's PDF, no numbers in it
    assert len(list(report_files[0].parent.iterdir())) == 2  # nothing left beside the report


def test_an_engine_without_positions_prints_once_without_numbers(report_files):
    printer = _FakePrinter({})
    numbering = _numbered(printer, report_files)
    assert (numbering.pages, numbering.passes) == ({}, 1) and numbering.reason
    assert _page_count(report_files[1]) == 8


def test_without_pypdf_the_report_prints_once_without_numbers(report_files, monkeypatch):
    html, pdf = report_files
    printed = []

    def print_pdf(html_file: Path, pdf_file: Path, footer: str = "") -> None:
        printed.append(html_file)
        _pdf_with_dests_dictionary(pdf_file, {"a": (1, 800), "b": (2, 800)})

    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf raises ImportError
    monkeypatch.setattr(pagination, "find_spec", lambda name: None)
    numbering = pagination.print_numbered(print_pdf, html, pdf, "", lambda pages: "", ["a", "b"])
    assert (numbering.pages, numbering.passes) == ({}, 1) and "pypdf" in numbering.reason
    assert printed == [html] and b"/XYZ 0 800" in pdf.read_bytes()  # as printed


def test_an_entry_without_position_gets_no_number_the_others_do(report_files):
    printer = _FakePrinter({"a": 2}, {"a": 2})
    numbering = _numbered(printer, report_files)
    assert numbering == pagination.Numbering({"a": 2}, 2, missing=("b",))


def test_a_failed_second_pass_raises_and_leaves_nothing_beside_the_report(report_files):
    printer = _FakePrinter({"a": 2, "b": 5})
    with pytest.raises(ChromiumError):
        _numbered(printer, report_files)
    assert len(list(report_files[0].parent.iterdir())) == 2


class _InPlacePrinter(_FakePrinter):
    """A printer that prints in place: the first call is a draft, later ones carry the lists
    (``parts``) to put into the page; every call is recorded as (html, draft, parts)."""

    in_place = True

    def __init__(self, *passes: dict[str, int]) -> None:
        super().__init__(*passes)
        self.calls: list[tuple[str, bool, dict | None]] = []

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", *,
                  draft: bool = False, parts: dict | None = None) -> None:
        self.calls.append((Path(html_file).name, draft, parts))
        super().print_pdf(html_file, pdf_file, footer)


def _in_place(printer: _InPlacePrinter, files: tuple[Path, Path], anchors=("a", "b")):
    html, pdf = files
    return pagination.print_numbered(printer.print_pdf, html, pdf, "kaki",
                                     lambda pages: "unused", anchors,
                                     parts=lambda pages: {"daftar": str(sorted(pages.items()))})


def test_in_place_a_draft_then_the_same_page_with_its_lists_replaced(report_files):
    printer = _InPlacePrinter({"a": 2, "b": 5}, {"a": 2, "b": 5})
    numbering = _in_place(printer, report_files)
    assert numbering == pagination.Numbering({"a": 2, "b": 5}, 2)
    html, pdf = report_files
    assert printer.calls == [(html.name, True, None),
                             (html.name, False, {"daftar": "[('a', 2), ('b', 5)]"})]
    assert _page_count(pdf) == 9  # the second pass's PDF, not the draft
    assert sorted(p.name for p in html.parent.iterdir()) == [html.name, pdf.name]


def test_in_place_moved_numbers_get_a_third_pass(report_files):
    printer = _InPlacePrinter({"a": 2, "b": 5}, {"a": 2, "b": 6}, {"a": 2, "b": 6})
    assert _in_place(printer, report_files) == pagination.Numbering({"a": 2, "b": 6}, 3)
    assert printer.calls[2][2] == {"daftar": "[('a', 2), ('b', 6)]"}
    assert _page_count(report_files[1]) == 10


@pytest.mark.parametrize("passes, reason", [
    (({},), "no entry"),  # a draft without positions
    (({"a": 2, "b": 5}, {"a": 2}), "same entries"),
    (({"a": 2, "b": 5}, {"a": 2, "b": 6}, {"a": 2, "b": 7}), "moved"),
])
def test_in_place_without_numbers_the_report_is_printed_as_it_is(report_files, passes, reason):
    """A draft is no report: when the numbers cannot be had, one more print without lists
    replaced, as a final print (tags, footer), makes the PDF."""
    printer = _InPlacePrinter(*passes, {})
    numbering = _in_place(printer, report_files)
    assert numbering.pages == {} and reason in numbering.reason
    assert numbering.passes == len(passes) + 1 == len(printer.calls)
    assert printer.calls[-1] == (report_files[0].name, False, None)
    assert _page_count(report_files[1]) == len(passes) + 8  # the last print's PDF
    assert len(list(report_files[0].parent.iterdir())) == 2  # no draft left beside it


def _pdf_with_dests_dictionary(path: Path, dests: dict[str, tuple[int, float]],
                               count: int = 3) -> bytes:
    """A PDF 1.4 written here, as Chromium writes its destinations: a ``/Dests`` dictionary
    object in the catalog, ``/name [page /XYZ 0 top null]``, and a cross-reference table."""
    objects = ["<< /Type /Catalog /Pages 2 0 R /Dests 3 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{4 + n} 0 R' for n in range(count))}] "
               f"/Count {count} /MediaBox [0 0 595 842] >>",
               "<< " + " ".join(f"/{name} [{3 + page} 0 R /XYZ 0 {top:g} null]"
                                for name, (page, top) in dests.items()) + " >>",
               *["<< /Type /Page /Parent 2 0 R >>"] * count]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    data += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
             "%%EOF\n").encode()
    path.write_bytes(data)
    return data


def _tops(pdf: Path) -> dict[str, tuple[int, float]]:
    from pypdf import PdfReader

    reader = PdfReader(pdf, strict=True)
    return {name.lstrip("/"): (reader.get_destination_page_number(dest) + 1, float(dest.top))
            for name, dest in reader.named_destinations.items()}


def test_destinations_are_moved_to_their_page_tops_by_an_incremental_update(tmp_path):
    pdf = tmp_path / "laporan.pdf"
    original = _pdf_with_dests_dictionary(pdf, {"bab-01": (1, 792), "bab-01-18": (2, -83),
                                                "tabel-3-1": (3, 1234.5)})
    assert pagination.destinations_to_page_tops(pdf)
    assert pdf.read_bytes().startswith(original)  # appended to, nothing rewritten
    assert _tops(pdf) == {"bab-01": (1, 842), "bab-01-18": (2, 842), "tabel-3-1": (3, 842)}
    assert pagination.destinations_to_page_tops(pdf)  # an update on an update
    assert _tops(pdf) == {"bab-01": (1, 842), "bab-01-18": (2, 842), "tabel-3-1": (3, 842)}
    if shutil.which("pdfinfo"):
        done = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                              check=True)
        assert done.stderr == "" and done.stdout.count("XYZ    0  842") == 3


def test_destinations_of_another_kind_are_left_alone(tmp_path):
    named = tmp_path / "names-tree.pdf"  # pypdf writes a /Names tree, not a /Dests dictionary
    _pdf_with_destinations(named, {"a": 1}, 2)
    before = named.read_bytes()
    assert not pagination.destinations_to_page_tops(named)
    assert named.read_bytes() == before
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    assert not pagination.destinations_to_page_tops(broken)
    assert broken.read_bytes() == b"%PDF-1.4 not really"


# -- the lists in the report's HTML ------------------------------------------------------------
_BODY = """<div class="narasi"><h2 id="bab-03-4">A. Capaian &amp; Kinerja</h2></div>
<div class="keluaran"><table id="T_x"><caption>Ringkasan capaian</caption></table></div>
<div class="keluaran"><table><caption>Tabel 3.1 Target &amp; realisasi</caption></table></div>
<figure class="gambar"><img alt="" src="data:image/png;base64,AA"></figure>
<div class="keluaran"><figure style="margin: 0"><img alt="" src="data:image/png;base64,AA">
<figcaption style="font-weight: bold">Gambar 3.1 Serapan per kegiatan</figcaption></figure></div>
<div class="keluaran"><table><caption class="c" id="punya-id">Tabel 3.2 Aset</caption></table></div>
<div class="keluaran"><table><caption>Tabel Rencana tanpa nomor</caption></table></div>"""


def _chapters() -> list[Chapter]:
    return [Chapter("bab-03", "Bab III Akuntabilitas Kinerja", Markup(_BODY),
                    (Section("bab-03-4", "A. Capaian & Kinerja", 2),)),
            Chapter("bab-04", "Bab IV Kosong", Markup("  ")),
            Chapter("bab-90", "Lampiran", Markup(
                '<figure><img alt="" src="data:,"><figcaption>Gambar L.1 Status</figcaption>'
                '</figure><table><caption>Tabel 3.1 Nomor yang sama</caption></table>'))]


def test_contents_give_numbered_tables_and_figures_ids_and_list_them():
    contents = report_contents(_chapters())
    assert [c.anchor for c in contents.chapters] == ["bab-03", "bab-90"]  # empty: left out
    assert [(e.anchor, e.number, e.title) for e in contents.tables] == [
        ("tabel-3-1", "Tabel 3.1", "Target & realisasi"), ("punya-id", "Tabel 3.2", "Aset"),
        ("tabel-3-1-2", "Tabel 3.1", "Nomor yang sama")]
    assert [(e.anchor, e.number, e.title) for e in contents.figures] == [
        ("gambar-3-1", "Gambar 3.1", "Serapan per kegiatan"),
        ("gambar-l-1", "Gambar L.1", "Status")]
    body = str(contents.chapters[0].body)
    assert '<caption id="tabel-3-1">Tabel 3.1 Target &amp; realisasi</caption>' in body
    assert '<figure id="gambar-3-1" style="margin: 0">' in body
    assert '<figure class="gambar"><img' in body  # no caption: no id, not listed
    assert '<caption class="c" id="punya-id">' in body and "<caption>Ringkasan" in body
    assert contents.front == (("kata-pengantar", "Kata Pengantar"), ("daftar-isi", "Daftar Isi"),
                              ("daftar-tabel", "Daftar Tabel"), ("daftar-gambar", "Daftar Gambar"))
    assert contents.anchors() == [
        "kata-pengantar", "daftar-isi", "daftar-tabel", "daftar-gambar", "bab-03", "bab-03-4",
        "bab-90", "tabel-3-1", "punya-id", "tabel-3-1-2", "gambar-3-1", "gambar-l-1"]


def _navs(html: str) -> dict[str, str]:
    return {m[1]: m[0] for m in re.finditer(r'<nav class="[^"]*" id="([^"]+)">.*?</nav>', html,
                                            re.DOTALL)}


def test_the_lists_show_page_numbers_only_when_given(tmp_path):
    write_clean(tmp_path)
    facts = report_facts(CLEAN_UNIT, CLEAN_YEAR, str(tmp_path))
    plain = render_report(facts, _chapters())
    navs = _navs(plain)
    assert list(navs) == ["daftar-isi", "daftar-tabel", "daftar-gambar"]
    assert "bernomor" not in "".join(navs.values())
    assert '<span class="halaman" aria-hidden="true"></span>' in navs["daftar-isi"]
    assert ('href="#tabel-3-1"><span class="nomor">Tabel 3.1</span><span class="isi">'
            '<span class="judul">Target &amp; realisasi</span></span>') in navs["daftar-tabel"]
    assert text_of(navs["daftar-gambar"]).split() == [
        "Daftar", "Gambar", "Halaman", "Gambar", "3.1", "Serapan", "per", "kegiatan", "Gambar",
        "L.1", "Status"]
    pages = {anchor: n for n, anchor in enumerate(report_contents(_chapters()).anchors(), 2)}
    numbered = _navs(render_report(facts, _chapters(), pages))
    assert 'class="daftar daftar-isi bernomor"' in numbered["daftar-isi"]
    assert ('href="#bab-03-4"><span class="isi"><span class="judul">A. Capaian &amp; Kinerja'
            '</span></span><span class="halaman">7</span></a>') in numbered["daftar-isi"]
    assert '<span class="halaman">13</span>' in numbered["daftar-gambar"]  # gambar-l-1
    # Without tables or figures: no Daftar Tabel / Gambar, and the Daftar Isi does not list them.
    bare = render_report(facts, [Chapter("bab-01", "Bab I", Markup("<p>teks</p>"))])
    assert list(_navs(bare)) == ["daftar-isi"] and "#daftar-tabel" not in bare


def test_the_numbered_report_is_the_report_with_its_lists_replaced(tmp_path):
    """What the in-place numbering pass prints (the loaded report, lists replaced by
    report_lists) is exactly the numbered report."""
    write_clean(tmp_path)
    facts = report_facts(CLEAN_UNIT, CLEAN_YEAR, str(tmp_path))
    pages = {anchor: n for n, anchor in enumerate(report_contents(_chapters()).anchors(), 2)}
    plain, numbered = render_report(facts, _chapters()), render_report(facts, _chapters(), pages)
    before, after = report_lists(_chapters(), None), report_lists(_chapters(), pages)
    assert list(after) == ["daftar-isi", "daftar-tabel", "daftar-gambar"]
    for anchor, html in before.items():
        assert plain.count(html) == 1
        plain = plain.replace(html, after[anchor])
    assert plain == numbered


@needs_chromium
@needs_poppler
def test_chromium_prints_a_draft_then_the_loaded_page_with_parts_replaced(tmp_path):
    page = tmp_path / "laporan.html"
    page.write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv='
        '"Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'"></head><body>'
        '<nav id="daftar"><a href="#bab-2">Bab II <span>?</span></a></nav>'
        '<p style="height: 1200px">isi</p><h1 id="bab-2">Bab II</h1></body></html>',
        encoding="utf-8")
    draft, final = tmp_path / "draf.pdf", tmp_path / "laporan.pdf"
    with Chromium(CHROMIUM) as browser:
        browser.print_pdf(page, draft, "LKIP", draft=True)
        page.write_text("<p>not loaded again</p>", encoding="utf-8")
        browser.print_pdf(page, final, "LKIP", parts={
            "daftar": '<nav id="daftar"><a href="#bab-2">Bab II <span>2</span></a></nav>'})
        assert browser._kept == {}
    assert pagination.destination_pages(draft) == {"bab-2": 2}
    assert text_of_pdf(draft).split() == []  # a draft paints nothing, no footer either
    text = text_of_pdf(final)
    assert "Bab II 2" in text and "Halaman 1 dari 2" in text and "not loaded" not in text
    info = subprocess.run(["pdfinfo", str(final)], capture_output=True, text=True).stdout
    assert re.search(r"Tagged:\s+yes", info)


def text_of_pdf(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@needs_chromium
@needs_poppler
def test_chromium_writes_bookmarks_and_destinations_for_linked_elements(tmp_path):
    page = tmp_path / "laporan.html"
    page.write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"></head><body>'
        '<p><a href="#bab-2">ke bab 2</a> <a href="#tabel-2-1">ke tabel</a></p>'
        '<h1 id="bab-1">Bab I Pendahuluan</h1><h2>A. Latar Belakang</h2>'
        '<h1 id="bab-2" style="break-before: page">Bab II Perencanaan</h1>'
        '<p style="height: 900px">isi</p><table><caption id="tabel-2-1">Tabel 2.1 X</caption>'
        '<tr><td>1</td></tr></table></body></html>', encoding="utf-8")
    pdf = tmp_path / "laporan.pdf"
    with Chromium(CHROMIUM) as browser:
        browser.print_pdf(page, pdf, "LKIP")
    # Only the linked elements have destinations; bab-1 is not linked.
    assert pagination.destination_pages(pdf) == {"bab-2": 2, "tabel-2-1": 3}
    assert pagination.destinations_to_page_tops(pdf)
    assert _tops(pdf) == {"bab-2": (2, pytest.approx(841.92)),
                          "tabel-2-1": (3, pytest.approx(841.92))}
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    assert re.findall(r'<item page="(\d+)">([^<]*)</item>', xml) == [
        ("1", "Bab I Pendahuluan"), ("1", "A. Latar Belakang"), ("2", "Bab II Perencanaan")]
