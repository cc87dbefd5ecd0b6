"""Render a selection of unit-years: the one entry point of ``lkip render`` and the benchmarks.

:func:`run` renders the unit-years with an executor (:mod:`lkip_helpers.executors`), each
through the pipeline of one unit-year (:mod:`lkip_helpers.pipeline`), writes the index
(:mod:`lkip_helpers.index`) and reports one line per unit-year and a summary. Which
unit-years: :mod:`lkip_helpers.selection`; printing: :mod:`lkip_helpers.printing`.

Memory: there is ONE PDF engine per ``lkip render``: a lone worker owns it, parallel workers
print through the parent's, so two browsers never hold a report each at the same time.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable

from .errors import OutputError
from .executors import DEFAULT_EXECUTOR, Executor, executors
from .i18n import Msg, _, ngettext
from .index import write_index
from .pipeline import REVIU_NOTEBOOK, Options, Outcome
from .selection import UnitYear, find_chapters


def render_batch(items: Iterable[UnitYear], options: Options, jobs: int | None = None,
                 show_progress: bool | None = None,
                 executor: str | Executor = DEFAULT_EXECUTOR) -> list[Outcome]:
    """Render ``items`` with ``executor`` (or the one of that name); outcomes in ``items`` order.

    The progress bar counts chapters (plus the assembly step) of all unit-years; it shows on a
    terminal only unless ``show_progress`` says otherwise.
    """
    from tqdm import tqdm

    items = list(items)
    runner = executors.create(executor) if isinstance(executor, str) else executor
    reviu = (Path(options.notebooks_dir) / REVIU_NOTEBOOK).is_file()  # run after the chapters
    steps = len(find_chapters(options.notebooks_dir)) + reviu + 1
    with tqdm(total=len(items) * steps, unit="bab", desc="lkip render", leave=False,
              disable=None if show_progress is None else not show_progress) as bar:
        def progress(label: str, step: str) -> None:
            bar.set_postfix_str(label)
            bar.update()

        try:
            return runner.run(items, options, jobs, progress)
        except OSError as error:  # the output folder or its log cannot be written
            raise OutputError(Msg("cannot write to {folder}: {error}",
                                  folder=options.output_dir, error=error)) from error


def run(items: list[UnitYear], options: Options, jobs: int | None, echo: Callable[[str], None],
        pdf_note: str = "", executor: str | Executor = DEFAULT_EXECUTOR) -> int:
    """Render ``items``, write the index, print one line per unit-year and a summary.

    Returns the exit status: 0 when every unit-year rendered, 1 otherwise.
    """
    start = time.monotonic()
    outcomes = render_batch(items, options, jobs, executor=executor)
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
