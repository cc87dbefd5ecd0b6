"""Shared test builders: small LkipYear objects from typed rows, and a clean unit-year workbook.

Tests import builders from here, never from another test module.

* :func:`frame` / :func:`lkip_year`: in-memory unit-years for calculation tests;
* ``CLEAN_TABLES`` / :func:`write_clean`: a small, realistic and consistent unit-year workbook
  (every stated figure agrees with the data, so its reviu has no finding).

Frames built by :func:`frame` get exactly the schema's columns and the loader's dtypes (see ``model.py``): text/choice
object, int/rupiah/year Int64, number/percent Float64, date datetime64[ns]; index = Excel row
number (from 2) named ``baris``. Values are given already typed (no parsing here).
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd

from lkip_helpers.model import LkipYear
from lkip_helpers.workbook import write_workbook
from lkip_helpers.schema import PROFIL, SHEETS

#: Excel row of each ``profil`` field in a workbook written by ``write_workbook`` (the embedded
#: seed workbook too): the fields stand in the schema's order from row 2.
PROFIL_BARIS = {col.name: row for row, col in enumerate(PROFIL.columns, start=2)}

DTYPES = {"text": object, "choice": object, "int": "Int64", "rupiah": "Int64", "year": "Int64",
          "number": "Float64", "percent": "Float64", "date": "datetime64[ns]"}


def frame(sheet_name: str, rows: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """A typed DataFrame of sheet ``sheet_name`` holding ``rows`` (missing columns are NA)."""
    sheet = next(s for s in SHEETS if s.name == sheet_name)
    rows = rows or []
    data = {}
    for col in sheet.columns:
        values = [row.get(col.name) for row in rows]
        data[col.name] = pd.Series(values, dtype=DTYPES[col.kind])
    df = pd.DataFrame(data, columns=sheet.column_names)
    df.index = pd.RangeIndex(2, 2 + len(rows), name="baris")
    return df


def lkip_year(profil: dict[str, Any] | None = None, year: int = 2023,
              **tables: list[dict]) -> LkipYear:
    """An LkipYear with the given profile fields (defaults applied) and sheets; others empty,
    except sheet narasi, which holds NARASI_LENGKAP unless given (a finished report, not a
    draft: its reviu lists no empty section)."""
    tables.setdefault("narasi", NARASI_LENGKAP)
    fields = {c.name: c.default for c in PROFIL.columns}
    fields.update({"tahun": year, **(profil or {})})
    sheets = {s.name: frame(s.name, tables.pop(s.name, None)) for s in SHEETS if s.name != "profil"}
    if tables:
        raise KeyError(f"unknown sheets {sorted(tables)}")
    return LkipYear(unit="uji", year=year, source=Path("uji.xlsx"), profil=fields, **sheets)


CLEAN_UNIT, CLEAN_YEAR = "dinas-contoh", 2024
PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah"

#: One short text for each regulated section; isu_strategis with two sub-headings, the
#: analysis per indicator and for the whole unit.
NARASI_LENGKAP = [
    {"bagian": "kata_pengantar", "teks": "Laporan ini disusun sebagai pertanggungjawaban "
     "kinerja Bagian Umum tahun 2024."},
    {"bagian": "ikhtisar_eksekutif", "teks": "Bagian Umum melaksanakan satu program dengan tiga "
     "kegiatan pada tahun 2024."},
    {"bagian": "latar_belakang", "teks": "Laporan kinerja disusun setiap tahun sebagai bagian "
     "dari Sistem Akuntabilitas Kinerja Instansi Pemerintah."},
    {"bagian": "dasar_hukum", "teks": "1. Peraturan Presiden Nomor 29 Tahun 2014 tentang "
     "Sistem Akuntabilitas Kinerja Instansi Pemerintah;\n2. Peraturan Menteri PAN-RB Nomor 53 "
     "Tahun 2014."},
    {"bagian": "tugas_fungsi", "teks": "Bagian Umum bertugas menyelenggarakan ketatausahaan "
     "dan kerumahtanggaan dinas."},
    {"bagian": "maksud", "teks": "Laporan ini dimaksudkan sebagai bahan evaluasi kinerja."},
    {"bagian": "isu_strategis", "judul": "Aspek Pelayanan", "teks": "Standar layanan "
     "persuratan belum diterapkan secara merata."},
    {"bagian": "isu_strategis", "judul": "Aspek Sarana", "teks": "Ruang arsip terbatas."},
    {"bagian": "visi", "teks": "Terwujudnya pelayanan administrasi yang prima."},
    {"bagian": "misi", "teks": "- Meningkatkan kualitas layanan administrasi;\n- Menata arsip "
     "secara elektronik."},
    {"bagian": "analisis_penyebab", "kode_indikator": "IKU-1", "teks": "Layanan selesai tepat "
     "waktu karena surat masuk dicatat secara elektronik."},
    {"bagian": "alternatif_solusi", "teks": "Pelatihan petugas persuratan dilanjutkan."},
    {"bagian": "efisiensi", "teks": "Belanja dilaksanakan sesuai rencana kebutuhan."},
    {"bagian": "kesimpulan", "teks": "Seluruh target kinerja tahun 2024 tercapai."},
    {"bagian": "saran", "teks": "1. Melanjutkan penataan arsip elektronik.\n2. Menambah ruang "
     "arsip."},
]

CLEAN_TABLES = {
    "profil": {
        "nama_unit": "Bagian Umum Dinas Contoh Provinsi Nusa Tenggara Timur",
        "provinsi": "Nusa Tenggara Timur", "tahun": CLEAN_YEAR,
        "kepala_nama": "Maria Goreti Lelo, SE", "kepala_jabatan": "Kepala Bagian Umum",
        "kepala_nip": "19700101 199503 2 001", "tanggal_laporan": "2025-02-20",
        "batas_penyampaian": "2025-02-28", "periode_renstra": "2024-2026",
        "serapan_minimal_total": 85, "tanggal_data_pegawai": "2024-12-31",
    },
    "indikator": [
        {"kode": "IKU-1", "sasaran": "Terwujudnya pelayanan administrasi yang prima",
         "indikator": "Persentase layanan administrasi yang diselesaikan", "program": PROGRAM,
         "satuan": "%", "polaritas": "maksimal", "target": 100, "realisasi": 100,
         "target_renstra": 100, "capaian_dinyatakan": 100},
        {"kode": "IKU-2", "sasaran": "Terwujudnya pelayanan administrasi yang prima",
         "indikator": "Rata-rata waktu penyelesaian surat masuk", "program": PROGRAM,
         "satuan": "hari", "polaritas": "minimal", "target": 5, "realisasi": 4,
         "target_renstra": 5, "capaian_dinyatakan": 125,
         "penjelasan": "Waktu layanan lebih cepat karena surat masuk diterima melalui aplikasi "
                       "SRIKANDI."},
    ],
    "keluaran": [
        {"kode_indikator": "IKU-1", "keluaran": "Layanan persuratan", "satuan": "layanan",
         "target": 120, "realisasi": 120},
        {"kode_indikator": "IKU-1", "keluaran": "Layanan rapat pimpinan", "satuan": "layanan",
         "target": 24, "realisasi": 24},
    ],
    "riwayat_kinerja": [
        {"kode_indikator": "IKU-1", "tahun": 2023, "target": 100, "realisasi": 100,
         "capaian_dinyatakan": 100, "sumber": "LKIP 2023"},
        {"kode_indikator": "IKU-1", "tahun": 2024, "realisasi": 100, "sumber": "Tabel 3.2"},
        {"kode_indikator": "IKU-2", "tahun": 2023, "target": 6, "realisasi": 6,
         "capaian_dinyatakan": 100, "sumber": "LKIP 2023"},
    ],
    "riwayat_anggaran": [
        {"tahun": 2023, "pagu": "1.900.000.000", "realisasi": "1.710.000.000",
         "persen_dinyatakan": "90,00%", "sumber": "LKIP 2023"},
        {"tahun": 2024, "pagu": "2.000.000.000", "realisasi": "1.800.000.000",
         "persen_dinyatakan": "90,00%", "sumber": "Bab III"},
    ],
    "anggaran": [
        {"jenis": "pendapatan", "pagu": "100.000.000", "realisasi": "95.000.000",
         "persen_dinyatakan": "95", "serapan_minimal": 90},
        {"jenis": "belanja", "program": PROGRAM, "pagu": "2.000.000.000",
         "realisasi": "1.800.000.000", "persen_dinyatakan": "90", "serapan_minimal": 85},
        {"jenis": "belanja", "program": PROGRAM, "kegiatan": "Administrasi Umum Perangkat Daerah",
         "pagu": "1.500.000.000", "realisasi": "1.400.000.000", "persen_dinyatakan": "93,33"},
        {"jenis": "belanja", "program": PROGRAM, "kegiatan": "Penyediaan Jasa Penunjang",
         "pagu": "400.000.000", "realisasi": "400.000.000", "persen_dinyatakan": "100"},
        {"jenis": "belanja", "program": PROGRAM, "kegiatan": "Pengadaan Barang Milik Daerah",
         "pagu": "100.000.000", "realisasi": "-", "persen_dinyatakan": "0",
         "penjelasan": "Ditunda ke tahun 2025 karena penyesuaian ketersediaan dana."},
    ],
    "aset": [
        {"kategori": "Tanah", "golongan_kib": "A", "jumlah": 2, "satuan": "Bidang"},
        {"kategori": "Peralatan dan Mesin/Kendaraan", "golongan_kib": "B", "jumlah": 5,
         "satuan": "Kendaraan"},
    ],
    "pegawai_bagian": [{"bagian": "Subbagian Tata Usaha", "jumlah": 10},
                       {"bagian": "Subbagian Keuangan", "jumlah": 8}],
    "pegawai_pendidikan": [{"jenjang": "S1", "jumlah": 10}, {"jenjang": "SLTA", "jumlah": 8}],
    "pegawai_golongan": [{"golongan": "III/a", "jumlah": 10}, {"golongan": "II/a", "jumlah": 8}],
    "pegawai_jabatan": [
        {"jabatan": "Eselon III", "jenis_jabatan": "struktural", "jumlah": 1, "laki_laki": 1,
         "perempuan": "-"},
        {"jabatan": "Eselon IV", "jenis_jabatan": "struktural", "jumlah": 2, "laki_laki": 1,
         "perempuan": 1},
    ],
    "total_dinyatakan": [
        {"lembar": "pegawai_bagian", "kolom": "jumlah", "nilai": 18, "sumber": "Bab I"},
        {"lembar": "anggaran", "kolom": "pagu", "nilai": "2.100.000.000",
         "sumber": "Perjanjian Kinerja"},
    ],
    "komitmen": [
        {"butir": "C", "uraian": "Belanja melalui e-Purchasing", "pembanding": "minimal",
         "ambang": 40, "satuan": "%", "realisasi": 55},
        {"butir": "D", "uraian": "Penyampaian LKIP", "pembanding": "paling_lambat",
         "ambang_tanggal": "2025-02-28", "realisasi_tanggal": "2025-02-20"},
    ],
    # The unit's own text: every regulated section (schema.BAGIAN_NARASI, wajib), so that the
    # clean workbook is a finished report, not a draft.
    "narasi": NARASI_LENGKAP,
}


def write_clean(data_dir, edit=None) -> None:
    """Write CLEAN_TABLES (after ``edit(tables)``) as data_dir/dinas-contoh/2024/lkip.xlsx."""
    tables = copy.deepcopy(CLEAN_TABLES)
    if edit:
        edit(tables)
    write_workbook(data_dir / CLEAN_UNIT / str(CLEAN_YEAR) / "lkip.xlsx", tables)


#: A small unit's indicators (issue 9): one percentage below target, two counts above it.
#: Capaian 85,00%, 125,00% and 150,00%; overall capaian (85 + 125 + 150) / 3 = 120,00%
#: uncapped, (85 + 120 + 120) / 3 = 108,33% with ``batas_capaian`` 120.
INDIKATOR_KECIL = [
    {"kode": "IKU-1", "indikator": "Persentase surat yang diselesaikan tepat waktu",
     "satuan": "%", "polaritas": "maksimal", "target": 100.0, "realisasi": 85.0},
    {"kode": "IKU-2", "indikator": "Jumlah rapat koordinasi yang difasilitasi",
     "satuan": "kali", "polaritas": "maksimal", "target": 12.0, "realisasi": 15.0},
    {"kode": "IKU-3", "indikator": "Jumlah dokumen perencanaan yang disusun",
     "satuan": "dokumen", "polaritas": "maksimal", "target": 4.0, "realisasi": 6.0},
]


def edit_small_unit(tables: dict) -> None:
    """A variant of CLEAN_TABLES whose indicators are INDIKATOR_KECIL (no outputs or history
    of them). Pass as ``write_clean(data_dir, edit_small_unit)``."""
    tables["indikator"] = copy.deepcopy(INDIKATOR_KECIL)
    for sheet in ("keluaran", "riwayat_kinerja"):
        tables.pop(sheet, None)


def edit_frames_unit(tables: dict) -> None:
    """A variant of CLEAN_TABLES that fills every optional frame column: quarterly figures,
    asset value and condition, and two reviu findings (a stated absorption that disagrees,
    a commitment without realisation). Pass as ``write_clean(data_dir, edit_frames_unit)``."""
    tables["triwulan"] = [
        {"kode_indikator": "IKU-1", "triwulan": q, "target": t, "realisasi": r}
        for q, t, r in (("I", 25, 25), ("II", 50, 45), ("III", 75, None))]
    tables["aset"][0].update(nilai="1.500.000.000", kondisi_baik=2)
    tables["aset"][1].update(nilai="2.250.000.000", kondisi_baik=4, kondisi_rusak_ringan=1)
    tables["anggaran"][2]["persen_dinyatakan"] = "93,30"
    tables["komitmen"][0]["realisasi"] = None


#: The kegiatan of CLEAN_TABLES that :func:`edit_sub_kegiatan` splits into two sub kegiatan.
KEGIATAN_TERBAGI = "Administrasi Umum Perangkat Daerah"
SUB_KEGIATAN = [  # name, code, pagu, realisasi, realisasi per quarter (sum = realisasi)
    ("Penyediaan Gaji dan Tunjangan ASN", "4.01.01.1.02.0001", "1.000.000.000",
     "950.000.000", ("200.000.000", "250.000.000", "250.000.000", "250.000.000")),
    ("Penyediaan Administrasi Pelaksanaan Tugas ASN", "4.01.01.1.02.0002", "500.000.000",
     "450.000.000", ("50.000.000", "100.000.000", "100.000.000", "200.000.000")),
]


def edit_sub_kegiatan(tables: dict) -> None:
    """A variant of CLEAN_TABLES the natural way of a regional budget: the kegiatan
    KEGIATAN_TERBAGI (Rp1,5 M) stays as a row and is split into two sub kegiatan rows below it
    (Rp1,0 M + Rp0,5 M), with Permendagri 90/2019 codes and quarterly realisation on every
    lowest-level spending line. Every stated figure still agrees (no reviu finding) and the
    spending total stays Rp2,0 M. Pass as ``write_clean(data_dir, edit_sub_kegiatan)``."""
    rows = tables["anggaran"]
    rows[1]["kode_program"] = "4.01.01"
    i = next(n for n, r in enumerate(rows) if r.get("kegiatan") == KEGIATAN_TERBAGI)
    rows[i]["kode_kegiatan"] = "4.01.01.1.02"
    subs = [{"jenis": "belanja", "program": PROGRAM, "kegiatan": KEGIATAN_TERBAGI,
             "sub_kegiatan": nama, "kode_sub_kegiatan": kode, "pagu": pagu,
             "realisasi": realisasi,
             **{f"realisasi_tw{q}": v for q, v in enumerate(tw, start=1)}}
            for nama, kode, pagu, realisasi, tw in SUB_KEGIATAN]
    rows[i + 1:i + 1] = subs
    quarters = {"Penyediaan Jasa Penunjang": ("100.000.000",) * 4,
                "Pengadaan Barang Milik Daerah": ("-",) * 4}
    for row in rows:
        if row.get("kegiatan") in quarters:
            row.update({f"realisasi_tw{q}": v
                        for q, v in enumerate(quarters[row["kegiatan"]], start=1)})


# --------------------------------------------------------------------------- what a reader sees


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script", "title")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    """What a reader sees of ``html`` (text content, whitespace folded)."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


