"""Render a selection of unit-years: the one entry point of ``lkip render`` and the benchmarks.

:func:`run` renders the unit-years with an executor (:mod:`lkip_helpers.executors`), each
through the pipeline of one unit-year (:mod:`lkip_helpers.pipeline`), writes the index
(:mod:`lkip_helpers.index`) and reports one line per unit-year and a summary. Which
unit-years: :mod:`lkip_helpers.selection`; printing: :mod:`lkip_helpers.printing`.

Memory: there is ONE PDF engine per ``lkip render``: a lone worker owns it, parallel workers
print through the parent's, so two browsers never hold a report each at the same time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable, Iterable

from .errors import OutputError
from .executors import DEFAULT_EXECUTOR, executors
from .i18n import Msg, _, ngettext
from .index import FACTS_FILE, write_index
from .pipeline import REVIU_NOTEBOOK, Options, Outcome
from .selection import RekapYear, UnitYear, find_chapters, rekap_years


def render_batch(items: Iterable[UnitYear], options: Options, jobs: int | None = None,
                 show_progress: bool | None = None,
                 executor: str = DEFAULT_EXECUTOR) -> list[Outcome]:
    """Render ``items`` with the executor called ``executor``; outcomes in ``items`` order.

    The progress bar counts chapters (plus the assembly step) of all unit-years; it shows on a
    terminal only unless ``show_progress`` says otherwise.
    """
    from tqdm import tqdm

    items = list(items)
    runner = executors.get(executor)()
    reviu = (Path(options.notebooks_dir) / REVIU_NOTEBOOK).is_file()  # run after the chapters
    steps = sum(len(find_chapters(options.notebooks_dir, item)) + 1
                + (reviu and isinstance(item, UnitYear)) for item in items)
    with tqdm(total=steps, unit="bab", desc="lkip render", leave=False,
              disable=None if show_progress is None else not show_progress) as bar:
        def progress(label: str, step: str) -> None:
            bar.set_postfix_str(label)
            bar.update()

        try:
            return runner.run(items, options, jobs, progress)
        except OSError as error:  # the output folder or its log cannot be written
            raise OutputError(Msg("cannot write to {folder}: {error}",
                                  folder=options.output_dir, error=error)) from error


def rekap_targets(items: Iterable[UnitYear], output_dir: Path) -> list[RekapYear]:
    """The roll-ups of the local governments and years of ``items``, as their rendered reports'
    ``facts.json`` name them (rendered now or before; a unit-year never rendered has none)."""
    facts = []
    for item in items:
        path = item.report_dir(output_dir) / FACTS_FILE
        try:
            facts.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return rekap_years(facts)


def run(items: list[UnitYear], options: Options, jobs: int | None, echo: Callable[[str], None],
        pdf_note: str = "", executor: str = DEFAULT_EXECUTOR, rekap: bool = False) -> int:
    """Render ``items``, write the index, print one line per unit-year and a summary.

    ``rekap``: then also the roll-up of each local government and year among ``items``
    (:class:`~lkip_helpers.selection.RekapYear`), from every workbook of the data folder.
    Returns the exit status: 0 when every unit-year (and roll-up) rendered, 1 otherwise.
    """
    start = time.monotonic()
    outcomes = render_batch(items, options, jobs, executor=executor)
    if rekap:
        targets = rekap_targets(items, options.output_dir)
        if targets:
            outcomes += render_batch(targets, options, jobs, executor=executor)
        else:
            echo(_("no roll-up: none of these unit-years has a rendered report naming its "
                   "local government"))
    try:
        index = write_index(options.output_dir, next((o.dibuat for o in outcomes if o.dibuat), None))
    except OSError as error:
        raise OutputError(Msg("cannot write the index in {folder}: {error}",
                              folder=options.output_dir, error=error)) from error
    for outcome in outcomes:
        echo(outcome.report())
    failed = [o for o in outcomes if not o.ok]
    summary = ngettext("{done} of {total} unit-year rendered in {seconds:.1f} s; index: {index}",
                       "{done} of {total} unit-years rendered in {seconds:.1f} s; index: {index}",
                       len(outcomes)).format(done=len(outcomes) - len(failed), total=len(outcomes),
                                             seconds=time.monotonic() - start, index=index)
    if failed:
        summary += "; " + _("{count} FAILED (details in their render.log)").format(count=len(failed))
    echo(summary)
    if pdf_note:
        echo(pdf_note)
    return 1 if failed else 0


__all__ = ["run", "render_batch"]
