"""The workbook schema: every sheet and column of a unit-year workbook, in one place.

This module is the single source of truth for the spreadsheet layout. The loader
(:mod:`lkip_helpers.load`) parses and validates against it, the blank template is written
from it, and ``data/README.md`` documents it (a test keeps the README in step).

Layout of a workbook (``data/<unit>/<year>/lkip.xlsx``):

* sheet ``profil`` is a list of fields: column A ``kunci`` (field name), column B ``nilai``;
* every other sheet is a table: row 1 holds the column names below, data starts on row 2.

Blank cells mean "no data", never zero. A lone dash ``-`` in a number column is the
accountant's zero (as printed in the source tables) and reads as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Column kinds and what the loader accepts for each (see lkip_helpers.parse):
KINDS = {
    "text": "text",
    "int": "whole number (count)",
    "rupiah": "whole Rupiah amount",
    "number": "number (decimals allowed)",
    "percent": "percentage, 0-100 scale",
    "date": "date",
    "year": "four-digit year",
    "choice": "one of the allowed values",
}


@dataclass(frozen=True)
class Column:
    """One column of a table sheet (or one field of the ``profil`` sheet)."""

    name: str
    kind: str
    required: bool
    description: str  # English, for data/README.md
    keterangan: str  # Indonesian, for the template's header notes
    example: Any = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    #: Numbers may carry trailing text, e.g. "100 % (180 Kegiatan)" -> 100.
    allow_suffix: bool = False
    #: Lower bound for numeric kinds (None: no bound). Amounts and counts are never negative.
    minimum: float | None = 0
    default: Any = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"choice column {self.name!r} needs choices")


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook."""

    name: str
    title: str  # English
    judul: str  # Indonesian
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    required: bool = True  # must the sheet exist?
    min_rows: int = 0
    layout: str = "table"  # "table" or "fields"

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


C = Column  # short alias for the tables below

SKALA_PRESETS = ("sakip_ordinal", "permendagri_86_2017", "kustom")
RUMUS_MINIMAL = ("T/R", "(2T-R)/T")
#: Capaian formulas an indicator row may choose (``indikator.rumus_capaian``): R/T for a
#: higher-is-better indicator, T/R or (2T-R)/T for a lower-is-better one.
RUMUS_CAPAIAN = ("R/T",) + RUMUS_MINIMAL
POLARITAS = ("maksimal", "minimal")
TRIWULAN = ("I", "II", "III", "IV")
JENIS_ANGGARAN = ("pendapatan", "belanja")
GOLONGAN_KIB = ("A", "B", "C", "D", "E", "F")
JENJANG_PENDIDIKAN = ("S3", "S2", "S1", "D-IV", "D-III", "D-II", "D-I", "SLTA", "SLTP", "SD")
GOLONGAN_RUANG = tuple(
    f"{g}/{r}"
    for g, rs in (("IV", "edcba"), ("III", "dcba"), ("II", "dcba"), ("I", "dcba"))
    for r in rs
)
JENIS_JABATAN = ("struktural", "fungsional", "pelaksana")
PEMBANDING = ("minimal", "lebih_dari", "maksimal", "kurang_dari", "paling_lambat", "tanpa_ambang")
YA_TIDAK = ("ya", "tidak")

