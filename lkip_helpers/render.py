"""Render a selection of unit-years: the one entry point of ``lkip render`` and the benchmarks.

:func:`run` renders the unit-years with an executor (:mod:`lkip_helpers.executors`), each
through the pipeline of one unit-year (:mod:`lkip_helpers.pipeline`), writes the index
(:mod:`lkip_helpers.index`) and reports one line per unit-year and a summary. Which
unit-years: :mod:`lkip_helpers.selection`; printing: :mod:`lkip_helpers.printing`.

Before anything is rendered, :func:`run` sweeps what stopped runs left in the output folder
(:func:`lkip_helpers.swap.sweep_all`), and leaves out, without starting a kernel or a browser:
a unit-year without workbook (no folder is made; none at all: :class:`~lkip_helpers.errors.NotFound`),
one whose report was made from the same inputs (its stamp, :mod:`lkip_helpers.stamp`; unless
``force``), and one another ``lkip render`` is rendering right now (its lock).

Memory: there is ONE PDF engine per ``lkip render``: a lone worker owns it, parallel workers
print through the parent's, so two browsers never hold a report each at the same time.
"""

from __future__ import annotations

import difflib
import json
import time
from pathlib import Path
from typing import Callable, Iterable

from . import swap
from .errors import LkipError, NotFound, OutputError
from .executors import DEFAULT_EXECUTOR, Executor, executors
from .i18n import Msg, _, ngettext
from .index import FACTS_FILE, INDEX_FILE, write_index
from .lock import is_busy
from .pipeline import (REVIU_NOTEBOOK, REVIU_SUFFIX, Options, Outcome, missing_workbook,
                       report_stamp, workbook_of)
from .selection import RekapYear, UnitYear, available, find_chapters, rekap_years
from .stamp import is_current


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


def _not_found(missing: list[UnitYear], data_dir: Path) -> NotFound:
    """No workbook for any unit-year asked for: say which, and the nearest unit name there."""
    units = sorted({item.unit for item in available(data_dir)})
    close = difflib.get_close_matches(missing[0].unit, units, n=1)
    if close:
        hint = Msg("did you mean {unit}?", unit=close[0])
    elif units:
        hint = Msg("units there: {units}", units=", ".join(units))
    else:
        hint = Msg("the folder holds no workbook")
    return NotFound(Msg("no workbook for {items} ({path}); {hint}",
                        items=", ".join(map(str, missing)),
                        path=workbook_of(missing[0], data_dir), hint=hint))


def _left_out(item: UnitYear | RekapYear, options: Options, force: bool) -> Outcome | None:
    """The outcome of ``item`` when it is not to be rendered (no workbook, unchanged, busy)."""
    workbook = missing_workbook(item, options.data_dir)
    if workbook is not None:
        return Outcome(item, problems=[_("no workbook at {path}").format(path=workbook)])
    try:
        final = item.report_dir(options.output_dir)
    except LkipError as error:  # a unit folder linked to outside the output folder
        return Outcome(item, problems=[error.message()])
    if not force and is_current(final, report_stamp(item, options)):
        return Outcome(item, unchanged=True, files=sorted(
            [*final.glob(f"{item.stem}.*"), *final.glob(f"{item.stem}{REVIU_SUFFIX}.html")]))
    busy = is_busy(final)
    return Outcome(item, problems=[busy.message()]) if busy else None


def _render_current(items: list, options: Options, jobs: int | None,
                    executor: str | Executor, force: bool) -> list[Outcome]:
    """Render those of ``items`` that are not left out (:func:`_left_out`); outcomes in order."""
    outcomes = {item: _left_out(item, options, force) for item in items}
    todo = [item for item, outcome in outcomes.items() if outcome is None]
    if todo:
        outcomes.update((o.item, o) for o in render_batch(todo, options, jobs, executor=executor))
    return [outcomes[item] for item in items]


def run(items: list[UnitYear], options: Options, jobs: int | None, echo: Callable[[str], None],
        pdf_note: str = "", executor: str | Executor = DEFAULT_EXECUTOR, force: bool = False,
        rekap: bool = False) -> int:
    """Render ``items``, write the index, print one line per unit-year and a summary.

    Unit-years whose report is current are skipped unless ``force``. ``rekap``: then also the
    roll-up of each local government and year among ``items``
    (:class:`~lkip_helpers.selection.RekapYear`, from every workbook of the data folder; skipped
    the same way while none of them changed). Returns the exit status: 0 when every unit-year
    (and roll-up) rendered or was current, 1 otherwise. No workbook for any of ``items``:
    :class:`~lkip_helpers.errors.NotFound`, and nothing is written.
    """
    start = time.monotonic()
    missing = [item for item in items if missing_workbook(item, options.data_dir)]
    if items and len(missing) == len(items):
        raise _not_found(missing, Path(options.data_dir))
    swap.sweep_all(options.output_dir)
    outcomes = _render_current(items, options, jobs, executor, force)
    if rekap:
        targets = rekap_targets(items, options.output_dir)
        if not targets:
            echo(_("no roll-up: none of these unit-years has a rendered report naming its "
                   "local government"))
        # On this machine whatever the executor: a roll-up reads the whole data folder.
        outcomes += _render_current(targets, options, jobs, DEFAULT_EXECUTOR, force)
    index = Path(options.output_dir) / INDEX_FILE
    if any(o.ok and not o.unchanged for o in outcomes) or not index.exists():
        # Rebuilt from every report folder's facts: the unchanged ones are listed too. When
        # no report changed (nothing rendered, or only failures), neither did the index.
        try:
            write_index(options.output_dir, next((o.dibuat for o in outcomes if o.dibuat), None))
        except OSError as error:
            raise OutputError(Msg("cannot write the index in {folder}: {error}",
                                  folder=options.output_dir,
                                  error=error.strerror or error)) from error
    for outcome in outcomes:
        echo(outcome.report())
    failed = [o for o in outcomes if not o.ok]
    unchanged = sum(o.unchanged for o in outcomes)
    summary = ngettext("{done} of {total} unit-year rendered in {seconds:.1f} s; index: {index}",
                       "{done} of {total} unit-years rendered in {seconds:.1f} s; index: {index}",
                       len(outcomes)).format(done=len(outcomes) - len(failed) - unchanged,
                                             total=len(outcomes),
                                             seconds=time.monotonic() - start, index=index)
    if unchanged:
        summary += "; " + _("{count} unchanged").format(count=unchanged)
    if failed:
        summary += "; " + _("{count} FAILED (details in their render.log)").format(count=len(failed))
    echo(summary)
    if pdf_note:
        echo(pdf_note)
    return 1 if failed else 0


__all__ = ["run", "render_batch"]
