"""Transcription of the reference case into the embedded workbook.

Source: the LKIP 2023 of Biro Umum Setda Provinsi Nusa Tenggara Timur (27 February 2024), as
extracted in ``../shared/seeds/``. Every figure below is typed exactly as the report prints
it, with the table it comes from; its own percentages and totals are kept even where they
disagree with the arithmetic (the workbook records, the analysis recomputes). Realisations
the report does not give are left blank (None).

Figures are typed here as text, the way the report prints them ("53.809.092.288", "88,05%",
"-"), so that this file can be compared with the seed line by line. At write time
:func:`lkip_helpers.workbook.write_workbook` converts them with :mod:`lkip_helpers.parse`,
so the workbook holds real numbers and dates in numeric cells (a "-" becomes 0, shown "-").

Run once to (re)write ``data/biro-umum-ntt/2023/lkip.xlsx``:

    python scripts/transcribe_seed.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lkip_helpers.config import DATA_DIR, WORKBOOK_NAME  # noqa: E402
from lkip_helpers.workbook import write_workbook  # noqa: E402

PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
INDIKATOR = "Meningkatnya pelayanan terhadap Kepala Daerah/Wakil Kepala Daerah dan Sekretaris Daerah"

PROFIL = {  # Kata Pengantar, signature block; PK appendix items D; Tabel 1.1 heading
    "nama_unit": "Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur",
    "provinsi": "Nusa Tenggara Timur",
    "tahun": 2023,
    "kepala_nama": "George Melkianus Hadjoh, SH",
    "kepala_jabatan": "Kepala Biro Umum",
    "kepala_pangkat": "Pembina Tk. I (IV/b)",
    "kepala_nip": "19650528 198603 1 014",
    "tanggal_laporan": "2024-02-27",
    "batas_penyampaian": "2023-02-04",  # PK item D prints "paling lambat tanggal 4 Februari 2023"
    "periode_renstra": "2019-2023",
    "skala_penilaian": "sakip_ordinal",  # Bab III A: X >= 85 Sangat Berhasil ... X <= 55
    "rumus_polaritas_minimal": "T/R",
    "serapan_minimal_total": 90,  # PK B: Jumlah Belanja+Pendapatan, realisasi minimal 90%
    "tanggal_data_pegawai": "2022-12-31",  # Tabel 1.1-1.3: Keadaan 31 Desember 2022
}

INDIKATOR_ROWS = [  # Tabel 2.2, Tabel 3.1, PK appendix A, Tabel 3.3 (first)
    {
        "kode": "IKU-1",
        "tujuan": "Mewujudkan pelayanan prima bagi pimpinan",
        "sasaran": "Terwujudnya pelayanan yang profesional terhadap kegiatan Kepala Daerah/"
                   "Wakil Kepala Daerah dan Sekretaris Daerah",
        "indikator": INDIKATOR,
        "program": PROGRAM,
        "satuan": "%",
        "polaritas": "maksimal",
        "target": "100% (180 Kegiatan)",
        "realisasi": "100% (180 Kegiatan)",
        "target_renstra": "100%",
        "capaian_dinyatakan": 100,
        "rumus": "Jumlah pelayanan tamu pada tahun berjalan / jumlah pelayanan tamu yang "
                 "direncanakan pada akhir Renstra x 100",
    },
]

KELUARAN_ROWS = [  # Bab III A.1: the four service types and their counts
    {"kode_indikator": "IKU-1", "keluaran": "Fasilitasi koordinasi Forum Komunikasi Pimpinan "
     "Daerah (FORKOPIMDA)", "satuan": "kali", "target": 12, "realisasi": 12},
    {"kode_indikator": "IKU-1", "keluaran": "Fasilitasi tamu dari Pemerintah Pusat, Pemerintah "
     "Provinsi dan Pemerintah Daerah lainnya", "satuan": "kali", "target": 24, "realisasi": 24},
    {"kode_indikator": "IKU-1", "keluaran": "Fasilitasi audiensi dengan tokoh masyarakat, tokoh "
     "agama dan organisasi sosial", "satuan": "kali", "target": 36, "realisasi": 36},
    {"kode_indikator": "IKU-1", "keluaran": "Fasilitasi kunjungan kerja Kepala Daerah, Wakil "
     "Kepala Daerah dan Sekretaris Daerah", "satuan": "kali", "target": 108, "realisasi": 108},
]

RIWAYAT_KINERJA_ROWS = (
    # Tabel 3.2: realisasi "100% (180 Kegiatan)" and capaian 100 for 2020-2023
    [{"kode_indikator": "IKU-1", "tahun": y, "realisasi": "100% (180 Kegiatan)",
      "capaian_dinyatakan": 100, "sumber": "Tabel 3.2"} for y in (2020, 2021, 2022, 2023)]
    # Tabel 3.3 (first): realisation against the Renstra target (100%), 2019-2023
    + [{"kode_indikator": "IKU-1", "tahun": y, "realisasi": r, "sumber": "Tabel 3.3 (Renstra)"}
       for y, r in ((2019, "286%"), (2020, "122,3%"), (2021, "100%"), (2022, "100%"),
                    (2023, "100%"))]
    # Tabel 2.1 (RKT 2023) prints "NA" as the 2022 realisation; PK appendix A prints 100%
    + [{"kode_indikator": "IKU-1", "tahun": 2022, "sumber": "Tabel 2.1 (RKT)", "catatan": "NA"},
       {"kode_indikator": "IKU-1", "tahun": 2022, "realisasi": "100%",
        "sumber": "Perjanjian Kinerja (kondisi 2022)"}]
)

RIWAYAT_ANGGARAN_ROWS = [  # Bab III A.2 text
    {"tahun": 2020, "pagu": "116.943.082.326", "realisasi": "103.454.484.027",
     "persen_dinyatakan": "88,05%", "sumber": "Bab III A.2"},
    {"tahun": 2021, "pagu": "111.617.829.255", "realisasi": "102.309.636.358",
     "persen_dinyatakan": "91,66%", "sumber": "Bab III A.2"},
    {"tahun": 2022, "pagu": "62.755.193.270", "realisasi": "59.473.648.921",
     "persen_dinyatakan": "94,77%", "sumber": "Bab III A.2"},
    {"tahun": 2023, "pagu": "53.809.092.288", "realisasi": "47.214.705.470",
     "persen_dinyatakan": "87,74%", "sumber": "Bab III A.2"},
]


def _kegiatan(name, pagu, realisasi, persen, penjelasan=None):
    return {"jenis": "belanja", "program": PROGRAM, "kegiatan": name, "pagu": pagu,
            "realisasi": realisasi, "persen_dinyatakan": persen, "penjelasan": penjelasan}


ANGGARAN_ROWS = [  # Tabel 3.3 (second); minimums from PK appendix B
    {"jenis": "pendapatan", "pagu": "484.635.653", "realisasi": "339.237.581",
     "persen_dinyatakan": "70", "serapan_minimal": 90},
    {"jenis": "belanja", "program": PROGRAM, "pagu": "53.809.092.288",
     "realisasi": "47.214.705.470", "persen_dinyatakan": "87.74", "serapan_minimal": 85},
    _kegiatan("Perencanaan dan Evaluasi Kinerja Perangkat Daerah",
              "37.877.900", "37.876.900", "99.99"),
    _kegiatan("Administrasi Umum Perangkat Daerah", "16.447.819.900", "13.658.392.671", "83.04"),
    _kegiatan("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
              "121.216.200", "-", "0",
              "Tidak direalisasikan karena menyesuaikan ketersediaan dana daerah dan bukan "
              "prioritas; anggaran diajukan kembali pada tahun 2024."),
    _kegiatan("Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",
              "20.097.197.201", "18.852.560.631", "93.81"),
    _kegiatan("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
              "4.712.974.000", "3.748.914.865", "79.54"),
    _kegiatan("Administrasi Keuangan dan Operasional KDH/ WKDH",
              "3.173.459.200", "2.863.458.812", "90.23"),
    _kegiatan("Fasilitasi Kerumahtangaan Sekretariat Daerah",
              "8.204.727.887", "7.273.651.696", "88.65"),
    _kegiatan("Fasilitasi Materi dan Komunikasi Pimpinan", "1.013.820.000", "779.849.895", "76.92"),
]

ASET_ROWS = [  # Tabel 3.4
    {"kategori": "Tanah", "golongan_kib": "A", "jumlah": 35, "satuan": "Bidang"},
    {"kategori": "Peralatan dan Mesin/Kendaraan", "golongan_kib": "B", "jumlah": 43,
     "satuan": "Kendaraan"},
    {"kategori": "Alat Kantor dan Rumah Tangga", "golongan_kib": "B", "jumlah": "8284",
     "satuan": "Barang rumah tangga & peralatan kantor"},
    {"kategori": "Bangunan dan Gedung", "golongan_kib": "C", "jumlah": 25, "satuan": "Bangunan"},
    {"kategori": "Jalan, Irigasi dan Jaringan", "golongan_kib": "D", "jumlah": 27,
     "satuan": "Jaringan/ irigasi"},
    {"kategori": "Aset Tetap Lainnya", "golongan_kib": "E", "jumlah": 4, "satuan": "Aset lainnya"},
]

PEGAWAI_BAGIAN_ROWS = [  # Bab I A
    {"bagian": "Bagian Rumah Tangga", "jumlah": 37},
    {"bagian": "Bagian Tata Usaha", "jumlah": 35},
    {"bagian": "Bagian Administrasi Keuangan dan Aset", "jumlah": 23},
]

PEGAWAI_PENDIDIKAN_ROWS = [  # Tabel 1.1
    {"jenjang": "S2", "uraian": "S2", "jumlah": 3},
    {"jenjang": "S1", "uraian": "S1", "jumlah": 28},
    {"jenjang": "D-III", "uraian": "D-III", "jumlah": 5},
    {"jenjang": "SLTA", "uraian": "SLTA/SMK/KPAA", "jumlah": 58},
    {"jenjang": "SLTP", "uraian": "SLTP", "jumlah": 1},
    {"jenjang": "SD", "uraian": "SD", "jumlah": "-"},
]

PEGAWAI_GOLONGAN_ROWS = [  # Tabel 1.2, ranks as printed
    {"golongan": g, "pangkat": p, "jumlah": n} for g, p, n in (
        ("IV/c", "Pembina Utama Muda", "-"),
        ("IV/b", "Pembina Muda Tingkat I", 2),
        ("IV/a", "Pembina", 1),
        ("III/d", "Penata Tingkat I", 9),
        ("III/c", "Penata", 8),
        ("III/b", "Penata Muda Tingkat I", 24),
        ("III/a", "Penata Muda", 15),
        ("II/d", "Pengatur Tingkat I", 8),
        ("II/c", "Pengatur", 14),
        ("II/b", "Pengatur Muda Tingkat I", 12),
        ("II/a", "Pengatur Muda", 1),
        ("I/d", "Juru Tingkat I", 1),
        ("I/c", "Juru", "-"),
        ("I/b", "Juru Muda Tingkat I", "-"),
        ("I/a", "Juru Muda", "-"),
    )
]

PEGAWAI_JABATAN_ROWS = [  # Tabel 1.3
    {"jabatan": "Eselon II", "jenis_jabatan": "struktural", "jumlah": 1, "laki_laki": 1,
     "perempuan": "-"},
    {"jabatan": "Eselon III", "jenis_jabatan": "struktural", "jumlah": 3, "laki_laki": 3,
     "perempuan": "-"},
    {"jabatan": "Eselon IV", "jenis_jabatan": "struktural", "jumlah": 1, "laki_laki": "-",
     "perempuan": 1},
    {"jabatan": "Pejabat Fungsional", "jenis_jabatan": "fungsional", "jumlah": 5, "laki_laki": 3,
     "perempuan": 2},
]

TOTAL_DINYATAKAN_ROWS = [
    {"lembar": "pegawai_bagian", "kolom": "jumlah", "nilai": 104, "sumber": "Bab I A",
     "catatan": "Personil yang tersebar di semua bagian sebanyak 104 orang"},
    {"lembar": "pegawai_pendidikan", "kolom": "jumlah", "nilai": 95, "sumber": "Tabel 1.1"},
    {"lembar": "pegawai_golongan", "kolom": "jumlah", "nilai": 95, "sumber": "Tabel 1.2"},
    {"lembar": "pegawai_jabatan", "kolom": "jumlah", "nilai": 10, "sumber": "Tabel 1.3"},
    {"lembar": "pegawai_jabatan", "kolom": "laki_laki", "nilai": 7, "sumber": "Tabel 1.3"},
    {"lembar": "pegawai_jabatan", "kolom": "perempuan", "nilai": 3, "sumber": "Tabel 1.3"},
    {"lembar": "aset", "kolom": "jumlah", "nilai": 8418, "sumber": "Tabel 3.4"},
    {"lembar": "keluaran", "kolom": "target", "nilai": 180, "sumber": "Tabel 3.1"},
    {"lembar": "keluaran", "kolom": "realisasi", "nilai": 180, "sumber": "Tabel 3.1"},
    {"lembar": "anggaran", "kolom": "pagu", "nilai": "54.293.727.941",
     "sumber": "Perjanjian Kinerja lampiran B",
     "catatan": "Jumlah Belanja + Pendapatan (APBD)"},
]

KOMITMEN_ROWS = [  # Perjanjian Kinerja appendix, items C-L; realisations not reported
    {"butir": "C", "uraian": "Belanja menggunakan aplikasi e-Purchasing dari pagu belanja "
     "pengadaan barang dan jasa Perangkat Daerah", "pembanding": "minimal", "ambang": 40,
     "satuan": "%"},
    {"butir": "D", "uraian": "Penyampaian LKPD, LKPJ dan LKIP", "pembanding": "paling_lambat",
     "ambang_tanggal": "2023-02-04", "keterangan": "Tertulis: paling lambat tanggal 4 Februari 2023"},
    {"butir": "E", "uraian": "Nilai pelaksanaan SAKIP", "pembanding": "lebih_dari", "ambang": 70,
     "satuan": "nilai", "keterangan": "Minimal BB (>70-80)"},
    {"butir": "F", "uraian": "Rata-rata realisasi kinerja individu dalam SKP",
     "pembanding": "minimal", "ambang": 90, "satuan": "%"},
    {"butir": "G.1a", "uraian": "Tindak lanjut temuan BPK dan APJP tahun 2023: administrasi",
     "pembanding": "minimal", "ambang": 100, "satuan": "%"},
    {"butir": "G.1b", "uraian": "Tindak lanjut temuan BPK dan APJP tahun 2023: keuangan",
     "pembanding": "minimal", "ambang": 80, "satuan": "%"},
    {"butir": "G.2a", "uraian": "Tindak lanjut temuan BPK dan APJP di bawah tahun 2023: "
     "administrasi", "pembanding": "minimal", "ambang": 100, "satuan": "%"},
    {"butir": "G.2b", "uraian": "Tindak lanjut temuan BPK dan APJP di bawah tahun 2023: keuangan",
     "pembanding": "minimal", "ambang": 80, "satuan": "%"},
    {"butir": "H", "uraian": "Jumlah inovasi Perangkat Daerah", "pembanding": "minimal",
     "ambang": 2, "satuan": "jenis"},
    {"butir": "I", "uraian": "Pengelolaan tata naskah dinas dan penerapan tanda tangan "
     "elektronik melalui aplikasi SRIKANDI", "pembanding": "paling_lambat",
     "ambang_tanggal": "2023-01-31", "keterangan": "Tertulis: paling lambat Januari 2023"},
    {"butir": "J", "uraian": "Indeks Kepuasan Masyarakat terhadap pelayanan publik",
     "pembanding": "minimal", "ambang": "76,61", "satuan": "indeks",
     "keterangan": "Minimal kategori Baik (76,61-88,30)"},
    {"butir": "K", "uraian": "Tingkat Keterbukaan Informasi Publik", "pembanding": "minimal",
     "ambang": "76,99", "satuan": "nilai", "keterangan": "Minimal kategori Menuju Informatif"},
    {"butir": "L", "uraian": "Jumlah kerja sama dengan lembaga mitra/NGO/LSM/pihak lain yang "
     "mendukung pencapaian target IKU Perangkat Daerah", "pembanding": "tanpa_ambang"},
]

TABLES = {
    "profil": PROFIL,
    "indikator": INDIKATOR_ROWS,
    "keluaran": KELUARAN_ROWS,
    "riwayat_kinerja": RIWAYAT_KINERJA_ROWS,
    "riwayat_anggaran": RIWAYAT_ANGGARAN_ROWS,
    "anggaran": ANGGARAN_ROWS,
    "aset": ASET_ROWS,
    "pegawai_bagian": PEGAWAI_BAGIAN_ROWS,
    "pegawai_pendidikan": PEGAWAI_PENDIDIKAN_ROWS,
    "pegawai_golongan": PEGAWAI_GOLONGAN_ROWS,
    "pegawai_jabatan": PEGAWAI_JABATAN_ROWS,
    "total_dinyatakan": TOTAL_DINYATAKAN_ROWS,
    "komitmen": KOMITMEN_ROWS,
}

if __name__ == "__main__":
    out = DATA_DIR / "biro-umum-ntt" / "2023" / WORKBOOK_NAME
    write_workbook(out, TABLES)
    print(f"wrote {out}")