PROFIL = Sheet(
    name="profil",
    title="Unit profile",
    judul="Profil unit kerja",
    layout="fields",
    description=(
        "One field per row: column A `kunci` holds the field name, column B `nilai` its value. "
        "Fields may come in any order; unknown field names are an error."
    ),
    columns=(
        C("nama_unit", "text", True, "Full name of the government unit.", "Nama lengkap unit kerja",
          "Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur"),
        C("provinsi", "text", False, "Province (for a provincial unit, or the province of the "
          "kabupaten/kota).", "Provinsi", "Nusa Tenggara Timur"),
        C("kabupaten_kota", "text", False,
          "Local government of a kabupaten or kota unit, as written (e.g. 'Kabupaten Kupang'); "
          "blank for a provincial unit.",
          "Pemerintah kabupaten/kota (mis. 'Kabupaten Kupang'); kosong untuk unit provinsi", ""),
        C("kode_unit", "text", False, "The unit's official code (kode unit organisasi), if any.",
          "Kode unit kerja", ""),
        C("induk_organisasi", "text", False,
          "Parent organisation the unit belongs to (e.g. 'Sekretariat Daerah').",
          "Induk organisasi (mis. 'Sekretariat Daerah')", "Sekretariat Daerah"),
        C("tahun", "year", True, "Reporting year; must equal the year of the folder.",
          "Tahun laporan (sama dengan nama folder)", 2023),
        C("kepala_nama", "text", False, "Name of the head of unit who signs the report.",
          "Nama kepala unit kerja", "George Melkianus Hadjoh, SH"),
        C("kepala_jabatan", "text", False, "Position of the head of unit.", "Jabatan kepala unit",
          "Kepala Biro Umum"),
        C("kepala_pangkat", "text", False, "Rank (pangkat/golongan) of the head of unit.",
          "Pangkat/golongan kepala unit", "Pembina Tk. I (IV/b)"),
        C("kepala_nip", "text", False,
          "Civil-servant number (NIP): 18 digits, spaces allowed. Enter it as text.",
          "NIP kepala unit (18 angka, ketik sebagai teks)", "19650528 198603 1 014"),
        C("tanggal_laporan", "date", False, "Date the report is signed.", "Tanggal laporan",
          "2024-02-27"),
        C("batas_penyampaian", "date", False,
          "Deadline for submitting the report, as the Perjanjian Kinerja states it.",
          "Batas waktu penyampaian laporan menurut Perjanjian Kinerja", "2023-02-04"),
        C("periode_renstra", "text", False, "Five-year Renstra period, 'YYYY-YYYY'.",
          "Periode Renstra (TTTT-TTTT)", "2019-2023"),
        C("skala_penilaian", "choice", False,
          "Assessment scale for capaian: `sakip_ordinal` (the seed's: >=85 Sangat Berhasil, "
          "70-85 Berhasil, 55-70 Cukup Berhasil, <=55 Belum Berhasil), `permendagri_86_2017`, "
          "or `kustom` (then sheet `skala` defines it).",
          "Skala penilaian capaian", "sakip_ordinal", choices=SKALA_PRESETS,
          default="sakip_ordinal"),
        C("rumus_polaritas_minimal", "choice", False,
          "The unit's capaian formula for lower-is-better indicators: `T/R` (target / "
          "realisation x 100) or `(2T-R)/T` ((2 x target - realisation) / target x 100). An "
          "indicator row may choose its own (`indikator.rumus_capaian`).",
          "Rumus capaian untuk indikator dengan polaritas minimal", "T/R", choices=RUMUS_MINIMAL,
          default="T/R"),
        C("batas_capaian", "percent", False,
          "Optional cap (%) on an indicator's capaian in the unit's overall capaian: a capaian "
          "above it counts as the cap in the mean (the table still shows it as computed). "
          "Blank: no cap, every capaian counts as computed. 100 or more.",
          "Batas atas capaian (%) yang diperhitungkan dalam capaian unit kerja (kosong: tanpa "
          "batas)", 120, unit="%", minimum=100),
        C("serapan_minimal_total", "percent", False,
          "Minimum absorption (%) the Perjanjian Kinerja sets for spending and revenue together.",
          "Realisasi minimal (%) belanja + pendapatan menurut Perjanjian Kinerja", 90, unit="%"),
        C("tanggal_data_pegawai", "date", False,
          "Reference date of the staff tables ('Keadaan ...').",
          "Tanggal keadaan data pegawai", "2022-12-31"),
        C("pk_judul", "text", False,
          "Title of the Perjanjian Kinerja document as signed (e.g. 'Perubahan Perjanjian "
          "Kinerja Tahun 2023'); blank: 'Perjanjian Kinerja Tahun <tahun>'.",
          "Judul dokumen Perjanjian Kinerja (kosong: Perjanjian Kinerja Tahun <tahun>)",
          "Perubahan Perjanjian Kinerja Tahun 2023"),
        C("pk_tempat", "text", False, "Place where the Perjanjian Kinerja was signed.",
          "Tempat penandatanganan Perjanjian Kinerja", "Kupang"),
        C("pk_tanggal", "date", False, "Date the Perjanjian Kinerja was signed.",
          "Tanggal penandatanganan Perjanjian Kinerja", "2023-12-07"),
        C("pk_pihak_pertama_nama", "text", False,
          "First party of the Perjanjian Kinerja (the head of unit who promises the targets).",
          "Nama pihak pertama Perjanjian Kinerja", "George Melkianus Hadjoh, SH"),
        C("pk_pihak_pertama_jabatan", "text", False, "Position of the first party.",
          "Jabatan pihak pertama", "Kepala Biro Umum Provinsi Nusa Tenggara Timur"),
        C("pk_pihak_kedua_nama", "text", False,
          "Second party of the Perjanjian Kinerja (the superior who supervises).",
          "Nama pihak kedua Perjanjian Kinerja", "Kosmas D. Lana"),
        C("pk_pihak_kedua_jabatan", "text", False, "Position of the second party.",
          "Jabatan pihak kedua", "Sekretaris Daerah Provinsi Nusa Tenggara Timur"),
    ),
)

