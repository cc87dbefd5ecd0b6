"""Write the chapter notebooks (notebooks/NN_slug.ipynb) from one definition, without outputs.

Every chapter has the same frame, so they stay consistent: a markdown cell ``# <title>``, a
code cell tagged ``parameters`` (unit, year, data_dir), a set-up cell that opens the unit-year,
then the chapter's own markdown and code cells, which only call ``lkip_helpers``. Cell ids are
derived from the notebook name and position, so regenerating gives identical files.

    python scripts/make_notebooks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lkip_helpers.config import DEFAULT_UNIT, DEFAULT_YEAR, NOTEBOOKS_DIR  # noqa: E402

PARAMETERS = f'''unit = "{DEFAULT_UNIT}"
year = {DEFAULT_YEAR}
data_dir = None  # None: the project's data/ folder'''

IMPORTS = '''from lkip_helpers import anggaran, aset, charts, kinerja, komitmen, narrative, pegawai
from lkip_helpers import format as fmt
from lkip_helpers.chapter import Bab
from lkip_helpers.tables import gabung_keterangan, tanpa_kolom_kosong
'''


def _buka(nomor: int) -> str:
    return IMPORTS + f'''
bab = Bab.buka({nomor}, unit, year, data_dir)
lkip = bab.lkip
tahun = lkip.year'''


def _sebaran(judul: str, nama: str, fungsi: str, kolom: str, judul_tabel: str,
             judul_grafik: str, sumbu: str, narasi: str, horizontal: bool = True) -> list[tuple[str, str]]:
    """The cells of a staff count table: heading, table, bar chart of counts, narrative."""
    arah = "" if horizontal else ",\n                             horizontal=False"
    return [("md", f"## {judul}"), ("code", f'''{nama} = pegawai.{fungsi}(lkip, jumlah=False)
if len({nama}):
    bab.tabel(pegawai.{fungsi}(lkip), "{judul_tabel}")
    bab.grafik(charts.batang({nama}[pegawai.{kolom}], {nama}[pegawai.K_JUMLAH],
                             "{judul_grafik}", "{sumbu}"{arah}))
bab.narasi(narrative.{narasi}(lkip))''')]


# Each chapter: (file stem, title, [("md" | "code", source), ...]).
CHAPTERS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("01_ikhtisar", "Ikhtisar", [
        ("md", "Angka utama setiap bab beserta penilaiannya, dalam satu halaman."),
        ("code", '''bab.tabel(narrative.tabel_ikhtisar(lkip), f"Ringkasan capaian dan penilaian tahun {tahun}", rata_kanan=[narrative.K_NILAI])
bab.narasi(narrative.narasi_ikhtisar(lkip))'''),
    ]),
    ("02_capaian_kinerja", "Capaian Kinerja", [
        ("md", "## Target, realisasi dan capaian indikator"),
        ("code", '''capaian = gabung_keterangan(kinerja.tabel_capaian(lkip), kinerja.K_CAPAIAN,
                            kinerja.K_KETERANGAN)
bab.tabel(capaian[[kinerja.K_KODE, kinerja.K_INDIKATOR, kinerja.K_SATUAN, kinerja.K_TARGET,
                   kinerja.K_REALISASI, kinerja.K_CAPAIAN, kinerja.K_KATEGORI]],
          f"Target, realisasi dan capaian indikator kinerja tahun {tahun}")
bab.narasi(narrative.narasi_capaian(lkip))'''),
        ("md", "## Keluaran yang membentuk realisasi"),
        ("code", '''keluaran = kinerja.tabel_keluaran(lkip, jumlah=False)
if len(keluaran):
    bab.tabel(gabung_keterangan(kinerja.tabel_keluaran(lkip), kinerja.K_CAPAIAN,
                                kinerja.K_KETERANGAN).drop(columns=kinerja.K_KODE),
              f"Target dan realisasi keluaran layanan tahun {tahun}")
    bab.grafik(charts.batang_kelompok(
        keluaran[kinerja.K_KELUARAN],
        {"Target": keluaran[kinerja.K_TARGET], "Realisasi": keluaran[kinerja.K_REALISASI]},
        f"Target dan realisasi keluaran layanan, {tahun}", "Jumlah layanan", horizontal=True))
bab.narasi(narrative.narasi_keluaran(lkip))'''),
        ("md", "## Perbandingan dengan tahun-tahun sebelumnya"),
        ("code", '''riwayat = kinerja.tabel_riwayat(lkip)
if len(riwayat):
    bab.tabel(tanpa_kolom_kosong(riwayat[[kinerja.K_KODE, kinerja.K_TAHUN, kinerja.K_SUMBER,
                                          kinerja.K_TARGET, kinerja.K_REALISASI,
                                          kinerja.K_CAPAIAN_TERTULIS, kinerja.K_CATATAN]]),
              "Realisasi dan capaian indikator per tahun menurut sumbernya")
bab.narasi(narrative.narasi_riwayat(lkip))'''),
        ("md", "## Perbandingan dengan target jangka menengah (Renstra)"),
        ("code", '''renstra = gabung_keterangan(kinerja.tabel_renstra(lkip), kinerja.K_CAPAIAN_RENSTRA,
                            kinerja.K_KETERANGAN)
if len(renstra):
    bab.tabel(renstra[[kinerja.K_KODE, kinerja.K_TAHUN, kinerja.K_TARGET_RENSTRA,
                       kinerja.K_REALISASI, kinerja.K_CAPAIAN_RENSTRA, kinerja.K_SUMBER]],
              "Realisasi indikator terhadap target akhir Renstra")
    for kode, baris in renstra.groupby(kinerja.K_KODE, sort=False):
        bab.grafik(charts.garis(
            baris[kinerja.K_TAHUN], {f"Capaian {kode} terhadap target Renstra": baris[kinerja.K_CAPAIAN_RENSTRA]},
            f"Capaian {kode} terhadap target Renstra per tahun", "Capaian (%)",
            format_nilai=fmt.persen, acuan=100, label_acuan="Target Renstra tercapai penuh (100%)"))
bab.narasi(narrative.narasi_renstra(lkip))'''),
        ("md", "## Perkembangan per triwulan"),
        ("code", '''triwulan = gabung_keterangan(kinerja.tabel_triwulan(lkip), kinerja.K_CAPAIAN,
                             kinerja.K_KETERANGAN)
if len(triwulan):
    bab.tabel(triwulan.drop(columns=kinerja.K_INDIKATOR),
              f"Target, realisasi dan capaian per triwulan tahun {tahun}")
bab.narasi(narrative.narasi_triwulan(lkip))'''),
    ]),
    ("03_anggaran_efisiensi", "Anggaran dan Efisiensi", [
        ("md", "## Realisasi anggaran per program dan kegiatan"),
        ("code", '''rincian = anggaran.tabel_anggaran(lkip).assign(
    **{narrative.K_URAIAN: narrative.uraian_anggaran(lkip)})
bab.tabel(rincian[[anggaran.K_JENIS, narrative.K_URAIAN, anggaran.K_PAGU, anggaran.K_REALISASI,
                   anggaran.K_SISA, anggaran.K_SERAPAN, anggaran.K_SERAPAN_MINIMAL,
                   anggaran.K_MEMENUHI]],
          f"Pagu, realisasi dan serapan anggaran tahun {tahun}")
kegiatan = rincian[rincian[anggaran.K_TINGKAT] == anggaran.KEGIATAN]
belanja = anggaran.ringkasan(lkip).belanja
if len(kegiatan):
    bab.grafik(charts.batang(
        kegiatan[anggaran.K_KEGIATAN], kegiatan[anggaran.K_SERAPAN],
        f"Serapan anggaran per kegiatan, {tahun}", "Serapan (%)", format_nilai=fmt.persen,
        acuan=belanja.serapan_minimal if belanja else None,
        label_acuan=f"Realisasi minimal program ({fmt.persen(belanja.serapan_minimal)})"
        if belanja and belanja.serapan_minimal is not None else None))
bab.narasi(narrative.narasi_anggaran(lkip))'''),
        ("md", "## Tren alokasi dan realisasi belanja"),
        ("code", '''tren = anggaran.tren_anggaran(lkip)
if len(tren):
    bab.tabel(tren[[anggaran.K_TAHUN, anggaran.K_PAGU, anggaran.K_REALISASI, anggaran.K_SERAPAN,
                    anggaran.K_PERUBAHAN_PAGU]],
              "Pagu dan realisasi belanja dari tahun ke tahun")
    bab.grafik(charts.batang_kelompok(
        tren[anggaran.K_TAHUN],
        {"Pagu": tren[anggaran.K_PAGU], "Realisasi": tren[anggaran.K_REALISASI]},
        f"Pagu dan realisasi belanja {tren[anggaran.K_TAHUN].iloc[0]}–{tren[anggaran.K_TAHUN].iloc[-1]}",
        "Miliar rupiah", format_nilai=None, skala=10**9))
bab.narasi(narrative.narasi_tren_anggaran(lkip))'''),
        ("md", "## Efisiensi penggunaan sumber daya"),
        ("code", '''bab.tabel(narrative.tabel_efisiensi(lkip), f"Ukuran efisiensi belanja tahun {tahun}",
          rata_kanan=[narrative.K_NILAI])
bab.narasi(narrative.narasi_efisiensi(lkip))'''),
    ]),
    ("04_inventaris", "Inventaris Barang", [
        ("md", "## Inventaris menurut kategori"),
        ("code", '''barang = aset.tabel_aset(lkip, jumlah=False)
if len(barang):
    bab.tabel(aset.tabel_aset(lkip), "Inventaris barang menurut kategori")
    bab.grafik(charts.batang(barang[aset.K_KATEGORI], barang[aset.K_JUMLAH],
                             "Jumlah inventaris barang menurut kategori", "Jumlah"))
bab.narasi(narrative.narasi_aset(lkip))'''),
        ("md", "## Rasio sarana terhadap pegawai"),
        ("code", '''bab.tabel(narrative.tabel_rasio_aset(lkip), "Rasio kendaraan dan aset terhadap pegawai",
          rata_kanan=[narrative.K_NILAI])
bab.narasi(narrative.narasi_rasio_aset(lkip))'''),
    ]),
    ("05_sumber_daya_manusia", "Sumber Daya Manusia", [
        *_sebaran("Pegawai per bagian", "bagian", "tabel_bagian", "K_BAGIAN",
                  "Jumlah pegawai per bagian", "Jumlah pegawai per bagian",
                  "Jumlah pegawai (orang)", "narasi_bagian"),
        *_sebaran("Tingkat pendidikan", "pendidikan", "tabel_pendidikan", "K_JENJANG",
                  "PNS menurut tingkat pendidikan",
                  "Jumlah PNS menurut tingkat pendidikan", "Jumlah PNS (orang)", "narasi_pendidikan",
                  horizontal=False),
        *_sebaran("Pangkat dan golongan", "golongan", "tabel_golongan", "K_GOLONGAN",
                  "PNS menurut pangkat dan golongan/ruang",
                  "Jumlah PNS menurut golongan/ruang", "Jumlah PNS (orang)", "narasi_golongan",
                  horizontal=False),
        ("md", "## Pejabat menurut jabatan dan jenis kelamin"),
        ("code", '''jabatan = pegawai.tabel_jabatan(lkip, jumlah=False)
if len(jabatan):
    bab.tabel(pegawai.tabel_jabatan(lkip), "Pejabat menurut jabatan dan jenis kelamin")
    bab.grafik(charts.batang_kelompok(
        jabatan[pegawai.K_JABATAN],
        {"Laki-laki": jabatan[pegawai.K_LAKI_LAKI], "Perempuan": jabatan[pegawai.K_PEREMPUAN]},
        "Jumlah pejabat menurut jabatan dan jenis kelamin", "Jumlah pejabat (orang)"))
bab.narasi(narrative.narasi_jabatan(lkip))'''),
    ]),
    ("06_komitmen", "Komitmen Perjanjian Kinerja", [
        ("md", "## Status setiap komitmen"),
        ("code", '''bab.tabel(narrative.tabel_komitmen_tampil(lkip).drop(columns=komitmen.K_KELOMPOK),
          f"Komitmen Perjanjian Kinerja tahun {tahun}: ambang, realisasi dan status",
          rata_kanan=[komitmen.K_AMBANG, komitmen.K_REALISASI])
rekap = komitmen.rekap_status(lkip)
bab.grafik(charts.batang(list(rekap), list(rekap.values()),
                         "Jumlah butir komitmen menurut status", "Jumlah butir"))
bab.narasi(narrative.narasi_komitmen(lkip))'''),
    ]),
    ("07_reviu", "Reviu Konsistensi Data", [
        ("code", '''from lkip_helpers import reviu

temuan = reviu.periksa(lkip)
bab.narasi(reviu.narasi_reviu(lkip, temuan))'''),
        ("code", '''for tingkat in reviu.TINGKAT:
    df = reviu.tabel_temuan([t for t in temuan if t.tingkat == tingkat])
    if len(df):
        bab.tabel(df.drop(columns=reviu.K_TINGKAT), f"Temuan reviu tingkat {tingkat}",
                  rata_kanan=[reviu.K_TERTULIS, reviu.K_PEMBANDING])'''),
    ]),
]


def _notebook(stem: str, judul: str, sel: list[tuple[str, str]], nomor: int) -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(f"# {judul}"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(_buka(nomor)),
    ]
    cells += [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in sel]
    for i, cell in enumerate(cells):
        cell["id"] = f"{stem.replace('_', '-')}-{i:02d}"
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    return nb


def main() -> None:
    NOTEBOOKS_DIR.mkdir(parents=True, exist_ok=True)
    for nomor, (stem, judul, sel) in enumerate(CHAPTERS, start=1):
        path = NOTEBOOKS_DIR / f"{stem}.ipynb"
        nbformat.write(_notebook(stem, judul, sel, nomor), path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
