"""Broken copies of the embedded workbook: one per error class, each message names the place."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from builders import PROFIL_BARIS

from lkip_helpers.cli import main
from lkip_helpers.errors import NO_VALUE, DataError, Problem
from lkip_helpers.load import MAX_DATA_ROWS, load_workbook_file, load_year

UNIT, YEAR = "biro-umum-ntt", 2023


def problems_of(workbook_copy, edit=None, unit=UNIT, year=YEAR) -> list[str]:
    """The problem lines of loading an edited copy (which must fail)."""
    workbook_copy(edit, unit=unit, year=year)
    with pytest.raises(DataError) as info:
        load_year(unit, year, workbook_copy.data_dir)
    return [str(p) for p in info.value.problems]


def only(lines: list[str]) -> str:
    assert len(lines) == 1, lines
    return lines[0]


def test_missing_folder(tmp_path):
    with pytest.raises(DataError) as info:
        load_year(UNIT, 2022, tmp_path)
    message = only([str(p) for p in info.value.problems])
    assert "biro-umum-ntt/2022" in message and "expected a folder" in message


def test_missing_file(tmp_path):
    (tmp_path / UNIT / "2022").mkdir(parents=True)
    with pytest.raises(DataError) as info:
        load_year(UNIT, 2022, tmp_path)
    message = only([str(p) for p in info.value.problems])
    assert "2022/lkip.xlsx" in message and "expected the workbook lkip.xlsx" in message


def test_missing_sheet(workbook_copy):
    message = only(problems_of(workbook_copy, lambda wb: wb.remove(wb["indikator"])))
    assert "lkip.xlsx, sheet indikator:" in message
    assert "expected a sheet named 'indikator'" in message


def test_missing_column(workbook_copy):
    missing, orphan = problems_of(workbook_copy, {("anggaran", "E1"): None})
    assert "sheet anggaran, row 1, column pagu: missing required column" in missing
    # the amounts left without a header are pointed out too (once per column)
    assert "sheet anggaran, row 2, column E: value 484635653; expected no data outside" in orphan


def test_unknown_column(workbook_copy):
    message = only(problems_of(workbook_copy, {("aset", "I1"): "warna"}))
    assert "sheet aset, row 1, column warna (I): value 'warna'; unknown column" in message


def test_data_in_a_column_without_a_name(workbook_copy):
    message = only(problems_of(workbook_copy, {("aset", "J4"): "catatan", ("aset", "J5"): "x"}))
    assert message.endswith("sheet aset, row 4, column J: value 'catatan'; expected no data "
                            "outside the named columns (row 1)")


def test_extra_sheets_are_ignored_with_a_warning(workbook_copy):
    workbook_copy(lambda wb: wb.create_sheet("catatan"))
    lkip = load_year(UNIT, YEAR, workbook_copy.data_dir)
    assert [str(w) for w in lkip.warnings] == [
        "sheet 'catatan' is not part of the schema and was ignored"]
    assert int(lkip.aset["jumlah"].sum()) == 8418


def test_wrong_type(workbook_copy):
    message = only(problems_of(workbook_copy, {("anggaran", "E5"): "enam belas miliar"}))
    assert message.endswith(
        "sheet anggaran, row 5, column pagu (E): value 'enam belas miliar'; expected a whole "
        "Rupiah amount such as 53.809.092.288 or Rp 53.809.092.288,-")


def test_decimals_in_a_rupiah_amount(workbook_copy):
    message = only(problems_of(workbook_copy, {("anggaran", "F4"): 37876900.5}))
    assert "sheet anggaran, row 4, column realisasi (F): value 37876900.5" in message
    assert "has decimals" in message


def test_negative_amount(workbook_copy):
    message = only(problems_of(workbook_copy, {("anggaran", "F4"): -5}))
    assert "sheet anggaran, row 4, column realisasi (F): value -5; expected a value of 0 or " \
           "more" in message


def test_negative_count_typed_as_text(workbook_copy):
    message = only(problems_of(workbook_copy, {("aset", "C3"): "-43"}))
    assert "sheet aset, row 3, column jumlah (C): value '-43'; expected a value of 0" in message


def test_duplicate_key(workbook_copy):
    message = only(problems_of(workbook_copy, {("aset", "A3"): "Tanah"}))
    assert "sheet aset, row 3, column kategori (A): value 'Tanah'; duplicate key" in message
    assert "the same is on row 2" in message


def test_duplicate_key_with_blanks(workbook_copy):
    # A second pendapatan total: jenis, program, kegiatan and sub_kegiatan (blank, blank,
    # blank) repeat row 2. The seed has no sub_kegiatan column (optional), hence no letter.
    edit = {("anggaran", "A12"): "pendapatan", ("anggaran", "E12"): 1000}
    message = only(problems_of(workbook_copy, edit))
    assert "sheet anggaran, row 12, column jenis, program, kegiatan, sub_kegiatan (A, B, C" in message
    assert "('pendapatan', None, None, None)" in message and "the same is on row 2" in message


def test_unknown_category(workbook_copy):
    message = only(problems_of(workbook_copy, {("pegawai_pendidikan", "A2"): "SMA"}))
    assert message.endswith("sheet pegawai_pendidikan, row 2, column jenjang (A): value 'SMA'; "
                            "expected one of: S3, S2, S1, D-IV, D-III, D-II, D-I, SLTA, SLTP, SD")


def test_required_value_blank(workbook_copy):
    message = only(problems_of(workbook_copy, {("indikator", "D2"): None}))
    assert "sheet indikator, row 2, column indikator (D): value is blank; expected a value: " \
           "this column is required" in message


def test_required_profile_field_blank(workbook_copy):
    message = only(problems_of(workbook_copy, {("profil", "B2"): None}))
    assert "sheet profil, row 2, column nama_unit (B): value is blank; expected the field " \
           "nama_unit" in message


def test_unknown_indicator_code(workbook_copy):
    message = only(problems_of(workbook_copy, {("keluaran", "A3"): "IKU-9"}))
    assert "sheet keluaran, row 3, column kode_indikator (A): value 'IKU-9'; expected the " \
           "kode of an indicator on sheet indikator (IKU-1)" in message


def test_profile_year_must_match_the_folder(workbook_copy):
    message = only(problems_of(workbook_copy, year=2024))
    assert f"2024/lkip.xlsx, sheet profil, row {PROFIL_BARIS['tahun']}, column tahun (B): value " \
           "2023; expected 2024, the year of the folder" in message


def test_belanja_row_without_program(workbook_copy):
    message = only(problems_of(workbook_copy, {("anggaran", "B5"): None}))
    assert "sheet anggaran, row 5, column program (B): value is blank; expected the program " \
           "name: belanja rows need a program" in message


def test_formula_without_cached_value(workbook_copy):
    message = only(problems_of(workbook_copy, {("anggaran", "E4"): "=E5+E6"}))
    assert "sheet anggaran, row 4, column pagu (E): formula without a cached value: open and " \
           "save the file in Excel/LibreOffice" in message


def test_csv_renamed_to_xlsx(workbook_copy):
    path = workbook_copy()
    path.write_text("jenis;pagu\nbelanja;53.809.092.288\n")
    message = only(problems_of_path(path))
    assert "lkip.xlsx: expected an Excel workbook (.xlsx); this file is not one" in message


def test_corrupt_zip(workbook_copy):
    path = workbook_copy()
    path.write_bytes(path.read_bytes()[:2000])
    message = only(problems_of_path(path))
    assert "lkip.xlsx: expected an Excel workbook (.xlsx)" in message


def problems_of_path(path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_workbook_file(path)
    return [str(p) for p in info.value.problems]


def test_too_many_rows_are_refused(workbook_copy):
    def fill(wb):
        ws = wb["pegawai_bagian"]
        for i in range(MAX_DATA_ROWS + 1):
            ws.append([f"Bagian {i}", 1])

    message = only(problems_of(workbook_copy, fill))
    # the header is row 1, so the first data row past the limit is row MAX_DATA_ROWS + 2
    assert (f"sheet pegawai_bagian, row {MAX_DATA_ROWS + 2}: expected at most 10,000 rows "
            "of data") in message


def test_three_problems_at_once(workbook_copy):
    edit = {("anggaran", "E5"): "banyak", ("aset", "C3"): -1,
            ("pegawai_pendidikan", "A2"): "SMA"}
    lines = problems_of(workbook_copy, edit)
    assert len(lines) == 3
    assert any("sheet anggaran, row 5, column pagu (E)" in line for line in lines)
    assert any("sheet aset, row 3, column jumlah (C)" in line for line in lines)
    assert any("sheet pegawai_pendidikan, row 2, column jenjang (A)" in line for line in lines)


def test_data_error_lists_every_problem_one_per_line():
    problems = [Problem("a.xlsx", "aset", 3, "jumlah", -1, "expected a value of 0 or more", "C"),
                Problem("a.xlsx", None, None, None, NO_VALUE, "expected an Excel workbook")]
    text = str(DataError(problems))
    assert text.splitlines() == [
        "2 problems in a.xlsx:",
        "- a.xlsx, sheet aset, row 3, column jumlah (C): value -1; expected a value of 0 or more",
        "- a.xlsx: expected an Excel workbook",
    ]


def test_long_values_are_truncated():
    line = str(Problem("a.xlsx", "komitmen", 2, "uraian", "x" * 500, "expected text", "B"))
    assert len(line) < 150 and "…" in line


def test_cli_check_on_a_broken_copy(workbook_copy):
    workbook_copy({("anggaran", "E5"): "banyak", ("aset", "C3"): -1})
    result = CliRunner().invoke(main, ["check", UNIT, str(YEAR), "--data-dir",
                                       str(workbook_copy.data_dir)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2 problems in ") and lines[0].endswith("lkip.xlsx:")
    assert "sheet aset, row 3, column jumlah (C): value -1" in result.output


def test_cli_check_subprocess_has_no_traceback(workbook_copy):
    workbook_copy({("aset", "C3"): -1})
    done = subprocess.run([sys.executable, "-m", "lkip_helpers.cli", "check", UNIT, str(YEAR),
                           "--data-dir", str(workbook_copy.data_dir)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "column jumlah (C): value -1" in done.stdout


def test_cli_check_success_summary(workbook_copy):
    workbook_copy()
    result = CliRunner().invoke(main, ["check", "--data-dir", str(workbook_copy.data_dir)])
    assert result.exit_code == 0, result.output
    assert "Spending (belanja): pagu Rp53.809.092.288, realisation Rp47.214.705.470 (87,74%)" \
        in result.output
    assert "Revenue (pendapatan): pagu Rp484.635.653, realisation Rp339.237.581" in result.output
    assert "Assets: 8.418 items in 6 categories" in result.output
    assert "95 civil servants, 10 officials" in result.output


@pytest.mark.parametrize("args", [["../x", "2023"], ["biro-umum-ntt", "2023x"]])
def test_cli_check_refuses_bad_names(args):
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 2
    assert "not allowed" in result.output and "Traceback" not in result.output