INDIKATOR = Sheet(
    name="indikator",
    title="Performance indicators",
    judul="Indikator kinerja",
    description="One row per performance indicator (IKU) of the year, with target and realisation.",
    key=("kode",),
    min_rows=1,
    columns=(
        C("kode", "text", True, "Short unique code of the indicator, used by other sheets.",
          "Kode indikator (unik)", "IKU-1"),
        C("tujuan", "text", False, "Renstra objective (tujuan) the indicator serves.",
          "Tujuan Renstra", "Mewujudkan pelayanan prima bagi pimpinan"),
        C("sasaran", "text", False, "Strategic objective (sasaran strategis).", "Sasaran strategis",
          "Terwujudnya pelayanan yang profesional terhadap kegiatan Kepala Daerah"),
        C("indikator", "text", True, "Indicator text.", "Indikator kinerja",
          "Meningkatnya pelayanan terhadap Kepala Daerah"),
        C("program", "text", False, "Program that carries the indicator.", "Program",
          "Program Penunjang Urusan Pemerintahan Daerah Provinsi"),
        C("satuan", "text", True, "Unit of measure of target and realisation.", "Satuan", "%"),
        C("polaritas", "choice", True,
          "`maksimal`: higher is better; `minimal`: lower is better.",
          "Polaritas: maksimal (makin tinggi makin baik) atau minimal (makin rendah makin baik)",
          "maksimal", choices=POLARITAS),
        C("target", "number", True, "Target of the year. Text after the number is ignored.",
          "Target tahun ini", "100 % (180 Kegiatan)", allow_suffix=True),
        C("realisasi", "number", False, "Realisation of the year; blank when not yet known.",
          "Realisasi tahun ini (kosong bila belum ada data)", "100 % (180 Kegiatan)",
          allow_suffix=True),
        C("target_renstra", "number", False, "Target at the end of the five-year Renstra.",
          "Target akhir Renstra", 100, allow_suffix=True),
        C("capaian_dinyatakan", "percent", False,
          "Capaian (%) as the source report states it; kept beside what the workbook computes.",
          "Capaian (%) sebagaimana tertulis di laporan", 100, unit="%"),
        C("penjelasan", "text", False,
          "Explanation, e.g. why capaian is above 100% or why realisation is missing.",
          "Penjelasan (mis. alasan capaian di atas 100%)", ""),
        C("rumus", "text", False, "How the indicator is measured (formula in words).",
          "Formula indikator", "Jumlah pelayanan tahun berjalan / jumlah yang direncanakan x 100"),
        C("rumus_capaian", "choice", False,
          "Capaian formula of this indicator: `R/T` (realisation / target x 100) for "
          "`maksimal`; `T/R` or `(2T-R)/T` for `minimal`. Blank: the unit default (R/T for "
          "maksimal, `profil.rumus_polaritas_minimal` for minimal). A formula that does not "
          "fit the polarity gives no capaian (shown with the reason).",
          "Rumus capaian indikator ini: R/T untuk polaritas maksimal; T/R atau (2T-R)/T untuk "
          "polaritas minimal (kosong: rumus bawaan unit kerja)", "", choices=RUMUS_CAPAIAN),
        C("outcome", "text", False, "Outcome the Rencana Kerja Tahunan (RKT) names for the "
          "indicator.", "Outcome menurut Rencana Kerja Tahunan",
          "Meningkatnya penyelenggaraan pemerintahan yang efektif dan akuntabel"),
        C("benefit", "text", False, "Benefit the RKT names.", "Benefit (manfaat) menurut RKT",
          "Birokrasi yang profesional dan berkinerja tinggi"),
        C("impact", "text", False, "Impact the RKT names.", "Impact (dampak) menurut RKT",
          "Kualitas pelayanan publik meningkat"),
    ),
)

TRIWULAN_SHEET = Sheet(
    name="triwulan",
    title="Quarterly progress",
    judul="Capaian per triwulan",
    description="Optional. Quarterly (triwulan I-IV) target and realisation per indicator.",
    key=("kode_indikator", "triwulan"),
    required=False,
    columns=(
        C("kode_indikator", "text", True, "Code of the indicator (sheet `indikator`).",
          "Kode indikator", "IKU-1"),
        C("triwulan", "choice", True, "Quarter: I, II, III or IV.", "Triwulan (I-IV)", "I",
          choices=TRIWULAN),
        C("target", "number", False, "Target for the quarter (cumulative or not, as planned).",
          "Target triwulan", 25, allow_suffix=True),
        C("realisasi", "number", False, "Realisation in the quarter; blank when not yet known.",
          "Realisasi triwulan", 25, allow_suffix=True),
    ),
)

