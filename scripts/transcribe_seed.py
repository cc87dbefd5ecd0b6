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

The narrative (sheet ``narasi``) is different: it states the report's facts in this project's
own words. Figures, names, titles and dates carry over exactly; the report's sentences do not.

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
    # Lampiran: Perubahan Perjanjian Kinerja Tahun 2023, its parties and signature line
    "pk_judul": "Perubahan Perjanjian Kinerja Tahun 2023",
    "pk_tempat": "Kupang",
    "pk_tanggal": "2023-12-07",  # "Kupang, 7 Desember 2023"
    "pk_pihak_pertama_nama": "George Melkianus Hadjoh, SH",
    "pk_pihak_pertama_jabatan": "Kepala Biro Umum Provinsi Nusa Tenggara Timur",
    "pk_pihak_kedua_nama": "Kosmas D. Lana",
    "pk_pihak_kedua_jabatan": "Sekretaris Daerah Provinsi Nusa Tenggara Timur",
}

INDIKATOR_ROWS = [  # Tabel 2.1 (outcome/benefit/impact), 2.2, 3.1, PK appendix A, 3.3 (first)
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
        # Tabel 2.1 (RKT 2023), columns 6-8, as printed
        "outcome": "Meningkatnya penyelenggaraan pemerintahan dan pelayanan publik yang efektif, "
                   "akuntabel, transparan serta partisipatif.",
        "benefit": "Menciptakan Birokrasi yang professional dengan karakteristik, adaptif, "
                   "berintegritas, berkinerja tinggi, bebas dan bersih KKN",
        "impact": "Mewujudkan reformasi birokrasi pemerintahan untuk meningkatkan kualitas "
                  "pelayanan publik",
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

CATATAN_INDIKATOR_LAMA = (
    "Realisasi indikator lama, Jumlah layanan kedinasan Kepala Daerah dan Wakil Kepala Daerah, "
    "dengan empat sub-target (12, 24, 48 dan 96 kali), sebelum perubahan Renstra pada tahun "
    "2021; sejak 2021 indikatornya 180 kegiatan Program Penunjang Urusan Pemerintahan Daerah.")

RIWAYAT_KINERJA_ROWS = (
    # Tabel 3.2: realisasi "100% (180 Kegiatan)" and capaian 100 for 2020-2023
    [{"kode_indikator": "IKU-1", "tahun": y, "realisasi": "100% (180 Kegiatan)",
      "capaian_dinyatakan": 100, "sumber": "Tabel 3.2"} for y in (2020, 2021, 2022, 2023)]
    # Tabel 3.3 (first): realisation against the Renstra target (100%), 2019-2023; Bab III A.3
    # explains 2019-2020 (the indicator before the Renstra change of 2021)
    + [{"kode_indikator": "IKU-1", "tahun": y, "realisasi": r, "sumber": "Tabel 3.3 (Renstra)",
        "catatan": CATATAN_INDIKATOR_LAMA if y < 2021 else None}
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

# Sheet narasi: the unit's text, section by section (BAGIAN_NARASI), rewritten in the project's
# own words from the seed. Figures, names, titles and dates are as printed; the sentences are not
# the seed's (tests/test_load_seed.py checks that no long sentence of the seed is copied). Each
# row: _n(bagian, kode_indikator, judul, teks); one row per paragraph or list.
UNIT = "Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur"


def _n(bagian, kode, judul, teks):
    return {"bagian": bagian, "kode_indikator": kode, "judul": judul, "teks": teks}


NARASI_ROWS = [
    # Kata Pengantar
    _n("kata_pengantar", None, None,
     "Segala puji dan syukur kami sampaikan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat "
     f"dan karunia-Nya Laporan Kinerja Instansi Pemerintah (LKIP) {UNIT} Tahun 2023 dapat "
     "diselesaikan tepat pada waktunya."),
    _n("kata_pengantar", None, None,
     "Laporan ini menjadi wujud pertanggungjawaban Biro Umum atas kinerjanya selama tahun 2023 "
     "dan sarana evaluasi mandiri terhadap capaian kinerja, baik yang telah tercapai maupun yang "
     "belum. Laporan disusun dengan berpedoman pada Peraturan Menteri Negara Pendayagunaan "
     "Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tanggal 20 November 2014 "
     "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas "
     "Laporan Kinerja Instansi Pemerintah."),
    _n("kata_pengantar", None, None,
     "Di dalamnya diuraikan perencanaan kinerja Biro Umum, analisis capaian kinerja tahun 2023, "
     "dan strategi yang ditempuh untuk mencapai target yang telah ditetapkan. Pada umumnya "
     "Biro Umum mencapai target kinerjanya dengan baik. Kami menyadari bahwa masih ada hal yang "
     "belum tercapai pada tahun 2023; hal tersebut menjadi bahan untuk menyusun perencanaan, "
     "kebijakan, dan langkah perbaikan pada tahun berikutnya."),
    _n("kata_pengantar", None, None,
     "Kami berharap laporan ini bermanfaat sebagai umpan balik bagi seluruh pegawai Biro Umum "
     "untuk meningkatkan kinerja pada masa mendatang sesuai dengan tugas dan fungsi "
     "masing-masing."),
    # Ikhtisar Eksekutif
    _n("ikhtisar_eksekutif", None, None,
     f"{UNIT} adalah unit kerja yang menunjang program pimpinan daerah dalam memberikan "
     "pelayanan prima kepada pimpinan dan masyarakat. Rencana Strategis (Renstra) Tahun "
     "2019-2023 memuat visi, misi, tujuan, sasaran, dan kegiatan beserta indikator kinerja, "
     "target, dan rencana alokasi anggaran untuk periode tersebut, dan menjadi acuan penyusunan "
     "program dan kegiatan setiap tahun."),
    _n("ikhtisar_eksekutif", None, None,
     "Sebagai unsur staf yang melayani pimpinan dan masyarakat dalam penyelenggaraan "
     "pemerintahan, pembangunan, dan kemasyarakatan, Biro Umum melaksanakan Misi ke-5, yaitu "
     "**“Mewujudkan Reformasi Birokrasi Pemerintahan Untuk Meningkatkan Kualitas Pelayanan "
     "Publik”**."),
    _n("ikhtisar_eksekutif", None, None,
     "Biro Umum membantu Gubernur dalam urusan ketatausahaan, kerumahtanggaan, serta "
     "administrasi keuangan dan aset daerah pada Sekretariat Daerah Provinsi Nusa Tenggara "
     "Timur. "
     "Pada Tahun Anggaran 2023 Biro Umum melaksanakan Program Penunjang Urusan Pemerintahan "
     "Daerah yang terdiri atas 8 (delapan) kegiatan, dengan realisasi anggaran sebesar 87,74%."),
    # Bab I A: Latar Belakang
    _n("latar_belakang", None, None,
     "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional "
     "menegaskan bahwa pembangunan yang berkeadilan dan demokratis, yang dilaksanakan secara "
     "bertahap dan berkesinambungan, merupakan keharusan untuk memajukan kesejahteraan umum. "
     "Karena itu diperlukan perencanaan pembangunan yang bermutu agar kegiatan pembangunan "
     "berjalan efektif, efisien, dan tepat sasaran. Perencanaan tersebut membantu seluruh "
     "komponen bangsa menetapkan langkah ke depan menurut urutan prioritas dengan "
     "memperhitungkan sumber daya yang ada."),
    _n("latar_belakang", None, None,
     "Agar perencanaan pembangunan berjalan efektif, efisien, dan tepat sasaran, Biro Umum "
     "dituntut menyelenggarakan proses perencanaan yang inklusif, transparan, dan akuntabel. Hal "
     "pokok yang hendak dicapai adalah tata kelola pemerintahan dan pembangunan yang berdaya "
     "guna, berhasil guna, bersih, dan bertanggung jawab, serta bebas dari korupsi, kolusi, dan "
     "nepotisme."),
    # Bab I A: Dasar Hukum
    _n("dasar_hukum", None, None,
     f"Penyusunan LKIP {UNIT} berpedoman pada peraturan perundang-undangan berikut:"),
    _n("dasar_hukum", None, None,
     "1. Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggara Negara yang Bersih dan Bebas "
     "dari Korupsi, Kolusi dan Nepotisme;\n"
     "2. Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;\n"
     "3. Peraturan Presiden Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi "
     "Pemerintah;\n"
     "4. Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tatacara Penyusunan, "
     "Pengendalian, dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah;\n"
     "5. Peraturan Presiden Nomor 29 Tahun 2014, yang mewajibkan setiap instansi pemerintah, "
     "sebagai unsur penyelenggara pemerintahan negara, mempertanggungjawabkan pelaksanaan tugas "
     "pokok dan fungsinya serta kewenangan pengelolaan sumber daya yang dimilikinya;\n"
     "6. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun "
     "2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu "
     "atas Laporan Kinerja Instansi Pemerintah;\n"
     "7. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 12 Tahun "
     "2015 tentang Pedoman Evaluasi SAKIP;\n"
     "8. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
     "Indonesia Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi "
     "Pemerintah."),
    _n("dasar_hukum", None, None,
     "Laporan ini juga mengacu pada dokumen berikut:"),
    _n("dasar_hukum", None, None,
     "1. Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Provinsi Nusa Tenggara Timur Tahun "
     "2019-2023;\n"
     "2. Rencana Kinerja Tahun 2023;\n"
     "3. Perjanjian Kinerja Tahun 2023;\n"
     "4. Dokumen Pelaksanaan Anggaran (DPA) Tahun 2023."),
    # Bab I A: Tugas dan Fungsi
    _n("tugas_fungsi", None, None,
     "Berdasarkan Peraturan Daerah Provinsi Nusa Tenggara Timur Nomor 1 Tahun 2019 tentang "
     "Perubahan atas Peraturan Daerah Provinsi Nusa Tenggara Timur Nomor 9 Tahun 2016 tentang "
     "Pembentukan dan Susunan Perangkat Daerah Provinsi Nusa Tenggara Timur, Biro Umum bertugas "
     "membantu Kepala Daerah melaksanakan kebijakan pemerintah di bidang umum, yang mencakup "
     "kerumahtanggaan, ketatausahaan, serta tata usaha keuangan Sekretariat Daerah Provinsi Nusa "
     "Tenggara Timur."),
    _n("tugas_fungsi", None, None,
     "Dalam melaksanakan tugas tersebut, Biro Umum menjalankan fungsi:"),
    _n("tugas_fungsi", None, None,
     "1. pembinaan serta pemberian petunjuk teknis dalam penataan dan pengendalian "
     "ketatausahaan, kerumahtanggaan, dan perlengkapan;\n"
     "2. pembinaan dan pengendalian tata usaha keuangan pada Sekretariat Daerah Provinsi Nusa "
     "Tenggara Timur;\n"
     "3. pelaksanaan tugas lain dari Gubernur sesuai dengan tugas dan fungsinya."),
    # Bab I A: Struktur Organisasi
    _n("struktur_organisasi", None, None,
     f"Susunan jabatan pada {UNIT} adalah sebagai berikut:"),
    _n("struktur_organisasi", None, None,
     "1. Kepala Biro;\n"
     "2. 3 (tiga) Kepala Bagian, yaitu Kepala Bagian Rumah Tangga, Kepala Bagian Tata Usaha, "
     "dan Kepala Bagian Administrasi Keuangan dan Aset;\n"
     "3. Kepala Sub Bagian Tata Usaha Pimpinan dan Staf Ahli;\n"
     "4. 5 (lima) pejabat fungsional;\n"
     "5. 85 staf pelaksana (PNS)."),
    # Bab I A: Sumber Daya Manusia
    _n("sumber_daya_manusia", None, None,
     "Pelaksanaan tugas dan fungsi Biro Umum ditunjang oleh 3 (tiga) bagian, yaitu Bagian Rumah "
     "Tangga, Bagian Tata Usaha, serta Bagian Administrasi Keuangan dan Aset. Jumlah pegawai per "
     "bagian, menurut tingkat pendidikan, menurut pangkat/golongan, dan menurut jabatan "
     "disajikan pada tabel-tabel berikut."),
    _n("sumber_daya_manusia", None, None,
     "Untuk meningkatkan mutu sumber daya manusia, Biro Umum membuka kesempatan bagi pegawai "
     "untuk menempuh pendidikan lanjutan ke jenjang sarjana (S1 dan S2) pada perguruan tinggi "
     "di Kota Kupang."),
    # Bab I B: Maksud
    _n("maksud", None, None,
     f"LKIP {UNIT} Tahun 2023 disusun untuk memenuhi kewajiban Biro Umum dalam "
     "mempertanggungjawabkan program dan kegiatan yang tercantum dalam Rencana Kerja Tahunan "
     "dan Penetapan Kinerja Tahun 2023. Laporan ini juga menjadi bahan informasi "
     "bagi Pemerintah Provinsi Nusa Tenggara Timur dalam merumuskan strategi, kebijakan, dan "
     "program pembangunan daerah, serta bahan evaluasi bagi Biro Umum untuk memperbaiki kinerja "
     "pada tahun-tahun mendatang."),
    # Bab I C: Isu Strategis
    _n("isu_strategis", None, None,
     "Isu strategis adalah kondisi yang perlu diutamakan dalam perencanaan karena dampaknya "
     "besar bagi pelayanan Biro Umum. Permasalahan utama (*strategic issues*) yang dihadapi "
     f"{UNIT} meliputi dua aspek berikut."),
    _n("isu_strategis", None, "Aspek Pelayanan Publik",
     "Tuntutan masyarakat akan pelayanan publik yang terbaik dari pemerintah makin tinggi, "
     "sehingga mutu pelayanan publik menjadi perhatian. Biro Umum perlu segera menjawab "
     "tuntutan tersebut dengan memperbaiki standar pelayanan, termasuk standar operasional "
     "prosedur (SOP), sumber daya manusia, dan fasilitas pelayanan. Mutu pelayanan saat ini "
     "masih rendah: SOP belum diterapkan secara maksimal, aparatur belum sepenuhnya melayani "
     "secara profesional, ramah, dan transparan, dan fasilitas pelayanan belum memenuhi kriteria "
     "pelayanan prima. Pengendalian atas penerapan standar pelayanan juga masih lemah, sehingga "
     "pelayanan yang ramah, cepat, dan akuntabel belum diberikan secara konsisten."),
    _n("isu_strategis", None, "Aspek Sarana Prasarana",
     "Sarana dan prasarana Biro Umum masih terbatas, baik jumlah maupun mutunya. Kendaraan "
     "dinas/operasional jabatan dan kendaraan lapangan sangat terbatas, penataan parkir "
     "kendaraan roda dua dan roda empat belum maksimal, dan ruang aula belum dapat dimanfaatkan "
     "secara memadai karena tata suara (*sound system*) pendukungnya masih minim."),
    # Bab II A: Visi
    _n("visi", None, None,
     "Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Provinsi Nusa Tenggara Timur "
     "2019-2023, periode IV RPJPD 2005-2025, menetapkan visi **“Nusa Tenggara Timur yang Maju, "
     "Mandiri, Adil dan Makmur dalam Bingkai Negara Kesatuan Republik Indonesia”**."),
    _n("visi", None, None,
     "Cita-cita lima tahun dalam RPJMD tersebut dirumuskan sejalan dengan visi Gubernur dan "
     "Wakil Gubernur, yaitu **“NTT Bangkit Mewujudkan Masyarakat Sejahtera dalam Bingkai Negara "
     "Kesatuan Republik Indonesia”**."),
    _n("visi", None, None,
     "*Bangkit* dimaknai sebagai tindakan aktif dan ajakan bersama kepada seluruh komponen "
     "masyarakat NTT untuk beranjak menuju keadaan yang lebih baik, memanfaatkan seluruh potensi "
     "daerah, dan bekerja keras mengatasi ketertinggalan, antara lain dalam kemiskinan, mutu "
     "pendidikan, jangkauan dan mutu pelayanan kesehatan dasar, infrastruktur dasar, serta "
     "pemanfaatan teknologi produksi dan informasi. *Sejahtera* dimaknai sebagai keadaan "
     "masyarakat yang kebutuhan dan pelayanan dasarnya terpenuhi secara inklusif, sebagai "
     "pengamalan sila ke-5 Pancasila dan alinea ke-4 Pembukaan UUD 1945."),
    # Bab II A: Misi
    _n("misi", None, None,
     "Visi tersebut dijabarkan ke dalam lima misi Pembangunan Jangka Menengah Daerah Provinsi "
     "NTT 2019-2023:"),
    _n("misi", None, None,
     "1. Misi 1: Mewujudkan masyarakat sejahtera, mandiri dan adil;\n"
     "2. Misi 2: Membangun NTT sebagai salah satu gerbang dan pusat pengembangan pariwisata "
     "nasional (*Ring of Beauty*);\n"
     "3. Misi 3: Meningkatkan ketersediaan dan kualitas Infrastruktur untuk mempercepat "
     "pembangunan;\n"
     "4. Misi 4: Meningkatkan kualitas sumber daya manusia;\n"
     "5. Misi 5: Mewujudkan reformasi birokrasi pemerintahan untuk meningkatkan kualitas "
     "pelayanan publik."),
    _n("misi", None, None,
     "Biro Umum, sebagai unsur staf yang melayani pimpinan dan masyarakat, melaksanakan Misi 5, "
     "yang berkaitan langsung dengan tugasnya. Misi ini diarahkan pada penguatan reformasi "
     "birokrasi agar pemerintahan diselenggarakan secara efektif, bersih, jujur, transparan, dan "
     "akuntabel, dengan dukungan aparatur yang profesional dan kelembagaan yang efisien. Dalam "
     "misi ini Biro Umum berperan sebagai unsur staf yang menunjang penyelenggaraan "
     "pemerintahan, pembangunan, dan kemasyarakatan dengan menjunjung transparansi, "
     "partisipasi, dan akuntabilitas."),
    _n("misi", None, None,
     "Untuk mewujudkan misi tersebut, Biro Umum menjalankan tugas **Koordinasi, Pembinaan, "
     "Pengendalian dan Pelaksanaan Tugas Pelayanan Umum** melalui:"),
    _n("misi", None, None,
     "1. pembinaan serta pemberian petunjuk teknis dalam penataan dan pengendalian urusan rumah "
     "tangga pimpinan;\n"
     "2. pembinaan serta pemberian petunjuk teknis dalam pelaksanaan dan pengendalian "
     "ketatausahaan;\n"
     "3. pembinaan dan pengendalian administrasi keuangan dan aset pada Sekretariat Daerah "
     "Provinsi Nusa Tenggara Timur."),
    # Bab II A: Tujuan dan Sasaran
    _n("tujuan", None, None,
     "Tujuan memberi arah bagi pelaksanaan urusan pemerintahan daerah dan fungsi penunjangnya "
     f"dalam mendukung misi. Sejalan dengan visi dan misi di atas, tujuan {UNIT} adalah "
     "mewujudkan Pelayanan Prima bagi Pimpinan dalam menjalankan tugas penyelenggaraan "
     "pemerintahan, pembangunan dan pelayanan kemasyarakatan."),
    _n("sasaran", None, None,
     "Untuk mencapai tujuan tersebut, sasaran yang hendak dicapai Biro Umum adalah meningkatnya "
     "pelayanan terhadap Kepala Daerah/Wakil Kepala Daerah dan Sekretaris Daerah. Dalam Rencana "
     "Kerja Tahunan dan Perjanjian Kinerja, sasaran strategisnya dirumuskan sebagai terwujudnya "
     "pelayanan yang profesional terhadap kegiatan Kepala Daerah/Wakil Kepala Daerah dan "
     "Sekretaris Daerah."),
    # Bab II B and C
    _n("rencana_kerja_tahunan", None, None,
     "Program dan kegiatan merupakan strategi yang menentukan cara mencapai tujuan yang telah "
     "ditetapkan. Langkah konkret yang ditetapkan Biro Umum untuk tahun 2023 tercantum dalam "
     "Rencana Kerja Tahunan (RKT) berikut."),
    _n("perjanjian_kinerja", None, None,
     "Sesuai dengan Peraturan Menteri Pendayagunaan Aparatur Negara Nomor 29 Tahun 2010 tentang "
     "Penyusunan Penetapan Kinerja dan Pelaporan Akuntabilitas Kinerja Instansi Pemerintah, "
     "penetapan kinerja Biro Umum dituangkan dalam perjanjian kinerja antara Kepala Biro Umum "
     "dan atasannya. Dokumen Perubahan Perjanjian Kinerja Tahun 2023 dilampirkan pada laporan "
     "ini."),
    _n("perjanjian_kinerja", None, None,
     "Penetapan Kinerja Tahun 2023 menjadi acuan pengukuran Indikator Kinerja Utama (IKU) Biro "
     "Umum."),
    # Bab III A: Capaian Kinerja Organisasi
    _n("capaian_kinerja", None, None,
     "Akuntabilitas kinerja instansi pemerintah adalah kewajiban instansi pemerintah untuk "
     "mempertanggungjawabkan keberhasilan atau kegagalan pengelolaan sumber daya sesuai dengan "
     "mandat yang diterimanya, melalui program dan kegiatan yang menjabarkan sasaran, dan "
     "dilaporkan secara berkala dalam LKIP."),
    _n("capaian_kinerja", None, None,
     "Kinerja Biro Umum diukur dengan membandingkan target dan realisasi kinerja serta capaian "
     "tahun-tahun sebelumnya, dan hasilnya dinilai dengan skala pengukuran ordinal. Acuan "
     "penilaiannya adalah Renstra Biro Umum Tahun 2019-2023, Rencana Kerja Tahun 2023, dan "
     "Penetapan Kinerja Tahun 2023."),
    _n("capaian_kinerja", None, None,
     "Pada bulan September 2023 Pj. Gubernur dilantik untuk menjalankan tugas kepala daerah "
     "karena masa jabatan Gubernur telah berakhir; sejak itu pelayanan Biro Umum juga diberikan "
     "kepada Pj. Gubernur."),
    # Bab III A.2: comparison with earlier years
    _n("perbandingan_tahun", "IKU-1", None,
     "Biro Umum terus berupaya meningkatkan kinerja pelayanan kepada pimpinan dari tahun ke "
     "tahun. Sesuai dengan Perubahan Renstra Biro Umum Tahun 2019-2023, tugas rutin Biro Umum "
     "dilaksanakan melalui satu program, yaitu Program Penunjang Urusan Pemerintahan Daerah "
     "Provinsi, dengan satu indikator kinerja, yaitu meningkatnya pelayanan terhadap Kepala "
     "Daerah/Wakil Kepala Daerah dan Sekretaris Daerah."),
    _n("perbandingan_tahun", "IKU-1", None,
     "Pagu anggaran Biro Umum cenderung turun, dari Rp116.943.082.326 pada tahun 2020 menjadi "
     "Rp53.809.092.288 pada tahun 2023. Meskipun demikian, realisasi indikator ini tetap 100% "
     "(180 kegiatan) pada tahun 2021, 2022, dan 2023. Sebelum tahun 2021 kinerja diukur dengan "
     "indikator lain; perubahannya diuraikan pada perbandingan dengan target jangka menengah."),
    # Bab III A.3: against the Renstra target (the indicator changed in 2021)
    _n("perbandingan_renstra", "IKU-1", None,
     "Pada tahun 2019 dan 2020 Renstra Biro Umum memuat indikator Jumlah layanan kedinasan "
     "Kepala Daerah dan Wakil Kepala Daerah, yang dilaksanakan melalui 4 (empat) "
     "program/kegiatan dengan target sebagai berikut:"),
    _n("perbandingan_renstra", "IKU-1", None,
     "- Koordinasi FORKOPIMDA, Kepala Daerah dan Wakil Kepala Daerah: 12 kali;\n"
     "- Peningkatan Kerjasama Pemerintah Provinsi dan Pemerintah Daerah Lainnya: 24 kali;\n"
     "- Peningkatan Komunikasi Tokoh Masyarakat/Pimpinan Organisasi Sosial/Keagamaan dan "
     "Pemerintah: 48 kali;\n"
     "- Pemantauan dan Evaluasi Pelaksanaan Kebijakan Kepala Daerah: 96 kali."),
    _n("perbandingan_renstra", "IKU-1", None,
     "Realisasi indikator tersebut adalah 286% pada tahun 2019 dan 122,3% pada tahun 2020."),
    _n("perbandingan_renstra", "IKU-1", None,
     "Mulai tahun 2021, sesuai dengan perubahan Rencana Strategis (Renstra) Tahun 2019-2023, "
     "Biro Umum hanya memiliki 1 (satu) program, yaitu Program Penunjang Urusan Pemerintahan "
     "Daerah, yang mencakup keempat kegiatan sebelumnya. Targetnya 180 kegiatan setiap tahun, "
     "dengan realisasi 100% pada tahun 2021, 2022, dan 2023."),
    # Bab III A.4: causes and solutions
    _n("analisis_penyebab", "IKU-1", None,
     "Keberhasilan kinerja Biro Umum ditunjang oleh manajemen yang baik pada tahap perencanaan, "
     "pelaksanaan, pengawasan, dan evaluasi, dengan dukungan dana serta pelaksanaan kegiatan "
     "secara objektif dan efisien."),
    _n("alternatif_solusi", None, None,
     "Optimalisasi penyelenggaraan pelayanan publik menjadi perhatian utama pemerintah daerah "
     "karena besarnya tuntutan masyarakat. Sebagai lini pendukung (*supporting staff*) "
     "Sekretariat Daerah, Biro Umum berada di garis depan penguatan fungsi pelayanan publik, "
     "karena tugas dan fungsinya adalah memfasilitasi pimpinan, tamu pemerintah daerah, dan "
     "masyarakat."),
    _n("alternatif_solusi", None, None,
     "Untuk mewujudkan pelayanan publik yang profesional, langkah perbaikan yang ditempuh adalah:"),
    _n("alternatif_solusi", None, None,
     "- mengoptimalkan tugas dan fungsi melalui dukungan pimpinan dan kebijakan;\n"
     "- meningkatkan kualitas SDM dan menambah jumlah staf khusus;\n"
     "- menerapkan mekanisme *reward and punishment* secara proporsional;\n"
     "- meningkatkan kualitas SDM melalui pendidikan dan pelatihan khusus dengan dukungan dana "
     "yang memadai, serta memanfaatkan teknologi informasi;\n"
     "- mengembangkan sistem *controlling* dan *monitoring* berbasis teknologi informasi."),
    _n("alternatif_solusi", None, None,
     "Sejalan dengan arah pembangunan daerah, Biro Umum perlu memperkuat kapasitas organisasi "
     "agar dapat menyediakan sarana dan prasarana pelayanan publik yang layak serta SDM "
     "pelayanan yang andal."),
    # Bab III A.5: efficient use of resources
    _n("efisiensi", None, None,
     "Program rutin Biro Umum, yaitu Program Pelayanan Kedinasan Kepala Daerah, Wakil Kepala "
     "Daerah dan Sekretaris Daerah, ditunjang oleh 4 (empat) kegiatan dengan strategi berikut: "
     "forum komunikasi pimpinan daerah (FORKOPIMDA); kerja sama Pemerintah Provinsi dengan "
     "pemerintah daerah lain dan Pemerintah Pusat; kerja sama Pemerintah Provinsi NTT dengan "
     "tokoh masyarakat serta pimpinan organisasi sosial dan keagamaan; dan kunjungan kerja "
     "Gubernur, Wakil Gubernur, dan Sekretaris Daerah."),
    _n("efisiensi", None, None,
     "Dengan mempertimbangkan tuntutan perubahan, kebutuhan pelayanan yang makin cepat, dan "
     "tantangan yang dihadapi, Biro Umum menggunakan sumber dayanya secara efisien melalui:"),
    _n("efisiensi", None, None,
     "1. pengembangan manajemen sumber daya manusia;\n"
     "2. penerapan sistem kerja yang terpadu;\n"
     "3. koordinasi yang baik antarinstansi pemerintah secara berjenjang serta antara pemerintah "
     "dan lembaga legislatif, yang membuka peluang untuk bekerja sama dan berkoordinasi;\n"
     "4. komitmen Kepala Biro Umum dan seluruh jajarannya untuk berkontribusi secara optimal "
     "dalam mendukung visi dan misi Kepala Daerah dan Wakil Kepala Daerah, sebagai kekuatan "
     "untuk meningkatkan mutu pelayanan Biro Umum;\n"
     "5. pemanfaatan teknologi bagi pelayanan publik yang terintegrasi secara digital;\n"
     "6. selain sumber daya manusia, barang inventaris kantor, yang rinciannya disajikan pada "
     "tabel inventaris berikut."),
    # Bab III A.6: supporting program
    _n("program_penunjang", None, None,
     "Pada tahun 2023 Biro Umum melaksanakan 1 (satu) program, yaitu Program Penunjang Urusan "
     "Pemerintahan Daerah, yang terdiri atas 8 kegiatan. Capaian kinerja yang masuk kategori "
     "sangat berhasil ditunjang oleh anggaran tahun 2023, dengan realisasi anggaran kedelapan "
     "kegiatan tersebut sebesar 87,74%."),
    _n("program_penunjang", None, None,
     "Satu kegiatan, yaitu Pengadaan Barang Milik Daerah, tidak direalisasikan. Kegiatan ini "
     "disesuaikan dengan ketersediaan dana daerah dan tidak termasuk prioritas, karena Biro Umum "
     "memusatkan perhatian pada fasilitasi pelayanan kepada pimpinan. Anggarannya diajukan "
     "kembali pada tahun 2024."),
    # Bab III B: Realisasi Anggaran
    _n("realisasi_anggaran", None, None,
     "Pencapaian indikator kinerja juga ditentukan oleh aspek keuangan, karena kegiatan hanya "
     "dapat dilaksanakan apabila pembiayaannya memadai. Program kerja Biro Umum tahun 2023 "
     "dibiayai oleh Anggaran Pendapatan dan Belanja Daerah (APBD) Provinsi Nusa Tenggara Timur "
     "Tahun Anggaran 2023. Rencana dan realisasi anggaran disajikan pada tabel berikut."),
    # Bab IV A: Kesimpulan
    _n("kesimpulan", None, None,
     f"Hasil evaluasi kinerja menunjukkan bahwa sasaran indikator program {UNIT} tercapai "
     "dengan kategori sangat baik (100%): Program Penunjang Urusan Pemerintahan Daerah Provinsi, "
     "dengan target 180 kegiatan, terealisasi 100%."),
    _n("kesimpulan", None, None,
     "Capaian tersebut ditunjang oleh anggaran tahun 2023, dengan realisasi belanja per kegiatan "
     "sebagai berikut:"),
    _n("kesimpulan", None, None,
     "- Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah: 99,99%;\n"
     "- Administrasi Umum Perangkat Daerah: 83,04%;\n"
     "- Penyediaan Jasa Penunjang Urusan Pemerintah Daerah: 93,81%;\n"
     "- Pemeliharaan Barang Milik Daerah: 79,54%;\n"
     "- Administrasi Keuangan dan Operasional KDH/ WKDH: 90,23%;\n"
     "- Fasilitasi Kerumahtanggaan Sekretariat Daerah: 88,65%;\n"
     "- Fasilitasi Materi dan Komunikasi Pimpinan: 76,92%."),
    _n("kesimpulan", None, None,
     "Pengadaan Barang Milik Daerah tidak direalisasikan karena disesuaikan dengan ketersediaan "
     "dana daerah dan tidak termasuk prioritas; Biro Umum memusatkan perhatian pada fasilitasi "
     "pelayanan kepada pimpinan. Anggaran kegiatan tersebut diajukan kembali pada tahun 2024."),
    # Bab IV B: Saran
    _n("saran", None, None,
     "Berdasarkan kesimpulan tersebut, kami menyampaikan saran berikut untuk dipertimbangkan "
     "dalam pelaksanaan program dan kegiatan tahun berikutnya:"),
    _n("saran", None, None,
     "1. Manajemen internal Biro Umum, termasuk koordinasi dan evaluasi pelaksanaan kegiatan, "
     "perlu dioptimalkan melalui inovasi, khususnya di bidang komunikasi dan teknologi, agar "
     "program dan kegiatan terlaksana secara optimal sesuai dengan target indikator kinerja.\n"
     "2. Kualitas aparatur perlu ditingkatkan dan dikembangkan dengan memberikan kemudahan untuk "
     "meningkatkan profesionalisme melalui pendidikan dan pelatihan, agar pelayanan terhadap "
     "seluruh kegiatan Kepala Daerah, Wakil Kepala Daerah, dan Sekretaris Daerah makin "
     "profesional."),
    # Bab IV: Penutup
    _n("penutup", None, None,
     f"Melalui laporan ini {UNIT} mempertanggungjawabkan secara transparan dan akuntabel "
     "pelaksanaan program dan kegiatan pembangunan serta pelayanan masyarakat yang telah "
     "direncanakan. Kami menyadari bahwa laporan ini belum sepenuhnya mencerminkan prinsip "
     "transparansi dan akuntabilitas sebagaimana diharapkan. Meskipun demikian, kami berharap "
     "masyarakat dan para pemangku kepentingan dapat memperoleh gambaran mengenai hasil "
     "pembangunan dan pelayanan masyarakat yang dilaksanakan Biro Umum pada Tahun Anggaran "
     "2023."),
    # Lampiran (as Bab I D lists them)
    _n("lampiran", None, None,
     "Laporan ini dilengkapi dengan lampiran berikut:"),
    _n("lampiran", None, None,
     "1. Struktur Organisasi;\n"
     "2. Laporan Realisasi Keuangan Tahun 2023;\n"
     "3. Penetapan Kinerja Tahun 2023;\n"
     "4. Pengukuran Kinerja Tahun 2023;\n"
     "5. Daftar Nominatif PNS Biro Umum Tahun 2023."),
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
    "narasi": NARASI_ROWS,
}

if __name__ == "__main__":
    out = DATA_DIR / "biro-umum-ntt" / "2023" / WORKBOOK_NAME
    write_workbook(out, TABLES)
    print(f"wrote {out}")
