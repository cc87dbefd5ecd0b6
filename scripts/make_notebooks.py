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

IMPORTS = '''from lkip_helpers import anggaran, aset, charts, kinerja, komitmen, labels, narrative, pegawai
from lkip_helpers import format as fmt
from lkip_helpers.chapter import Bab
from lkip_helpers.tables import tanpa_kolom_kosong
'''


def _buka(nomor: int) -> str:
    return IMPORTS + f'''
bab = Bab.buka(unit, year, data_dir)
lkip = bab.lkip
tahun = lkip.year'''


def _sebaran(judul: str, nama: str, fungsi: str, kolom: str, judul_tabel: str,
             judul_grafik: str, sumbu: str, narasi: str, horizontal: bool = True) -> list[tuple[str, str]]:
    """The cells of a staff count table: heading, then one block (table, bar chart, narrative)."""
    arah = "" if horizontal else ", horizontal=False"
    return [("md", f"## {judul}"), ("code", f'''{nama} = pegawai.{fungsi}(lkip)
bab.blok(pegawai.{fungsi}(lkip, jumlah=True), "{judul_tabel}",
         grafik=lambda: charts.batang({nama}["{kolom}"], {nama}["jumlah"], "{judul_grafik}",
                                      "{sumbu}"{arah}),
         narasi=narrative.{narasi}(lkip))''')]