KELUARAN = Sheet(
    name="keluaran",
    title="Outputs behind an indicator",
    judul="Keluaran (output) pendukung indikator",
    description="Countable outputs (e.g. services delivered) that make up an indicator's realisation.",
    key=("kode_indikator", "keluaran"),
    required=False,
    columns=(
        C("kode_indikator", "text", True, "Code of the indicator (sheet `indikator`).",
          "Kode indikator", "IKU-1"),
        C("keluaran", "text", True, "Name of the output.", "Nama keluaran",
          "Fasilitasi koordinasi FORKOPIMDA"),
        C("satuan", "text", True, "Unit of the count.", "Satuan", "kali"),
        C("target", "int", True, "Planned count.", "Target jumlah", 12),
        C("realisasi", "int", False, "Delivered count; blank when not yet known.",
          "Realisasi jumlah", 12),
    ),
)

RIWAYAT_KINERJA = Sheet(
    name="riwayat_kinerja",
    title="Indicator history",
    judul="Riwayat capaian indikator",
    description=(
        "Earlier years (and this year as other tables state it) of each indicator, exactly as a "
        "source table states them. The same year may appear once per source."
    ),
    key=("kode_indikator", "tahun", "sumber"),
    required=False,
    columns=(
        C("kode_indikator", "text", True, "Code of the indicator (sheet `indikator`).",
          "Kode indikator", "IKU-1"),
        C("tahun", "year", True, "Year.", "Tahun", 2022),
        C("target", "number", False, "Target of that year.", "Target", 100, allow_suffix=True),
        C("realisasi", "number", False, "Realisation of that year.", "Realisasi", 100,
          allow_suffix=True),
        C("capaian_dinyatakan", "percent", False, "Capaian (%) as stated.",
          "Capaian (%) sebagaimana tertulis", 100, unit="%"),
        C("sumber", "text", True, "Where the figure is stated (table or chapter).",
          "Sumber (tabel/bab laporan)", "Tabel 3.2"),
        C("catatan", "text", False, "Note, e.g. 'NA' printed in the source.", "Catatan", ""),
    ),
)

RIWAYAT_ANGGARAN = Sheet(
    name="riwayat_anggaran",
    title="Budget history",
    judul="Riwayat anggaran",
    description="Spending allocation and realisation per year as the source states them.",
    key=("tahun",),
    required=False,
    columns=(
        C("tahun", "year", True, "Year.", "Tahun", 2022),
        C("pagu", "rupiah", True, "Spending allocation (Rp).", "Pagu belanja (Rp)",
          "62.755.193.270", unit="Rp"),
        C("realisasi", "rupiah", False, "Spending realisation (Rp).", "Realisasi belanja (Rp)",
          "59.473.648.921", unit="Rp"),
        C("persen_dinyatakan", "percent", False, "Absorption (%) as stated.",
          "Persentase realisasi sebagaimana tertulis", "94,77%", unit="%"),
        C("sumber", "text", False, "Where the figures are stated.", "Sumber", "Bab III A.2"),
    ),
)

