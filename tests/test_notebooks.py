"""Chapter notebooks: discovered from ``notebooks/`` as the renderer finds them (``NN_slug.ipynb``,
number and order from ``NN``), with a typed, commented ``parameters`` cell; executed, they show
the seed's figures and nothing a reader should not see (warnings, tracebacks, object reprs,
stderr). Adding a chapter is one new notebook: every test here picks it up.

That committed notebooks carry no outputs is checked in ``test_notebooks_clean.py``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from lkip_helpers import config
from lkip_helpers.config import NOTEBOOKS_DIR
from lkip_helpers.selection import CHAPTER_PATTERN, find_chapters

#: Every chapter notebook, in chapter order (nothing hard-coded: a new file is a new chapter).
CHAPTERS: dict[str, Path] = {path.stem: path for path in find_chapters(NOTEBOOKS_DIR)}

#: Figures of the seed an executed chapter must show. A chapter without an entry is still
#: executed and checked for forbidden output; an entry without a chapter fails.
EXPECTED = {
    "00_ikhtisar_eksekutif": ("Rp47.214.705.470", "87,74", "Sangat Berhasil", "1,14", "8.418",
                              "61,05", "180 dari 180",
                              "Data belum tersedia untuk: capaian per triwulan"),
    "01_pendahuluan": ("61,05", "SLTA/SMK/KPAA", "95", "III/b", "Perempuan",
                       "Aspek Pelayanan Publik", "Aspek Sarana Prasarana",
                       "Nomor 53 Tahun 2014", "Nomor 88 Tahun 2021"),
    "02_perencanaan_kinerja": ("Rp53.809.092.288", "Rp484.635.653", "85,00", "90,00",
                               "mewujudkan Pelayanan Prima bagi Pimpinan",
                               "Mewujudkan reformasi birokrasi pemerintahan"),
    "03_akuntabilitas_kinerja": ("Sangat Berhasil", "180", "108", "286,00", "122,30",
                                 "Rp47.214.705.470", "87,74", "Rp53.809.092.288",
                                 "Fasilitasi Materi dan Komunikasi Pimpinan", "76,92",
                                 "Pengadaan Barang Milik Daerah", "1,14",
                                 "Rp116.943.082.326", "Rp6.594.386.818",
                                 "8.418", "8.284", "98,41", "35 bidang", "43 kendaraan"),
    "04_penutup": ("George Melkianus Hadjoh, SH", "27 Februari 2024", "19650528 198603 1 014"),
    "90_lampiran": ("tercapai", "tidak tercapai", "belum ada data", "4 Februari 2023", "70,00",
                    "Kosmas D. Lana", "7 Desember 2023", "Kupang"),
}
#: Figures the seed's chapters must no longer show: cost per output (outputs are not linked to
#: the kegiatan that produced them) and ratios of mixed assets to staff.
NOT_SHOWN = ("Rp262.303.919", "4,30 kendaraan", "88,61", "per keluaran", "per pejabat")
#: The reviu: not a chapter; the pipeline runs it for the unit's internal page.
REVIU = NOTEBOOKS_DIR / "reviu_internal.ipynb"
REVIU_EXPECTED = ("88,05", "88,47", "104", "NA", "87,59", "27 Februari 2024",
                  "perlu dikoreksi", "Tabel 1 Butir yang perlu dikoreksi")
FORBIDDEN = ("Warning", "Traceback", "<Figure", "Styler object", "<pandas.", "<IPython.",
             "<matplotlib.", "Error")
#: The parameters the renderer injects (papermill's parameterize), with their stored defaults.
PARAMETERS = {"unit": f'"{config.DEFAULT_UNIT}"',
              "year": str(config.DEFAULT_YEAR),
              "data_dir": "None"}
CAPTION = re.compile(r"(Tabel|Gambar) (\d+|L)\.(\d+) ")


def chapter_number(stem: str) -> int:
    """The chapter number of ``NN_slug``: ``NN``."""
    return int(CHAPTER_PATTERN.match(f"{stem}.ipynb").group(1))


def caption_labels(stem: str) -> set[str]:
    """What a chapter's captions may carry before the table's number: none in the front
    matter (00), "L" in the Lampiran (90-99), else the Bab's number."""
    n = chapter_number(stem)
    return set() if n == 0 else {"L"} if n >= 90 else {str(n)}


