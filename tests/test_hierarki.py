"""Budget hierarchy program -> kegiatan -> sub kegiatan (issue 9 item 1): totals from the
lowest level given, never double counted; stated subtotals checked; quarterly realisation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from builders import (CLEAN_UNIT, CLEAN_YEAR, KEGIATAN_TERBAGI, edit_sub_kegiatan, lkip_year,
                      write_clean)
from lkip_helpers import anggaran as a, narrative, reviu, tables
from lkip_helpers.cli import main
from lkip_helpers.load import load_year


@pytest.fixture(scope="module")
def kecil(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("hierarki")
    write_clean(data_dir, edit_sub_kegiatan)
    return data_dir


def test_one_kegiatan_split_into_two_sub_kegiatan_is_not_double_counted(kecil):
    lkip = load_year(CLEAN_UNIT, CLEAN_YEAR, kecil)
    r = a.ringkasan(lkip)
    assert (r.belanja.pagu, r.belanja.realisasi) == (2_000_000_000, 1_800_000_000)
    assert r.total.pagu == 2_100_000_000 and r.jumlah_rincian == 4
    df = a.tabel_anggaran(lkip)
    assert df[a.K_TINGKAT].tolist() == [a.JUMLAH, a.PROGRAM, a.KEGIATAN, a.SUB_KEGIATAN,
                                        a.SUB_KEGIATAN, a.KEGIATAN, a.KEGIATAN]
    assert df[a.K_LEVEL].tolist() == [0, 0, 1, 2, 2, 1, 1]
    assert df[a.K_SUBTOTAL].tolist() == [False, True, True, False, False, False, False]
    assert df[a.K_KODE].tolist()[1:4] == ["4.01.01", "4.01.01.1.02", "4.01.01.1.02.0001"]
    kegiatan = df[df[a.K_URAIAN] == KEGIATAN_TERBAGI].iloc[0]
    assert (kegiatan[a.K_PAGU], kegiatan[a.K_REALISASI]) == (1_500_000_000, 1_400_000_000)
    rincian = a.rincian_belanja(df)
    assert rincian[a.K_PAGU].sum() == r.belanja.pagu  # the chart's lines make up the total
    assert narrative.nama_rincian(df) == "kegiatan dan sub kegiatan"
    assert reviu.periksa(lkip) == []
    assert a.efisiensi(lkip).sisa_anggaran == 200_000_000


def test_cli_check_reviu_has_zero_findings(kecil):
    result = CliRunner().invoke(main, ["check", CLEAN_UNIT, str(CLEAN_YEAR), "--reviu",
                                       "--data-dir", str(kecil)])
    assert result.exit_code == 0, result.output
    assert "0 items to check" in result.output


def test_the_budget_table_is_indented_with_subtotals_bold_and_escaped_once():
    lkip = lkip_year(anggaran=[
        dict(jenis="belanja", program="P", kegiatan="K <b>&</b>", sub_kegiatan="S1", pagu=60,
             realisasi=30),
        dict(jenis="belanja", program="P", kegiatan="K <b>&</b>", sub_kegiatan="S2", pagu=40,
             realisasi=40)])
    df = a.tabel_anggaran(lkip)
    # program and kegiatan are not stated: added as computed subtotals, flagged
    assert df[a.K_DITAMBAHKAN].tolist() == [True, True, False, False]
    assert df[a.K_PAGU].tolist() == [100, 100, 60, 40]
    html = tables.html(tables.tabel(tables.berjenjang(df), "Anggaran", "3.1",
                                    kolom=[a.K_URAIAN, a.K_PAGU]))
    assert "\u00a0" * 4 + "K &lt;b&gt;&amp;&lt;/b&gt;" in html  # escaped once, indented once
    assert "\u00a0" * 8 + "S1" in html and "&amp;amp;" not in html
    assert html.count("font-weight: bold") >= 2  # the two subtotal rows


def _temuan(rows):
    return reviu.periksa(lkip_year(anggaran=rows))


def test_a_parent_that_differs_from_its_children_is_a_high_finding_with_both_figures():
    rows = [dict(jenis="belanja", program="P", pagu=1_000, realisasi=900),
            dict(jenis="belanja", program="P", kegiatan="K", pagu=1_000, realisasi=900),
            dict(jenis="belanja", program="P", kegiatan="K", sub_kegiatan="S1", pagu=500,
                 realisasi=450),
            dict(jenis="belanja", program="P", kegiatan="K", sub_kegiatan="S2", pagu=500,
                 realisasi=449)]
    (t,) = _temuan(rows)
    assert (t.tingkat, t.kode, t.baris, t.kolom) == (reviu.TINGGI, "jumlah_kegiatan", 3,
                                                     "realisasi")
    assert (t.dinyatakan, t.dihitung) == (900, 899)  # reported at the kegiatan only
    teks = narrative.uraian_temuan(t, "en")
    assert "Rp900" in teks and "Rp899" in teks and "2 sub-activities" in teks
    assert "2 sub kegiatan di bawahnya" in narrative.uraian_temuan(t, "id")
    # totals come from the lowest level: the stated 900 is never added
    assert a.ringkasan(lkip_year(anggaran=rows)).belanja.realisasi == 899


def test_quarterly_realisation_must_be_complete_and_add_up():
    base = dict(jenis="belanja", program="P", kegiatan="K", pagu=1_000, realisasi=800)
    ok = _temuan([{**base, "realisasi_tw1": 100, "realisasi_tw2": 200, "realisasi_tw3": 200,
                   "realisasi_tw4": 300}])
    assert ok == []
    (t,) = _temuan([{**base, "realisasi_tw1": 100, "realisasi_tw2": 200, "realisasi_tw3": 200,
                     "realisasi_tw4": 299}])
    assert (t.tingkat, t.kode, t.kolom, t.dinyatakan, t.dihitung) == (
        reviu.TINGGI, "realisasi_triwulan", "realisasi", 800, 799)
    (t,) = _temuan([{**base, "realisasi_tw1": 100, "realisasi_tw2": 200}])
    assert (t.tingkat, t.kode, t.kolom, t.dinyatakan, t.dihitung) == (
        reviu.TINGGI, "realisasi_triwulan_tidak_lengkap", "realisasi_tw3", 300, 800)
    assert "2 of the 4 quarters" in narrative.uraian_temuan(t, "en")


def test_cumulative_absorption_by_quarter(kecil):
    df = a.serapan_triwulan(load_year(CLEAN_UNIT, CLEAN_YEAR, kecil))
    assert df[a.K_TRIWULAN].tolist() == ["I", "II", "III", "IV"]
    assert df[a.K_REALISASI].tolist() == [350_000_000, 450_000_000, 450_000_000, 550_000_000]
    assert df[a.K_REALISASI_KUMULATIF].tolist()[-1] == 1_800_000_000
    assert df[a.K_SERAPAN_KUMULATIF].tolist() == [17.5, 40.0, 62.5, 90.0]
    assert "triwulan I Rp350.000.000 (17,50%)" in narrative.narasi_serapan_triwulan(
        load_year(CLEAN_UNIT, CLEAN_YEAR, kecil))


def test_no_quarterly_data_no_cumulative_table(seed):
    assert a.serapan_triwulan(seed).empty and narrative.narasi_serapan_triwulan(seed) == ""


def test_the_seed_keeps_its_figures(seed):
    r = a.ringkasan(seed)
    assert (r.belanja.pagu, r.belanja.realisasi) == (53_809_092_288, 47_214_705_470)
    assert r.belanja.serapan_minimal == Decimal(85)
    df = a.tabel_anggaran(seed)
    assert not df[a.K_DITAMBAHKAN].any() and len(df) == 10


# A random hierarchy: programs, each with stated figures or kegiatan, each kegiatan with stated
# figures or sub kegiatan; every parent may also be stated (with the exact sum of its children).
AMOUNT = st.integers(min_value=0, max_value=10**13)
SUB = st.lists(AMOUNT, min_size=0, max_size=3)
KEG = st.tuples(SUB, AMOUNT, st.booleans())  # subs (or none), own pagu if leaf, state parent
PROG = st.tuples(st.lists(KEG, min_size=0, max_size=3), AMOUNT, st.booleans())


@settings(max_examples=40, deadline=None)
@given(programs=st.lists(PROG, min_size=1, max_size=3))
def test_total_is_the_sum_of_the_lowest_level_lines(programs):
    rows, leaves = [], []

    def line(p, k=None, s=None, pagu=0):
        return dict(jenis="belanja", program=p, kegiatan=k, sub_kegiatan=s, pagu=pagu,
                    realisasi=pagu)

    for i, (kegiatan, own, state) in enumerate(programs):
        p = f"P{i}"
        prog_rows, prog_sum = [], 0
        for j, (subs, k_own, k_state) in enumerate(kegiatan):
            k = f"K{j}"
            if subs:
                sub_rows = [line(p, k, f"S{n}", v) for n, v in enumerate(subs)]
                leaves += subs
                prog_rows += ([line(p, k, pagu=sum(subs))] if k_state else []) + sub_rows
                prog_sum += sum(subs)
            else:
                prog_rows.append(line(p, k, pagu=k_own))
                leaves.append(k_own)
                prog_sum += k_own
        if kegiatan:
            rows += ([line(p, pagu=prog_sum)] if state else []) + prog_rows
        else:
            rows.append(line(p, pagu=own))
            leaves.append(own)
    lkip = lkip_year(anggaran=rows)
    belanja = a.ringkasan(lkip).belanja
    assert belanja.pagu == sum(leaves)
    df = a.tabel_anggaran(lkip)
    assert a.rincian_belanja(df)[a.K_PAGU].sum() + sum(
        v for (keg, v, _) in programs if not keg) == sum(leaves)
    assert [t for t in reviu.periksa(lkip) if t.kode == "jumlah_kegiatan"] == []
