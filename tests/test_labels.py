"""The label catalogue (lkip_helpers.labels): column headings and codes, Indonesian and English."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lkip_helpers import anggaran, kinerja, labels
from builders import lkip_year

IKU = dict(kode="IKU-1", sasaran="s", indikator="i", satuan="%", polaritas="maksimal",
           target=100.0, realisasi=100.0)
ANGGARAN = [dict(jenis="belanja", program="P", pagu=100, realisasi=90)]


@pytest.fixture(scope="module")
def frames():
    lkip = lkip_year(indikator=[IKU], anggaran=ANGGARAN)
    return anggaran.tabel_anggaran(lkip), kinerja.tabel_capaian(lkip)


def test_indonesian_headings_with_their_unit(frames):
    budget, _ = frames
    assert labels.LAPORAN == "id"
    assert labels.label("pagu") == "Pagu (Rp)"
    assert labels.label("serapan") == "Serapan (%)"
    assert labels.label("capaian") == "Capaian (%)"
    assert labels.label("sisa") == "Sisa anggaran (Rp)"
    assert labels.label("keterangan") == "Keterangan"
    assert labels.label("tahun") == "Tahun"


def test_realisasi_is_rupiah_in_a_budget_frame_but_a_measure_in_an_indicator_frame(frames):
    budget, indicator = frames
    assert labels.label("realisasi", budget) == "Realisasi (Rp)"
    assert labels.label("realisasi", indicator) == "Realisasi"
    assert labels.label("realisasi") == "Realisasi"
    assert labels.jenis(budget, "realisasi") == "rupiah"
    assert labels.jenis(indicator, "realisasi") == "angka"
    assert labels.label("realisasi", budget, lang="en") == "Realisation (Rp)"


def test_english_headings():
    assert labels.label("pagu", lang="en") == "Allocation (Rp)"
    assert labels.label("serapan", lang="en") == "Absorption (%)"
    assert labels.label("capaian", lang="en") == "Achievement (%)"
    assert labels.label("keterangan", lang="en") == "Remarks"


def test_codes_in_words():
    assert labels.kode("belum_ada_data") == "belum ada data"
    assert labels.kode("tidak_tercapai") == "tidak tercapai"
    assert labels.kode("tercapai") == "tercapai"
    assert labels.kode("tanpa_ambang") == "tanpa ambang"
    assert labels.kode("belum_ada_data", "en") == "no data yet"
    assert labels.kode("tidak_dapat_dihitung", "en") == "cannot be computed"
    assert labels.kode("tidak_tercapai", "en") == "not achieved"
    assert labels.kode("tinggi", "en") == "to correct"
    assert labels.kode("tinggi") == "perlu dikoreksi"
    assert labels.pembanding("minimal") == "paling sedikit (≥)"
    assert labels.pembanding("minimal", "en") == "at least (≥)"


def test_booleans_and_missing():
    assert (labels.kode(True), labels.kode(False)) == ("ya", "tidak")
    assert (labels.kode(np.bool_(True), "en"), labels.kode(False, "en")) == ("yes", "no")
    assert labels.kode(pd.array([True], dtype="boolean")[0]) == "ya"
    assert labels.kode(None) is None and labels.kode(pd.NA) is None


def test_unknown_keys_and_codes_pass_through():
    assert labels.label("kolom_analis") == "kolom_analis"
    assert labels.label("kolom_analis", lang="en") == "kolom_analis"
    assert labels.jenis(None, "kolom_analis") == "teks"
    assert labels.kode("Tertulis: paling lambat Januari 2023") == \
        "Tertulis: paling lambat Januari 2023"
    assert labels.kode("kode_baru", "en") == "kode_baru"
    assert labels.pembanding("sama_dengan") == "sama_dengan"


def test_catalogue_is_well_formed():
    assert all(k.jenis in labels.JENIS for k in labels.KOLOM.values())
    assert set(labels.PEMBANDING) <= set(labels.KODE)
    # every label and code has an Indonesian translation (no English left in the report)
    # (words that are the same in both languages: Target, Status, minimal; the capaian
    # formulas, written in symbols)
    assert [k for k in labels.KOLOM if labels.label(k) == labels.label(k, lang="en")] == [
        "target", "status"]
    assert [c for c in labels.KODE if labels.kode(c) == labels.kode(c, "en")] == [
        "R/T", "T/R", "(2T-R)/T", "minimal"]