# -- discovery -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, is_chapter", [
    ("01_ikhtisar.ipynb", True), ("12_sumber_daya_manusia.ipynb", True),
    ("eksplorasi.ipynb", False), ("1_ikhtisar.ipynb", False), ("001_ikhtisar.ipynb", False),
    ("01-ikhtisar.ipynb", False), ("01_Ikhtisar.ipynb", False), ("01_ikhtisar.py", False),
    ("01_ikhtisar-checkpoint.ipynb", False),
])
def test_a_chapter_is_a_two_digit_number_underscore_and_lower_case_slug(name, is_chapter):
    assert bool(CHAPTER_PATTERN.match(name)) is is_chapter


def test_chapters_are_discovered_in_file_name_order(tmp_path):
    for name in ("10_lampiran.ipynb", "02_kinerja.ipynb", "01_ikhtisar.ipynb", "eksplorasi.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in find_chapters(tmp_path)] == [
        "01_ikhtisar.ipynb", "02_kinerja.ipynb", "10_lampiran.ipynb"]


def test_the_project_has_chapters_each_with_its_own_number():
    assert CHAPTERS, f"no NN_slug.ipynb chapter notebooks in {NOTEBOOKS_DIR}"
    numbers = [chapter_number(stem) for stem in CHAPTERS]
    assert len(numbers) == len(set(numbers)), f"two chapters share a number: {list(CHAPTERS)}"


def test_expected_figures_name_existing_chapters():
    missing = sorted(set(EXPECTED) - set(CHAPTERS))
    assert not missing, f"EXPECTED has entries for chapters that do not exist: {missing}"


# -- the stored notebooks ------------------------------------------------------------------
@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_starts_with_its_title(stem):
    first = nbformat.read(CHAPTERS[stem], as_version=4).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), stem


@pytest.mark.parametrize("stem", CHAPTERS)
def test_parameters_are_typed_and_explained_for_papermill(stem):
    """``papermill --help-notebook`` lists each parameter with its type and help. A parameter
    typed ``str | None`` would be missing here (papermill #806): write ``Optional[str]``."""
    found = papermill.inspect_notebook(str(CHAPTERS[stem]))
    assert set(PARAMETERS) <= set(found), (stem, sorted(found))
    for name, default in PARAMETERS.items():
        parameter = found[name]
        assert parameter["inferred_type_name"] not in ("", "None"), (stem, name, "no type")
        assert parameter["help"].strip(), (stem, name, "no help comment")
        assert parameter["default"] == default, (stem, name, parameter["default"])


@pytest.mark.parametrize("stem", CHAPTERS)
def test_no_chapter_writes_its_own_number(stem):
    """The chapter number comes from the file name (renaming the file renumbers the chapter):
    no chapter passes a number to ``Bab.buka``."""
    source = "\n".join(c.source for c in nbformat.read(CHAPTERS[stem], as_version=4).cells
                       if c.cell_type == "code")
    assert "Bab.buka(unit, year, data_dir)" in source, stem
    assert not re.search(r"\bBab\.buka\(\s*\d", source), stem