ANGGARAN = Sheet(
    name="anggaran",
    title="Budget lines",
    judul="Anggaran dan realisasi",
    description=(
        "Revenue (`pendapatan`) and spending (`belanja`) lines of the year, on three levels: "
        "`program`, `kegiatan` and `sub_kegiatan` (Permendagri 90/2019). A row's level is the "
        "deepest of the three names it fills: a row with a program only is the program, with a "
        "kegiatan too it is that kegiatan, with a sub_kegiatan too it is that sub kegiatan. "
        "Fill whatever levels you have; totals always come from the lowest level given in each "
        "branch, so nothing is counted twice. A row whose level also has rows below it (a "
        "program listed beside its kegiatan, a kegiatan beside its sub kegiatan) is a stated "
        "subtotal: its figures are compared with the sum of the rows directly below it (the "
        "reviu reports any difference), never added. A pendapatan row may have no program; a "
        "pendapatan row with no name at all is the revenue total. Quarterly realisation "
        "(`realisasi_tw1`..`realisasi_tw4`) is optional: fill all four quarters or none, each "
        "the realisation within that quarter (not cumulative), adding up to `realisasi`. The "
        "columns added for the hierarchy and the quarters come after `penjelasan`, so the "
        "columns of older workbooks keep their letters (A-I)."
    ),
    key=("jenis", "program", "kegiatan", "sub_kegiatan"),
    required=False,
    columns=(
        C("jenis", "choice", True, "`pendapatan` (revenue) or `belanja` (spending).",
          "Jenis: pendapatan atau belanja", "belanja", choices=JENIS_ANGGARAN),
        C("program", "text", False, "Program name (required for belanja).",
          "Nama program (wajib untuk belanja)",
          "Program Penunjang Urusan Pemerintahan Daerah Provinsi"),
        C("kegiatan", "text", False,
          "Activity (kegiatan) name; empty on the program's own row.",
          "Nama kegiatan (kosong untuk baris program)",
          "Administrasi Umum Perangkat Daerah"),
        C("kode", "text", False,
          "Account code (kode rekening) of the line, if used (older workbooks).",
          "Kode rekening", ""),
        C("pagu", "rupiah", True, "Allocation (Rp).", "Pagu anggaran (Rp)", "16.447.819.900",
          unit="Rp"),
        C("realisasi", "rupiah", False, "Realisation (Rp); `-` or 0 for none, blank if unknown.",
          "Realisasi (Rp)", "13.658.392.671", unit="Rp"),
        C("persen_dinyatakan", "percent", False, "Absorption (%) as the report states it.",
          "Capaian/serapan (%) sebagaimana tertulis", "83,04", unit="%"),
        C("serapan_minimal", "percent", False,
          "Minimum absorption (%) the Perjanjian Kinerja sets for this line.",
          "Realisasi minimal (%) menurut Perjanjian Kinerja", 85, unit="%"),
        C("penjelasan", "text", False, "Why absorption is low or nil, as the report explains.",
          "Penjelasan bila serapan rendah", ""),
        C("sub_kegiatan", "text", False,
          "Sub-activity (sub kegiatan) name; empty on program and kegiatan rows.",
          "Nama sub kegiatan (kosong untuk baris program dan kegiatan)",
          "Penyediaan Gaji dan Tunjangan ASN"),
        C("kode_program", "text", False,
          "Official program code (Permendagri 90/2019), if used; enter it as text.",
          "Kode program (Permendagri 90/2019, ketik sebagai teks)", "5.01.01"),
        C("kode_kegiatan", "text", False, "Official kegiatan code, if used; enter it as text.",
          "Kode kegiatan (ketik sebagai teks)", "5.01.01.1.02"),
        C("kode_sub_kegiatan", "text", False,
          "Official sub kegiatan code, if used; enter it as text.",
          "Kode sub kegiatan (ketik sebagai teks)", "5.01.01.1.02.0001"),
        *(C(f"realisasi_tw{q}", "rupiah", False,
            f"Realisation within quarter {tw} (Rp), not cumulative; optional (all four or none).",
            f"Realisasi triwulan {tw} (Rp, bukan kumulatif)", contoh, unit="Rp")
          for q, tw, contoh in ((1, "I", "2.500.000.000"), (2, "II", "3.400.000.000"),
                                (3, "III", "3.600.000.000"), (4, "IV", "4.158.392.671"))),
    ),
)

ASET = Sheet(
    name="aset",
    title="Assets",
    judul="Inventaris barang",
    description="Asset inventory per category as the report lists it.",
    key=("kategori",),
    required=False,
    columns=(
        C("kategori", "text", True, "Asset category as the report names it.", "Kategori aset",
          "Tanah"),
        C("golongan_kib", "choice", False,
          "Standard inventory card (KIB) group: A tanah, B peralatan dan mesin, C gedung dan "
          "bangunan, D jalan/irigasi/jaringan, E aset tetap lainnya, F konstruksi dalam pengerjaan.",
          "Golongan KIB (A-F)", "A", choices=GOLONGAN_KIB),
        C("jumlah", "int", True, "Number of items.", "Jumlah", 35),
        C("satuan", "text", False, "Unit of the count.", "Satuan", "Bidang"),
        C("nilai", "rupiah", False, "Book value (Rp).", "Nilai perolehan/buku (Rp)", "", unit="Rp"),
        C("kondisi_baik", "int", False, "Items in good condition.", "Jumlah kondisi baik", ""),
        C("kondisi_rusak_ringan", "int", False, "Items lightly damaged.",
          "Jumlah kondisi rusak ringan", ""),
        C("kondisi_rusak_berat", "int", False, "Items heavily damaged.",
          "Jumlah kondisi rusak berat", ""),
    ),
)

