"""The ``lkip`` command line: check, render and scaffold unit-year workbooks.

Data errors are printed as a list of problems and end with a non-zero exit, never with a
traceback. Heavy modules are imported inside the commands so that ``lkip --help`` is quick.
"""

from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    the data, unmet minimums, missing realisations ...). Findings are not data errors.

    Exit status: 0 valid (with --reviu: also when there are findings), 1 data problems,
    2 unit or year name not allowed.
    """
    from .config import DEFAULT_UNIT, DEFAULT_YEAR, InvalidName
    from .errors import DataError
    from .load import load_year

    try:
        lkip = load_year(unit or DEFAULT_UNIT, year or DEFAULT_YEAR, data_dir)
    except InvalidName as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
    except DataError as exc:
        click.echo(str(exc))
        raise SystemExit(1) from None
    click.echo(check_summary(lkip))
    if reviu:
        from .reviu import laporan_cli, periksa

        click.echo("")
        click.echo(laporan_cli(periksa(lkip), lkip.source))


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
    from .config import InvalidName
    from .template import TemplateExists, buat_template

    try:
        path = buat_template(unit, year, data_dir)
    except InvalidName as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
    except TemplateExists as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Wrote {path}\nFill it in (the note on each column header explains it), then "
               f"run: lkip check {unit} {year}")


def check_summary(lkip) -> str:
    """A few English lines on a valid workbook: sheets, budget totals, staff, assets."""
    from . import anggaran, aset, pegawai
    from .format import angka, persen, rupiah
    from .schema import SHEETS

    tables = [s.name for s in SHEETS if s.layout == "table"]
    filled = [f"{name} {len(lkip.table(name))}" for name in tables if len(lkip.table(name))]
    empty = [name for name in tables if not len(lkip.table(name))]
    budget = anggaran.ringkasan(lkip)
    lines = [f"OK: {lkip.source} ({lkip.profil['nama_unit']}, {lkip.year})",
             "Rows per sheet: " + ", ".join(filled)]
    if empty:
        lines.append("Empty or absent sheets: " + ", ".join(empty))
    for label, pos in (("Spending (belanja)", budget.belanja), ("Revenue (pendapatan)",
                                                                  budget.pendapatan)):
        if pos is not None:
            lines.append(f"{label}: pagu {rupiah(pos.pagu)}, realisation "
                         f"{rupiah(pos.realisasi)} ({persen(pos.serapan)})")
    lines.append(f"Staff: {angka(pegawai.jumlah_pegawai(lkip))} in the sections, "
                 f"{angka(pegawai.jumlah_pns(lkip))} civil servants, "
                 f"{angka(pegawai.jumlah_pejabat(lkip))} officials")
    lines.append(f"Assets: {angka(aset.rasio_aset(lkip).jumlah_aset)} items in "
                 f"{len(lkip.aset)} categories")
    lines += [f"Warning: {w}" for w in lkip.warnings]
    return "\n".join(lines)


@main.command()
@click.argument("units", required=False)
@click.argument("years", required=False)
@click.option("--all", "everything", is_flag=True, help="Every unit-year found under the data folder.")
@click.option("--format", "formats", type=click.Choice(["html", "pdf"]), multiple=True,
              help="Output format; repeat for both (default: html and pdf).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Unit-years rendered in parallel (default: number of CPU cores).")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Folder holding <unit>/<year>/lkip.xlsx (default: the project's data/).")
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Where reports go (default: the project's reports/).")
@click.option("--notebooks-dir", type=click.Path(file_okay=False), default=None,
              help="Chapter notebooks NN_slug.ipynb (default: the project's notebooks/).")
@click.option("--chromium", type=click.Path(dir_okay=False), default=None, envvar="LKIP_CHROMIUM",
              help="Chromium executable for the PDF (default: found on PATH; env LKIP_CHROMIUM).")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds a notebook cell may run before it is stopped.")
def render(units, years, everything, formats, jobs, data_dir, output_dir, notebooks_dir,
           chromium, timeout) -> None:
    """Render reports of UNITS (comma list) for YEARS (2023, 2021,2023 or 2021-2023).

    Default: the embedded unit-year. A unit without years renders every year found under the
    data folder. Writes reports/<unit>/<year>/ (HTML, PDF, executed notebooks, render.log) and
    reports/index.html. Exit status: 0 all rendered, 1 some failed, 2 bad names or options.
    """
    from pathlib import Path

    from . import config, render as rendering
    from .pdf import ChromiumError

    formats = formats or rendering.FORMATS
    try:
        items = rendering.select(units, years, everything, Path(data_dir or config.DATA_DIR))
        executable, note = rendering.resolve_chromium(formats, chromium)
    except (config.InvalidName, ChromiumError) as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
    if formats == ("pdf",) and executable is None:
        click.echo(f"Error: {note}", err=True)
        raise SystemExit(2)
    options = rendering.Options(
        data_dir=Path(data_dir or config.DATA_DIR),
        notebooks_dir=Path(notebooks_dir or config.NOTEBOOKS_DIR),
        output_dir=Path(output_dir or config.REPORTS_DIR),
        formats=tuple(formats), timeout=timeout, chromium=executable)
    raise SystemExit(rendering.run(items, options, jobs, click.echo, note))


if __name__ == "__main__":  # pragma: no cover
    main()
