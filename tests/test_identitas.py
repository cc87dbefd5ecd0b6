"""The unit's identity (local government, unit code, parent organisation) on cover and index."""

from __future__ import annotations

from builders import CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, text_of, write_clean

from lkip_helpers.html_report import render_index, render_report, report_facts


def _facts(tmp_path, **profil):
    def edit(tables):
        tables["profil"].update(profil)
    write_clean(tmp_path, edit)
    return report_facts(CLEAN_UNIT, CLEAN_YEAR, str(tmp_path))


def test_cover_and_index_show_the_local_government_code_and_parent(tmp_path):
    facts = _facts(tmp_path, kabupaten_kota="Kabupaten Kupang", kode_unit="4.01.01",
                   induk_organisasi="Sekretariat Daerah", provinsi="Nusa Tenggara Timur")
    cover = text_of(render_report(facts, []))
    for shown in ("Sekretariat Daerah", CLEAN_TABLES["profil"]["nama_unit"], "Kode unit 4.01.01",
                  "Pemerintah Kabupaten Kupang", "Provinsi Nusa Tenggara Timur"):
        assert shown in cover, shown
    index = text_of(render_index([{**facts, "links": []}], "1 Januari 2025"))
    assert "Kabupaten Kupang" in index and "(4.01.01)" in index


def test_a_cover_without_head_of_unit_or_date_has_no_empty_lines(tmp_path):
    def edit(tables):
        for field in ("kepala_nama", "kepala_jabatan", "kepala_nip", "tanggal_laporan",
                      "provinsi"):
            tables["profil"].pop(field, None)
    write_clean(tmp_path, edit)
    facts = report_facts(CLEAN_UNIT, CLEAN_YEAR, str(tmp_path))
    cover = text_of(render_report(facts, []))
    assert "NIP" not in cover and "–" not in cover
    assert cover.count("Provinsi") == 1  # in the unit's name only, no empty "Provinsi" line
    index = text_of(render_index([{**facts, "links": []}], "1 Januari 2025"))
    assert "Bagian Umum Dinas Contoh" in index