# Each chapter: (file stem, title, [("md" | "code", source), ...]).
CHAPTERS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("01_ikhtisar", "Ikhtisar", [
        ("md", "Angka utama setiap bab beserta penilaiannya, dalam satu halaman."),
        ("code", '''bab.blok(narrative.tabel_ikhtisar(lkip), f"Ringkasan capaian dan penilaian tahun {tahun}",
         rata_kanan=["nilai"], narasi=narrative.narasi_ikhtisar(lkip))'''),
    ]),
    ("02_capaian_kinerja", "Capaian Kinerja", [
        ("md", "## Target, realisasi dan capaian indikator"),
        ("code", '''bab.blok(kinerja.tabel_capaian(lkip), f"Target, realisasi dan capaian indikator kinerja tahun {tahun}",
         kolom=["kode", "indikator", "satuan", "target", "realisasi", "capaian", "kategori"],
         alasan={"capaian": "keterangan"}, narasi=narrative.narasi_capaian(lkip))'''),
        ("md", "## Keluaran yang membentuk realisasi"),
        ("code", '''keluaran = kinerja.tabel_keluaran(lkip)
bab.blok(kinerja.tabel_keluaran(lkip, jumlah=True), f"Target dan realisasi keluaran layanan tahun {tahun}",
         kolom=["keluaran", "satuan", "target", "realisasi", "capaian"], alasan={"capaian": "keterangan"},
         grafik=lambda: charts.batang_kelompok(
             keluaran["keluaran"], {"Target": keluaran["target"], "Realisasi": keluaran["realisasi"]},
             f"Target dan realisasi keluaran layanan, {tahun}", "Jumlah layanan", horizontal=True),
         narasi=narrative.narasi_keluaran(lkip))'''),
        ("md", "## Perbandingan dengan tahun-tahun sebelumnya"),
        ("code", '''riwayat = kinerja.tabel_riwayat(lkip)
bab.blok(tanpa_kolom_kosong(riwayat[["kode", "tahun", "sumber", "target", "realisasi",
                                     "capaian_dinyatakan", "catatan"]]),
         "Realisasi dan capaian indikator per tahun menurut sumbernya",
         narasi=narrative.narasi_riwayat(lkip))'''),
        ("md", "## Perbandingan dengan target jangka menengah (Renstra)"),
        ("code", '''renstra = kinerja.tabel_renstra(lkip)
bab.blok(renstra, "Realisasi indikator terhadap target akhir Renstra",
         kolom=["kode", "tahun", "target_renstra", "realisasi", "capaian_renstra", "sumber"],
         alasan={"capaian_renstra": "keterangan"},
         grafik=lambda: [charts.garis(
             baris["tahun"], {f"Capaian {kode} terhadap target Renstra": baris["capaian_renstra"]},
             f"Capaian {kode} terhadap target Renstra per tahun", "Capaian (%)",
             format_nilai=fmt.persen, acuan=100, label_acuan="Target Renstra tercapai penuh (100%)")
             for kode, baris in renstra.groupby("kode", sort=False)],
         narasi=narrative.narasi_renstra(lkip))'''),
        ("md", "## Perkembangan per triwulan"),
        ("code", '''bab.blok(kinerja.tabel_triwulan(lkip), f"Target, realisasi dan capaian per triwulan tahun {tahun}",
         kolom=["kode", "triwulan", "target", "realisasi", "capaian"], alasan={"capaian": "keterangan"},
         narasi=narrative.narasi_triwulan(lkip))'''),
    ]),
    ("03_anggaran_efisiensi", "Anggaran dan Efisiensi", [
        ("md", "## Realisasi anggaran per program dan kegiatan"),
        ("code", '''rincian = anggaran.tabel_anggaran(lkip)
kegiatan = rincian[rincian["tingkat"] == anggaran.KEGIATAN]
belanja = anggaran.ringkasan(lkip).belanja
minimal = belanja.serapan_minimal if belanja else None
bab.blok(rincian, f"Pagu, realisasi dan serapan anggaran tahun {tahun}",
         kolom=["jenis", "uraian", "pagu", "realisasi", "sisa", "serapan", "serapan_minimal", "memenuhi"],
         grafik=lambda: charts.batang(
             kegiatan["kegiatan"], kegiatan["serapan"], f"Serapan anggaran per kegiatan, {tahun}",
             "Serapan (%)", format_nilai=fmt.persen, acuan=minimal,
             label_acuan=f"Realisasi minimal program ({fmt.persen(minimal)})" if minimal is not None else None)
             if len(kegiatan) else None,
         narasi=narrative.narasi_anggaran(lkip))'''),
        ("md", "## Tren alokasi dan realisasi belanja"),
        ("code", '''tren = anggaran.tren_anggaran(lkip)
bab.blok(tren, "Pagu dan realisasi belanja dari tahun ke tahun",
         kolom=["tahun", "pagu", "realisasi", "serapan", "perubahan_pagu"],
         grafik=lambda: charts.batang_kelompok(
             tren["tahun"], {"Pagu": tren["pagu"], "Realisasi": tren["realisasi"]},
             f"Pagu dan realisasi belanja {tren['tahun'].iloc[0]}–{tren['tahun'].iloc[-1]}",
             "Miliar rupiah", format_nilai=None, skala=10**9),
         narasi=narrative.narasi_tren_anggaran(lkip))'''),
        ("md", "## Efisiensi penggunaan sumber daya"),
        ("code", '''bab.blok(narrative.tabel_efisiensi(lkip), f"Ukuran efisiensi belanja tahun {tahun}",
         rata_kanan=["nilai"], narasi=narrative.narasi_efisiensi(lkip))'''),
    ]),
    ("04_inventaris", "Inventaris Barang", [
        ("md", "## Inventaris menurut kategori"),
        ("code", '''barang = aset.tabel_aset(lkip)
bab.blok(aset.tabel_aset(lkip, jumlah=True), "Inventaris barang menurut kategori",
         grafik=lambda: charts.batang(barang["kategori"], barang["jumlah"],
                                     "Jumlah inventaris barang menurut kategori", "Jumlah"),
         narasi=narrative.narasi_aset(lkip))'''),
        ("md", "## Rasio sarana terhadap pegawai"),
        ("code", '''bab.blok(narrative.tabel_rasio_aset(lkip), "Rasio kendaraan dan aset terhadap pegawai",
         rata_kanan=["nilai"], narasi=narrative.narasi_rasio_aset(lkip))'''),
    ]),
    ("05_sumber_daya_manusia", "Sumber Daya Manusia", [
        *_sebaran("Pegawai per bagian", "bagian", "tabel_bagian", "bagian",
                  "Jumlah pegawai per bagian", "Jumlah pegawai per bagian",
                  "Jumlah pegawai (orang)", "narasi_bagian"),
        *_sebaran("Tingkat pendidikan", "pendidikan", "tabel_pendidikan", "jenjang",
                  "PNS menurut tingkat pendidikan",
                  "Jumlah PNS menurut tingkat pendidikan", "Jumlah PNS (orang)", "narasi_pendidikan",
                  horizontal=False),
        *_sebaran("Pangkat dan golongan", "golongan", "tabel_golongan", "golongan",
                  "PNS menurut pangkat dan golongan/ruang",
                  "Jumlah PNS menurut golongan/ruang", "Jumlah PNS (orang)", "narasi_golongan",
                  horizontal=False),
        ("md", "## Pejabat menurut jabatan dan jenis kelamin"),
        ("code", '''jabatan = pegawai.tabel_jabatan(lkip)
bab.blok(pegawai.tabel_jabatan(lkip, jumlah=True), "Pejabat menurut jabatan dan jenis kelamin",
         grafik=lambda: charts.batang_kelompok(
             jabatan["jabatan"], {"Laki-laki": jabatan["laki_laki"], "Perempuan": jabatan["perempuan"]},
             "Jumlah pejabat menurut jabatan dan jenis kelamin", "Jumlah pejabat (orang)"),
         narasi=narrative.narasi_jabatan(lkip))'''),
    ]),
    ("06_komitmen", "Komitmen Perjanjian Kinerja", [
        ("md", "## Status setiap komitmen"),
        ("code", '''rekap = komitmen.rekap_status(lkip)
bab.blok(narrative.tabel_komitmen_tampil(lkip).drop(columns="kelompok"),
         f"Komitmen Perjanjian Kinerja tahun {tahun}: ambang, realisasi dan status",
         rata_kanan=["ambang", "realisasi"],
         grafik=lambda: charts.batang([labels.kode(s) for s in rekap], list(rekap.values()),
                                      "Jumlah butir komitmen menurut status", "Jumlah butir"),
         narasi=narrative.narasi_komitmen(lkip))'''),
    ]),
    ("07_reviu", "Reviu Konsistensi Data", [
        ("code", '''from lkip_helpers import reviu

temuan = reviu.periksa(lkip)
bab.narasi(narrative.narasi_reviu(lkip, temuan))'''),
        ("code", '''for tingkat in reviu.TINGKAT:
    bab.blok(narrative.tabel_temuan_tampil([t for t in temuan if t.tingkat == tingkat]),
             f"Temuan reviu tingkat {tingkat}", kolom=["temuan", "letak", "dinyatakan", "dihitung"],
             rata_kanan=["dinyatakan", "dihitung"])'''),
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
