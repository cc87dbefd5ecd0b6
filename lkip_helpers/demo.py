"""``lkip demo FOLDER``: a fictional province of unit-year workbooks to try the workbook on.

:func:`buat_demo` writes the *Provinsi Contoh Nusantara*, a local government that does not
exist, into a folder of the user's choice: up to 40 units (dinas, badan, biro) of three sizes
over several years, each unit-year a workbook of the documented schema written by
:func:`lkip_helpers.workbook.write_workbook`. Every value is generated from a seed; nothing is
copied from the embedded reference workbook. Every report made from it says it is demo data:
``profil.nama_unit`` ends in "(DATA DEMO)", ``induk_organisasi`` says "data demo, fiktif" (both
on the cover) and the Kata Pengantar says so in words.

What it holds (the shape an analyst meets across a local government):

* indicators of both polarities (``maksimal`` and ``minimal``) with outputs, quarterly figures
  for some units and history rows (``riwayat_kinerja``, ``riwayat_anggaran``) that agree with the
  earlier years' own workbooks, except where a difference is planted on purpose;
* budgets on the three levels of Permendagri 90/2019 (program, kegiatan, sub kegiatan) with
  codes, quarterly realisation for some units and revenue for some; stated subtotals and
  percentages that agree with the lines below them;
* staff and assets for most units, Perjanjian Kinerja commitments, the narrative sheet ``narasi``
  (complete for most units; for a few only partial, or only the Kata Pengantar: their reports
  are drafts);
* a few unit-years below their Perjanjian Kinerja minimums, and the deliberate problems of
  :data:`SENGAJA`, always on the same units (the first eight of the list) so that a small demo
  has them too: two workbooks that fail ``lkip check``, a stated total the reviu finds, and a
  year that restates the year before differently from that year's own workbook.

Reproducible: a unit-year's content depends only on the seed, the unit, the year and the first
and last years asked for (the deliberate problems sit in those years), never on how many units
are asked for or on how the writing is shared out. Loading a demo written twice with the same
arguments gives equal frames (the files differ only in their timestamps).

Layer: calculations. The generator states every derived figure (capaian, absorption, subtotals)
the way a consistent report does, so it computes them with :mod:`lkip_helpers.hitung` and
:func:`lkip_helpers.kinerja.capaian`, the functions the reviu checks them with; it writes with the
loading layer's :mod:`lkip_helpers.workbook`.

Safe: the folder must be new or hold no workbook, unless it is a demo folder written earlier
(its manifest :data:`MANIFEST` lists every workbook with its SHA-256) and ``force`` is given; then
only the demo's own unchanged workbooks are replaced or removed. A workbook the demo did not
write, or one changed since, is never touched: :class:`DemoRefused` is raised and nothing is
written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import config
from .errors import LkipError, UsageError
from .hitung import bulatkan_persen, persentase
from .i18n import Msg, _, ngettext
from .kinerja import capaian
from .schema import GOLONGAN_RUANG, JENJANG_PENDIDIKAN
from .workbook import write_workbook

DEFAULT_SEED = 2024
DEFAULT_YEARS = (2021, 2022, 2023, 2024)
DEFAULT_UNITS = 36
PROVINSI = "Contoh Nusantara"
IBU_KOTA = "Kota Contoh Raya"
#: Ends every unit name: the cover, the index and every page title say it.
TANDA_DEMO = "(DATA DEMO)"
#: The manifest of a demo folder: what was written, with each workbook's SHA-256.
MANIFEST = "lkip-demo.json"

# Features of a unit-year (HasilDemo.ciri). The first four are the deliberate problems.
PAGU_NEGATIF = "pagu_negatif"  # a negative pagu: lkip check fails
KODE_TIDAK_DIKENAL = "kode_tidak_dikenal"  # keluaran names an unknown indicator: check fails
TOTAL_BERBEDA = "total_berbeda"  # a stated total that disagrees: a reviu finding
RIWAYAT_BERBEDA = "riwayat_berbeda"  # restates the previous year differently from its workbook
DI_BAWAH_MINIMAL = "di_bawah_minimal"  # absorption below the Perjanjian Kinerja minimums
TANPA_PEGAWAI = "tanpa_pegawai"
TANPA_ASET = "tanpa_aset"
DRAF = "draf"  # a regulated narrative section is empty: the report is a draft
BELUM_ADA_REALISASI = "belum_ada_realisasi"  # an indicator's realisation not yet known
#: The problems that make ``lkip check`` (the loader) fail.
GAGAL_CHECK = frozenset({PAGU_NEGATIF, KODE_TIDAK_DIKENAL})

#: The deliberate problems: (unit, which year, feature). "terakhir": the last year asked for,
#: "pertama": the first; RIWAYAT_BERBEDA needs two years or more. Documented in README.md.
SENGAJA = (
    ("dinas-perhubungan", "terakhir", PAGU_NEGATIF),
    ("inspektorat", "pertama", KODE_TIDAK_DIKENAL),
    ("badan-pendapatan", "terakhir", TOTAL_BERBEDA),
    ("dinas-sosial", "terakhir", RIWAYAT_BERBEDA),
    ("dinas-kesehatan", "terakhir", DI_BAWAH_MINIMAL),
)
#: The unknown indicator code of KODE_TIDAK_DIKENAL; the amount TOTAL_BERBEDA adds (Rp).
KODE_ASING = "IKU-9"
SELISIH_TOTAL = 250_000_000


class DemoRefused(LkipError, FileExistsError):
    """The folder holds workbooks the demo may not replace; nothing was written (exit 1)."""

    exit_code = 1


# --------------------------------------------------------------------------- the units


@dataclass(frozen=True)
class Unit:
    """One unit of the fictional province (the catalogue :data:`KATALOG`)."""

    slug: str
    nama: str  # without the province, e.g. "Dinas Kesehatan"
    singkatan: str
    ukuran: str  # besar, sedang, kecil
    urusan: str  # code prefix of its programs (Permendagri 90/2019 style)
    bidang: str  # what it serves, lower case, for generated texts
    program: tuple[str, ...]  # its own programs (besides the supporting one)
    objek: tuple[str, ...]  # what its kegiatan and sections are about
    #: Its own lower-is-better indicator: (text, unit of measure, low, high, decimals).
    minimal: tuple[str, str, float, float, int] | None = None
    pendapatan: bool = False
    pegawai: bool = True
    aset: bool = True
    narasi: str = "lengkap"  # lengkap, sebagian (a draft), kosong (only the Kata Pengantar)
    jabatan: str = ""  # the head's position; blank: "Kepala <nama>"

    @property
    def jenis(self) -> str:
        return self.nama.split()[0].lower()

    @property
    def nama_lengkap(self) -> str:
        induk = "Sekretariat Daerah " if self.jenis == "biro" else ""
        return f"{self.nama} {induk}Provinsi {PROVINSI} {TANDA_DEMO}"

    @property
    def jabatan_kepala(self) -> str:
        return self.jabatan or f"Kepala {self.nama}"


U = Unit
#: The units, in the order ``--units N`` takes them. The first eight carry the deliberate
#: problems and features (SENGAJA and the flags here) so that a small demo has them all.
KATALOG: tuple[Unit, ...] = (
    U("dinas-pendidikan", "Dinas Pendidikan dan Kebudayaan", "Dikbud", "besar", "1.01",
      "pendidikan", ("Program Pengelolaan Pendidikan", "Program Pendidik dan Tenaga "
                     "Kependidikan", "Program Pengembangan Kebudayaan"),
      ("Sekolah Menengah Atas", "Sekolah Menengah Kejuruan", "Pendidikan Khusus",
       "Tenaga Pendidik", "Cagar Budaya"),
      ("Angka putus sekolah jenjang SMA/SMK", "%", 0.8, 2.0, 2)),
    U("biro-organisasi", "Biro Organisasi", "Biro Organisasi", "kecil", "4.01",
      "kelembagaan dan tata laksana", ("Program Penataan Organisasi",),
      ("Kelembagaan", "Tata Laksana", "Analisis Jabatan", "Reformasi Birokrasi"),
      pegawai=False),
    U("dinas-kesehatan", "Dinas Kesehatan", "Dinkes", "besar", "1.02", "kesehatan",
      ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
       "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
       "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman"),
      ("Kesehatan Ibu dan Anak", "Gizi Masyarakat", "Penyakit Menular", "Laboratorium Kesehatan",
       "Tenaga Kesehatan"),
      ("Angka kematian ibu per 100.000 kelahiran hidup", "per 100.000 KH", 120, 220, 0),
      pendapatan=True),
    U("badan-pendapatan", "Badan Pendapatan Daerah", "Bapenda", "sedang", "5.02",
      "pendapatan daerah", ("Program Pengelolaan Pendapatan Daerah",),
      ("Pajak Kendaraan Bermotor", "Retribusi Daerah", "Samsat Keliling", "Data Wajib Pajak"),
      ("Persentase tunggakan pajak kendaraan bermotor", "%", 8, 15, 2), pendapatan=True),
    U("dinas-perhubungan", "Dinas Perhubungan", "Dishub", "sedang", "2.15", "perhubungan",
      ("Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan",
       "Program Pengelolaan Pelayaran"),
      ("Terminal Penumpang", "Angkutan Antarkota", "Pelabuhan Penyeberangan",
       "Keselamatan Lalu Lintas"),
      ("Angka kecelakaan lalu lintas per 10.000 kendaraan", "per 10.000 kendaraan", 4, 9, 1),
      pendapatan=True),
    U("biro-hukum", "Biro Hukum", "Biro Hukum", "kecil", "4.01", "hukum",
      ("Program Fasilitasi Produk Hukum Daerah",),
      ("Produk Hukum Daerah", "Bantuan Hukum", "Dokumentasi Hukum"), aset=False,
      narasi="sebagian"),
    U("inspektorat", "Inspektorat Daerah", "Inspektorat", "kecil", "6.01", "pengawasan",
      ("Program Penyelenggaraan Pengawasan", "Program Perumusan Kebijakan, Pendampingan dan "
       "Asistensi"),
      ("Pemeriksaan Reguler", "Reviu Laporan Keuangan", "Pengaduan Masyarakat",
       "Zona Integritas"),
      ("Persentase temuan berulang hasil pengawasan", "%", 10, 25, 2), jabatan="Inspektur"),
    U("dinas-sosial", "Dinas Sosial", "Dinsos", "sedang", "1.06", "sosial",
      ("Program Rehabilitasi Sosial", "Program Perlindungan dan Jaminan Sosial",
       "Program Penanganan Bencana"),
      ("Penyandang Disabilitas", "Lanjut Usia", "Anak Terlantar", "Fakir Miskin"),
      ("Persentase penduduk miskin", "%", 17, 22, 2)),
    U("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR", "besar", "1.03",
      "pekerjaan umum", ("Program Penyelenggaraan Jalan", "Program Pengelolaan Sumber Daya Air",
                         "Program Penataan Bangunan Gedung"),
      ("Jalan Provinsi", "Jembatan", "Irigasi", "Air Baku", "Bangunan Gedung"),
      ("Persentase jalan provinsi dalam kondisi rusak berat", "%", 10, 20, 2)),
    U("bappeda", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bappeda",
      "sedang", "5.01", "perencanaan pembangunan",
      ("Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
       "Program Penelitian dan Pengembangan Daerah"),
      ("Dokumen Perencanaan", "Rencana Kerja Pemerintah Daerah", "Evaluasi Pembangunan",
       "Inovasi Daerah")),
    U("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "sedang", "5.02",
      "keuangan daerah", ("Program Pengelolaan Keuangan Daerah",
                          "Program Pengelolaan Barang Milik Daerah"),
      ("Anggaran Daerah", "Perbendaharaan", "Akuntansi dan Pelaporan", "Barang Milik Daerah")),
    U("badan-kepegawaian", "Badan Kepegawaian Daerah", "BKD", "sedang", "5.03", "kepegawaian",
      ("Program Kepegawaian Daerah",),
      ("Mutasi dan Promosi", "Penilaian Kinerja ASN", "Data Kepegawaian", "Pensiun ASN"),
      ("Rata-rata waktu penerbitan SK kenaikan pangkat", "hari", 10, 25, 1)),
    U("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "kecil", "1.05",
      "penanggulangan bencana", ("Program Penanggulangan Bencana",),
      ("Kesiapsiagaan Bencana", "Tanggap Darurat", "Rehabilitasi Pascabencana"),
      ("Rata-rata waktu tanggap darurat bencana", "jam", 6, 24, 1)),
    U("dinas-pertanian", "Dinas Pertanian dan Ketahanan Pangan", "Distanpan", "sedang", "3.27",
      "pertanian", ("Program Penyediaan dan Pengembangan Sarana Pertanian",
                    "Program Penanganan Kerawanan Pangan"),
      ("Benih Unggul", "Pupuk Bersubsidi", "Penyuluhan Pertanian", "Cadangan Pangan"),
      ("Persentase daerah rawan pangan", "%", 8, 16, 2)),
    U("dinas-kelautan", "Dinas Kelautan dan Perikanan", "DKP", "sedang", "3.25",
      "kelautan dan perikanan", ("Program Pengelolaan Kelautan, Pesisir dan Pulau-Pulau Kecil",
                                 "Program Pengelolaan Perikanan Tangkap"),
      ("Nelayan Kecil", "Kawasan Konservasi", "Budidaya Rumput Laut", "Pelabuhan Perikanan"),
      pendapatan=True),
    U("dinas-pariwisata", "Dinas Pariwisata dan Ekonomi Kreatif", "Disparekraf", "kecil",
      "3.26", "pariwisata", ("Program Peningkatan Daya Tarik Destinasi Pariwisata",
                             "Program Pemasaran Pariwisata"),
      ("Destinasi Wisata", "Desa Wisata", "Ekonomi Kreatif", "Promosi Pariwisata")),
    U("dinas-nakertrans", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "sedang",
      "2.07", "ketenagakerjaan", ("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja",
                                  "Program Penempatan Tenaga Kerja"),
      ("Balai Latihan Kerja", "Pencari Kerja", "Pekerja Migran", "Kawasan Transmigrasi"),
      ("Tingkat pengangguran terbuka", "%", 3, 5, 2)),
    U("dinas-lhk", "Dinas Lingkungan Hidup dan Kehutanan", "DLHK", "sedang", "2.11",
      "lingkungan hidup", ("Program Pengendalian Pencemaran dan Kerusakan Lingkungan Hidup",
                           "Program Pengelolaan Hutan"),
      ("Kualitas Air Sungai", "Limbah B3", "Hutan Kemasyarakatan", "Rehabilitasi Lahan"),
      ("Persentase lahan kritis", "%", 12, 20, 2)),
    U("dinas-kominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", "kecil", "2.16",
      "komunikasi dan informatika", ("Program Pengelolaan Informasi dan Komunikasi Publik",
                                     "Program Pengelolaan Aplikasi Informatika"),
      ("Informasi Publik", "Jaringan Intra Pemerintah", "Aplikasi Layanan Publik",
       "Keamanan Informasi")),
    U("dinas-pmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "kecil", "2.13",
      "pemberdayaan masyarakat desa", ("Program Penataan Desa",
                                       "Program Pemberdayaan Lembaga Kemasyarakatan"),
      ("Desa Mandiri", "Badan Usaha Milik Desa", "Kader Pemberdayaan", "Aparatur Desa")),
    U("dinas-p3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "kecil",
      "2.08", "perlindungan perempuan dan anak", ("Program Perlindungan Perempuan",
                                                  "Program Pemenuhan Hak Anak"),
      ("Korban Kekerasan", "Kabupaten Layak Anak", "Pengarusutamaan Gender"),
      ("Jumlah kasus kekerasan terhadap perempuan dan anak", "kasus", 150, 300, 0)),
    U("dinas-esdm", "Dinas Energi dan Sumber Daya Mineral", "ESDM", "kecil", "3.23",
      "energi dan sumber daya mineral", ("Program Pengelolaan Energi Terbarukan",
                                         "Program Pengelolaan Mineral dan Batubara"),
      ("Listrik Desa", "Energi Surya", "Izin Pertambangan", "Air Tanah")),
    U("dinas-peternakan", "Dinas Peternakan", "Disnak", "sedang", "3.27", "peternakan",
      ("Program Penyediaan dan Pengembangan Sarana Peternakan",
       "Program Pengendalian Kesehatan Hewan"),
      ("Ternak Sapi", "Inseminasi Buatan", "Kesehatan Hewan", "Pakan Ternak"),
      pendapatan=True),
    U("dinas-perkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Perkim", "sedang",
      "1.04", "perumahan", ("Program Pengembangan Perumahan", "Program Kawasan Permukiman"),
      ("Rumah Tidak Layak Huni", "Sanitasi Permukiman", "Air Minum", "Kawasan Kumuh"),
      ("Persentase rumah tidak layak huni", "%", 10, 18, 2)),
    U("dispora", "Dinas Kepemudaan dan Olahraga", "Dispora", "kecil", "2.19",
      "kepemudaan dan olahraga", ("Program Pengembangan Kapasitas Daya Saing Kepemudaan",
                                  "Program Pengembangan Kapasitas Daya Saing Keolahragaan"),
      ("Organisasi Kepemudaan", "Atlet Berprestasi", "Sarana Olahraga"), narasi="kosong"),
    U("dinas-perpustakaan", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "kecil", "2.23",
      "perpustakaan dan kearsipan", ("Program Pembinaan Perpustakaan",
                                     "Program Pengelolaan Arsip"),
      ("Perpustakaan Desa", "Minat Baca", "Arsip Statis", "Arsip Dinamis"), pegawai=False),
    U("dinas-dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil", "kecil", "2.12",
      "administrasi kependudukan", ("Program Pendaftaran Penduduk",
                                    "Program Pengelolaan Informasi Administrasi Kependudukan"),
      ("KTP Elektronik", "Akta Kelahiran", "Data Kependudukan"),
      ("Rata-rata waktu penerbitan dokumen kependudukan", "hari", 1, 5, 1)),
    U("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "kecil",
      "2.18", "penanaman modal", ("Program Pelayanan Penanaman Modal",
                                  "Program Promosi Penanaman Modal"),
      ("Perizinan Berusaha", "Promosi Investasi", "Pengaduan Perizinan"),
      ("Rata-rata waktu penyelesaian perizinan", "hari", 3, 10, 1)),
    U("satpol-pp", "Satuan Polisi Pamong Praja", "Satpol PP", "kecil", "1.05",
      "ketenteraman dan ketertiban umum",
      ("Program Peningkatan Ketenteraman dan Ketertiban Umum",),
      ("Penegakan Peraturan Daerah", "Perlindungan Masyarakat", "Patroli Ketertiban"),
      ("Jumlah pelanggaran peraturan daerah", "kasus", 80, 200, 0)),
    U("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "kecil", "8.01",
      "kesatuan bangsa dan politik",
      ("Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
       "Program Peningkatan Peran Partai Politik"),
      ("Wawasan Kebangsaan", "Partai Politik", "Organisasi Kemasyarakatan", "Kewaspadaan Dini"),
      aset=False),
    U("bpsdm", "Badan Pengembangan Sumber Daya Manusia", "BPSDM", "kecil", "5.04",
      "pengembangan kompetensi aparatur", ("Program Pengembangan Sumber Daya Manusia",),
      ("Pelatihan Kepemimpinan", "Pelatihan Teknis", "Sertifikasi Kompetensi"),
      pendapatan=True),
    U("sekretariat-dprd", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", "sedang",
      "4.02", "dukungan kedewanan", ("Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD",),
      ("Persidangan DPRD", "Reses Anggota DPRD", "Kehumasan DPRD", "Fasilitasi Fraksi"),
      jabatan="Sekretaris DPRD"),
    U("biro-pemerintahan", "Biro Pemerintahan", "Biro Pemerintahan", "kecil", "4.01",
      "pemerintahan", ("Program Pemerintahan dan Kesejahteraan Rakyat",),
      ("Otonomi Daerah", "Batas Wilayah", "Kerja Sama Daerah")),
    U("biro-perekonomian", "Biro Perekonomian dan Administrasi Pembangunan",
      "Biro Perekonomian", "kecil", "4.01", "perekonomian",
      ("Program Perekonomian dan Pembangunan",),
      ("Badan Usaha Milik Daerah", "Pengendalian Inflasi", "Administrasi Pembangunan")),
    U("biro-kesra", "Biro Kesejahteraan Rakyat", "Biro Kesra", "kecil", "4.01",
      "kesejahteraan rakyat", ("Program Pemerintahan dan Kesejahteraan Rakyat",),
      ("Kehidupan Beragama", "Hibah Sosial", "Pendidikan dan Kesehatan")),
    U("rsud", "Rumah Sakit Umum Daerah", "RSUD", "besar", "1.02", "pelayanan rumah sakit",
      ("Program Pemenuhan Upaya Kesehatan Perorangan",),
      ("Rawat Inap", "Rawat Jalan", "Instalasi Gawat Darurat", "Alat Kesehatan"),
      ("Angka kematian pasien lebih dari 48 jam (net death rate)", "permil", 20, 35, 1),
      pendapatan=True, jabatan="Direktur Rumah Sakit Umum Daerah"),
    U("biro-pengadaan", "Biro Pengadaan Barang dan Jasa", "Biro PBJ", "kecil", "4.01",
      "pengadaan barang dan jasa", ("Program Pengadaan Barang dan Jasa",),
      ("Tender", "Katalog Elektronik", "Pembinaan Pengadaan")),
    U("dinas-perindag", "Dinas Perindustrian dan Perdagangan", "Disperindag", "sedang",
      "3.30", "perindustrian dan perdagangan", ("Program Pengembangan Ekspor",
                                                "Program Perencanaan dan Pembangunan Industri"),
      ("Pasar Rakyat", "Industri Kecil Menengah", "Metrologi Legal", "Stabilitas Harga"),
      pendapatan=True),
    U("dinas-koperasi", "Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM", "kecil",
      "2.17", "koperasi dan usaha kecil", ("Program Pemberdayaan dan Perlindungan Koperasi",
                                           "Program Pemberdayaan Usaha Mikro"),
      ("Koperasi Aktif", "Usaha Mikro", "Pelatihan Kewirausahaan")),
    U("badan-penghubung", "Badan Penghubung Daerah", "Banhub", "kecil", "5.05",
      "penghubung daerah", ("Program Fasilitasi Penghubung Daerah",),
      ("Promosi Daerah", "Layanan Tamu Daerah", "Wisma Daerah")),
)
KATALOG_BY_SLUG = {u.slug: u for u in KATALOG}

# --------------------------------------------------------------------------- word lists

#: First names of men (NIP gender digit 1) and of women (digit 2).
NAMA_DEPAN = (("Agustinus", "Yohanes", "Hendrikus", "Dominikus", "Ahmad", "Rudolf", "Petrus",
               "Yosef", "Bernadus", "Andreas", "Markus", "Stefanus", "Ignasius", "Daniel",
               "Benediktus"),
              ("Maria", "Fransiska", "Yuliana", "Theresia", "Siti", "Margaretha", "Elisabeth",
               "Kristina", "Veronika", "Agnes", "Lusia", "Rosalia", "Katarina", "Ruth",
               "Yasinta"))
NAMA_BELAKANG = ("Seran", "Manafe", "Bria", "Tefa", "Lado", "Koli", "Ndun", "Boimau", "Riwu",
                 "Sabu", "Nalle", "Fanggi", "Haba", "Dethan", "Kapitan", "Lerik", "Mone", "Naat",
                 "Pandie", "Rohi", "Sine", "Taka", "Umbu", "Wila", "Djami", "Ledo", "Bessie",
                 "Amalo", "Kana", "Nubatonis")
GELAR = ("S.H., M.H.", "S.E., M.M.", "S.T., M.T.", "Dr. S.Pd., M.Pd.", "S.Sos., M.Si.",
         "dr. M.Kes.", "S.P., M.Sc.", "S.STP., M.AP.", "Ir. M.T.", "S.Kom., M.T.I.")
PANGKAT_KEPALA = ("Pembina Utama Muda (IV/c)", "Pembina Tingkat I (IV/b)",
                  "Pembina Utama Madya (IV/d)")
PANGKAT = {"IV/e": "Pembina Utama", "IV/d": "Pembina Utama Madya", "IV/c": "Pembina Utama Muda",
           "IV/b": "Pembina Tingkat I", "IV/a": "Pembina", "III/d": "Penata Tingkat I",
           "III/c": "Penata", "III/b": "Penata Muda Tingkat I", "III/a": "Penata Muda",
           "II/d": "Pengatur Tingkat I", "II/c": "Pengatur", "II/b": "Pengatur Muda Tingkat I",
           "II/a": "Pengatur Muda", "I/d": "Juru Tingkat I", "I/c": "Juru",
           "I/b": "Juru Muda Tingkat I", "I/a": "Juru Muda"}
#: Share of civil servants per education level and per rank (apportioned to whole numbers).
BOBOT_PENDIDIKAN = {"S3": 0.5, "S2": 11, "S1": 46, "D-IV": 4, "D-III": 10, "D-II": 1,
                    "D-I": 1, "SLTA": 23, "SLTP": 2.5, "SD": 1}
BOBOT_GOLONGAN = {"IV/e": 0.2, "IV/d": 0.5, "IV/c": 1.5, "IV/b": 4, "IV/a": 8, "III/d": 13,
                  "III/c": 12, "III/b": 16, "III/a": 14, "II/d": 6, "II/c": 8, "II/b": 6,
                  "II/a": 6, "I/d": 2, "I/c": 1.5, "I/b": 0.8, "I/a": 0.5}
KEGIATAN_PENUNJANG = (
    ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     ("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Evaluasi Kinerja Perangkat Daerah")),
    ("Administrasi Keuangan Perangkat Daerah",
     ("Penyediaan Gaji dan Tunjangan ASN", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi "
      "Keuangan SKPD")),
    ("Administrasi Umum Perangkat Daerah",
     ("Penyediaan Bahan Logistik Kantor", "Penyelenggaraan Rapat Koordinasi dan Konsultasi "
      "SKPD", "Penyediaan Peralatan dan Perlengkapan Kantor")),
    ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
     ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "Penyediaan Jasa Pelayanan "
      "Umum Kantor")),
    ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     ("Penyediaan Jasa Pemeliharaan Kendaraan Dinas", "Pemeliharaan Gedung Kantor")),
)
PROGRAM_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
KATA_KEGIATAN = ("Pengelolaan", "Pembinaan", "Pengembangan", "Fasilitasi", "Penyelenggaraan",
                 "Peningkatan Kualitas")
KATA_SUB = ("Penyediaan Sarana", "Bimbingan Teknis", "Monitoring dan Evaluasi", "Sosialisasi",
            "Penyusunan Data", "Koordinasi")
KATA_KELUARAN = (("Layanan konsultasi", "layanan"), ("Fasilitasi", "kali"),
                 ("Pembinaan", "kali"), ("Dokumen kajian", "dokumen"),
                 ("Monitoring", "kali"))
PENDAPATAN_BAPENDA = ("Pajak Kendaraan Bermotor", "Bea Balik Nama Kendaraan Bermotor",
                      "Pajak Bahan Bakar Kendaraan Bermotor", "Pajak Air Permukaan",
                      "Pajak Rokok")
ASET = (  # kategori, KIB, satuan, count range (small unit), value per item (Rp, range)
    ("Tanah", "A", "Bidang", (1, 12), (400_000_000, 3_000_000_000)),
    ("Peralatan dan Mesin", "B", "Unit", (60, 900), (2_000_000, 40_000_000)),
    ("Gedung dan Bangunan", "C", "Unit", (2, 25), (800_000_000, 6_000_000_000)),
    ("Jalan, Irigasi dan Jaringan", "D", "Unit", (1, 20), (200_000_000, 4_000_000_000)),
    ("Aset Tetap Lainnya", "E", "Unit", (10, 300), (500_000, 5_000_000)),
    ("Konstruksi Dalam Pengerjaan", "F", "Paket", (1, 3), (500_000_000, 5_000_000_000)),
)
UKURAN = {  # spending (Rp), staff, programs of its own, kegiatan per program, indicators
    "besar": dict(belanja=(300e9, 1.2e12), pns=(250, 700), program=3, kegiatan=(2, 4),
                  indikator=5, aset=6.0),
    "sedang": dict(belanja=(40e9, 200e9), pns=(80, 220), program=2, kegiatan=(2, 3),
                   indikator=4, aset=2.5),
    "kecil": dict(belanja=(5e9, 30e9), pns=(25, 70), program=2, kegiatan=(2, 3),
                  indikator=3, aset=1.0),
}
DEMO_TEKS = "*(Teks demo.)*"


# --------------------------------------------------------------------------- helpers


def _persen(bagian: Any, keseluruhan: Any) -> float | None:
    """``bagian / keseluruhan x 100`` rounded by THE rounding rule, as a report states it."""
    nilai = bulatkan_persen(persentase(bagian, keseluruhan))
    return None if nilai is None else float(nilai)


def _rp(x: float, step: int = 1000) -> int:
    """A Rupiah amount rounded to ``step`` (budgets are planned in round thousands)."""
    return max(step, round(x / step) * step)


def _bagi(total: int, bobot: Sequence[float]) -> list[int]:
    """``total`` apportioned to whole numbers by weight (largest remainder; sum exact)."""
    jumlah = sum(bobot)
    mentah = [total * b / jumlah for b in bobot]
    bulat = [int(x) for x in mentah]
    sisa = sorted(range(len(bobot)), key=lambda i: (bulat[i] - mentah[i], i))
    for i in sisa[:total - sum(bulat)]:
        bulat[i] += 1
    return bulat


def _bagi_rp(total: int, bobot: Sequence[float], step: int = 1000) -> list[int]:
    """``total`` Rupiah apportioned by weight in multiples of ``step`` (sum exact)."""
    return [x * step for x in _bagi(total // step, bobot)]


def _bulat(x: float, desimal: int) -> float | int:
    return round(x) if desimal == 0 else round(x, desimal)


def _orang(rng: random.Random, gelar: bool = True) -> tuple[str, str]:
    """A fictional official: name (with degrees when ``gelar``) and NIP (gender digit to match)."""
    jenis = rng.randint(1, 2)
    nama = f"{rng.choice(NAMA_DEPAN[jenis - 1])} {rng.choice(NAMA_BELAKANG)}"
    lahir = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randrange(365 * 16))
    angkat = lahir.year + rng.randint(24, 30)
    nip = f"{lahir:%Y%m%d} {angkat}{rng.randint(1, 12):02d} {jenis} {rng.randint(1, 20):03d}"
    return (f"{nama}, {rng.choice(GELAR)}" if gelar else nama), nip


def _capaian(target: Any, realisasi: Any, polaritas: str, rumus_minimal: str) -> float | None:
    """Capaian as the report states it: kinerja's formula, rounded like the reviu rounds it."""
    nilai = capaian(target, realisasi, polaritas, rumus_minimal).nilai
    return None if nilai is None else float(bulatkan_persen(nilai))