#: Placeholders a reader must never see, and a dash used as a word between words.
PLACEHOLDER = re.compile(r"\b(None|nan|NaN|NaT)\b|<NA>")
DASH_AS_WORD = re.compile(r"\w[ ,.]*\s–\s+\w|\s–[.,;]")
ONCE = ("tidak dapat dihitung", "belum ada data")


def problems_of(text: str) -> list[str]:
    """What a reader must not see in ``text`` (an empty list when it is clean)."""
    found = [f"placeholder {m.group(0)!r}" for m in PLACEHOLDER.finditer(text)]
    found += [f"dash as a word near {text[max(0, m.start() - 20):m.end() + 20]!r}"
              for m in DASH_AS_WORD.finditer(text)]
    found += [f"{phrase!r} {text.count(phrase)} times" for phrase in ONCE
              if text.count(phrase) > 1]
    return found


# --------------------------------------------------------------------------- several units and years


def edit_tahun_sebelumnya(tables: dict) -> None:
    """A variant of CLEAN_TABLES as the unit's workbook of CLEAN_YEAR - 1, agreeing with what
    the CLEAN_YEAR workbook restates of it: IKU-1 target 100, realisation 100; IKU-2 target 6,
    realisation 6; spending pagu Rp1,9 M, realisation Rp1,71 M (two kegiatan at 90%).
    Pass as ``write_clean(data_dir, edit_tahun_sebelumnya)``; the folder year follows
    ``profil.tahun`` when written with :func:`write_unit_year`."""
    tahun = CLEAN_YEAR - 1
    profil = tables["profil"]
    profil.update(tahun=tahun, tanggal_laporan=f"{tahun + 1}-02-20",
                  batas_penyampaian=f"{tahun + 1}-02-28", tanggal_data_pegawai=f"{tahun}-12-31")
    iku2 = tables["indikator"][1]
    iku2.update(target=6, realisasi=6, capaian_dinyatakan=100, penjelasan=None)
    tables["riwayat_kinerja"] = [r for r in tables["riwayat_kinerja"] if r["tahun"] == tahun]
    tables["riwayat_anggaran"] = [r for r in tables["riwayat_anggaran"] if r["tahun"] == tahun]
    program, kegiatan_a, kegiatan_b = tables["anggaran"][1:4]
    program.update(pagu="1.900.000.000", realisasi="1.710.000.000", persen_dinyatakan="90")
    kegiatan_a.update(realisasi="1.350.000.000", persen_dinyatakan="90")
    kegiatan_b.update(realisasi="360.000.000", persen_dinyatakan="90")
    tables["anggaran"] = tables["anggaran"][:4]
    tables["total_dinyatakan"][1]["nilai"] = "2.000.000.000"
    tables["komitmen"][1].update(ambang_tanggal=f"{tahun + 1}-02-28",
                                 realisasi_tanggal=f"{tahun + 1}-02-20")