PEGAWAI_BAGIAN = Sheet(
    name="pegawai_bagian",
    title="Staff per section",
    judul="Pegawai per bagian",
    description="Staff count per section (bagian) of the unit.",
    key=("bagian",),
    required=False,
    columns=(
        C("bagian", "text", True, "Section name.", "Nama bagian", "Bagian Rumah Tangga"),
        C("jumlah", "int", True, "Number of staff.", "Jumlah pegawai", 37),
    ),
)

PEGAWAI_PENDIDIKAN = Sheet(
    name="pegawai_pendidikan",
    title="Civil servants by education",
    judul="PNS menurut tingkat pendidikan",
    description="Civil servants (PNS) per education level.",
    key=("jenjang",),
    required=False,
    columns=(
        C("jenjang", "choice", True, "Education level.", "Jenjang pendidikan", "SLTA",
          choices=JENJANG_PENDIDIKAN),
        C("uraian", "text", False, "Label as the report prints it.", "Uraian sebagaimana tertulis",
          "SLTA/SMK/KPAA"),
        C("jumlah", "int", True, "Number of civil servants.", "Jumlah", 58),
    ),
)

PEGAWAI_GOLONGAN = Sheet(
    name="pegawai_golongan",
    title="Civil servants by rank",
    judul="PNS menurut pangkat/golongan",
    description="Civil servants per rank (golongan/ruang, I/a to IV/e).",
    key=("golongan",),
    required=False,
    columns=(
        C("golongan", "choice", True, "Rank group and grade, e.g. III/b.", "Golongan/ruang",
          "III/b", choices=GOLONGAN_RUANG),
        C("pangkat", "text", False, "Rank title as the report prints it.", "Pangkat",
          "Penata Muda Tingkat I"),
        C("jumlah", "int", True, "Number of civil servants.", "Jumlah", 24),
    ),
)

PEGAWAI_JABATAN = Sheet(
    name="pegawai_jabatan",
    title="Officials by position and gender",
    judul="Pejabat menurut jabatan dan jenis kelamin",
    description="Officials per position or echelon, with men and women.",
    key=("jabatan",),
    required=False,
    columns=(
        C("jabatan", "text", True, "Position or echelon.", "Jabatan/eselon", "Eselon III"),
        C("jenis_jabatan", "choice", False, "`struktural`, `fungsional` or `pelaksana`.",
          "Jenis jabatan", "struktural", choices=JENIS_JABATAN),
        C("jumlah", "int", True, "Number of officials.", "Jumlah orang", 3),
        C("laki_laki", "int", False, "Of whom men.", "Laki-laki", 3),
        C("perempuan", "int", False, "Of whom women.", "Perempuan", 0),
    ),
)

TOTAL_DINYATAKAN = Sheet(
    name="total_dinyatakan",
    title="Stated totals",
    judul="Jumlah sebagaimana tertulis",
    description=(
        "Totals the report prints for a sheet's column (e.g. 'JUMLAH 95' under Tabel 1.1), kept "
        "so that the review can compare them with the sum of the rows."
    ),
    key=("lembar", "kolom", "sumber"),
    required=False,
    columns=(
        C("lembar", "choice", True, "Sheet whose rows the total sums.", "Nama lembar",
          "pegawai_pendidikan",
          choices=("keluaran", "aset", "pegawai_bagian", "pegawai_pendidikan",
                   "pegawai_golongan", "pegawai_jabatan", "anggaran")),
        C("kolom", "text", True, "Column of that sheet that is summed.", "Nama kolom", "jumlah"),
        C("nilai", "number", True, "The total as printed.", "Jumlah tertulis", 95),
        C("sumber", "text", True, "Where it is printed.", "Sumber", "Tabel 1.1"),
        C("catatan", "text", False, "Note.", "Catatan", ""),
    ),
)

