"""Property tests (hypothesis): broken cells never crash the loader; amounts are exact.

Deterministic (``derandomize=True``) and small (``max_examples``), so CI runs the same
examples every time in a few seconds each.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from builders import lkip_year
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_helpers import anggaran, reviu
from lkip_helpers.errors import DataError
from lkip_helpers.format import persen
from lkip_helpers.hitung import bulatkan_persen
from lkip_helpers.load import load_workbook_file
from lkip_helpers.model import LkipYear

SEED = Path(__file__).resolve().parent.parent / "data" / "biro-umum-ntt" / "2023" / "lkip.xlsx"
FAST = settings(max_examples=50, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _data_cells() -> list[tuple[str, int, int]]:
    """(sheet, row, column) of every data cell of the embedded workbook (profil: values)."""
    wb = openpyxl.load_workbook(SEED, read_only=True)
    cells = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        width = 2 if ws.title == "profil" else sum(v is not None for v in rows[0])
        first_col = 2 if ws.title == "profil" else 1
        for r, row in enumerate(rows[1:], start=2):
            if any(v is not None for v in row):
                cells += [(ws.title, r, c) for c in range(first_col, width + 1)]
    wb.close()
    return cells


DATA_CELLS = _data_cells()

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
#: Values of every type a spreadsheet cell can hold, biased towards the troublesome ones.
VALUES = st.one_of(
    st.none(), _TEXT, st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20), st.sampled_from([2**63, 10**20, 1e300]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["-", "–", "NA", "1.234,5", "1,234.5", "Rp 1.000,-", "87,74%", "100 % (x)",
                     "=1+1", "=SUM(A1:A3)", "'=x", "27 Februari 2024", "31/02/2024", "III/e",
                     "maksimal", "IKU-9", "<script>alert(1)</script>", "   ", "9" * 40]),
)


@pytest.fixture(scope="module")
def pristine():
    """The embedded workbook without the formatted empty rows below the data (faster I/O)."""
    wb = openpyxl.load_workbook(SEED)
    last = {}
    for sheet, row, _ in DATA_CELLS:
        last[sheet] = max(last.get(sheet, 1), row)
    for ws in wb.worksheets:
        if ws.max_row > last.get(ws.title, 1):
            ws.delete_rows(last.get(ws.title, 1) + 1, ws.max_row)
    return wb


_counter = itertools.count()


@FAST
@given(edits=st.lists(st.tuples(st.sampled_from(DATA_CELLS), VALUES), min_size=1, max_size=4))
def test_broken_cells_give_a_valid_load_or_located_problems(pristine, tmp_path_factory, edits):
    wb = pristine
    saved = {(s, r, c): wb[s].cell(row=r, column=c).value for (s, r, c), _ in edits}
    for (sheet, row, col), value in edits:
        wb[sheet].cell(row=row, column=col, value=value)
    path = tmp_path_factory.mktemp(f"p{next(_counter)}") / "biro-umum-ntt" / "2023" / "lkip.xlsx"
    path.parent.mkdir(parents=True)
    try:
        wb.save(path)
    finally:
        for (sheet, row, col), value in saved.items():
            wb[sheet].cell(row=row, column=col, value=value)
    try:
        lkip = load_workbook_file(path)
    except DataError as error:
        for problem in error.problems:
            assert problem.sheet and problem.row is not None and problem.column, str(problem)
    else:
        assert isinstance(lkip, LkipYear)
        reviu.periksa(lkip)  # a valid workbook always has a reviu


# --------------------------------------------------------------------------- exact amounts


def rule(exact: Fraction) -> Decimal:
    """THE rounding rule on an exact Fraction (independent of lkip_helpers.format): half-up to
    2 decimals; not exactly 100 never shows 100,00; above 0 never shows 0,00."""
    hundredths = (exact * 100 + Fraction(1, 2)).__floor__()
    if hundredths == 10_000 and exact != 100:
        hundredths = 9_999 if exact < 100 else 10_001
    if hundredths == 0 and exact > 0:
        hundredths = 1
    return Decimal(hundredths).scaleb(-2)


RUPIAH = st.integers(min_value=0, max_value=10**15)


def _belanja(pagu: list[int], realisasi: list[int], total: tuple[int, int] | None) -> LkipYear:
    rows = [{"jenis": "belanja", "program": "Program Uji", "kegiatan": f"Kegiatan {i}",
             "pagu": p, "realisasi": r} for i, (p, r) in enumerate(zip(pagu, realisasi))]
    if total is not None:
        rows.insert(0, {"jenis": "belanja", "program": "Program Uji", "pagu": total[0],
                        "realisasi": total[1]})
    return lkip_year(anggaran=rows)


@FAST
@given(amounts=st.lists(st.tuples(st.integers(min_value=1, max_value=10**15), RUPIAH),
                        min_size=1, max_size=12))
def test_budget_totals_are_pythons_integer_sums(amounts):
    pagu, realisasi = [p for p, _ in amounts], [r for _, r in amounts]
    belanja = anggaran.ringkasan(_belanja(pagu, realisasi, None)).belanja
    assert (belanja.pagu, belanja.realisasi) == (sum(pagu), sum(realisasi))
    assert belanja.sisa == sum(pagu) - sum(realisasi)
    assert bulatkan_persen(belanja.serapan) == rule(Fraction(sum(realisasi) * 100, sum(pagu)))


@FAST
@given(amounts=st.lists(st.tuples(st.integers(min_value=1, max_value=10**15), RUPIAH),
                        min_size=1, max_size=8),
       off_by=st.integers(min_value=-2, max_value=2))
def test_reviu_flags_a_program_total_iff_it_is_not_the_exact_sum(amounts, off_by):
    pagu, realisasi = [p for p, _ in amounts], [r for _, r in amounts]
    stated = (sum(pagu) + off_by, sum(realisasi))
    found = [t for t in reviu.periksa(_belanja(pagu, realisasi, stated))
             if t.kode == "jumlah_kegiatan"]
    assert [(t.kolom, t.dinyatakan, t.dihitung) for t in found] == (
        [("pagu", sum(pagu) + off_by, sum(pagu))] if off_by else [])


@FAST
@given(pagu=st.integers(min_value=1, max_value=10**14), data=st.data())
def test_absorption_equals_the_exact_fraction_rounded_by_the_rule(pagu, data):
    realisasi = data.draw(st.integers(min_value=0, max_value=2 * pagu))
    nilai = anggaran.serapan(pagu, realisasi)
    assert bulatkan_persen(nilai) == rule(Fraction(realisasi * 100, pagu))
    assert reviu.berbeda(rule(Fraction(realisasi * 100, pagu)), nilai) is False


def _teks(x: Decimal) -> str:
    """The oracle's figure written the Indonesian way ("1.234,50")."""
    whole, frac = f"{x:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