def edit_di_bawah_minimal(tables: dict) -> None:
    """A variant of CLEAN_TABLES whose spending stays below its minimum: kegiatan
    "Administrasi Umum Perangkat Daerah" realises Rp1,1 M, so the program realises Rp1,5 M of
    Rp2,0 M (75% < 85%), and IKU-2 (lower is better) takes 6 days against a target of 5
    (capaian 5 / 6 = 83,33%). Its stated figures agree with the rows."""
    program, kegiatan_a = tables["anggaran"][1:3]
    program.update(realisasi="1.500.000.000", persen_dinyatakan="75")
    kegiatan_a.update(realisasi="1.100.000.000", persen_dinyatakan="73,33")
    tables["riwayat_anggaran"][1].update(realisasi="1.500.000.000", persen_dinyatakan="75,00%")
    tables["indikator"][1].update(realisasi=6, capaian_dinyatakan="83,33", penjelasan=None)


def write_unit_year(data_dir, unit: str, *edits, **profil) -> Path:
    """Write CLEAN_TABLES after ``edits`` (functions of the tables) and ``profil`` fields as
    ``data_dir/<unit>/<profil.tahun>/lkip.xlsx``; returns the path."""
    tables = copy.deepcopy(CLEAN_TABLES)
    for edit in edits:
        edit(tables)
    tables["profil"].update(profil)
    tahun = tables["profil"]["tahun"]
    return write_workbook(Path(data_dir) / unit / str(tahun) / "lkip.xlsx", tables)


