"""Reviu: the embedded case's real findings, a clean workbook without any, one check at a time.

``CLEAN_TABLES`` is a small, realistic and consistent unit-year (every stated figure agrees
with its rows); tests/test_template.py reuses it to fill a template.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from lkip_helpers import narrative, reviu
from lkip_helpers.cli import main
from lkip_helpers.hitung import bulatkan_persen
from lkip_helpers.load import load_year
from lkip_helpers.reviu import KodeTemuan as K
from builders import CLEAN_UNIT, CLEAN_YEAR, write_clean


def findings_of(tmp_path, edit=None) -> list[reviu.Temuan]:
    write_clean(tmp_path, edit)
    return reviu.periksa(load_year(CLEAN_UNIT, CLEAN_YEAR, tmp_path))


def only(found: list[reviu.Temuan]) -> reviu.Temuan:
    assert len(found) == 1, [narrative.uraian_temuan(t, "en") for t in found]
    return found[0]


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_findings(seed):
    return reviu.periksa(seed)


def at(found, kode, lembar, baris=None, kolom=None):
    matches = [t for t in found if (t.kode, t.lembar, t.baris) == (kode, lembar, baris)
               and (kolom is None or t.kolom == kolom)]
    return only(matches)


def test_findings_are_data_with_str_enum_codes(seed_findings):
    t = seed_findings[0]
    assert isinstance(t.kode, K) and t.kode == "persen_dinyatakan" and t.kode.value == t.kode
    assert {k.value for k in K} >= {"riwayat_anggaran_tahun_ini", "riwayat_kinerja_tahun_ini",
                                    "antar_sumber", "antar_sumber_kosong"}
    assert "riwayat_tahun_ini" not in {k.value for k in K}


def test_seed_budget_history_2020_states_88_05_but_computes_88_47(seed_findings):
    t = at(seed_findings, K.PERSEN_DINYATAKAN, "riwayat_anggaran", 2, "persen_dinyatakan")
    assert t.tingkat == reviu.TINGGI and t.satuan == reviu.PERSEN
    assert t.dinyatakan == Decimal("88.05")
    assert t.dihitung == Decimal(103_454_484_027 * 100) / Decimal(116_943_082_326)
    assert bulatkan_persen(t.dihitung) == Decimal("88.47")
    assert t.konteks == {"uraian": "belanja tahun 2020", "realisasi_rp": 103_454_484_027,
                         "pagu_rp": 116_943_082_326}
    assert narrative.uraian_temuan(t, "en") == (
        "The absorption of belanja tahun 2020 is stated as 88,05%, but realisation ÷ "
        "allocation = Rp103.454.484.027 ÷ Rp116.943.082.326 = 88,47%.")
    assert narrative.uraian_temuan(t) == (
        "Serapan belanja tahun 2020 tertulis 88,05%, padahal realisasi ÷ pagu = "
        "Rp103.454.484.027 ÷ Rp116.943.082.326 = 88,47%.")
    assert narrative.letak_temuan(t) == "lembar riwayat_anggaran, baris 2, kolom persen_dinyatakan"
    assert narrative.letak_temuan(t, "en") == "sheet riwayat_anggaran, row 2, column persen_dinyatakan"


def test_seed_staff_per_bagian_sums_to_95_not_the_stated_104(seed_findings):
    t = at(seed_findings, K.TOTAL_DINYATAKAN, "total_dinyatakan", 2, "nilai")
    assert (t.tingkat, t.dinyatakan, t.dihitung) == (reviu.TINGGI, 104, 95)
    assert narrative.uraian_temuan(t, "en") == (
        "The total of pegawai per bagian (column jumlah) is stated as 104 (Bab I A), but its "
        "rows add up to 95.")
    assert narrative.uraian_temuan(t) == (
        "Jumlah pegawai per bagian (kolom jumlah) tertulis 104 (Bab I A), padahal penjumlahan "
        "baris-barisnya 95.")


def test_seed_revenue_absorption_70_below_the_90_minimum(seed_findings):
    t = at(seed_findings, K.SERAPAN_MINIMAL, "anggaran", 2, "serapan_minimal")
    assert t.tingkat == reviu.SEDANG
    assert t.dinyatakan == 90 and bulatkan_persen(t.dihitung) == Decimal("70.00")
    assert narrative.uraian_temuan(t, "en") == (
        "The absorption of Pendapatan is only 70,00% (Rp339.237.581 of Rp484.635.653), below "
        "the minimum of 90,00% in the Perjanjian Kinerja.")


def test_seed_spending_plus_revenue_87_59_below_the_90_minimum(seed_findings):
    t = at(seed_findings, K.SERAPAN_MINIMAL, "profil", None, "serapan_minimal_total")
    assert t.dinyatakan == 90 and bulatkan_persen(t.dihitung) == Decimal("87.59")
    assert (t.konteks["realisasi_rp"], t.konteks["pagu_rp"]) == (47_553_943_051, 54_293_727_941)
    assert "87,59% (Rp47.553.943.051 dari Rp54.293.727.941)" in narrative.uraian_temuan(t)
    assert narrative.letak_temuan(t) == "lembar profil, kolom serapan_minimal_total"


def test_seed_report_dated_after_its_deadline(seed_findings):
    t = at(seed_findings, K.TANGGAL_LAPORAN, "profil", None, "tanggal_laporan")
    assert (t.dinyatakan, t.dihitung) == (dt.date(2024, 2, 27), dt.date(2023, 2, 4))
    assert t.konteks["salah_ketik"] is True  # the deadline lies inside the year reported on
    teks = narrative.uraian_temuan(t, "en")
    assert teks.startswith("The report is dated 27 Februari 2024, after the submission "
                           "deadline of 4 Februari 2023.")
    assert "typing error" in teks
    assert "kemungkinan ada salah ketik" in narrative.uraian_temuan(t)


def test_seed_2020_realisation_in_tables_3_2_and_3_3_is_explained(seed, seed_findings):
    # Tabel 3.3 (Renstra) counts the indicator before the change of 2021 (122,3%), Tabel 3.2
    # the new one (100%); the catatan on the Renstra row says so, so nothing contradicts.
    assert [t for t in seed_findings if t.kode == K.ANTAR_SUMBER] == []
    assert "2021" in seed.riwayat_kinerja.loc[7, "catatan"]


def test_seed_2020_realisation_differs_between_tables_without_the_catatan(workbook_copy):
    path = workbook_copy({("riwayat_kinerja", "G7"): None})
    found = reviu.periksa(load_year("biro-umum-ntt", 2023, path.parents[2]))
    t = at(found, K.ANTAR_SUMBER, "riwayat_kinerja", 7, "realisasi")
    assert (t.tingkat, t.dinyatakan, t.dihitung) == (reviu.TINGGI, Decimal("122.3"), 100)
    assert (t.konteks["sumber_acuan"], t.konteks["baris_acuan"]) == ("Tabel 3.2", 2)
    assert narrative.uraian_temuan(t, "en") == (
        "The realisation of IKU-1 in 2020 is 122,30 according to Tabel 3.3 (Renstra), but 100 "
        "according to Tabel 3.2.")


def test_seed_2022_na_in_tabel_2_1_against_100_elsewhere(seed_findings):
    t = at(seed_findings, K.ANTAR_SUMBER_KOSONG, "riwayat_kinerja", 11, "realisasi")
    assert (t.tingkat, t.dinyatakan, t.dihitung) == (reviu.SEDANG, "NA", 100)
    assert narrative.uraian_temuan(t, "en") == (
        "The realisation of IKU-1 in 2022 is not given in Tabel 2.1 (RKT) (it reads NA), while "
        "Tabel 3.2 states 100.")


def test_seed_capaian_286_and_122_3_against_renstra_are_explained(seed, seed_findings):
    # The seed's catatan (Bab III A.3: the indicator before the Renstra change of 2021)
    # explains the two capaian above 100%, so the reviu does not ask for an explanation.
    assert [t for t in seed_findings if t.kode == K.CAPAIAN_DI_ATAS_100] == []
    assert seed.riwayat_kinerja.loc[[6, 7], "catatan"].notna().all()


def test_seed_capaian_286_and_122_3_without_explanation(workbook_copy):
    path = workbook_copy({("riwayat_kinerja", "G6"): None, ("riwayat_kinerja", "G7"): None})
    found = reviu.periksa(load_year("biro-umum-ntt", 2023, path.parents[2]))
    over = [t for t in found if t.kode == K.CAPAIAN_DI_ATAS_100]
    assert [(t.lembar, t.baris, t.dihitung) for t in over] == [
        ("riwayat_kinerja", 6, Decimal("286")), ("riwayat_kinerja", 7, Decimal("122.3"))]
    assert {t.konteks["acuan"] for t in over} == {"renstra"}
    assert narrative.uraian_temuan(over[0], "en") == (
        "The achievement of IKU-1 in 2019, 286,00% against the Renstra target (100), is above "
        "100% without an explanation.")


def test_seed_commitments_c_to_l_have_no_realisation(seed_findings, seed):
    none = [t for t in seed_findings if t.kode == K.KOMITMEN_TANPA_REALISASI]
    assert [t.baris for t in none] == list(range(2, 15))
    assert [seed.komitmen.loc[t.baris, "butir"] for t in none] == [
        "C", "D", "E", "F", "G.1a", "G.1b", "G.2a", "G.2b", "H", "I", "J", "K", "L"]
    assert [t.konteks["butir"] for t in none][:2] == ["C", "D"]
    assert {t.tingkat for t in none} == {reviu.RENDAH}
    assert none[1].kolom == "realisasi_tanggal" and none[1].dinyatakan == dt.date(2023, 2, 4)
    assert none[1].satuan == reviu.TANGGAL
    assert narrative.uraian_temuan(none[1]) == (
        "Komitmen butir D (Penyampaian LKPD, LKPJ dan LKIP) belum dicatat realisasinya.")


def test_seed_staff_data_dated_before_the_reporting_year(seed_findings):
    t = at(seed_findings, K.TANGGAL_DATA_PEGAWAI, "profil", None, "tanggal_data_pegawai")
    assert t.dinyatakan == dt.date(2022, 12, 31) and t.tingkat == reviu.RENDAH
    assert "31 Desember 2022" in narrative.uraian_temuan(t)


def test_seed_has_exactly_these_findings_highest_severity_first(seed_findings):
    # Everything else the report states agrees (e.g. 87,74%, 99,99%, 8.418 assets, 95 PNS).
    assert reviu.rekap(seed_findings) == {reviu.TINGGI: 2, reviu.SEDANG: 4, reviu.RENDAH: 14}
    order = [reviu.TINGKAT.index(t.tingkat) for t in seed_findings]
    assert order == sorted(order)


def test_seed_findings_frame_is_tidy(seed_findings):
    df = reviu.tabel_temuan(seed_findings)
    assert list(df.columns) == reviu.KOLOM_TEMUAN
    assert len(df) == 20 and str(df["baris"].dtype) == "Int64"
    first = df.iloc[0]
    assert (first["tingkat"], first["kode"], first["lembar"], first["baris"], first["kolom"],
            first["dinyatakan"], first["satuan"]) == (
        "tinggi", "persen_dinyatakan", "riwayat_anggaran", 2, "persen_dinyatakan",
        Decimal("88.05"), "%")
    assert df["tingkat"].value_counts().to_dict() == {"rendah": 14, "sedang": 4, "tinggi": 2}
    assert df["kode"].value_counts()["komitmen_tanpa_realisasi"] == 13
    assert df["baris"].isna().sum() == 3  # profil findings have no row


def test_seed_chapter_table_and_narrative(seed, seed_findings):
    df = narrative.tabel_temuan_tampil(seed_findings)
    assert list(df.columns) == ["tingkat", "temuan", "letak", "dinyatakan", "dihitung"]
    first = df.iloc[0]
    assert first["tingkat"] == "tinggi"
    assert first["letak"] == "lembar riwayat_anggaran, baris 2, kolom persen_dinyatakan"
    assert (first["dinyatakan"], first["dihitung"]) == ("88,05%", "88,47%")
    assert "Rp103.454.484.027 ÷ Rp116.943.082.326 = 88,47%" in first["temuan"]
    teks = narrative.narasi_reviu(seed, seed_findings)
    assert "Ada 20 butir yang perlu diperiksa: 2 perlu dikoreksi, 4 perlu dijelaskan, " \
           "14 perlu dilengkapi." in teks
    assert "temuan" not in teks and "bertingkat" not in teks
    assert "0,01 poin persen" in teks


def test_seed_report_for_the_terminal(seed, seed_findings):
    out = narrative.laporan_reviu(seed_findings, "lkip.xlsx", "en")
    lines = out.splitlines()
    assert lines[0] == ("Reviu: 20 items to check in lkip.xlsx "
                        "(2 to correct, 4 to explain, 14 to complete)")
    assert out.index("Items to correct:") < out.index("Items to explain:") \
        < out.index("Items to complete:")
    assert ("- sheet total_dinyatakan, row 2, column nilai: The total of pegawai per bagian "
            "(column jumlah) is stated as 104 (Bab I A), but its rows add up to 95.") in lines
    indonesian = narrative.laporan_reviu(seed_findings, "lkip.xlsx", "id")
    assert "Butir yang perlu dikoreksi:" in indonesian
    assert ("- lembar total_dinyatakan, baris 2, kolom nilai: Jumlah pegawai per bagian (kolom "
            "jumlah) tertulis 104 (Bab I A), padahal penjumlahan baris-barisnya 95.") in indonesian


def test_seed_report_for_the_terminal_first_line_is_indonesian(seed_findings):
    first = narrative.laporan_reviu(seed_findings, "lkip.xlsx", "id").splitlines()[0]
    assert "items to check" not in first


# --------------------------------------------------------------------------- tolerance


@pytest.mark.parametrize("stated, computed, differs", [
    ("99.99", Decimal(37_876_900 * 100) / Decimal(37_877_900), False),  # 99,997 shows 99,99
    ("70", Decimal(339_237_581 * 100) / Decimal(484_635_653), False),  # 69,998 shows 70,00
    ("88.05", Decimal("88.4656"), True),
    ("88.46", Decimal("88.4656"), False),  # 0,01 points from 88,47: within the tolerance
    ("88.45", Decimal("88.4656"), True),
    (None, Decimal("50"), False),  # nothing stated, nothing to compare
])
def test_tolerance(stated, computed, differs):
    assert reviu.berbeda(stated, computed) is differs


# --------------------------------------------------------------------------- a clean workbook


def test_clean_workbook_has_no_findings(tmp_path):
    found = findings_of(tmp_path)
    assert found == [], [narrative.uraian_temuan(t, "en") for t in found]
    assert narrative.laporan_reviu(found, lang="en") == (
        "Reviu: 0 items to check: every stated figure agrees with the data.")
    assert narrative.laporan_reviu(found, lang="id").endswith(
        ": setiap angka yang tertulis sesuai dengan data.")
    assert reviu.tabel_temuan(found).empty
    assert list(reviu.tabel_temuan(found).columns) == reviu.KOLOM_TEMUAN


def _set(sheet, index, **values):
    def edit(tables):
        tables[sheet][index].update(values)
    return edit


def test_stated_absorption_of_a_line(tmp_path):
    t = only(findings_of(tmp_path, _set("anggaran", 2, persen_dinyatakan="93,30")))
    assert (t.kode, t.lembar, t.baris, t.kolom) == ("persen_dinyatakan", "anggaran", 4,
                                                    "persen_dinyatakan")
    assert bulatkan_persen(t.dihitung) == Decimal("93.33")


def test_program_total_against_its_activities(tmp_path):
    def edit(tables):  # realisation of one activity lowered: the program total no longer adds up
        tables["anggaran"][3].update(realisasi="399.999.999", persen_dinyatakan="99,99")
    t, riwayat = findings_of(tmp_path, edit)
    assert (t.kode, t.baris, t.kolom) == ("jumlah_kegiatan", 3, "realisasi")
    assert (t.dinyatakan, t.dihitung) == (1_800_000_000, 1_799_999_999)  # exact Rupiah
    assert narrative.uraian_temuan(t, "en") == (
        "The realisation of Program Penunjang Urusan Pemerintahan Daerah is stated as "
        "Rp1.800.000.000, but the 3 activities below it add up to Rp1.799.999.999.")
    # the spending total comes from the activities, so the history row of 2024 now differs too
    assert (riwayat.kode, riwayat.dinyatakan, riwayat.dihitung) == (
        "riwayat_anggaran_tahun_ini", 1_800_000_000, 1_799_999_999)


def test_realisation_above_pagu(tmp_path):
    def edit(tables):
        tables["anggaran"][0].update(realisasi="120.000.000", persen_dinyatakan="120")
        tables["total_dinyatakan"][1]["nilai"] = "2.100.000.000"
    found = findings_of(tmp_path, edit)
    assert [(t.kode, t.baris) for t in found] == [("realisasi_melebihi_pagu", 2)]


def test_stated_capaian_of_an_indicator(tmp_path):
    t = only(findings_of(tmp_path, _set("indikator", 1, capaian_dinyatakan=80)))
    assert (t.kode, t.lembar, t.baris) == ("capaian_dinyatakan", "indikator", 3)
    assert t.dihitung == Decimal(125)  # minimal polarity: T / R x 100 = 5 / 4 x 100


def test_capaian_above_100_needs_an_explanation(tmp_path):
    found = findings_of(tmp_path, _set("indikator", 1, penjelasan=None))
    assert [(t.kode, t.lembar, t.baris, t.dihitung) for t in found] == [
        ("capaian_di_atas_100", "indikator", 3, Decimal(125)),  # against the year's target
        ("capaian_di_atas_100", "indikator", 3, Decimal(125)),  # against the Renstra target
    ]


def test_outputs_against_the_indicator_realisation(tmp_path):
    t = only(findings_of(tmp_path, _set("keluaran", 1, realisasi=12)))
    assert (t.kode, t.lembar, t.baris, t.kolom) == ("keluaran_indikator", "indikator", 2,
                                                    "realisasi")
    assert bulatkan_persen(t.dihitung) == Decimal("91.67")  # 132 of 144 outputs


def test_history_row_of_this_year_against_sheet_indikator(tmp_path):
    t = only(findings_of(tmp_path, _set("riwayat_kinerja", 1, realisasi=95)))
    assert (t.kode, t.lembar, t.baris, t.dinyatakan, t.dihitung) == (
        K.RIWAYAT_KINERJA_TAHUN_INI, "riwayat_kinerja", 3, 95, 100)


def test_budget_history_of_this_year_against_sheet_anggaran(tmp_path):
    t = only(findings_of(tmp_path, _set("riwayat_anggaran", 1, pagu="2.000.000.001",
                                        persen_dinyatakan="90,00")))
    assert (t.kode, t.baris, t.kolom, t.dinyatakan, t.dihitung) == (
        K.RIWAYAT_ANGGARAN_TAHUN_INI, 3, "pagu", 2_000_000_001, 2_000_000_000)
    assert t.satuan == reviu.RUPIAH
    assert narrative.uraian_temuan(t, "en") == (
        "The budget history of 2024 states the pagu as Rp2.000.000.001, while sheet anggaran "
        "gives Rp2.000.000.000.")


def test_civil_servants_by_rank_against_education(tmp_path):
    def edit(tables):
        tables["pegawai_golongan"][1]["jumlah"] = 7
    t = only(findings_of(tmp_path, edit))
    assert (t.kode, t.tingkat, t.lembar, t.dinyatakan, t.dihitung) == (
        "pegawai_antar_lembar", reviu.TINGGI, "pegawai_golongan", 17, 18)


def test_officials_by_gender(tmp_path):
    t = only(findings_of(tmp_path, _set("pegawai_jabatan", 1, perempuan=0)))
    assert (t.kode, t.baris, t.dinyatakan, t.dihitung) == ("jumlah_jenis_kelamin", 3, 2, 1)


def test_commitment_not_met(tmp_path):
    t = only(findings_of(tmp_path, _set("komitmen", 0, realisasi=35)))
    assert (t.kode, t.tingkat, t.baris, t.dinyatakan, t.dihitung) == (
        "komitmen_tidak_tercapai", reviu.SEDANG, 2, 40, 35)


def test_commitment_after_its_date(tmp_path):
    t = only(findings_of(tmp_path, _set("komitmen", 1, realisasi_tanggal="2025-03-03")))
    assert (t.kode, t.baris, t.dihitung) == ("komitmen_tidak_tercapai", 3, dt.date(2025, 3, 3))
    assert (t.dinyatakan, t.satuan) == (dt.date(2025, 2, 28), reviu.TANGGAL)
    assert "3 Maret 2025" in narrative.uraian_temuan(t)
    assert "28 Februari 2025" in narrative.uraian_temuan(t)


def test_stated_total_naming_a_text_column_cannot_be_checked(tmp_path):
    t = only(findings_of(tmp_path, _set("total_dinyatakan", 0, kolom="bagian")))
    assert (t.kode, t.tingkat, t.baris) == ("total_tidak_dapat_diperiksa", reviu.RENDAH, 2)


# --------------------------------------------------------------------------- command line


def test_cli_check_reviu_prints_findings_by_severity_and_exits_0(workbook_copy):
    workbook_copy()
    result = CliRunner(env={"LKIP_LANG": "en"}).invoke(
        main, ["check", "biro-umum-ntt", "2023", "--reviu",
               "--data-dir", str(workbook_copy.data_dir)])
    assert result.exit_code == 0, (result.output, result.exception)
    out = result.output
    assert "Reviu: 20 items to check" in out and "(2 to correct, 4 to explain, 14 to complete)" in out
    assert out.index("Items to correct:") < out.index("Items to explain:") \
        < out.index("Items to complete:")
    assert "- sheet total_dinyatakan, row 2, column nilai: The total of pegawai per bagian " \
           "(column jumlah) is stated as 104 (Bab I A), but its rows add up to 95." in out


def test_cli_check_reviu_exits_1_on_data_errors(workbook_copy):
    workbook_copy({("aset", "C3"): -1})
    result = CliRunner().invoke(main, ["check", "biro-umum-ntt", "2023", "--reviu",
                                       "--data-dir", str(workbook_copy.data_dir)])
    assert result.exit_code == 1
    assert "column jumlah (C): value -1" in result.output and "Reviu" not in result.output
