"""The ``lkip`` command line: check, render and scaffold unit-year workbooks.

Errors are mapped to messages and exit codes in ONE place, :class:`LkipGroup`: every error a
user can cause is an :class:`~lkip_helpers.errors.LkipError`, whose class gives the exit status
(data problems are printed as their list of problems, never with a traceback). Heavy modules
are imported inside the commands so that ``lkip --help`` is quick.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import click

from . import __version__
from .errors import DataError, Interrupted, LkipError
from .i18n import Msg, _


def _user_error(error: Exception) -> tuple[int, str] | None:
    """Exit code and message of an error the user can fix; None for anything else (a bug)."""
    if isinstance(error, LkipError):
        return error.exit_code, error.message()
    return None


class LkipGroup(click.Group):
    """The ``lkip`` group: maps every user error of every command to its message and exit code.

    A :class:`~lkip_helpers.errors.DataError` prints its problems on stdout (they are the
    command's answer); any other error prints ``Error: ...`` on stderr. No traceback. A Ctrl-C
    is one line too, with exit status 130 (:class:`~lkip_helpers.errors.Interrupted`); what
    was being written has been removed by the ``finally`` blocks it unwound.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C (or, in lkip render, a SIGTERM): cleaned up by now
            error = Interrupted()
            click.echo(_("Error: {message}").format(message=error.message()), err=True)
            ctx.exit(error.exit_code)
        except Exception as error:  # noqa: BLE001 - anything not a user error is re-raised
            known = _user_error(error)
            if known is None:
                raise
            code, message = known
            if isinstance(error, DataError):
                click.echo(message)
            else:
                click.echo(_("Error: {message}").format(message=message), err=True)
            ctx.exit(code)


class RegistryChoice(click.Choice):
    """A choice among the names of a registry, read only when the option is used or shown
    (so that ``lkip --help`` need not import the registry)."""

    def __init__(self, names: Callable[[], Sequence[str]]) -> None:
        self._names = names
        super().__init__([], case_sensitive=True)

    @property
    def choices(self) -> Sequence[str]:
        return tuple(self._names())

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # always read from the registry


def _executor_names() -> list[str]:
    from .executors import executors

    return executors.names()


def _pdf_engine_names() -> list[str]:
    from .printing import pdf_engine_names

    return pdf_engine_names()


@click.group(cls=LkipGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkip")
def main() -> None:
    """LKIP workbook: turn a unit's year of spreadsheets into its LKIP analysis chapters."""


@main.command()
@click.argument("unit", required=False)
@click.argument("year", required=False)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding <unit>/<year>/lkip.xlsx (default: the project's data/).")
@click.option("--reviu", is_flag=True,
              help="Also recompute every stated figure and list the findings by severity.")
def check(unit: str | None, year: str | None, data_dir: str | None, reviu: bool) -> None:
    """Validate data/UNIT/YEAR/lkip.xlsx and list every problem (default: the embedded unit-year).

    With --reviu, the findings of lkip_helpers.reviu follow (stated figures that disagree with
    the data, unmet minimums, missing realisations, earlier years restated otherwise than
    their own workbooks under the same unit folder record them ...). Findings are not data
    errors.

    Exit status: 0 valid (with --reviu: also when there are findings), 1 data problems,
    2 unit or year name not allowed.
    """
    from .config import DEFAULT_UNIT, DEFAULT_YEAR
    from .load import load_year

    lkip = load_year(unit or DEFAULT_UNIT, year or DEFAULT_YEAR, data_dir)
    click.echo(check_summary(lkip))
    if reviu:
        from .narrative import laporan_reviu
        from .reviu import muat_tahun_lain, periksa

        click.echo("")
        click.echo(laporan_reviu(periksa(lkip, muat_tahun_lain(lkip)), lkip.source))


@main.command()
@click.argument("unit")
@click.argument("year")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Folder to hold <unit>/<year>/lkip.xlsx (default: the project's data/).")
def template(unit: str, year: str, data_dir: str | None) -> None:
    """Start a new unit-year: write a blank data/UNIT/YEAR/lkip.xlsx to fill in.

    Every sheet and column of the schema, with an Indonesian note on each column header and
    dropdowns for choice columns; profil.tahun is filled in. An existing workbook is never
    overwritten. Exit status: 0 written, 1 a workbook already exists, 2 name not allowed.
    """
    from .template import buat_template

    import shlex

    path = buat_template(unit, year, data_dir)
    command = ["lkip", "check", unit, year] + (["--data-dir", data_dir] if data_dir else [])
    click.echo(_("Wrote {path}").format(path=path))
    click.echo(_("Fill it in (the note on each column header explains it), then run: "
                 "{command}").format(command=shlex.join(command)))


@main.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--units", type=click.IntRange(min=1), default=None,
              help="How many units (the first of the demo's list of 40; default 36).")
@click.option("--years", default=None,
              help="Years: 2024, 2022,2024 or a range 2021-2024 (default 2021-2024).")
@click.option("--seed", type=int, default=None,
              help="Seed of every generated value (default 2024): the same seed writes the "
                   "same data.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Workbooks written in parallel (default: number of CPU cores).")
@click.option("--force", is_flag=True,
              help="Write over a demo written into FOLDER before (only its own unchanged "
                   "workbooks are replaced; any other workbook stops the command).")
def demo(folder: str, units: int | None, years: str | None, seed: int | None,
         jobs: int | None, force: bool) -> None:
    """Write a demo province into FOLDER: fictional units over several years, one workbook each.

    The Provinsi Contoh Nusantara does not exist; every value is generated from the seed and
    every report made from it says it is demo data. A few workbooks hold problems on purpose
    (README.md, "Demo province"). FOLDER must be new or hold no workbook (see --force).
    Exit status: 0 written, 1 the folder holds workbooks, 2 bad options.
    """
    import shlex

    from . import demo as demo_module
    from .selection import parse_years

    hasil = demo_module.buat_demo(
        folder, units=units or demo_module.DEFAULT_UNITS,
        tahun=parse_years(years) if years else demo_module.DEFAULT_YEARS,
        seed=demo_module.DEFAULT_SEED if seed is None else seed, force=force, jobs=jobs)
    for line in demo_module.ringkasan(hasil):
        click.echo(line)
    command = ["lkip", "render", "--all", "--rekap", "--data-dir", folder]
    click.echo(_("Next: {command}").format(command=shlex.join(command)))


def check_summary(lkip) -> str:
    """A few lines on a valid workbook (in the user's language): sheets, headline figures.

    The figures are the headline figures of :func:`lkip_helpers.ikhtisar.angka_utama`, the
    same the report's summary, cover and index show.
    """
    from .format import angka, persen, rupiah
    from .ikhtisar import angka_utama
    from .schema import SHEETS

    a = angka_utama(lkip)
    tables = [s.name for s in SHEETS if s.layout == "table"]
    filled = [f"{name} {len(lkip.table(name))}" for name in tables if len(lkip.table(name))]
    empty = [name for name in tables if not len(lkip.table(name))]
    lines = [_("OK: {source} ({unit}, {year})").format(source=lkip.source, unit=a.nama_unit,
                                                        year=lkip.year),
             _("Rows per sheet: {sheets}").format(sheets=", ".join(filled))]
    if empty:
        lines.append(_("Empty or absent sheets: {sheets}").format(sheets=", ".join(empty)))
    lines.append(_("Performance: {capaian} ({kategori}) over {n} indicator(s)").format(
        capaian=persen(a.capaian), kategori=a.kategori or "–", n=a.jumlah_indikator))
    for label, pos in ((_("Spending (belanja)"), a.anggaran.belanja),
                       (_("Revenue (pendapatan)"), a.anggaran.pendapatan)):
        if pos is not None:
            lines.append(_("{label}: pagu {pagu}, realisation {realisasi} ({serapan})").format(
                label=label, pagu=rupiah(pos.pagu), realisasi=rupiah(pos.realisasi),
                serapan=persen(pos.serapan)))
    if any(n is not None for n in (a.jumlah_pegawai, a.jumlah_pns, a.jumlah_pejabat)):
        lines.append(_("Staff: {pegawai} in the sections, {pns} civil servants, {pejabat} "
                       "officials").format(pegawai=angka(a.jumlah_pegawai),
                                           pns=angka(a.jumlah_pns),
                                           pejabat=angka(a.jumlah_pejabat)))
    if a.jumlah_aset is not None:
        lines.append(_("Assets: {n} items in {k} categories").format(
            n=angka(a.jumlah_aset), k=len(lkip.aset)))
    lines += [_("Warning: {warning}").format(warning=w) for w in lkip.warnings]
    return "\n".join(lines)


@main.command()
@click.argument("units", required=False)
@click.argument("years", required=False)
@click.option("--all", "everything", is_flag=True, help="Every unit-year found under the data folder.")
@click.option("--format", "formats", type=click.Choice(["html", "pdf", "docx", "xlsx"]),
              multiple=True,
              help="Output format; repeat for several (default: all four). docx: the report "
                   "as a Word document; xlsx: every table, one sheet each.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Unit-years rendered in parallel (default: number of CPU cores).")
@click.option("--executor", type=RegistryChoice(_executor_names), default="local",
              show_default=True,
              help="How unit-years are shared out: local (parallel processes), serial, or dask "
                   "(a Dask cluster: a local one of --jobs workers, or the one at --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --executor dask: the scheduler of a running Dask cluster, e.g. "
                   "tcp://host:8786 (default: start a local cluster for the batch).")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding <unit>/<year>/lkip.xlsx (default: the project's data/).")
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Where reports go (default: the project's reports/).")
@click.option("--notebooks-dir", type=click.Path(file_okay=False), default=None,
              help="Chapter notebooks NN_slug.ipynb (default: the project's notebooks/).")
@click.option("--pdf-engine", type=RegistryChoice(_pdf_engine_names), default="chromium",
              show_default=True, help="What prints the PDF.")
@click.option("--chromium", type=click.Path(dir_okay=False), default=None, envvar="LKIP_CHROMIUM",
              help="Chromium executable for the PDF (default: found on PATH; env LKIP_CHROMIUM).")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds a notebook cell may run before it is stopped.")
@click.option("--include-reviu", is_flag=True,
              help="Append the reviu (the unit's checklist) to the report as its last chapter, "
                   "instead of writing it to its own internal page <unit>-<year>-reviu.html.")
@click.option("--rekap", is_flag=True,
              help="Also render the roll-up of each local government and year among these "
                   "unit-years (units ranked, below their minimums, totals, trends across the "
                   "years of the data folder) into reports/rekap/<local-government>/<year>/.")
@click.option("--force", is_flag=True,
              help="Render even the unit-years whose report was made from the same workbooks, "
                   "notebooks, package and options (those are skipped otherwise).")
@click.pass_context
def render(ctx, units, years, everything, formats, jobs, executor, scheduler, data_dir,
           output_dir, notebooks_dir, pdf_engine, chromium, timeout, include_reviu, rekap,
           force) -> None:
    """Render reports of UNITS (comma list) for YEARS (2023, 2021,2023 or 2021-2023).

    Default: the embedded unit-year. A unit without years renders every year found under the
    data folder. Writes reports/<unit>/<year>/ (HTML, PDF, Word, Excel, the internal reviu
    page, executed notebooks, render.log) and reports/index.html; with --rekap also the
    roll-ups reports/rekap/<local-government>/<year>/, linked from the index. A unit-year whose
    report is current (same workbooks, notebooks, package and options) is skipped: "unchanged".
    Exit status: 0 all rendered or unchanged, 1 some failed (or busy: rendered by another
    lkip render), 2 bad names or options or no workbook at all, 130 interrupted.
    """
    from pathlib import Path

    from . import config
    from .errors import UsageError
    from .interrupts import terminate_as_interrupt
    from .executors import executors
    from .pipeline import FORMATS, Options
    from .printing import resolve_pdf
    from .render import run
    from .selection import select

    runner = executors.create(executor, scheduler)
    formats = tuple(formats or FORMATS)
    items = select(units, years, everything, Path(data_dir or config.DATA_DIR))
    executable, note = resolve_pdf(formats, pdf_engine, chromium)
    if formats == ("pdf",) and executable is None:
        raise UsageError(note)
    options = Options(
        data_dir=Path(data_dir or config.DATA_DIR),
        notebooks_dir=Path(notebooks_dir or config.NOTEBOOKS_DIR),
        output_dir=Path(output_dir or config.REPORTS_DIR),
        formats=formats, timeout=timeout, pdf_engine=pdf_engine, pdf_executable=executable,
        include_reviu=include_reviu)
    with terminate_as_interrupt():  # `kill PID` cleans up as Ctrl-C does
        status = run(items, options, jobs, click.echo, note, runner, force=force, rekap=rekap)
    ctx.exit(status)


@main.command()
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding <unit>/<year>/lkip.xlsx (default: the project's data/).")
@click.option("--output", type=click.Path(file_okay=False), default=None,
              help="Folder to write to (default: the project's reports/dataset/).")
@click.option("--format", "formats", type=click.Choice(["parquet", "xlsx"]), multiple=True,
              help="parquet: one file per frame; xlsx: one workbook, one sheet per frame. "
                   "Repeat for both (default: parquet).")
@click.option("--no-cache", is_flag=True,
              help="Load every workbook again, neither reading nor writing the cache.")
@click.pass_context
def dataset(ctx, data_dir, output, formats, no_cache) -> None:
    """Load every unit-year under the data folder into one tidy dataset and write it.

    One frame per kind (ringkasan, indikator, anggaran, keluaran, aset, pegawai, komitmen,
    temuan), every row with its local government, unit and year; the workbooks that fail
    validation are listed (one line each) and left out, in the table dilewati too. A cache
    beside the data folder (.lkip-cache/) makes a second load fast. Exit status: 0 every
    workbook loaded, 1 some left out (the dataset is written without them), 2 no workbook.
    """
    from pathlib import Path

    from . import config
    from .dataset import muat_dataset
    from .errors import OutputError, UsageError
    from .i18n import Msg
    from .selection import available

    folder = Path(data_dir) if data_dir else config.DATA_DIR
    if not available(folder):
        raise UsageError(Msg("no workbook <unit>/<year>/{workbook} under {folder}",
                             workbook=config.WORKBOOK_NAME, folder=folder))
    ds = muat_dataset(folder, cache=not no_cache)
    click.echo(ds.laporan())
    out = Path(output) if output else config.REPORTS_DIR / "dataset"
    try:
        for fmt in dict.fromkeys(formats or ("parquet",)):
            if fmt == "parquet":
                paths = ds.simpan_parquet(out)
                click.echo(_("Wrote {n} Parquet files to {folder}").format(n=len(paths),
                                                                           folder=out))
            else:
                click.echo(_("Wrote {path}").format(path=ds.simpan_excel(out / "lkip-dataset.xlsx")))
    except OSError as error:
        raise OutputError(Msg("cannot write to {folder}: {error}", folder=out, error=error))
    ctx.exit(1 if ds.dilewati else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