#: The unit-years :func:`write_several` writes: unit -> years (the broken one is left out
#: of the dataset).
SEVERAL = {CLEAN_UNIT: (CLEAN_YEAR - 1, CLEAN_YEAR), "dinas-lain": (CLEAN_YEAR - 1, CLEAN_YEAR),
           "dinas-rusak": (CLEAN_YEAR,)}
LAIN = {"nama_unit": "Bagian Umum Dinas Lain Kabupaten Kupang",
        "kabupaten_kota": "Kabupaten Kupang"}


def _blank_satuan(tables: dict) -> None:
    tables["indikator"][0]["satuan"] = None


def write_several(data_dir) -> Path:
    """A small data folder of two units over two years, and one broken workbook:

    * dinas-contoh CLEAN_YEAR - 1 (:func:`edit_tahun_sebelumnya`) and CLEAN_YEAR (clean): the
      later year restates the earlier exactly as the earlier workbook records it;
    * dinas-lain (Kabupaten Kupang) the same two years, CLEAN_YEAR below its spending
      minimum (:func:`edit_di_bawah_minimal`);
    * dinas-rusak CLEAN_YEAR: IKU-1 without its required ``satuan`` (fails validation).
    """
    data_dir = Path(data_dir)
    write_unit_year(data_dir, CLEAN_UNIT, edit_tahun_sebelumnya)
    write_unit_year(data_dir, CLEAN_UNIT)
    write_unit_year(data_dir, "dinas-lain", edit_tahun_sebelumnya, **LAIN)
    write_unit_year(data_dir, "dinas-lain", edit_di_bawah_minimal, **LAIN)
    write_unit_year(data_dir, "dinas-rusak", _blank_satuan)
    return data_dir