KOMITMEN = Sheet(
    name="komitmen",
    title="Perjanjian Kinerja commitments",
    judul="Komitmen Perjanjian Kinerja",
    description=(
        "Further commitments of the Perjanjian Kinerja (items C-L in the seed), each with its "
        "threshold and realisation. `pembanding` says how realisation meets the threshold."
    ),
    key=("butir",),
    required=False,
    columns=(
        C("butir", "text", True, "Item label, e.g. C or G.1a.", "Butir", "C"),
        C("uraian", "text", True, "The commitment.", "Uraian komitmen",
          "Belanja menggunakan aplikasi e-Purchasing"),
        C("pembanding", "choice", True,
          "`minimal` (>=), `lebih_dari` (>), `maksimal` (<=), `kurang_dari` (<), "
          "`paling_lambat` (date on or before), `tanpa_ambang` (no threshold).",
          "Pembanding: minimal, lebih_dari, maksimal, kurang_dari, paling_lambat, tanpa_ambang",
          "minimal", choices=PEMBANDING),
        C("ambang", "number", False, "Numeric threshold.", "Ambang batas (angka)", 40,
          allow_suffix=True),
        C("ambang_tanggal", "date", False, "Date threshold (for `paling_lambat`).",
          "Batas tanggal", ""),
        C("satuan", "text", False, "Unit of threshold and realisation.", "Satuan", "%"),
        C("realisasi", "number", False, "Realisation; blank when unknown.", "Realisasi (angka)",
          "", allow_suffix=True),
        C("realisasi_tanggal", "date", False, "Date realised (for `paling_lambat`).",
          "Tanggal realisasi", ""),
        C("keterangan", "text", False, "Note, e.g. the threshold as printed.", "Keterangan", ""),
    ),
)

SKALA = Sheet(
    name="skala",
    title="Custom assessment scale",
    judul="Skala penilaian kustom",
    description=(
        "Optional; used when `profil.skala_penilaian` is `kustom`. One row per category: a capaian "
        "X falls in the row with the highest `batas_bawah` it reaches (X > batas_bawah, or "
        ">= when `termasuk_batas` is `ya`). The lowest row should have no lower bound (blank)."
    ),
    key=("kategori",),
    required=False,
    columns=(
        C("batas_bawah", "number", False, "Lower bound of capaian (%); blank for the lowest band.",
          "Batas bawah capaian (%)", 85, minimum=None),
        C("termasuk_batas", "choice", True, "`ya`: X >= bound; `tidak`: X > bound.",
          "Apakah batas bawah termasuk (ya/tidak)", "ya", choices=YA_TIDAK),
        C("kategori", "text", True, "Category name.", "Kategori", "Sangat Berhasil"),
    ),
)

@dataclass(frozen=True)
class BagianNarasi:
    """One section of the LKIP that holds the unit's own text (sheet ``narasi``)."""

    kunci: str  # value of narasi.bagian
    judul: str  # Indonesian heading, as the report prints it
    letak: str  # where the report shows it (Bab and part), Indonesian
    description: str  # English, for data/README.md
    #: A regulated section the report cannot do without: left empty, the report shows a
    #: placeholder (a draft) and ``lkip check --reviu`` lists it.
    wajib: bool = False
    #: Rows may name an indicator (narasi.kode_indikator) to give one text per indicator.
    per_indikator: bool = False


