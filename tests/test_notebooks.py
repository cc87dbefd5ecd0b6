"""Chapter notebooks: stored clean with one parameters cell; executed, they show the seed's
figures and nothing a reader should not see (warnings, tracebacks, object reprs, stderr)."""

from __future__ import annotations

import importlib.util
import json

import nbformat
import papermill
import pytest

from lkip_helpers.config import NOTEBOOKS_DIR, PROJECT_ROOT

CHAPTERS = ("01_ikhtisar", "02_capaian_kinerja", "03_anggaran_efisiensi", "04_inventaris",
            "05_sumber_daya_manusia", "06_komitmen", "07_reviu")
#: Figures of the seed each executed chapter must show.
EXPECTED = {
    "01_ikhtisar": ("Rp47.214.705.470", "87,74", "Sangat Berhasil", "Rp262.303.919", "8.418",
                    "61,05", "180 dari 180"),
    "02_capaian_kinerja": ("Sangat Berhasil", "180", "108", "286,00", "122,30",
                           "tidak memuat data per triwulan"),
    "03_anggaran_efisiensi": ("Rp47.214.705.470", "87,74", "Rp53.809.092.288",
                              "Fasilitasi Materi dan Komunikasi Pimpinan", "76,92",
                              "Pengadaan Barang Milik Daerah", "Rp262.303.919",
                              "Rp116.943.082.326", "Rp6.594.386.818"),
    "04_inventaris": ("8.418", "8.284", "98,41", "4,30", "88,61"),
    "05_sumber_daya_manusia": ("61,05", "SLTA/SMK/KPAA", "95", "III/b", "Perempuan"),
    "06_komitmen": ("tercapai", "tidak tercapai", "belum ada data", "4 Februari 2023", "70,00"),
    "07_reviu": ("88,05", "88,47", "104", "122,3", "87,59", "27 Februari 2024", "tinggi"),
}
FORBIDDEN = ("Warning", "Traceback", "<Figure", "Styler object", "<pandas.", "<IPython.",
             "<matplotlib.", "Error")


def _read(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS_DIR / f"{stem}.ipynb", as_version=4)


def _generator():
    spec = importlib.util.spec_from_file_location("make_notebooks",
                                                  PROJECT_ROOT / "scripts" / "make_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stem", CHAPTERS)
def test_stored_notebook_is_clean_with_one_parameters_cell(stem):
    nb = _read(stem)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    for name in ("unit = \"biro-umum-ntt\"", "year = 2023", "data_dir = None"):
        assert name in tagged[0].source
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_stored_notebooks_are_what_the_generator_writes():
    generator = _generator()
    assert tuple(stem for stem, _, _ in generator.CHAPTERS) == CHAPTERS
    for nomor, (stem, judul, cells) in enumerate(generator.CHAPTERS, start=1):
        expected = json.loads(nbformat.writes(generator._notebook(stem, judul, cells, nomor)))
        stored = json.loads((NOTEBOOKS_DIR / f"{stem}.ipynb").read_text())
        assert stored == expected, f"{stem}: run scripts/make_notebooks.py"


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Every chapter executed with papermill on the embedded data (parameters as stored)."""
    out = tmp_path_factory.mktemp("executed")
    result = {}
    for stem in CHAPTERS:
        path = out / f"{stem}.ipynb"
        papermill.execute_notebook(str(NOTEBOOKS_DIR / f"{stem}.ipynb"), str(path),
                                   kernel_name="python3", cwd=str(NOTEBOOKS_DIR),
                                   progress_bar=False, log_output=False)
        result[stem] = nbformat.read(path, as_version=4)
    return result


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return json.dumps(output.get("data", {}), ensure_ascii=False) + str(output.get("ename", ""))


@pytest.mark.parametrize("stem", CHAPTERS)
def test_executed_chapter_shows_seed_figures_and_nothing_else(executed, stem):
    outputs = _outputs(executed[stem])
    assert outputs, stem
    for output in outputs:
        assert output.output_type != "error", output
        assert output.get("name") != "stderr", output
        assert output.output_type == "display_data"  # only our display calls, no reprs
        text = _text(output)
        for bad in FORBIDDEN:
            assert bad not in text, (stem, bad, text[:300])
    all_text = "\n".join(_text(o) for o in outputs)
    for figure in EXPECTED[stem]:
        assert figure in all_text, (stem, figure)


def test_tables_and_figures_are_numbered_per_chapter(executed):
    text = "\n".join(_text(o) for o in _outputs(executed["03_anggaran_efisiensi"]))
    for caption in ("Tabel 3.1 Pagu, realisasi dan serapan anggaran tahun 2023",
                    "Gambar 3.1 Serapan anggaran per kegiatan, 2023",
                    "Gambar 3.2 Pagu dan realisasi belanja 2020–2023"):
        assert caption in text