# -- how a page lays out on screen and on paper -------------------------------------------------
#: What a page looks like to a reader at a window width: the document's width, and for every
#: table its caption, the width of its scrolling box and of what it holds, where its caption
#: ends, how its first column is placed; the width of every chart; where every link ends.
_LAYOUT = r"""JSON.stringify({
  width: document.documentElement.scrollWidth,
  tables: [...document.querySelectorAll('table')].map(t => {
    const box = t.closest('.keluaran') || t.parentElement, caption = t.querySelector('caption');
    const first = t.querySelector('tbody td');
    return {caption: caption ? caption.textContent.slice(0, 60) : '',
            box: box.clientWidth, content: box.scrollWidth,
            caption_right: caption ? caption.getBoundingClientRect().right : 0,
            first_column: first ? getComputedStyle(first).position : '',
            cue: getComputedStyle(box).backgroundAttachment};
  }),
  charts: [...document.querySelectorAll('figure img')].map(i => i.getBoundingClientRect().width),
  links: [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent).map(a => {
    const r = a.getBoundingClientRect();
    return {href: a.getAttribute('href'), right: r.right, bottom: r.bottom + window.scrollY};
  }),
})"""


def layout(chromium, page, width: int, height: int = 844) -> dict:
    """:data:`_LAYOUT` of the file ``page`` in a window ``width`` x ``height`` CSS px (a phone
    when narrower than 600 px), measured by the headless ``chromium`` over DevTools (the
    report's own scripts-free page: the measure runs from outside it)."""
    import json

    from lkip_helpers.chromium import Chromium

    browser = Chromium(chromium)
    try:
        target = browser._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser._send("Target.attachToTarget",
                                {"targetId": target, "flatten": True})["sessionId"]
        browser._send("Page.enable", session=session)
        browser._send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            session)
        browser._send("Page.navigate", {"url": Path(page).resolve().as_uri()}, session)
        browser._wait_event("Page.loadEventFired", session)
        result = browser._send("Runtime.evaluate",
                               {"expression": _LAYOUT, "returnByValue": True}, session)
        return json.loads(result["result"]["value"])
    finally:
        browser.close()


