"""Honest small reports: whatever sheets a unit leaves empty, what the reader sees stays clean.

A property test (hypothesis, deterministic) empties a random subset of the optional sheets and
profile fields of the clean unit-year, then renders every narrative paragraph and every table
cell the chapters show, and asserts that none of them prints a programmer's placeholder
(``None``, ``nan``, ``<NA>``, ``NaT``), a dash standing for a word inside a sentence, or the same
"cannot be computed" phrase more than once.
"""

from __future__ import annotations

import copy
import inspect
import itertools

import pandas as pd
import pytest
from builders import CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, PLACEHOLDER, problems_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_helpers import aset, kinerja, komitmen, narrative, pegawai, tables
from lkip_helpers.load import load_year
from lkip_helpers.workbook import write_workbook

FAST = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

#: Sheets a unit may leave empty, and profile fields it may leave blank.
SHEETS = sorted(k for k in CLEAN_TABLES if k not in ("profil", "indikator"))
FIELDS = sorted(k for k in CLEAN_TABLES["profil"] if k not in ("nama_unit", "tahun"))

#: Every narrative function taking only the unit-year.
NARASI = [f for name, f in inspect.getmembers(narrative, inspect.isfunction)
          if name.startswith("narasi_") and list(inspect.signature(f).parameters) == ["lkip"]]
#: The frames the chapters show as tables.
TABEL = [kinerja.tabel_capaian, kinerja.tabel_keluaran, kinerja.tabel_riwayat,
         kinerja.tabel_renstra, kinerja.tabel_triwulan, aset.tabel_aset,
         pegawai.tabel_bagian, pegawai.tabel_pendidikan, pegawai.tabel_golongan,
         pegawai.tabel_jabatan, komitmen.tabel_komitmen, narrative.tabel_ikhtisar,
         narrative.tabel_efisiensi, narrative.tabel_komitmen_tampil]

_counter = itertools.count()


def _unit_year(tmp_path_factory, kosong: set[str], tanpa: set[str]):
    tables = copy.deepcopy(CLEAN_TABLES)
    for sheet in kosong:
        tables[sheet] = []
    for field in tanpa:
        tables["profil"].pop(field)
    if "anggaran" in kosong:  # stated totals of a budget that is not there are not stated
        tables["total_dinyatakan"] = [r for r in tables["total_dinyatakan"]
                                      if r["lembar"] != "anggaran"]
    data = tmp_path_factory.mktemp(f"k{next(_counter)}")
    write_workbook(data / CLEAN_UNIT / str(CLEAN_YEAR) / "lkip.xlsx", tables)
    return load_year(CLEAN_UNIT, CLEAN_YEAR, data)


def test_the_checker_sees_each_pattern():
    assert problems_of("Capaian None dan <NA>.") == ["placeholder 'None'", "placeholder '<NA>'"]
    assert problems_of("didukung oleh – dari – keluaran")
    assert problems_of("menelan biaya –.")
    assert problems_of("a tidak dapat dihitung, b tidak dapat dihitung")
    assert problems_of("Capaian 100,00% (Sangat Berhasil); Rp1.000 − Rp900 = Rp100.") == []


@FAST
@given(kosong=st.sets(st.sampled_from(SHEETS)), tanpa=st.sets(st.sampled_from(FIELDS)))
def test_any_subset_of_empty_sheets_reads_cleanly(tmp_path_factory, kosong, tanpa):
    lkip = _unit_year(tmp_path_factory, kosong, tanpa)
    for narasi in NARASI:
        text = narasi(lkip)
        assert problems_of(text) == [], (narasi.__name__, sorted(kosong), text)
    for buat in TABEL:
        df = buat(lkip)
        if df.empty:
            continue
        sel = tables.sel_terformat(df, alasan={"capaian": "keterangan"}
                                   if "keterangan" in df.columns else None)
        for kolom in sel.columns:
            for cell in sel[kolom]:
                assert not PLACEHOLDER.search(str(cell)), (buat.__name__, kolom, cell)


@pytest.mark.parametrize("kosong", [SHEETS])
def test_a_unit_with_only_profile_and_indicators_lists_missing_data_once(tmp_path_factory,
                                                                         kosong):
    lkip = _unit_year(tmp_path_factory, set(kosong), set(FIELDS))
    ikhtisar = narrative.narasi_ikhtisar(lkip)
    assert ikhtisar.count("Data belum tersedia untuk:") == 1
    for bagian in ("keluaran layanan", "anggaran", "inventaris barang", "pendidikan PNS"):
        assert bagian in ikhtisar
    for narasi in (narrative.narasi_keluaran, narrative.narasi_triwulan, narrative.narasi_aset,
                   narrative.narasi_anggaran, narrative.narasi_tren_anggaran,
                   narrative.narasi_jabatan):
        assert narasi(lkip) == "", narasi.__name__  # said once, in the summary
    assert isinstance(narrative.tabel_ikhtisar(lkip), pd.DataFrame)