# --------------------------------------------------------------------------- structure


@dataclass
class _Indikator:
    kode: str
    teks: str
    satuan: str
    polaritas: str
    desimal: int
    dasar: float  # target of 2019
    langkah: float  # change of the target per year
    sasaran: str
    program: str
    rumus: str
    keluaran: tuple[tuple[str, str, int], ...] = ()  # (name, unit of count, base target)

    def target(self, tahun: int) -> float | int:
        if self.keluaran:
            return 100
        nilai = self.dasar + self.langkah * (tahun - 2019)
        if self.satuan == "%":
            nilai = min(nilai, 100.0)
        return _bulat(max(nilai, 10 ** -self.desimal if self.desimal else 1), self.desimal)


@dataclass
class _Struktur:
    """What stays the same for a unit across the years (drawn once from the unit's seed)."""

    unit: Unit
    kepala: list[tuple[int, str, str, str]]  # (from year, name, NIP, rank)
    indikator: list[_Indikator]
    #: program name -> (code, weight, [(kegiatan, code, weight, [(sub, code, weight)])])
    anggaran: list[tuple[str, str, float, list[tuple[str, str, float, list[tuple[str, str,
                                                                           float]]]]]]
    belanja: float  # spending of 2020
    tumbuh: float  # growth per year
    pendapatan: float  # revenue target of 2020 (0: none)
    triwulan_anggaran: bool
    triwulan_indikator: bool
    rumus_minimal: str
    skala: str
    batas_capaian: int | None
    serapan_minimal: int
    serapan_minimal_total: int
    pns: int
    bagian: list[str]
    aset: list[tuple[str, str, str, int, int]]  # kategori, KIB, satuan, count, value per item
    kondisi: bool
    laki: float  # share of men among officials