def pdf_words(pdf) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Every page of ``pdf`` as (its width, its words as (x0, y0, x1, y1, text)) in points,
    read with poppler's ``pdftotext -bbox``."""
    import subprocess
    from html import unescape

    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">(.*?)</word>')
    return [(float(width), [(float(a), float(b), float(c), float(d), unescape(t))
                            for a, b, c, d, t in word.findall(body)])
            for width, body in re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>',
                                          out, re.S)]


def print_problems(pdf) -> list[str]:
    """Why a report's PDF is not printed at full size with every word inside the text width: a
    word beyond the left or right margin, or the body text smaller than the print stylesheet
    says (Chromium shrinks the whole document when some content is wider than the page). The
    footer (printed apart, never shrunk) gives the height of a word per point of font size."""
    import collections

    from lkip_helpers.html_report import CSS_FILE
    from lkip_helpers.pdf import MARGINS_INCHES, footer_template

    printing = CSS_FILE.read_text("utf-8").split("@media print", 1)[1]
    body_pt = float(re.search(r"body \{[^}]*font-size: ([\d.]+)pt", printing)[1])
    footer_pt = float(re.search(r"font-size:([\d.]+)pt", footer_template(""))[1])
    margin_pt = MARGINS_INCHES["marginLeft"] * 72
    assert MARGINS_INCHES["marginRight"] == MARGINS_INCHES["marginLeft"]
    pages = pdf_words(pdf)
    words = [w for _, page in pages for w in page]
    footer = next(w for w in words if w[4] == "Halaman")
    per_point = (footer[3] - footer[1]) / footer_pt
    # the dot leaders of the Daftar Isi/Tabel/Gambar are many one-character words: not body text
    heights = collections.Counter(round(w[3] - w[1], 2) for w in words if w[4].strip(". "))
    body = heights.most_common(1)[0][0]  # most words are body text
    found = []
    if abs(body / (per_point * body_pt) - 1) > 0.01:
        found.append(f"body text printed at {body / per_point:.2f} pt, not {body_pt} pt")
    for number, (width, page) in enumerate(pages, 1):
        for x0, _, x1, _, text in page:
            if x0 < margin_pt - 0.5 or x1 > width - margin_pt + 0.5:
                found.append(f"page {number}: {text[:30]!r} at {x0:.0f}-{x1:.0f} pt")
    return found
