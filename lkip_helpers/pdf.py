"""Print HTML files to A4 PDF through a registry of printing engines.

An engine is a :class:`PdfEngine`: a program (today a headless Chromium, see
:mod:`lkip_helpers.chromium`) found with :meth:`PdfEngine.find`, started by the constructor
and asked to :meth:`~PdfEngine.print_pdf` one HTML file after another on A4 with the footer
"Halaman N dari M", then stopped with :meth:`~PdfEngine.close` (or ``with``). Engines are
registered by name in :data:`pdf_engines` (papermill's ``engines.py`` is the model)::

    engine = pdf_engines.get(DEFAULT_ENGINE)
    with engine(engine.find()) as printer:
        printer.print_pdf(Path("laporan.html"), Path("laporan.pdf"), "LKIP 2023 · Biro Umum")

The page layout every engine prints (:data:`A4_INCHES`, :data:`MARGINS_INCHES`,
:func:`footer_template`) lives here, so reports look the same whatever prints them.

The Chromium engine's names (:class:`Chromium`, :class:`ChromiumError`, :data:`INSTALL_HINT`,
:func:`find_chromium`) are re-exported from :mod:`lkip_helpers.chromium`; they are loaded on
first use because that module builds on this one.
"""

from __future__ import annotations

import importlib
import os
import shutil
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from .errors import RenderError, UsageError
from .i18n import Msg

if TYPE_CHECKING:  # re-exported lazily, see __getattr__ at the end
    from .chromium import INSTALL_HINT, Chromium, ChromiumError, find_chromium

#: The engine ``lkip render`` prints with.
DEFAULT_ENGINE = "chromium"

# A4 in inches (the unit of Chromium's Page.printToPDF) and margins leaving room for the footer.
A4_INCHES = (8.26, 11.69)
MARGINS_INCHES = {"marginTop": 0.71, "marginBottom": 0.79, "marginLeft": 0.71, "marginRight": 0.71}


def footer_template(left: str) -> str:
    """The PDF footer: ``left`` (escaped) and "Halaman N dari M" (filled in by the engine)."""
    style = ("font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:8pt;color:#555;"
             "width:100%;margin:0 18mm;display:flex;justify-content:space-between;")
    return (f'<div style="{style}"><span>{escape(left)}</span>'
            '<span>Halaman <span class="pageNumber"></span> dari '
            '<span class="totalPages"></span></span></div>')


class PdfEngine:
    """A program that prints HTML files to A4 PDF; subclass it and register the subclass.

    Class attributes: ``name`` (the registry name), ``label`` (the program's name in
    messages), ``install_hint`` (how to get the program), ``env_var`` (an environment variable
    naming the program, or None), ``program_names`` (names tried on PATH) and ``error`` (the
    :class:`~lkip_helpers.errors.RenderError` subclass the engine raises).

    The constructor starts the program; :meth:`print_pdf` prints; :meth:`close` stops it.
    """

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    install_hint: ClassVar[Any] = ""
    env_var: ClassVar[str | None] = None
    program_names: ClassVar[tuple[str, ...]] = ()
    error: ClassVar[type[RenderError]] = RenderError
    #: True when :meth:`print_pdf` also takes ``draft`` and ``parts`` (see
    #: :meth:`lkip_helpers.chromium.Chromium.print_pdf`): the page-numbering pass then
    #: reprints the first pass's page, still loaded, with its lists replaced.
    in_place: ClassVar[bool] = False

    def __init__(self, executable: Path, log: TextIO | None = None) -> None:
        self.executable = Path(executable)
        self.log = log

    # -- finding the program -------------------------------------------------------------------
    @classmethod
    def find(cls, explicit: str | os.PathLike | None = None) -> Path | None:
        """The program to use: ``explicit``, else ``$env_var``, else :meth:`usual_places`.

        An explicit path (or the variable's) that is not an executable raises :attr:`error`;
        None when nothing is found in the usual places.
        """
        for given in (explicit, os.environ.get(cls.env_var) if cls.env_var else None):
            if given:
                found = shutil.which(os.fspath(given))
                if not found:
                    raise cls.error(Msg("{program} not found at {path}; {hint}",
                                        program=cls.label or cls.name, path=os.fspath(given),
                                        hint=cls.install_hint))
                return Path(found)
        for place in cls.usual_places():
            found = shutil.which(place)
            if found:
                return Path(found)
        return None

    @classmethod
    def usual_places(cls) -> list[str]:
        """Names tried on PATH and full paths where the program is usually installed."""
        return list(cls.program_names)

    # -- printing ------------------------------------------------------------------------------
    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "") -> None:
        """Print ``html_file`` to ``pdf_file`` on A4, ``footer`` left and "Halaman N dari M".

        The PDF should carry one bookmark per heading, and a named destination (PDF
        ``/Dests``, named after the element's id) for every element an in-page link points
        to: :mod:`lkip_helpers.pagination` reads the pages of the Daftar Isi's entries from
        them. An engine that writes none still prints; the lists then show no page numbers.
        """
        raise NotImplementedError

    def close(self) -> None:
        """Stop the program and remove what it left behind."""

    def __enter__(self) -> PdfEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PdfEngines:
    """The printing engines by name.

    ``register(name, engine)`` takes a :class:`PdfEngine` subclass or, so that an engine's
    module is imported only when it is used, its import path ``"package.module:Class"``.
    """

    def __init__(self) -> None:
        self._engines: dict[str, type[PdfEngine] | str] = {}

    def register(self, name: str, engine_class: type[PdfEngine] | str) -> None:
        """Make ``engine_class`` available as ``name`` (replacing an engine of that name)."""
        self._engines[name] = engine_class

    def get(self, name: str | None = None) -> type[PdfEngine]:
        """The engine class called ``name`` (default :data:`DEFAULT_ENGINE`).

        An unknown name raises :class:`~lkip_helpers.errors.UsageError` naming the known ones.
        """
        name = name or DEFAULT_ENGINE
        if name not in self._engines:
            raise UsageError(Msg("no PDF engine named {name}; known engines: {known}",
                                 name=name, known=", ".join(self.names())))
        engine = self._engines[name]
        if isinstance(engine, str):
            module, _, attribute = engine.partition(":")
            engine = getattr(importlib.import_module(module), attribute)
            self._engines[name] = engine
        return engine

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self._engines)


#: The registry ``lkip render`` takes its engine from.
pdf_engines = PdfEngines()
pdf_engines.register("chromium", "lkip_helpers.chromium:Chromium")

_FROM_CHROMIUM = ("Chromium", "ChromiumError", "INSTALL_HINT", "find_chromium")


def __getattr__(name: str) -> Any:
    """The Chromium engine's names, imported from :mod:`lkip_helpers.chromium` on first use.

    (An import at the top would be circular: that module subclasses :class:`PdfEngine`.)
    """
    if name in _FROM_CHROMIUM:
        from . import chromium

        return getattr(chromium, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["A4_INCHES", "DEFAULT_ENGINE", "INSTALL_HINT", "MARGINS_INCHES", "Chromium",
           "ChromiumError", "PdfEngine", "PdfEngines", "find_chromium", "footer_template",
           "pdf_engines"]