B = BagianNarasi
#: The sections of the LKIP written by the unit, in the order of PermenPAN-RB 53/2014.
BAGIAN_NARASI: tuple[BagianNarasi, ...] = (
    B("kata_pengantar", "Kata Pengantar", "Kata Pengantar",
      "Foreword signed by the head of unit.", wajib=True),
    B("ikhtisar_eksekutif", "Ikhtisar Eksekutif", "Ikhtisar Eksekutif",
      "The unit's own summary; the computed headline figures follow it.", wajib=True),
    B("latar_belakang", "Latar Belakang", "Bab I A", "Background of the report.", wajib=True),
    B("dasar_hukum", "Dasar Hukum", "Bab I A", "Legal bases, one per row or as a list, by "
      "their exact titles.", wajib=True),
    B("tugas_fungsi", "Tugas dan Fungsi", "Bab I A", "The unit's task and functions as its "
      "founding regulation states them.", wajib=True),
    B("struktur_organisasi", "Struktur Organisasi", "Bab I A",
      "Sections and positions of the unit."),
    B("sumber_daya_manusia", "Sumber Daya Manusia", "Bab I A",
      "Text on staff; the staff tables follow it."),
    B("maksud", "Maksud", "Bab I B", "Purpose of the report.", wajib=True),
    B("isu_strategis", "Isu Strategis", "Bab I C", "Strategic issues; give each its own row "
      "with a `judul` (e.g. 'Aspek Pelayanan Publik').", wajib=True),
    B("sistematika", "Sistematika Penyajian", "Bab I D",
      "How the report is organised; blank: the standard outline of PermenPAN-RB 53/2014."),
    B("visi", "Visi", "Bab II A", "Vision the unit serves (RPJMD).", wajib=True),
    B("misi", "Misi", "Bab II A", "Missions, and the one the unit carries out.", wajib=True),
    B("tujuan", "Tujuan", "Bab II A", "Objective; blank: the `tujuan` of sheet `indikator`."),
    B("sasaran", "Sasaran", "Bab II A", "Target; blank: the `sasaran` of sheet `indikator`."),
    B("rencana_kerja_tahunan", "Rencana Kerja Tahunan", "Bab II B",
      "Text before the RKT table (built from sheet `indikator`)."),
    B("perjanjian_kinerja", "Perjanjian Kinerja", "Bab II C",
      "Text before the Perjanjian Kinerja table."),
    B("capaian_kinerja", "Capaian Kinerja Organisasi", "Bab III A",
      "Text before the measurement of capaian."),
    B("perbandingan_tahun", "Perbandingan dengan tahun-tahun sebelumnya", "Bab III A.2",
      "Explanation of the history of an indicator.", per_indikator=True),
    B("perbandingan_renstra", "Perbandingan dengan target jangka menengah", "Bab III A.3",
      "Explanation of realisation against the Renstra target, e.g. an indicator that "
      "changed.", per_indikator=True),
    B("analisis_penyebab", "Analisis penyebab keberhasilan atau kegagalan", "Bab III A.4",
      "Causes of success or failure, per indicator or for all.", wajib=True,
      per_indikator=True),
    B("alternatif_solusi", "Alternatif solusi", "Bab III A.4",
      "Solutions taken or planned, per indicator or for all.", wajib=True,
      per_indikator=True),
    B("efisiensi", "Efisiensi penggunaan sumber daya", "Bab III A.5",
      "How resources were used efficiently.", wajib=True),
    B("program_penunjang", "Program dan kegiatan penunjang", "Bab III A.6",
      "Programs and kegiatan that supported or held back the results."),
    B("realisasi_anggaran", "Realisasi Anggaran", "Bab III B",
      "Text before the budget tables, e.g. the source of funding."),
    B("kesimpulan", "Kesimpulan", "Bab IV A", "Conclusions.", wajib=True),
    B("saran", "Saran", "Bab IV B", "Suggestions for the next year.", wajib=True),
    B("penutup", "Penutup", "Bab IV", "Closing paragraph after the suggestions."),
    B("lampiran", "Lampiran", "Lampiran", "What the unit attaches to the report."),
)
BAGIAN_NARASI_BY_KEY = {b.kunci: b for b in BAGIAN_NARASI}

NARASI = Sheet(
    name="narasi",
    title="Narrative sections",
    judul="Narasi laporan",
    description=(
        "The unit's own text for the sections of the LKIP (see the list of sections below). "
        "One row per paragraph, list or sub-section, shown in the order of the sheet. `teks` "
        "takes limited Markdown: paragraphs (blank line or Alt+Enter twice), `- ` or `1. ` "
        "lists, `**bold**`, `*italic*`; links, images and HTML are shown as typed, never "
        "followed. A regulated section left empty is shown as a placeholder (a draft) and "
        "listed by `lkip check --reviu`."
    ),
    required=False,
    columns=(
        C("bagian", "choice", True, "Section of the report (see the list of sections).",
          "Bagian laporan", "maksud", choices=tuple(b.kunci for b in BAGIAN_NARASI)),
        C("kode_indikator", "text", False,
          "For a per-indicator section: the indicator (sheet `indikator`); blank: all.",
          "Kode indikator (untuk bagian per indikator; kosong: semua)", ""),
        C("judul", "text", False, "Sub-heading of this row, e.g. 'Aspek Pelayanan Publik'.",
          "Sub-judul (mis. 'Aspek Pelayanan Publik')", ""),
        C("teks", "text", True, "The text (limited Markdown).", "Teks (Markdown terbatas)",
          "Laporan ini disusun sebagai pertanggungjawaban kinerja tahun 2023."),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    PROFIL, INDIKATOR, TRIWULAN_SHEET, KELUARAN, RIWAYAT_KINERJA, RIWAYAT_ANGGARAN, ANGGARAN,
    ASET, PEGAWAI_BAGIAN, PEGAWAI_PENDIDIKAN, PEGAWAI_GOLONGAN, PEGAWAI_JABATAN,
    TOTAL_DINYATAKAN, KOMITMEN, SKALA, NARASI,
)
SHEETS_BY_NAME = {s.name: s for s in SHEETS}
#: Hidden sheet of a written workbook holding the values of dropdowns too long for Excel to
#: take inline (one column each); the loader ignores it.
SHEET_PILIHAN = "_pilihan"

#: Columns that refer to the indicator code (checked by the loader).
INDICATOR_REFERENCES = (("triwulan", "kode_indikator"), ("keluaran", "kode_indikator"),
                        ("riwayat_kinerja", "kode_indikator"), ("narasi", "kode_indikator"))