#: A budget line: pagu, and a realisation of at most twice the pagu.
LINE = st.integers(min_value=1, max_value=10**15).flatmap(
    lambda p: st.tuples(st.just(p), st.integers(min_value=0, max_value=2 * p)))


@FAST
@given(amounts=st.lists(LINE, min_size=1, max_size=6))
def test_budget_frame_shows_each_line_as_the_exact_fraction_rounded_by_the_rule(amounts):
    """The Float64 serapan of tabel_anggaran, shown by format.persen, is the exact rule.

    (Realisations far above the pagu give percentages a float cannot hold: test_hitung.)
    """
    pagu, realisasi = [p for p, _ in amounts], [r for _, r in amounts]
    df = anggaran.tabel_anggaran(_belanja(pagu, realisasi, None))
    df = df[~df[anggaran.K_DITAMBAHKAN]]  # without the program subtotal no line states
    assert str(df[anggaran.K_SERAPAN].dtype) == "Float64"
    assert df[anggaran.K_PAGU].tolist() == pagu and df[anggaran.K_REALISASI].tolist() == realisasi
    assert [persen(x, simbol=False) for x in df[anggaran.K_SERAPAN]] == [
        _teks(rule(Fraction(r * 100, p))) for p, r in amounts]


def test_rule_oracle_matches_the_documented_examples():
    assert rule(Fraction(37_876_900 * 100, 37_877_900)) == Decimal("99.99")
    assert rule(Fraction(339_237_581 * 100, 484_635_653)) == Decimal("70.00")
    assert rule(Fraction(47_214_705_470 * 100, 53_809_092_288)) == Decimal("87.74")
    assert rule(Fraction(1, 10**9)) == Decimal("0.01") and rule(Fraction(100)) == Decimal("100")