# -- executed ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """``executed(stem)``: the chapter executed with papermill on the embedded data (parameters
    as stored), once per session."""
    out = tmp_path_factory.mktemp("executed")
    cache: dict[str, nbformat.NotebookNode] = {}

    def run(stem: str) -> nbformat.NotebookNode:
        if stem not in cache:
            path = out / f"{stem}.ipynb"
            # The kernel learns the notebook's name as JupyterLab tells it (JPY_SESSION_NAME).
            before = os.environ.get("JPY_SESSION_NAME")
            source = CHAPTERS.get(stem, NOTEBOOKS_DIR / f"{stem}.ipynb")
            os.environ["JPY_SESSION_NAME"] = str(source)
            try:
                papermill.execute_notebook(str(source), str(path), kernel_name="python3",
                                           cwd=str(NOTEBOOKS_DIR), progress_bar=False,
                                           log_output=False)
            finally:
                if before is None:
                    os.environ.pop("JPY_SESSION_NAME", None)
                else:
                    os.environ["JPY_SESSION_NAME"] = before
            cache[stem] = nbformat.read(path, as_version=4)
        return cache[stem]

    return run


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return json.dumps(output.get("data", {}), ensure_ascii=False) + str(output.get("ename", ""))


@pytest.mark.slow
@pytest.mark.parametrize("stem", CHAPTERS)
def test_executed_chapter_shows_seed_figures_and_nothing_else(executed, stem):
    outputs = _outputs(executed(stem))
    assert outputs, stem
    for output in outputs:
        assert output.output_type != "error", output
        assert output.get("name") != "stderr", output
        assert output.output_type == "display_data"  # only our display calls, no reprs
        text = _text(output)
        for bad in FORBIDDEN:
            assert bad not in text, (stem, bad, text[:300])
    all_text = "\n".join(_text(o) for o in outputs)
    for figure in EXPECTED.get(stem, ()):
        assert figure in all_text, (stem, figure)
    for figure in NOT_SHOWN:
        assert figure not in all_text, (stem, figure)


def test_the_reviu_is_not_a_chapter():
    assert REVIU.is_file() and REVIU.stem not in CHAPTERS
    assert not any("reviu" in stem for stem in CHAPTERS)


@pytest.mark.slow
def test_executed_reviu_is_a_checklist_for_the_unit(executed):
    outputs = _outputs(executed(REVIU.stem))
    text = "\n".join(_text(o) for o in outputs)
    for output in outputs:
        assert output.output_type == "display_data" and output.get("name") != "stderr"
    for bad in FORBIDDEN:
        assert bad not in text, bad
    for figure in REVIU_EXPECTED:
        assert figure in text, figure
    for word in ("Temuan reviu", "bertingkat", "menghasilkan"):
        assert word not in text, word


def _captions(nb) -> list[tuple[str, int, int]]:
    """``(kind, bab, n)`` of every "Tabel 3.1 ..." / "Gambar L.1 ..." caption: the first
    line of a table's or figure's plain-text form (references in the data or the narrative to
    tables of the source documents are not captions)."""
    found = []
    for output in _outputs(nb):
        first = output.get("data", {}).get("text/plain", "").split("\n", 1)[0]
        if match := CAPTION.match(first):
            found.append((match.group(1), match.group(2), int(match.group(3))))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("stem", CHAPTERS)
def test_captions_carry_the_chapter_number_and_count_from_one(executed, stem):
    captions = _captions(executed(stem))
    for kind in ("Tabel", "Gambar"):
        numbers = [(a, b) for k, a, b in captions if k == kind]
        assert {a for a, _ in numbers} <= caption_labels(stem), (stem, kind, sorted(numbers))
        assert [b for _, b in numbers] == list(range(1, len(numbers) + 1)), \
            (stem, kind, sorted(numbers))


@pytest.mark.slow
def test_tables_and_figures_are_numbered_per_chapter(executed):
    text = "\n".join(_text(o) for o in _outputs(executed("03_akuntabilitas_kinerja")))
    for caption in ("Tabel 3.1 Target, realisasi dan capaian indikator kinerja tahun 2023",
                    "Tabel 3.7 Pagu, realisasi dan serapan anggaran tahun 2023",
                    "Gambar 3.4 Serapan anggaran per kegiatan, 2023",
                    "Tabel 3.8 Pagu dan realisasi belanja dari tahun ke tahun",
                    "Gambar 3.5 Pagu dan realisasi belanja 2020–2023"):
        assert caption in text
    lampiran = "\n".join(_text(o) for o in _outputs(executed("90_lampiran")))
    assert "Tabel L.1 Komitmen lain dalam Perjanjian Kinerja tahun 2023" in lampiran
    depan = "\n".join(_text(o) for o in _outputs(executed("00_ikhtisar_eksekutif")))
    assert "Ringkasan capaian dan penilaian tahun 2023" in depan and "Tabel " not in depan
