"""LKIP workbook: the logic behind a Laporan Kinerja Instansi Pemerintah and its analysis.

Modules are named after domain concepts (``kinerja``, ``anggaran``, ``aset``, ``pegawai``,
``komitmen``) and mechanisms (``load``, ``format``, ``charts``, ``tables``, ``narrative``,
``render``). Domain terms are defined once in ``docs/glossary.md``.

An analyst starts with :func:`lkip_helpers.load.load_year` (one validated unit-year) and the
calculation functions, which return tidy pandas frames with numeric dtypes (see README.md).

Layers, lowest first; a module imports only from its own layer or the layers below it
(``tests/test_layers.py`` checks it from the imports):

1. foundation: config, errors, i18n, fingerprint
2. loading: schema, parse, model, load, workbook, template
3. calculations: hitung, dinyatakan, kinerja, anggaran, perencanaan, aset, pegawai, komitmen, ikhtisar, reviu, demo, rekap
4. presentation: format, labels, raster, tables, charts, narrative, dokumen, chapter
5. pipeline: execute, html_report, ekspor, docx_report, xlsx_report, pdf, chromium, printing, pagination, selection, lock, swap, stamp, interrupts, pipeline, executors, dask_executor, index, render, dataset
6. cli: cli
"""

__version__ = "0.1.0"