# --------------------------------------------------------------------------- generator


@dataclass
class _Provinsi:
    """The demo province of one seed and span of years: builds each unit-year's tables."""

    seed: int
    tahun: tuple[int, ...]
    _struktur: dict[str, _Struktur] = field(default_factory=dict)
    _data: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)

    def rng(self, *parts: Any) -> random.Random:
        """A random generator for one purpose: seeded by the seed and ``parts`` (a string
        seed is hashed with SHA-512 by ``random``, so the same parts give the same draws on
        every platform and run)."""
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    @property
    def pertama(self) -> int:
        return self.tahun[0]

    @property
    def terakhir(self) -> int:
        return self.tahun[-1]

    # -- features ----------------------------------------------------------------------------

    def ciri(self, unit: Unit, tahun: int) -> frozenset[str]:
        """The features of a unit-year (the constants above), deliberate problems included."""
        found = set()
        for slug, kapan, kode in SENGAJA:
            if slug != unit.slug:
                continue
            if kode == RIWAYAT_BERBEDA and len(self.tahun) < 2:
                continue
            if tahun == (self.terakhir if kapan == "terakhir" else self.pertama):
                found.add(kode)
        rng = self.rng(unit.slug, tahun, "ciri")
        if rng.random() < 0.08:
            found.add(DI_BAWAH_MINIMAL)
        draf = rng.random() < 0.2 and tahun == self.terakhir
        if unit.narasi != "lengkap" or draf:
            found.add(DRAF)
        if tahun == self.terakhir and rng.random() < 0.05:
            found.add(BELUM_ADA_REALISASI)
        if not unit.pegawai:
            found.add(TANPA_PEGAWAI)
        if not unit.aset:
            found.add(TANPA_ASET)
        return frozenset(found)

    # -- what stays -------------------------------------------------------------------------

    def struktur(self, unit: Unit) -> _Struktur:
        if unit.slug not in self._struktur:
            self._struktur[unit.slug] = self._buat_struktur(unit)
        return self._struktur[unit.slug]

    def _buat_struktur(self, u: Unit) -> _Struktur:
        rng = self.rng(u.slug, "struktur")
        size = UKURAN[u.ukuran]
        kepala = [(0, *_orang(rng), rng.choice(PANGKAT_KEPALA))]
        if rng.random() < 0.3:  # a new head from a later year
            kepala.append((rng.choice((2022, 2023, 2024)), *_orang(rng),
                           rng.choice(PANGKAT_KEPALA)))
        programs = list(u.program[:size["program"]])
        anggaran = [self._program(rng, PROGRAM_PENUNJANG, f"{u.urusan}.01", rng.uniform(0.8, 1.4),
                                  [KEGIATAN_PENUNJANG[i] for i in sorted(rng.sample(
                                      range(len(KEGIATAN_PENUNJANG)), rng.randint(3, 5)))],
                                  u.ukuran, penunjang=True)]
        for n, nama in enumerate(programs, start=2):
            objek = rng.sample(u.objek, min(len(u.objek), rng.randint(*size["kegiatan"])))
            kegiatan = [(f"{rng.choice(KATA_KEGIATAN)} {o}", ()) for o in objek]
            anggaran.append(self._program(rng, nama, f"{u.urusan}.{n:02d}", rng.uniform(0.5, 1.2),
                                          kegiatan, u.ukuran, objek=objek))
        indikator = self._indikator(rng, u, programs[0] if programs else PROGRAM_PENUNJANG)
        aset = []
        for kategori, kib, satuan, (lo, hi), (vlo, vhi) in ASET:
            if kib in "DF" and rng.random() < 0.6:
                continue
            jumlah = max(1, int(rng.randint(lo, hi) * size["aset"] * rng.uniform(0.7, 1.3)))
            aset.append((kategori, kib, satuan, jumlah, _rp(rng.uniform(vlo, vhi), 100_000)))
        return _Struktur(
            unit=u, kepala=kepala, indikator=indikator, anggaran=anggaran,
            belanja=rng.uniform(*size["belanja"]), tumbuh=rng.uniform(-0.03, 0.08),
            pendapatan=(rng.uniform(0.8e12, 2.2e12) if u.slug == "badan-pendapatan" else
                        rng.uniform(1e9, 40e9) if u.pendapatan else 0.0),
            triwulan_anggaran=rng.random() < 0.5, triwulan_indikator=rng.random() < 0.35,
            rumus_minimal="(2T-R)/T" if rng.random() < 0.25 else "T/R",
            skala="permendagri_86_2017" if rng.random() < 0.15 else "sakip_ordinal",
            batas_capaian=120 if rng.random() < 0.3 else None,
            serapan_minimal=rng.choice((80, 85, 85, 85)),
            serapan_minimal_total=rng.choice((85, 90, 90)),
            pns=rng.randint(*size["pns"]),
            bagian=["Sekretariat"] + [("Bagian " if u.jenis == "biro" else "Bidang ") + o
                                      for o in u.objek[:4]],
            aset=aset, kondisi=rng.random() < 0.7, laki=rng.uniform(0.4, 0.75),
        )

    def _program(self, rng: random.Random, nama: str, kode: str, bobot: float,
                 kegiatan: list[tuple[str, Sequence[str]]], ukuran: str, penunjang: bool = False,
                 objek: Sequence[str] = ()):
        """A program with its kegiatan and (for larger units) sub kegiatan, weights and codes."""
        rows = []
        for k, (nama_k, subs) in enumerate(kegiatan, start=1):
            kode_k = f"{kode}.{2 if penunjang else 1}.{k:02d}"
            if ukuran == "besar" or (ukuran == "sedang" and rng.random() < 0.6):
                if not subs:
                    o = objek[k - 1]
                    subs = [f"{kata} {o}" for kata in rng.sample(KATA_SUB, rng.randint(2, 3))]
                sub = [(s, f"{kode_k}.{i:04d}", rng.uniform(0.3, 1.0))
                       for i, s in enumerate(subs, start=1)]
            else:
                sub = []
            rows.append((nama_k, kode_k, rng.uniform(0.3, 1.0), sub))
        return (nama, kode, bobot, rows)

    def _indikator(self, rng: random.Random, u: Unit, program: str) -> list[_Indikator]:
        sasaran_1 = f"Meningkatnya kualitas layanan {u.bidang}"
        sasaran_2 = f"Meningkatnya akuntabilitas kinerja {u.singkatan}"
        keluaran = tuple(
            (f"{kata} {o.lower()}", satuan, rng.randint(4, 60))
            for (kata, satuan), o in zip(rng.sample(KATA_KELUARAN, 3), u.objek[:rng.randint(2, 3)]))
        found = [_Indikator("", f"Persentase layanan {u.bidang} yang terlaksana sesuai rencana",
                            "%", "maksimal", 2, 100, 0, sasaran_1, program,
                            "Jumlah layanan terlaksana / jumlah layanan yang direncanakan x 100",
                            keluaran)]
        if u.minimal:
            teks, satuan, lo, hi, desimal = u.minimal
            found.append(_Indikator("", teks, satuan, "minimal", desimal, rng.uniform(lo, hi) * 1.1,
                                    -(hi - lo) * rng.uniform(0.03, 0.08), sasaran_1, program,
                                    f"{teks} pada akhir tahun berjalan"))
        else:
            found.append(_Indikator("", f"Rata-rata waktu penyelesaian layanan {u.bidang}", "hari",
                                    "minimal", 1, rng.uniform(5, 12), -rng.uniform(0.2, 0.5),
                                    sasaran_1, program,
                                    "Jumlah hari penyelesaian seluruh layanan / jumlah layanan"))
        found += [
            _Indikator("", f"Indeks kepuasan masyarakat terhadap layanan {u.bidang}", "indeks",
                       "maksimal", 2, rng.uniform(72, 80), rng.uniform(0.5, 1.5), sasaran_1,
                       program, "Hasil survei kepuasan masyarakat (skala 0-100)"),
            _Indikator("", f"Jumlah inovasi layanan {u.bidang}", "inovasi", "maksimal", 0,
                       rng.randint(1, 3), rng.choice((0, 0.5, 1)), sasaran_1, program,
                       "Jumlah inovasi yang diterapkan pada tahun berjalan"),
            _Indikator("", "Persentase rekomendasi hasil pemeriksaan yang belum ditindaklanjuti",
                       "%", "minimal", 2, rng.uniform(12, 25), -rng.uniform(1, 2.5), sasaran_2,
                       PROGRAM_PENUNJANG, "Rekomendasi belum ditindaklanjuti / seluruh "
                       "rekomendasi x 100"),
        ]
        n = UKURAN[u.ukuran]["indikator"] - (rng.random() < 0.4)
        found = found[:n]
        for i, ind in enumerate(found, start=1):
            ind.kode = f"IKU-{i}"
        return found

    # -- what changes each year --------------------------------------------------------------

    def data(self, unit: Unit, tahun: int) -> dict[str, Any]:
        """The figures of one unit-year, as its own workbook states them (before any deliberate
        problem): indicators, outputs, budget lines and totals, staff, assets."""
        key = (unit.slug, tahun)
        if key not in self._data:
            self._data[key] = self._buat_data(unit, tahun)
        return self._data[key]

    def _buat_data(self, u: Unit, tahun: int) -> dict[str, Any]:
        s = self.struktur(u)
        rng = self.rng(u.slug, tahun, "data")
        rendah = DI_BAWAH_MINIMAL in self.ciri(u, tahun)
        kinerja = min(1.2, max(0.75, rng.gauss(1.03, 0.06))) * (0.9 if rendah else 1.0)
        indikator = {}
        for ind in s.indikator:
            target = ind.target(tahun)
            keluaran = []
            if ind.keluaran:
                for nama, satuan, dasar in ind.keluaran:
                    t = max(1, int(dasar * (1 + 0.05 * (tahun - 2019))))
                    r = min(t, round(t * min(1.0, kinerja * rng.uniform(0.92, 1.06))))
                    keluaran.append((nama, satuan, t, r))
                realisasi = _persen(sum(k[3] for k in keluaran), sum(k[2] for k in keluaran))
            else:
                f = kinerja * rng.uniform(0.93, 1.08)
                nilai = target * f if ind.polaritas == "maksimal" else target / f
                if ind.satuan == "%":
                    nilai = min(nilai, 100.0)
                realisasi = _bulat(nilai, ind.desimal)
            indikator[ind.kode] = (target, realisasi, keluaran)
        belanja = _rp(s.belanja * (1 + s.tumbuh) ** (tahun - 2020) * rng.uniform(0.92, 1.08),
                      1_000_000)
        return {"kinerja": kinerja, "indikator": indikator,
                "anggaran": self._anggaran(s, rng, belanja, rendah),
                "pendapatan": self._pendapatan(s, rng, tahun, rendah),
                "pns": max(5, int(s.pns * (1 + rng.uniform(-0.04, 0.04)))),
                "aset": [(k, kib, sat, max(1, int(n * (1 + 0.03 * (tahun - 2021)))), nilai)
                         for k, kib, sat, n, nilai in s.aset]}

    def _anggaran(self, s: _Struktur, rng: random.Random, belanja: int,
                  rendah: bool) -> list[dict[str, Any]]:
        """The spending lines of one year: programs, kegiatan, sub kegiatan (stated subtotals
        equal to the lines below them), realisation per lowest line, quarters for some units."""
        programs = s.anggaran
        pagu_p = _bagi_rp(belanja, [p[2] * rng.uniform(0.9, 1.1) for p in programs])
        rows = []
        for (nama, kode, _bobot, kegiatan), pagu in zip(programs, pagu_p):
            penunjang = nama == PROGRAM_PENUNJANG
            program_row = {"jenis": "belanja", "program": nama, "kode_program": kode,
                           "serapan_minimal": s.serapan_minimal}
            rows.append(program_row)
            lines = []
            pagu_k = _bagi_rp(pagu, [k[2] * rng.uniform(0.85, 1.15) for k in kegiatan])
            for (nama_k, kode_k, _bobot, sub), pk in zip(kegiatan, pagu_k):
                kegiatan_row = {"jenis": "belanja", "program": nama, "kegiatan": nama_k,
                                "kode_kegiatan": kode_k, "pagu": pk}
                rows.append(kegiatan_row)
                if not sub:
                    lines.append(kegiatan_row)
                    continue
                children = []
                for (nama_s, kode_s, _bobot), ps in zip(sub, _bagi_rp(pk, [x[2] for x in sub])):
                    row = {"jenis": "belanja", "program": nama, "kegiatan": nama_k,
                           "sub_kegiatan": nama_s, "kode_sub_kegiatan": kode_s, "pagu": ps}
                    rows.append(row)
                    children.append(row)
                lines += children
                kegiatan_row["_anak"] = children
            program_row["_anak"] = [r for r in rows if r.get("kegiatan") and
                                    r["program"] == nama and not r.get("sub_kegiatan")]
            for line in lines:
                if rendah and not penunjang:
                    serapan = rng.uniform(0.55, 0.8)
                elif not penunjang and line["pagu"] < belanja * 0.004 and rng.random() < 0.15:
                    serapan = 0.0
                    line["penjelasan"] = ("Tidak direalisasikan karena kegiatan ditunda ke tahun "
                                          "berikutnya (data demo).")
                else:
                    serapan = rng.uniform(0.9, 0.995)
                line["realisasi"] = int(line["pagu"] * serapan)
            self._cukupi(s, lines, rendah)
            if s.triwulan_anggaran:
                for line in lines:
                    line.update(self._triwulan(rng, line["realisasi"]))
        for row in reversed(rows):  # subtotals from the lines below, bottom up
            anak = row.pop("_anak", None)
            if anak:
                row["pagu"] = sum(a["pagu"] for a in anak)
                row["realisasi"] = sum(a["realisasi"] for a in anak)
        for row in rows:
            row["persen_dinyatakan"] = _persen(row["realisasi"], row["pagu"])
        return rows

    @staticmethod
    def _cukupi(s: _Struktur, lines: list[dict[str, Any]], rendah: bool) -> None:
        """A program of a unit-year not meant to fall short meets its minimums: its largest
        lines are raised to 99% until the program and the unit's total minimum are met."""
        if rendah:
            return
        batas = max(s.serapan_minimal, s.serapan_minimal_total) + 0.5
        for line in sorted(lines, key=lambda r: -r["pagu"]):
            pagu = sum(r["pagu"] for r in lines)
            if sum(r["realisasi"] for r in lines) * 100 >= pagu * batas:
                return
            line["realisasi"] = max(line["realisasi"], int(line["pagu"] * 0.99))

    @staticmethod
    def _triwulan(rng: random.Random, realisasi: int) -> dict[str, int]:
        bobot = [rng.uniform(0.1, 0.2), rng.uniform(0.2, 0.3), rng.uniform(0.2, 0.3),
                 rng.uniform(0.3, 0.45)]
        parts = [int(realisasi * b / sum(bobot)) for b in bobot[:3]]
        parts.append(realisasi - sum(parts))
        return {f"realisasi_tw{q}": v for q, v in enumerate(parts, start=1)}

    def _pendapatan(self, s: _Struktur, rng: random.Random, tahun: int,
                    rendah: bool) -> list[dict[str, Any]]:
        """Revenue lines: a total, with its kinds below it for the revenue agency."""
        if not s.pendapatan:
            return []
        pagu = _rp(s.pendapatan * (1 + 0.05 * (tahun - 2020)) * rng.uniform(0.95, 1.05),
                   1_000_000)
        lo, hi = (0.7, 0.85) if rendah else (0.92, 0.995)
        total = {"jenis": "pendapatan", "pagu": pagu, "serapan_minimal": 90}
        if s.unit.slug != "badan-pendapatan":
            total["realisasi"] = int(pagu * rng.uniform(lo, hi))
            total["persen_dinyatakan"] = _persen(total["realisasi"], pagu)
            return [total]
        rows = [{"jenis": "pendapatan", "program": nama, "pagu": p,
                 "realisasi": int(p * rng.uniform(lo, hi))}
                for nama, p in zip(PENDAPATAN_BAPENDA,
                                   _bagi_rp(pagu, (45, 30, 15, 2, 8), 1_000_000))]
        total["realisasi"] = sum(r["realisasi"] for r in rows)
        for row in [total, *rows]:
            row["persen_dinyatakan"] = _persen(row["realisasi"], row["pagu"])
        return [total, *rows]

    # -- the workbook -------------------------------------------------------------------------

    def tables(self, u: Unit, tahun: int) -> dict[str, Any]:
        """The sheets of one unit-year's workbook (``write_workbook``'s ``tables``)."""
        s, d, ciri = self.struktur(u), self.data(u, tahun), self.ciri(u, tahun)
        anggaran = [{k: v for k, v in r.items()} for r in d["pendapatan"] + d["anggaran"]]
        belanja = [r for r in d["anggaran"] if "kegiatan" not in r]  # the program rows
        pagu_belanja = sum(r["pagu"] for r in belanja)
        pagu_total = pagu_belanja + (d["pendapatan"][0]["pagu"] if d["pendapatan"] else 0)
        tables: dict[str, Any] = {
            "profil": self._profil(s, tahun),
            "indikator": self._lembar_indikator(s, tahun, ciri),
            "keluaran": [{"kode_indikator": kode, "keluaran": nama, "satuan": satuan,
                          "target": t, "realisasi": r}
                         for kode, (_, _, keluaran) in d["indikator"].items()
                         for nama, satuan, t, r in keluaran],
            "triwulan": self._lembar_triwulan(s, d) if s.triwulan_indikator else [],
            "riwayat_kinerja": self._riwayat_kinerja(s, tahun, ciri),
            "riwayat_anggaran": self._riwayat_anggaran(u, tahun, ciri),
            "anggaran": anggaran,
            "komitmen": self._komitmen(s, tahun, d),
            "total_dinyatakan": [{"lembar": "anggaran", "kolom": "pagu", "nilai": pagu_total,
                                  "sumber": "Perjanjian Kinerja",
                                  "catatan": "Jumlah belanja dan pendapatan"}],
            "narasi": self._narasi(s, tahun, ciri),
        }
        if not (TANPA_ASET in ciri):
            tables["aset"] = self._lembar_aset(s, d)
            tables["total_dinyatakan"].append(
                {"lembar": "aset", "kolom": "jumlah", "sumber": "Tabel 3.4",
                 "nilai": sum(a["jumlah"] for a in tables["aset"])})
        if not (TANPA_PEGAWAI in ciri):
            tables.update(self._pegawai(s, tahun, d["pns"]))
            tables["total_dinyatakan"].append(
                {"lembar": "pegawai_bagian", "kolom": "jumlah", "nilai": d["pns"],
                 "sumber": "Bab I A"})
        self._sengaja(tables, ciri)
        return tables

    def _kepala(self, s: _Struktur, tahun: int) -> tuple[int, str, str, str]:
        return [k for k in s.kepala if k[0] <= tahun][-1]

    def _profil(self, s: _Struktur, tahun: int) -> dict[str, Any]:
        u = s.unit
        rng = self.rng(u.slug, tahun, "profil")
        _, nama, nip, pangkat = self._kepala(s, tahun)
        awal = 2019 + 5 * ((tahun - 2019) // 5)
        atasan = ("Sekretaris Daerah Provinsi " if u.jenis == "biro" else "Gubernur ") + PROVINSI
        perubahan = rng.random() < 0.2
        return {
            "nama_unit": u.nama_lengkap, "provinsi": PROVINSI,
            "kode_unit": f"{u.urusan}.{KATALOG.index(u) + 1:02d}",
            "induk_organisasi": ("Sekretariat Daerah" if u.jenis == "biro" else "Pemerintah")
            + f" Provinsi {PROVINSI} (data demo, fiktif)",
            "tahun": tahun, "kepala_nama": nama, "kepala_jabatan": u.jabatan_kepala,
            "kepala_pangkat": pangkat, "kepala_nip": nip,
            "tanggal_laporan": dt.date(tahun + 1, 2, rng.randint(5, 26)),
            "batas_penyampaian": dt.date(tahun + 1, 2, 28),
            "periode_renstra": f"{awal}-{awal + 4}", "skala_penilaian": s.skala,
            "rumus_polaritas_minimal": s.rumus_minimal, "batas_capaian": s.batas_capaian,
            "serapan_minimal_total": s.serapan_minimal_total,
            "tanggal_data_pegawai": dt.date(tahun, 12, 31),
            "pk_judul": (f"Perubahan Perjanjian Kinerja Tahun {tahun}" if perubahan
                         else f"Perjanjian Kinerja Tahun {tahun}"),
            "pk_tempat": IBU_KOTA,
            "pk_tanggal": dt.date(tahun, 9 if perubahan else 1, rng.randint(5, 28)),
            "pk_pihak_pertama_nama": nama,
            "pk_pihak_pertama_jabatan": f"{u.jabatan_kepala} Provinsi {PROVINSI}",
            "pk_pihak_kedua_nama": self._atasan(u, tahun),
            "pk_pihak_kedua_jabatan": atasan,
        }

    def _atasan(self, u: Unit, tahun: int) -> str:
        """The governor, or for a biro the regional secretary (the same person for every unit
        of a year; a new one from 2023)."""
        peran = "sekda" if u.jenis == "biro" else "gubernur"
        return _orang(self.rng(peran, "baru" if tahun >= 2023 else "lama"),
                      gelar=peran == "sekda")[0]

    def _renstra(self, ind: _Indikator, tahun: int) -> float | int:
        return ind.target(2019 + 5 * ((tahun - 2019) // 5) + 4)

    def _lembar_indikator(self, s: _Struktur, tahun: int, ciri: frozenset[str]) -> list[dict]:
        d = self.data(s.unit, tahun)
        rows = []
        for n, ind in enumerate(s.indikator):
            target, realisasi, _ = d["indikator"][ind.kode]
            kosong = BELUM_ADA_REALISASI in ciri and n == len(s.indikator) - 1
            if kosong:
                realisasi = None
            nilai = _capaian(target, realisasi, ind.polaritas, s.rumus_minimal)
            renstra = self._renstra(ind, tahun)
            rows.append({
                "kode": ind.kode, "tujuan": f"Meningkatkan kualitas {s.unit.bidang} di Provinsi "
                f"{PROVINSI}", "sasaran": ind.sasaran, "indikator": ind.teks,
                "program": ind.program, "satuan": ind.satuan, "polaritas": ind.polaritas,
                "target": target, "realisasi": realisasi, "target_renstra": renstra,
                "capaian_dinyatakan": nilai,
                "penjelasan": self._penjelasan(nilai, kosong), "rumus": ind.rumus,
                "outcome": f"Meningkatnya kualitas {s.unit.bidang}",
                "benefit": f"Masyarakat memperoleh layanan {s.unit.bidang} yang lebih baik",
                "impact": f"Kesejahteraan masyarakat Provinsi {PROVINSI} meningkat",
            })
        return rows

    @staticmethod
    def _penjelasan(nilai: float | None, kosong: bool) -> str:
        """The explanation every indicator carries (so no capaian above 100% goes unexplained)."""
        if kosong:
            return "Data realisasi belum tersedia saat laporan disusun (data demo)."
        if nilai is not None and nilai > 100:
            return ("Realisasi melampaui target karena dukungan kegiatan yang lebih luas dari "
                    "rencana (data demo).")
        if nilai is not None and nilai < 100:
            return "Target belum tercapai karena keterbatasan waktu dan sumber daya (data demo)."
        return "Target tercapai sesuai rencana (data demo)."

    def _lembar_triwulan(self, s: _Struktur, d: dict[str, Any]) -> list[dict]:
        ind = s.indikator[0]
        target, realisasi, _ = d["indikator"][ind.kode]
        rows = []
        for q, tw in enumerate(("I", "II", "III", "IV"), start=1):
            r = realisasi if q == 4 else round(realisasi * q / 4 * (0.9 + 0.02 * q), 2)
            rows.append({"kode_indikator": ind.kode, "triwulan": tw,
                         "target": round(target * q / 4, 2), "realisasi": r})
        return rows

    def _riwayat_kinerja(self, s: _Struktur, tahun: int, ciri: frozenset[str]) -> list[dict]:
        """Tabel 3.2: each indicator's two previous years (from those years' own figures) and
        this year."""
        rows = []
        lembar_ini = {r["kode"]: r for r in self._lembar_indikator(s, tahun, ciri)}
        for ind in s.indikator:
            for th in (tahun - 2, tahun - 1, tahun):
                if th == tahun:
                    ini = lembar_ini[ind.kode]
                    target, realisasi = ini["target"], ini["realisasi"]
                else:
                    target, realisasi, _ = self.data(s.unit, th)["indikator"][ind.kode]
                    if RIWAYAT_BERBEDA in ciri and th == tahun - 1 and ind.kode == "IKU-1":
                        realisasi = _bulat(realisasi - 2.5, ind.desimal)  # restated, on purpose
                nilai = _capaian(target, realisasi, ind.polaritas, s.rumus_minimal)
                rows.append({"kode_indikator": ind.kode, "tahun": th, "target": target,
                             "realisasi": realisasi, "capaian_dinyatakan": nilai,
                             "sumber": "Tabel 3.2"})
        return rows

    def _riwayat_anggaran(self, u: Unit, tahun: int, ciri: frozenset[str]) -> list[dict]:
        """Spending of the three previous years (from those years' own budgets) and this year."""
        rows = []
        for th in range(tahun - 3, tahun + 1):
            programs = [r for r in self.data(u, th)["anggaran"] if "kegiatan" not in r]
            pagu = sum(r["pagu"] for r in programs)
            realisasi = sum(r["realisasi"] for r in programs)
            if RIWAYAT_BERBEDA in ciri and th == tahun - 1:
                realisasi -= 1_234_567_000  # restated, on purpose
            rows.append({"tahun": th, "pagu": pagu, "realisasi": realisasi,
                         "persen_dinyatakan": _persen(realisasi, pagu), "sumber": "Bab III B"})
        return rows

    def _komitmen(self, s: _Struktur, tahun: int, d: dict[str, Any]) -> list[dict]:
        rng = self.rng(s.unit.slug, tahun, "komitmen")
        profil = self._profil(s, tahun)
        k = d["kinerja"]
        return [
            {"butir": "C", "uraian": "Belanja melalui katalog elektronik (e-Purchasing)",
             "pembanding": "minimal", "ambang": 40, "satuan": "%",
             "realisasi": round(min(95.0, rng.uniform(36, 80) * k), 2)},
            {"butir": "D", "uraian": "Penyampaian LKIP", "pembanding": "paling_lambat",
             "ambang_tanggal": profil["batas_penyampaian"],
             "realisasi_tanggal": profil["tanggal_laporan"]},
            {"butir": "E", "uraian": "Nilai evaluasi SAKIP Perangkat Daerah",
             "pembanding": "lebih_dari", "ambang": 60, "satuan": "nilai",
             "realisasi": round(min(90.0, rng.uniform(60.5, 80) * k), 2),
             "keterangan": "Minimal kategori B"},
            {"butir": "F", "uraian": "Tindak lanjut rekomendasi hasil pemeriksaan BPK",
             "pembanding": "minimal", "ambang": 80, "satuan": "%",
             "realisasi": round(min(100.0, rng.uniform(78, 100) * k), 2)},
        ]

    def _lembar_aset(self, s: _Struktur, d: dict[str, Any]) -> list[dict]:
        rng = self.rng(s.unit.slug, "kondisi")
        rows = []
        for kategori, kib, satuan, jumlah, nilai in d["aset"]:
            row = {"kategori": kategori, "golongan_kib": kib, "jumlah": jumlah,
                   "satuan": satuan, "nilai": jumlah * nilai}
            if s.kondisi:
                berat = int(jumlah * rng.uniform(0, 0.08))
                ringan = int(jumlah * rng.uniform(0, 0.15))
                row.update(kondisi_baik=jumlah - berat - ringan, kondisi_rusak_ringan=ringan,
                           kondisi_rusak_berat=berat)
            rows.append(row)
        return rows

    def _pegawai(self, s: _Struktur, tahun: int, pns: int) -> dict[str, list[dict]]:
        """Staff sheets whose totals agree: sections = education = rank = civil servants."""
        rng = self.rng(s.unit.slug, tahun, "pegawai")
        bagian = _bagi(pns, [3] + [rng.uniform(1, 2) for _ in s.bagian[1:]])
        pendidikan = _bagi(pns, [BOBOT_PENDIDIKAN[j] * rng.uniform(0.7, 1.3)
                                 for j in JENJANG_PENDIDIKAN])
        golongan = _bagi(pns, [BOBOT_GOLONGAN[g] * rng.uniform(0.7, 1.3) for g in GOLONGAN_RUANG])
        eselon = [("Eselon II", "struktural", 1), ("Eselon III", "struktural", len(s.bagian)),
                  ("Eselon IV", "struktural", 2 * len(s.bagian) - 1),
                  ("Pejabat Fungsional", "fungsional", max(2, pns // 8))]
        jabatan = []
        for nama, jenis, n in eselon:
            laki = round(n * min(1.0, s.laki * rng.uniform(0.8, 1.2)))
            jabatan.append({"jabatan": nama, "jenis_jabatan": jenis, "jumlah": n,
                            "laki_laki": laki, "perempuan": n - laki})
        return {
            "pegawai_bagian": [{"bagian": b, "jumlah": n} for b, n in zip(s.bagian, bagian)],
            "pegawai_pendidikan": [{"jenjang": j, "jumlah": n}
                                   for j, n in zip(JENJANG_PENDIDIKAN, pendidikan) if n],
            "pegawai_golongan": [{"golongan": g, "pangkat": PANGKAT[g], "jumlah": n}
                                 for g, n in zip(GOLONGAN_RUANG, golongan) if n],
            "pegawai_jabatan": jabatan,
        }

    def _narasi(self, s: _Struktur, tahun: int, ciri: frozenset[str]) -> list[dict]:
        """Short texts for the report's sections, each saying it is demo text; a draft leaves
        the analysis and the conclusions out; a unit with narasi "kosong" writes only the Kata
        Pengantar, which says the report is demo data."""
        u = s.unit
        singkat = u.singkatan
        rows = [
            ("kata_pengantar", None, None,
             f"Laporan Kinerja Instansi Pemerintah (LKIP) {singkat} Tahun {tahun} disusun "
             f"sebagai pertanggungjawaban atas pelaksanaan tugas dan fungsi {u.nama} Provinsi "
             f"{PROVINSI}."),
            ("kata_pengantar", None, None,
             f"**Data demo.** Laporan ini dibuat secara otomatis oleh perintah *lkip demo* untuk "
             f"Provinsi {PROVINSI}, pemerintah daerah fiktif. Nama unit kerja, nama pejabat, "
             f"angka dan teks di dalamnya adalah rekaan dan tidak menggambarkan instansi atau "
             f"orang mana pun."),
            ("ikhtisar_eksekutif", None, None,
             f"Pada tahun {tahun} {singkat} menetapkan {len(s.indikator)} indikator kinerja "
             f"utama dalam Perjanjian Kinerja. Capaian dan serapan anggaran yang disajikan di "
             f"bawah ini dihitung dari buku kerja data demo. {DEMO_TEKS}"),
            ("latar_belakang", None, None,
             f"Laporan kinerja disusun setiap tahun sebagai bagian dari Sistem Akuntabilitas "
             f"Kinerja Instansi Pemerintah. {DEMO_TEKS}"),
            ("dasar_hukum", None, None,
             "1. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
             "Instansi Pemerintah;\n2. Peraturan Menteri Pendayagunaan Aparatur Negara dan "
             "Reformasi Birokrasi Nomor 53 Tahun 2014;\n3. Peraturan Daerah Provinsi "
             f"{PROVINSI} Nomor 1 Tahun 2016 tentang Perangkat Daerah (fiktif, data demo)."),
            ("tugas_fungsi", None, None,
             f"{u.nama} membantu Gubernur melaksanakan urusan {u.bidang}, antara lain "
             f"{', '.join(o.lower() for o in u.objek[:3])}. {DEMO_TEKS}"),
            ("maksud", None, None,
             f"Laporan ini dimaksudkan sebagai bahan evaluasi kinerja {singkat} tahun {tahun}. "
             f"{DEMO_TEKS}"),
            ("isu_strategis", None, f"Aspek {u.objek[0]}",
             f"Layanan {u.objek[0].lower()} belum merata di seluruh kabupaten/kota. {DEMO_TEKS}"),
            ("isu_strategis", None, "Aspek Sumber Daya",
             f"Jumlah dan kompetensi aparatur belum sebanding dengan beban kerja. {DEMO_TEKS}"),
            ("visi", None, None,
             f"Terwujudnya Provinsi {PROVINSI} yang maju, sejahtera dan berkelanjutan (visi "
             f"fiktif, data demo)."),
            ("misi", None, None,
             "- Meningkatkan kualitas pelayanan publik;\n- Mewujudkan tata kelola pemerintahan "
             f"yang bersih dan akuntabel. {DEMO_TEKS}"),
        ]
        analisis = []
        for row in self._lembar_indikator(s, tahun, ciri):
            nilai = row["capaian_dinyatakan"]
            teks = ("Realisasi belum tersedia; analisis menyusul." if nilai is None else
                    "Target tercapai berkat koordinasi yang baik dengan kabupaten/kota."
                    if nilai >= 100 else
                    "Target belum tercapai karena pelaksanaan kegiatan terlambat.")
            analisis.append(("analisis_penyebab", row["kode"], None, f"{teks} {DEMO_TEKS}"))
        penutup = [
            ("alternatif_solusi", None, None,
             f"Perencanaan kegiatan dimulai lebih awal dan pemantauan dilakukan setiap "
             f"triwulan. {DEMO_TEKS}"),
            ("efisiensi", None, None,
             f"Belanja dilaksanakan sesuai rencana kebutuhan dan melalui katalog elektronik. "
             f"{DEMO_TEKS}"),
            ("realisasi_anggaran", None, None,
             f"Anggaran bersumber dari APBD Provinsi {PROVINSI} Tahun Anggaran {tahun} (data "
             f"demo)."),
            ("kesimpulan", None, None,
             f"Secara umum kinerja {singkat} tahun {tahun} berjalan sesuai rencana. {DEMO_TEKS}"),
            ("saran", None, None,
             "1. Mempercepat pelaksanaan kegiatan pada awal tahun.\n2. Meningkatkan kualitas "
             f"data kinerja. {DEMO_TEKS}"),
            ("penutup", None, None,
             f"Semoga laporan ini bermanfaat sebagai contoh penggunaan buku kerja LKIP. "
             f"{DEMO_TEKS}"),
        ]
        if u.narasi == "kosong":
            rows = rows[:2]
        elif DRAF not in ciri:
            rows += analisis + penutup
        else:  # a draft: the analysis and the closing chapters are still to be written
            rows += [r for r in penutup if r[0] == "realisasi_anggaran"]
        return [{"bagian": b, "kode_indikator": k, "judul": j, "teks": t} for b, k, j, t in rows]

    @staticmethod
    def _sengaja(tables: dict[str, Any], ciri: frozenset[str]) -> None:
        """Plant the deliberate problems of this unit-year (SENGAJA)."""
        if PAGU_NEGATIF in ciri:  # the last spending line's pagu typed with a minus sign
            line = [r for r in tables["anggaran"] if r["jenis"] == "belanja"][-1]
            line["pagu"] = -line["pagu"]
        if KODE_TIDAK_DIKENAL in ciri:  # an output under an indicator the sheet does not have
            tables["keluaran"][-1]["kode_indikator"] = KODE_ASING
        if TOTAL_BERBEDA in ciri:  # the stated total of the Perjanjian Kinerja is off
            tables["total_dinyatakan"][0]["nilai"] += SELISIH_TOTAL


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class HasilDemo:
    """What :func:`buat_demo` wrote: the folder, the workbooks and each unit-year's features
    (``ciri``: the constants PAGU_NEGATIF ... BELUM_ADA_REALISASI)."""

    folder: Path
    seed: int
    units: tuple[str, ...]
    tahun: tuple[int, ...]
    workbooks: tuple[Path, ...]
    ciri: dict[tuple[str, int], frozenset[str]]
    detik: float

    def dengan(self, kode: str) -> list[tuple[str, int]]:
        """The unit-years that have feature ``kode``, in unit and year order."""
        return [key for key, found in self.ciri.items() if kode in found]


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _tulis(tugas: tuple[str, dict[str, Any]]) -> str:
    """Write one workbook (in a worker process); return its SHA-256."""
    path, tables = tugas
    write_workbook(path, tables)
    return _sha256(Path(path))


def _periksa_folder(folder: Path, force: bool) -> list[Path]:
    """The demo workbooks already in ``folder`` that may be replaced; raise DemoRefused when
    the folder holds any other workbook, or any workbook at all without ``force``."""
    if folder.exists() and not folder.is_dir():
        raise DemoRefused(Msg("{folder} is a file, not a folder", folder=folder))
    ada = sorted(folder.rglob("*.xlsx")) if folder.is_dir() else []
    manifest = folder / MANIFEST
    if not ada and not manifest.exists():
        return []
    if not force:
        raise DemoRefused(Msg(
            "{folder} already holds {n} workbook(s); lkip demo writes only into a new or empty "
            "folder (or, with --force, over a demo it wrote there before)", folder=folder,
            n=len(ada)))
    try:
        tercatat = json.loads(manifest.read_text(encoding="utf-8"))["workbooks"]
    except (OSError, ValueError, KeyError, TypeError):
        raise DemoRefused(Msg(
            "{folder} holds workbooks that lkip demo did not write (no {manifest} there); they "
            "are left untouched: choose a new folder", folder=folder, manifest=MANIFEST)) from None
    asing = [p for p in ada
             if tercatat.get(p.relative_to(folder).as_posix()) != _sha256(p)]
    if asing:
        raise DemoRefused(Msg(
            "{n} workbook(s) in {folder} were not written by lkip demo or were changed since "
            "(first: {first}); nothing was written, nothing was replaced", n=len(asing),
            folder=folder, first=asing[0].relative_to(folder)))
    return ada


def buat_demo(folder: Path | str, units: int = DEFAULT_UNITS,
              tahun: Iterable[int] = DEFAULT_YEARS, seed: int = DEFAULT_SEED,
              force: bool = False, jobs: int | None = None) -> HasilDemo:
    """Write the demo province into ``folder`` (``<folder>/<unit>/<year>/lkip.xlsx``).

    ``units``: how many units of :data:`KATALOG` (the first ones); ``tahun``: the years;
    ``seed``: the seed of every value; ``jobs``: worker processes writing workbooks (default:
    the number of CPU cores; 1 writes in this process). ``force``: replace a demo written into
    ``folder`` before (only its own unchanged workbooks; see the module docstring).

    Raises :class:`DemoRefused` (nothing written) and
    :class:`~lkip_helpers.errors.UsageError` for a number of units or a year out of range.
    """
    mulai = time.perf_counter()
    folder = Path(folder)
    if not 1 <= units <= len(KATALOG):
        raise UsageError(Msg("the demo has between 1 and {n} units; {units} were asked for",
                             n=len(KATALOG), units=units))
    years = tuple(sorted({config.check_year(t) for t in tahun}))
    if not years:
        raise UsageError(Msg("the demo needs at least one year"))
    lama = _periksa_folder(folder, force)
    provinsi = _Provinsi(seed, years)
    chosen = KATALOG[:units]
    tugas, ciri = [], {}
    for u in chosen:
        for th in years:
            path = config.unit_year_dir(u.slug, th, folder) / config.WORKBOOK_NAME
            tugas.append((str(path), provinsi.tables(u, th)))
            ciri[(u.slug, th)] = provinsi.ciri(u, th)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tugas)))
    if jobs == 1:
        hashes = [_tulis(t) for t in tugas]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            hashes = list(pool.map(_tulis, tugas, chunksize=max(1, len(tugas) // (jobs * 4))))
    written = [Path(p) for p, _ in tugas]
    folder = folder.resolve()
    baru = {p.resolve() for p in written}
    for old in lama:  # the previous demo's workbooks not written again (unchanged: checked)
        if old.resolve() not in baru:
            old.unlink()
            for parent in (old.parent, old.parent.parent):  # <unit>/<year>/, then <unit>/
                if parent != folder and not any(parent.iterdir()):
                    parent.rmdir()
    manifest = {
        "keterangan": f"Data demo fiktif (Provinsi {PROVINSI}), ditulis oleh lkip demo.",
        "seed": seed, "units": [u.slug for u in chosen], "tahun": list(years),
        "sengaja": sorted([slug, th, kode] for (slug, th), found in ciri.items()
                          for kode in found if kode in (PAGU_NEGATIF, KODE_TIDAK_DIKENAL,
                                                        TOTAL_BERBEDA, RIWAYAT_BERBEDA)),
        "workbooks": {Path(p).resolve().relative_to(folder).as_posix(): h
                      for (p, _), h in zip(tugas, hashes)},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return HasilDemo(folder, seed, tuple(u.slug for u in chosen), years,
                     tuple(written), ciri, time.perf_counter() - mulai)


# --------------------------------------------------------------------------- what the user reads


def _tahun_teks(years: Sequence[int]) -> str:
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


#: What a unit's line says of each feature (in this order), with the years it holds.
CATATAN = (
    (PAGU_NEGATIF, Msg("on purpose: a negative pagu in {years} (lkip check fails)")),
    (KODE_TIDAK_DIKENAL, Msg("on purpose: sheet keluaran names an unknown indicator in {years} "
                             "(lkip check fails)")),
    (TOTAL_BERBEDA, Msg("on purpose: a stated total that disagrees in {years} (lkip check "
                        "--reviu finds it)")),
    (RIWAYAT_BERBEDA, Msg("on purpose: {years} restates the year before differently from that "
                          "year's own workbook")),
    (DI_BAWAH_MINIMAL, Msg("below its Perjanjian Kinerja minimums in {years}")),
    (BELUM_ADA_REALISASI, Msg("an indicator without realisation in {years}")),
    (DRAF, Msg("narrative incomplete (a draft) in {years}")),
    (TANPA_PEGAWAI, Msg("no staff tables")),
    (TANPA_ASET, Msg("no asset table")),
)


def baris_unit(hasil: HasilDemo, slug: str) -> str:
    """One line on a unit: its workbooks, years and features."""
    years = [th for (s, th) in hasil.ciri if s == slug]
    notes = []
    for kode, msg in CATATAN:
        with_it = [th for th in years if kode in hasil.ciri[(slug, th)]]
        if with_it:
            notes.append(Msg(msg.msgid, years=_tahun_teks(with_it)).teks())
    line = ngettext("{unit}: {n} workbook ({years})", "{unit}: {n} workbooks ({years})",
                    len(years)).format(unit=slug, n=len(years), years=_tahun_teks(years))
    return line + ("; " + "; ".join(notes) if notes else "")


def ringkasan(hasil: HasilDemo) -> list[str]:
    """The command's report: one line per unit, a summary line."""
    lines = [baris_unit(hasil, slug) for slug in hasil.units]
    lines.append(_("Wrote {n} workbooks of the fictional Provinsi {provinsi} ({units} units, "
                   "{years}, seed {seed}) to {folder} in {seconds:.1f} s; every report made "
                   "from them says it is demo data.").format(
        n=len(hasil.workbooks), provinsi=PROVINSI, units=len(hasil.units),
        years=_tahun_teks(hasil.tahun), seed=hasil.seed, folder=hasil.folder,
        seconds=hasil.detik))
    return lines
