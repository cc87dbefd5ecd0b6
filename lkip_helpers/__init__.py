"""LKIP workbook: the logic behind the analysis chapters of a Laporan Kinerja Instansi Pemerintah.

Modules are named after domain concepts (``kinerja``, ``anggaran``, ``aset``, ``pegawai``,
``komitmen``) and mechanisms (``load``, ``format``, ``charts``, ``tables``, ``narrative``,
``render``). Domain terms are defined once in ``docs/glossary.md``.
"""

__version__ = "0.1.0"
