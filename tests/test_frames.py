"""Every public table function returns a tidy frame (issue 8): numeric dtypes, snake_case keys
known to the label catalogue, codes known to it, and pandas' describe/plot work on it.

Checked on the embedded seed and on a small builder unit-year (builders.CLEAN_TABLES with
quarterly figures, asset value/condition and two reviu findings).
"""

from __future__ import annotations

import re
from typing import Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from builders import CLEAN_UNIT, CLEAN_YEAR, edit_frames_unit, write_clean  # noqa: E402
from lkip_helpers import anggaran, aset, kinerja, komitmen, labels, pegawai, reviu  # noqa: E402
from lkip_helpers.load import load_year  # noqa: E402

FRAMES: dict[str, Callable] = {
    "kinerja.tabel_capaian": kinerja.tabel_capaian,
    "kinerja.tabel_keluaran": kinerja.tabel_keluaran,
    "kinerja.tabel_keluaran(jumlah)": lambda l: kinerja.tabel_keluaran(l, jumlah=True),
    "kinerja.tabel_riwayat": kinerja.tabel_riwayat,
    "kinerja.tabel_renstra": kinerja.tabel_renstra,
    "kinerja.tabel_triwulan": kinerja.tabel_triwulan,
    "anggaran.tabel_anggaran": anggaran.tabel_anggaran,
    "anggaran.tren_anggaran": anggaran.tren_anggaran,
    "aset.tabel_aset": aset.tabel_aset,
    "aset.tabel_aset(jumlah)": lambda l: aset.tabel_aset(l, jumlah=True),
    "pegawai.tabel_bagian": pegawai.tabel_bagian,
    "pegawai.tabel_bagian(jumlah)": lambda l: pegawai.tabel_bagian(l, jumlah=True),
    "pegawai.tabel_pendidikan": pegawai.tabel_pendidikan,
    "pegawai.tabel_pendidikan(jumlah)": lambda l: pegawai.tabel_pendidikan(l, jumlah=True),
    "pegawai.tabel_golongan": pegawai.tabel_golongan,
    "pegawai.tabel_golongan(jumlah)": lambda l: pegawai.tabel_golongan(l, jumlah=True),
    "pegawai.tabel_jabatan": pegawai.tabel_jabatan,
    "pegawai.tabel_jabatan(jumlah)": lambda l: pegawai.tabel_jabatan(l, jumlah=True),
    "komitmen.tabel_komitmen": komitmen.tabel_komitmen,
    "reviu.tabel_temuan": lambda l: reviu.tabel_temuan(reviu.periksa(l)),
}

#: Column kinds whose values are numbers, dates or yes/no: they need a numeric dtype.
JENIS_NUMERIK = ("angka", "rupiah", "persen", "desimal", "tanggal", "ya_tidak")
#: Columns that hold values "as found" (numbers, dates or text mixed) by design.
CAMPURAN = {"reviu.tabel_temuan": {"dinyatakan", "dihitung"}}
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _numerik(dtype) -> bool:
    return str(dtype) in ("Int64", "Float64", "boolean") or str(dtype).startswith("datetime64")


@pytest.fixture(scope="module")
def kecil(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("frames")
    write_clean(data_dir, edit_frames_unit)
    return load_year(CLEAN_UNIT, CLEAN_YEAR, data_dir)


@pytest.fixture(scope="module", params=["seed", "kecil"])
def lkip(request):
    return request.getfixturevalue(request.param)


def test_the_small_unit_year_fills_what_the_frames_check(kecil):
    assert len(kinerja.tabel_triwulan(kecil)) == 3
    assert list(aset.tabel_aset(kecil).columns)[-3:] == [
        "nilai", "kondisi_baik", "kondisi_rusak_ringan"]
    assert reviu.tabel_temuan(reviu.periksa(kecil))["kode"].tolist() == [
        "persen_dinyatakan", "komitmen_tanpa_realisasi"]


@pytest.mark.parametrize("nama", FRAMES)
def test_numbers_have_numeric_dtypes(lkip, nama):
    df = FRAMES[nama](lkip)
    assert isinstance(df, pd.DataFrame)
    for k in df.columns:
        if k in CAMPURAN.get(nama, ()):
            continue
        if labels.jenis(df, k) in JENIS_NUMERIK:
            assert _numerik(df[k].dtype), (nama, k, df[k].dtype)
        if df[k].dtype == object:  # text and codes only: no number hides in an object column
            stray = [v for v in df[k] if v is not None and not isinstance(v, str)]
            assert stray == [], (nama, k, stray[:3])
    # Rupiah and counts are whole numbers: Int64
    for k in df.columns:
        if labels.jenis(df, k) == "rupiah" or k in ("pagu", "sisa", "jumlah", "laki_laki",
                                                   "perempuan", "tahun"):
            assert str(df[k].dtype) == "Int64", (nama, k, df[k].dtype)


@pytest.mark.parametrize("nama", FRAMES)
def test_describe_includes_the_numeric_columns(lkip, nama):
    df = FRAMES[nama](lkip)
    numerik = [k for k in df.columns if str(df[k].dtype) in ("Int64", "Float64")]
    if not numerik:
        pytest.skip(f"{nama} has no Int64/Float64 column")
    ringkas = df.describe()
    assert set(numerik) <= set(ringkas.columns), (nama, numerik, list(ringkas.columns))
    for k in numerik:
        assert ringkas.at["count", k] == df[k].notna().sum()
        if df[k].notna().any():
            assert ringkas.at["max", k] == df[k].max()


@pytest.mark.parametrize("nama", FRAMES)
def test_plot_works(lkip, nama):
    df = FRAMES[nama](lkip)
    numerik = [k for k in df.columns if str(df[k].dtype) in ("Int64", "Float64")
               and df[k].notna().any()]
    if not numerik:
        pytest.skip(f"{nama} has no numeric column with values here")
    try:
        ax = df.plot()
        assert {t.get_text() for t in ax.get_legend().get_texts()} >= set(numerik)
    finally:
        plt.close("all")
    assert plt.get_fignums() == []


@pytest.mark.parametrize("nama", FRAMES)
def test_keys_are_snake_case_and_in_the_catalogue(lkip, nama):
    df = FRAMES[nama](lkip)
    assert [k for k in df.columns if not SNAKE_CASE.match(str(k))] == []
    assert [k for k in df.columns if k not in labels.KOLOM] == []


@pytest.mark.parametrize("nama", FRAMES)
def test_codes_are_in_the_catalogue(lkip, nama):
    df = FRAMES[nama](lkip)
    for k in df.columns:
        if labels.jenis(df, k) == "kode":
            unknown = {v for v in df[k] if not pd.isna(v)} - set(labels.KODE)
            assert unknown == set(), (nama, k, unknown)


def test_free_text_is_marked_teks_where_a_code_column_would_be_expected(seed):
    df = komitmen.tabel_komitmen(seed)
    assert df.attrs["jenis"] == {"keterangan": "teks"}
    assert labels.KOLOM["keterangan"].jenis == "kode"  # elsewhere keterangan holds reason codes
    assert "Minimal BB (>70-80)" in set(df["keterangan"])
