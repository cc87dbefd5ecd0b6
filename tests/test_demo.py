"""``lkip demo``: the fictional province, generated once per module (8 units, 2 years).

The first eight units carry every deliberate problem and feature (lkip_helpers.demo.SENGAJA and
the catalogue's flags), so a small demo is enough to check them: reproducible, valid but for the
two workbooks broken on purpose, consistent (its reviu finds only what was planted and the
shortfalls it was made to have), shaped like a real local government, and safe to run.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from builders import text_of
from click.testing import CliRunner

from lkip_helpers import config, demo
from lkip_helpers.anggaran import ringkasan
from lkip_helpers.cli import main
from lkip_helpers.errors import DataError, UsageError
from lkip_helpers.load import load_year
from lkip_helpers.reviu import KodeTemuan, periksa
from lkip_helpers.schema import BAGIAN_NARASI, SHEETS
from lkip_helpers.workbook import write_workbook

UNITS, YEARS = 8, (2023, 2024)
TABLES = [s.name for s in SHEETS if s.layout == "table"]
#: Reviu findings a demo unit-year may have without anything planted: shortfalls it was made
#: to have (below a minimum, a commitment not met, no realisation yet, a draft).
SHORTFALLS = {KodeTemuan.SERAPAN_MINIMAL, KodeTemuan.KOMITMEN_TIDAK_TERCAPAI,
              KodeTemuan.KOMITMEN_TANPA_REALISASI, KodeTemuan.NARASI_KOSONG}


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return demo.buat_demo(tmp_path_factory.mktemp("demo") / "provinsi", units=UNITS,
                          tahun=YEARS)


@pytest.fixture(scope="module")
def loaded(province):
    """(unit, year) -> the loaded LkipYear, or the DataError it raised."""
    found = {}
    for unit, year in province.ciri:
        try:
            found[(unit, year)] = load_year(unit, year, province.folder)
        except DataError as error:
            found[(unit, year)] = error
    return found


def _frames(lkip) -> dict:
    return {name: lkip.table(name) for name in TABLES}


def test_the_same_seed_writes_the_same_data(province, loaded, tmp_path):
    """Written again (fewer units: a unit's data does not depend on how many are asked for),
    every unit-year loads into equal frames, or fails with the same problems."""
    again = demo.buat_demo(tmp_path / "again", units=5, tahun=YEARS, jobs=1)
    assert again.ciri == {key: c for key, c in province.ciri.items() if key[0] in again.units}
    for (unit, year), first in loaded.items():
        if unit not in again.units:
            continue
        if isinstance(first, DataError):
            with pytest.raises(DataError) as error:
                load_year(unit, year, again.folder)
            assert [(p.sheet, p.row, p.column, p.value) for p in error.value.problems] == \
                [(p.sheet, p.row, p.column, p.value) for p in first.problems]
            continue
        second = load_year(unit, year, again.folder)
        assert second.profil == first.profil
        for name, frame in _frames(first).items():
            pd.testing.assert_frame_equal(second.table(name), frame, obj=f"{unit} {year} {name}")


def test_another_seed_gives_other_values_and_a_unit_does_not_depend_on_the_others():
    unit = demo.KATALOG[0]
    a = demo._Provinsi(1, YEARS).tables(unit, 2024)
    b = demo._Provinsi(2, YEARS).tables(unit, 2024)
    assert a["anggaran"] != b["anggaran"] and a["profil"]["kepala_nama"] != \
        b["profil"]["kepala_nama"]
    lone = demo._Provinsi(demo.DEFAULT_SEED, YEARS)
    assert lone.tables(unit, 2024) == demo._Provinsi(demo.DEFAULT_SEED, YEARS).tables(unit, 2024)


def test_every_workbook_loads_but_the_two_broken_on_purpose(province, loaded):
    broken = {key for key, ciri in province.ciri.items() if ciri & demo.GAGAL_CHECK}
    assert broken == {("dinas-perhubungan", 2024), ("inspektorat", 2023)}
    for key, result in loaded.items():
        assert isinstance(result, DataError) == (key in broken), (key, result)
    [pagu] = loaded[("dinas-perhubungan", 2024)].problems
    assert (pagu.sheet, pagu.column, pagu.letter) == ("anggaran", "pagu", "E") and pagu.value < 0
    assert pagu.row is not None
    [kode] = loaded[("inspektorat", 2023)].problems
    assert (kode.sheet, kode.column, kode.value) == ("keluaran", "kode_indikator", demo.KODE_ASING)


def test_lkip_check_reports_the_broken_workbook_with_its_place(province):
    result = CliRunner().invoke(main, ["check", "dinas-perhubungan", "2024", "--data-dir",
                                       str(province.folder)])
    assert result.exit_code == 1
    assert "sheet anggaran, row" in result.stdout and "column pagu (E)" in result.stdout
    result = CliRunner().invoke(main, ["check", "dinas-perhubungan", "2023", "--data-dir",
                                       str(province.folder)])
    assert result.exit_code == 0, result.output


def test_the_reviu_finds_what_was_planted_and_the_shortfalls_only(province, loaded):
    for key, lkip in loaded.items():
        if isinstance(lkip, DataError):
            continue
        ciri = province.ciri[key]
        kode = {t.kode for t in periksa(lkip)}
        planted = {KodeTemuan.TOTAL_DINYATAKAN} if demo.TOTAL_BERBEDA in ciri else set()
        assert kode - SHORTFALLS == planted, key
        assert (KodeTemuan.SERAPAN_MINIMAL in kode) == (demo.DI_BAWAH_MINIMAL in ciri), key
        assert (KodeTemuan.NARASI_KOSONG in kode) == (demo.DRAF in ciri), key
    assert province.dengan(demo.TOTAL_BERBEDA) == [("badan-pendapatan", 2024)]


def test_history_rows_agree_with_the_earlier_workbooks_but_the_planted_one(province, loaded):
    differ = set()
    for (unit, year), lkip in loaded.items():
        earlier = loaded.get((unit, year - 1))
        if isinstance(lkip, DataError) or earlier is None or isinstance(earlier, DataError):
            continue
        own = earlier.indikator.set_index("kode")
        riwayat = lkip.riwayat_kinerja[lkip.riwayat_kinerja["tahun"] == year - 1]
        assert len(riwayat) == len(own)
        for row in riwayat.itertuples():
            if (row.target, row.realisasi) != tuple(own.loc[row.kode_indikator,
                                                            ["target", "realisasi"]]):
                differ.add((unit, year, "riwayat_kinerja"))
        [spending] = lkip.riwayat_anggaran[lkip.riwayat_anggaran["tahun"] == year - 1] \
            .itertuples()
        belanja = ringkasan(earlier).belanja
        if (spending.pagu, spending.realisasi) != (belanja.pagu, belanja.realisasi):
            differ.add((unit, year, "riwayat_anggaran"))
    assert differ == {("dinas-sosial", 2024, "riwayat_kinerja"),
                      ("dinas-sosial", 2024, "riwayat_anggaran")}
    assert province.dengan(demo.RIWAYAT_BERBEDA) == [("dinas-sosial", 2024)]


def test_the_province_has_the_shape_of_a_local_government(province, loaded):
    valid = [lkip for lkip in loaded.values() if not isinstance(lkip, DataError)]
    indikator = pd.concat([lkip.indikator for lkip in valid])
    assert set(indikator["polaritas"]) == {"maksimal", "minimal"}
    anggaran = pd.concat([lkip.anggaran for lkip in valid])
    belanja = anggaran[anggaran["jenis"] == "belanja"]
    assert belanja["sub_kegiatan"].notna().any()
    assert (belanja["kegiatan"].notna() & belanja["sub_kegiatan"].isna()).any()
    assert belanja["kode_sub_kegiatan"].notna().any() and belanja["realisasi_tw1"].notna().any()
    assert (anggaran["jenis"] == "pendapatan").any()
    sizes = [ringkasan(lkip).belanja.pagu for lkip in valid]
    assert max(sizes) > 10 * min(sizes)  # units of very different sizes
    without_staff = {lkip.unit for lkip in valid if lkip.pegawai_bagian.empty}
    without_assets = {lkip.unit for lkip in valid if lkip.aset.empty}
    assert without_staff == {u for u, _ in province.dengan(demo.TANPA_PEGAWAI)} == \
        {"biro-organisasi"}
    assert without_assets == {u for u, _ in province.dengan(demo.TANPA_ASET)} == {"biro-hukum"}
    assert ("biro-hukum", 2024) in province.dengan(demo.DRAF)
    assert ("dinas-kesehatan", 2024) in province.dengan(demo.DI_BAWAH_MINIMAL)
    assert len(valid) == UNITS * len(YEARS) - 2


def test_every_workbook_says_it_is_demo_data(province, loaded):
    for (unit, year), lkip in loaded.items():
        if isinstance(lkip, DataError):
            continue
        assert lkip.profil["nama_unit"].endswith(demo.TANDA_DEMO)
        assert "data demo" in lkip.profil["induk_organisasi"]
        pengantar = " ".join(lkip.narasi.loc[lkip.narasi["bagian"] == "kata_pengantar", "teks"])
        assert "Data demo" in pengantar and "fiktif" in pengantar


def test_a_draft_lacks_regulated_sections_and_a_finished_report_has_them_all(province, loaded):
    wajib = {b.kunci for b in BAGIAN_NARASI if b.wajib}
    for key, lkip in loaded.items():
        if isinstance(lkip, DataError):
            continue
        missing = wajib - set(lkip.narasi["bagian"])
        assert bool(missing) == (demo.DRAF in province.ciri[key]), key


def test_lkip_demo_prints_a_line_per_unit_a_summary_and_the_next_command(tmp_path):
    folder = tmp_path / "kecil"
    result = CliRunner().invoke(main, ["demo", str(folder), "--units", "2", "--years", "2024",
                                       "--seed", "7", "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("dinas-pendidikan: 1 workbook (2024)")
    assert lines[1].startswith("biro-organisasi: 1 workbook (2024); no staff tables")
    assert lines[2].startswith("Wrote 2 workbooks of the fictional Provinsi Contoh Nusantara")
    assert lines[3] == f"Next: lkip render --all --rekap --data-dir {folder}"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.xlsx")) == \
        ["biro-organisasi/2024/lkip.xlsx", "dinas-pendidikan/2024/lkip.xlsx"]
    assert (folder / demo.MANIFEST).is_file()


def test_lkip_demo_needs_a_folder_and_sane_options(tmp_path):
    assert CliRunner().invoke(main, ["demo"]).exit_code == 2
    result = CliRunner().invoke(main, ["demo", str(tmp_path / "x"), "--units", "41"])
    assert result.exit_code == 2 and "between 1 and 40 units" in result.stderr
    assert CliRunner().invoke(main, ["demo", str(tmp_path / "x"), "--years", "1999"]) \
        .exit_code == 2
    assert not (tmp_path / "x").exists()
    with pytest.raises(UsageError):
        demo.buat_demo(tmp_path / "y", units=0)


def test_a_folder_with_workbooks_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "data"
    mine = folder / "unit-saya" / "2024" / config.WORKBOOK_NAME
    write_workbook(mine, {"profil": {"tahun": 2024}})
    before = mine.read_bytes()
    for args in ([], ["--force"]):
        result = CliRunner().invoke(main, ["demo", str(folder), "--units", "1", "--years",
                                           "2024", *args])
        assert result.exit_code == 1 and "Error:" in result.stderr, result.output
    assert mine.read_bytes() == before
    assert sorted(folder.rglob("*.xlsx")) == [mine] and not (folder / demo.MANIFEST).exists()


def test_force_rewrites_a_demo_but_never_a_changed_or_foreign_workbook(tmp_path):
    folder = tmp_path / "demo"
    demo.buat_demo(folder, units=2, tahun=(2023, 2024), jobs=1)
    with pytest.raises(demo.DemoRefused):
        demo.buat_demo(folder, units=1, tahun=(2024,), jobs=1)
    demo.buat_demo(folder, units=1, tahun=(2024,), force=True, jobs=1)
    assert [p.relative_to(folder).as_posix() for p in folder.rglob("*.xlsx")] == \
        ["dinas-pendidikan/2024/lkip.xlsx"]
    assert sorted(p.name for p in folder.iterdir()) == ["dinas-pendidikan", demo.MANIFEST]
    edited = folder / "dinas-pendidikan" / "2024" / config.WORKBOOK_NAME
    edited.write_bytes(edited.read_bytes() + b" ")
    with pytest.raises(demo.DemoRefused, match="changed since"):
        demo.buat_demo(folder, units=1, tahun=(2024,), force=True, jobs=1)
    foreign = folder / "unit-lain" / "2024" / config.WORKBOOK_NAME
    edited.unlink()
    foreign.parent.mkdir(parents=True)
    shutil.copyfile(config.PROJECT_ROOT / "data" / "biro-umum-ntt" / "2023" /
                    config.WORKBOOK_NAME, foreign)
    with pytest.raises(demo.DemoRefused, match="not written by lkip demo"):
        demo.buat_demo(folder, units=1, tahun=(2024,), force=True, jobs=1)
    assert foreign.is_file()


@pytest.mark.slow
def test_rendered_demo_reports_say_they_are_demo_data(province, tmp_path):
    result = CliRunner().invoke(main, [
        "render", "dinas-pendidikan,biro-hukum", "2024", "--format", "html",
        "--data-dir", str(province.folder), "--output-dir", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    for unit in ("dinas-pendidikan", "biro-hukum"):
        html = (tmp_path / "reports" / unit / "2024" / f"{unit}-2024.html").read_text("utf-8")
        text = text_of(html)
        cover = text[:text.index("Kata Pengantar")]
        assert "(DATA DEMO)" in cover and "data demo, fiktif" in cover
        assert "Data demo. Laporan ini dibuat secara otomatis" in text
    index = text_of((tmp_path / "reports" / "index.html").read_text("utf-8"))
    assert index.count("(DATA DEMO)") == 2
