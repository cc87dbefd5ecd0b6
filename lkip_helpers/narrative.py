"""Narrative paragraphs in Bahasa Indonesia, written from the data by Jinja2 templates.

Templates live in ``lkip_helpers/templates/narasi/<nama>.md.j2`` and produce Markdown. Each
``narasi_*`` function below gathers the figures of one table or chart from the calculation
modules, formats every number through :mod:`lkip_helpers.format` (templates receive text,
never raw numbers) and renders its template.

Calculations return figures and codes; the words are here: the formulas in Indonesian for
readers (:data:`RUMUS`), how a scale's bands read (:func:`uraian_skala`), and every template.

Spreadsheet text is untrusted: every value has its Markdown control characters (raw HTML
included) backslash-escaped (:func:`aman_markdown`), so a name such as ``[klik](javascript:...)``,
``*tebal*`` or ``<b>`` reaches the reader as the literal text; HTML escaping happens once, when
the Markdown becomes HTML.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import re
from functools import lru_cache
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import anggaran, aset, format as fmt, kinerja, komitmen, labels, pegawai
from .hitung import BELUM_ADA_DATA, SERATUS, TIDAK_DAPAT_DIHITUNG, kosong
from .i18n import N_, _, bahasa, ngettext
from .ikhtisar import AngkaUtama, angka_utama
from .model import LkipYear
from .tables import angka_wajar, format_sel

#: Markdown characters that could turn data into markup (links, emphasis, headings, tables,
#: raw HTML and entities): each is backslash-escaped, so it reaches the reader as written.
_MARKDOWN_KHUSUS = re.compile(r"([\\`*_\[\]{}#|~!<>&])")


def aman_markdown(value: Any) -> Any:
    """``value`` with Markdown control characters backslash-escaped (Markup passes unchanged).

    The templates write Markdown, not HTML: HTML escaping happens once, when the Markdown is
    turned into HTML (the report's renderer, or JupyterLab's), so ``&`` and ``<`` in the data
    reach the reader as ``&`` and ``<``, never as ``&amp;`` or ``&lt;``.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _MARKDOWN_KHUSUS.sub(r"\\\1", value)


@lru_cache(maxsize=1)
def lingkungan() -> Environment:
    """The Jinja2 environment of the narrative templates: Markdown out (no HTML autoescape, so
    nothing is escaped twice), data escaped for Markdown by :func:`aman_markdown`, strict
    undefined. A macro's output is already escaped: call it as ``{{ m(x) | safe }}`` (a plain
    ``{{ m(x) }}`` would escape it again and show backslashes)."""
    env = Environment(
        loader=PackageLoader("lkip_helpers", "templates/narasi"),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=aman_markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


def tulis(nama: str, **konteks: Any) -> str:
    """Render template ``narasi/<nama>.md.j2`` with ``konteks``: one or more Markdown paragraphs.

    Line breaks inside a paragraph are joined into spaces; paragraphs stay apart.
    """
    teks = lingkungan().get_template(f"{nama}.md.j2").render(**konteks)
    paragraf = [" ".join(baris.split()) for baris in re.split(r"\n\s*\n", teks)]
    return "\n\n".join(p for p in paragraf if p)


# --------------------------------------------------------------------------- shared pieces


def _unit(lkip: LkipYear) -> str:
    return str(lkip.profil.get("nama_unit") or lkip.unit)


def _dasar(lkip: LkipYear) -> dict[str, Any]:
    """Context every template gets: unit name and year (a year is a name, never "2.023")."""
    return {"unit": _unit(lkip), "tahun": str(lkip.year)}


def dengan_satuan(x: Any, satuan: Any) -> str:
    """A measure with its unit: "100%" for unit "%", else "180 kegiatan"."""
    teks = angka_wajar(x)
    if kosong(satuan) or kosong(x) or isinstance(x, str):
        return teks
    return f"{teks}{satuan}" if str(satuan).strip() == "%" else f"{teks} {satuan}"


#: The formulas, in Indonesian, for readers (the calculations' docstrings give the same).
RUMUS = {
    "maksimal": "Capaian (%) = Realisasi ÷ Target × 100",
    "minimal T/R": "Capaian (%) = Target ÷ Realisasi × 100",
    "minimal (2T-R)/T": "Capaian (%) = (2 × Target − Realisasi) ÷ Target × 100",
    "serapan": "Serapan (%) = Realisasi ÷ Pagu × 100",
    "sisa": "Sisa anggaran (Rp) = Pagu − Realisasi",
    "indeks_efisiensi": "Indeks efisiensi = Capaian kinerja (%) ÷ Serapan anggaran belanja (%)",
}


def _batas(x: Any) -> str:
    decimals = max(0, -x.normalize().as_tuple().exponent)
    return fmt.angka(x, decimals)


def uraian_skala(skala: kinerja.Skala) -> list[str]:
    """The bands of an assessment scale in Indonesian, highest first, e.g. "70 ≤ X < 85: Berhasil"."""
    lines = []
    atas: kinerja.Pita | None = None
    for band in skala.pita:
        bawah = "" if band.batas_bawah is None else (
            f"{_batas(band.batas_bawah)} {'≤' if band.termasuk_batas else '<'} ")
        kanan = "" if atas is None else (
            f" {'<' if atas.termasuk_batas else '≤'} {_batas(atas.batas_bawah)}")
        if not bawah and not kanan:
            lines.append(f"semua nilai X: {band.kategori}")
        elif not kanan:  # top band: write it as X >= b
            lines.append(f"X {'≥' if band.termasuk_batas else '>'} "
                         f"{_batas(band.batas_bawah)}: {band.kategori}")
        else:
            lines.append(f"{bawah}X{kanan}: {band.kategori}")
        atas = band
    return lines


def _capaian_atau_alasan(nilai: Any, alasan: Any) -> str:
    """A capaian in words: the percentage, or why there is none ("belum ada data")."""
    return fmt.persen(nilai) if not kosong(nilai) else (labels.kode(alasan) or fmt.KOSONG)


# --------------------------------------------------------------------------- kinerja


#: The capaian formula of each code (kinerja.RUMUS_CAPAIAN), for readers.
RUMUS_CAPAIAN = {"R/T": RUMUS["maksimal"], "T/R": RUMUS["minimal T/R"],
                 "(2T-R)/T": RUMUS["minimal (2T-R)/T"]}
#: How each polarity reads.
MAKNA_POLARITAS = {"maksimal": "makin tinggi makin baik", "minimal": "makin rendah makin baik"}
#: Why an indicator is left out of the unit's capaian, as a clause after "karena".
ALASAN_DIKECUALIKAN = {
    BELUM_ADA_DATA: "realisasinya belum dicatat dalam lembar kerja",
    TIDAK_DAPAT_DIHITUNG: "targetnya kosong atau nol",
    kinerja.REALISASI_NOL: "realisasinya 0, sehingga Target ÷ Realisasi tidak menghasilkan angka",
}


def _nama_tebal(nama: Any) -> str:
    return f"**{aman_markdown(str(nama))}**"


def _daftar(bagian: list[str]) -> str:
    """Items joined in Indonesian: "A", "A dan B", "A, B dan C"."""
    return bagian[0] if len(bagian) == 1 else ", ".join(bagian[:-1]) + " dan " + bagian[-1]


def _alasan_dikecualikan(i: kinerja.CapaianIndikator) -> str:
    if i.alasan == kinerja.RUMUS_TIDAK_SESUAI:
        return (f"rumus {i.rumus} yang tercatat tidak sesuai dengan polaritas {i.polaritas} "
                f"({MAKNA_POLARITAS.get(i.polaritas, i.polaritas)})")
    return ALASAN_DIKECUALIKAN.get(i.alasan, labels.kode(i.alasan) or "capaiannya tidak ada")


def _rumus_per_kelompok(agregasi: kinerja.AgregasiCapaian) -> list[dict[str, Any]]:
    """The formulas used, each with the indicators (bold, joined) that use it, in sheet order."""
    kelompok: dict[str, list[kinerja.CapaianIndikator]] = {}
    for i in agregasi.rincian:
        if i.alasan != kinerja.RUMUS_TIDAK_SESUAI:
            kelompok.setdefault(i.rumus, []).append(i)
    hasil, minimal = [], 0
    for rumus, anggota in kelompok.items():
        polaritas = None
        if anggota[0].polaritas == "minimal":  # said in full once, then "juga"
            polaritas = ("yang berpolaritas minimal (" + MAKNA_POLARITAS["minimal"] + ")"
                         if not minimal else "yang juga berpolaritas minimal")
            minimal += 1
        hasil.append({"rumus": RUMUS_CAPAIAN[rumus], "polaritas": polaritas,
                      "nama": Markup(_daftar([_nama_tebal(i.indikator) for i in anggota]))})
    return hasil


def narasi_capaian(lkip: LkipYear) -> str:
    """Target, realisation, capaian and category of each indicator (the capaian table), then
    once how they were computed and how the unit's capaian was made from them: the formula of
    each indicator, the mean, the cap if any, negative values and the indicators left out with
    their reasons (rules: :func:`lkip_helpers.kinerja.agregasi_capaian`)."""
    df = kinerja.tabel_capaian(lkip)
    agregasi = kinerja.agregasi_capaian(lkip)
    skala = kinerja.skala_untuk(lkip)
    indikator = [{
        "nama": r[kinerja.K_INDIKATOR],
        "target": dengan_satuan(r[kinerja.K_TARGET], r[kinerja.K_SATUAN]),
        "realisasi": dengan_satuan(r[kinerja.K_REALISASI], r[kinerja.K_SATUAN]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN]),
        "dinilai": not kosong(r[kinerja.K_CAPAIAN]),
        "kategori": r[kinerja.K_KATEGORI],
        "penjelasan": r[kinerja.K_PENJELASAN],
    } for _i, r in df.iterrows()]
    rata = agregasi.nilai
    di_atas_100 = any(i.diperhitungkan is not None and i.diperhitungkan > SERATUS
                      for i in agregasi.dihitung)

    def rincian(daftar: tuple[kinerja.CapaianIndikator, ...]) -> Markup | None:
        teks = [f"{_nama_tebal(i.indikator)} (capaian {fmt.persen(i.capaian.nilai)})"
                for i in daftar]
        return Markup(_daftar(teks)) if teks else None

    return tulis(
        "capaian", **_dasar(lkip), indikator=indikator,
        dinilai=[i for i in indikator if i["dinilai"]],
        rumus=_rumus_per_kelompok(agregasi),
        jumlah_indikator=len(agregasi.rincian), jumlah_dihitung=len(agregasi.dihitung),
        rata_rata=fmt.persen(rata) if rata is not None else None,
        kategori_rata=skala.kategori(rata), disesuaikan=agregasi.disesuaikan,
        batas=fmt.persen(agregasi.batas) if agregasi.batas is not None else None,
        dibatasi=rincian(agregasi.dibatasi), negatif=rincian(agregasi.negatif),
        di_atas_100=di_atas_100,
        dikecualikan=Markup("; ".join(f"{_nama_tebal(i.indikator)}, karena "
                                      f"{aman_markdown(_alasan_dikecualikan(i))}"
                                      for i in agregasi.dikecualikan)),
        skala=skala.judul.lower(), pita=uraian_skala(skala))


def narasi_keluaran(lkip: LkipYear) -> str:
    """The outputs behind the indicators: count per type, total, and those short of target."""
    df = kinerja.tabel_keluaran(lkip)
    target, realisasi = kinerja.total_keluaran(lkip)
    keluaran = [{
        "nama": r[kinerja.K_KELUARAN],
        "target": dengan_satuan(r[kinerja.K_TARGET], r[kinerja.K_SATUAN]),
        "realisasi": dengan_satuan(r[kinerja.K_REALISASI], r[kinerja.K_SATUAN]),
        "capaian": _capaian_atau_alasan(r[kinerja.K_CAPAIAN], r[kinerja.K_KETERANGAN]),
        "kurang": not kosong(r[kinerja.K_CAPAIAN]) and r[kinerja.K_CAPAIAN] < SERATUS,
    } for _i, r in df.iterrows()]
    return tulis("keluaran", **_dasar(lkip), keluaran=keluaran, jumlah_jenis=fmt.angka(len(df)),
                 total_target=fmt.angka(target), total_realisasi=fmt.angka(realisasi),
                 capaian_total=fmt.persen(kinerja.capaian(target, realisasi).nilai))


def narasi_riwayat(lkip: LkipYear) -> str:
    """Earlier years of each indicator, as the history table lists them."""
    df = kinerja.tabel_riwayat(lkip)
    tahun = sorted({int(t) for t in df[kinerja.K_TAHUN].dropna()})
    baris = [{
        "tahun": str(r[kinerja.K_TAHUN]),
        "sumber": r[kinerja.K_SUMBER],
        "realisasi": angka_wajar(r[kinerja.K_REALISASI]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN_TERTULIS]),
        "catatan": r[kinerja.K_CATATAN],
    } for _i, r in df.iterrows()]
    return tulis("riwayat", **_dasar(lkip), baris=baris,
                 awal=str(tahun[0]) if tahun else None, akhir=str(tahun[-1]) if tahun else None)


def narasi_renstra(lkip: LkipYear) -> str:
    """Realisation per year against the Renstra target, and how the years compare."""
    df = kinerja.tabel_renstra(lkip)
    baris = [{
        "tahun": str(r[kinerja.K_TAHUN]),
        "realisasi": angka_wajar(r[kinerja.K_REALISASI]),
        "capaian": _capaian_atau_alasan(r[kinerja.K_CAPAIAN_RENSTRA], r[kinerja.K_KETERANGAN]),
    } for _i, r in df.iterrows()]
    satuan = dict(zip(lkip.indikator["kode"], lkip.indikator["satuan"]))
    target = (dengan_satuan(df[kinerja.K_TARGET_RENSTRA].iloc[0], satuan.get(df[kinerja.K_KODE].iloc[0]))
              if len(df) else fmt.KOSONG)
    return tulis("renstra", **_dasar(lkip), baris=baris, target=target,
                 periode=lkip.profil.get("periode_renstra"))


def narasi_triwulan(lkip: LkipYear) -> str:
    """Quarterly progress, or a plain statement that the workbook has none."""
    df = kinerja.tabel_triwulan(lkip)
    indikator: dict[str, list[str]] = {}
    for _i, r in df.iterrows():  # each indicator named once, its quarters after it
        indikator.setdefault(r[kinerja.K_INDIKATOR], []).append(
            f"triwulan {r[kinerja.K_TRIWULAN]} "
            f"{_capaian_atau_alasan(r[kinerja.K_CAPAIAN], r[kinerja.K_KETERANGAN])}")
    return tulis("triwulan", **_dasar(lkip),
                 baris=[{"indikator": nama, "capaian": _daftar(per_triwulan)}
                        for nama, per_triwulan in indikator.items()])


# --------------------------------------------------------------------------- anggaran


def _penjelasan_kegiatan(lkip: LkipYear, uraian: str) -> str | None:
    df = anggaran.tabel_anggaran(lkip)
    cocok = df[df[anggaran.K_URAIAN] == uraian][anggaran.K_PENJELASAN]
    return next((p for p in cocok if not kosong(p)), None)


#: How a budget level reads in a sentence ("kegiatan **X**", "sub kegiatan **Y**").
NAMA_TINGKAT = {anggaran.PROGRAM: "program", anggaran.KEGIATAN: "kegiatan",
                anggaran.SUB_KEGIATAN: "sub kegiatan"}


def nama_rincian(df: pd.DataFrame) -> str:
    """What the lowest-level spending lines of a budget table are, for a title or a sentence:
    "kegiatan", "sub kegiatan", or "kegiatan dan sub kegiatan" when both occur."""
    levels = set(anggaran.rincian_belanja(df)[anggaran.K_TINGKAT])
    if levels == {anggaran.SUB_KEGIATAN}:
        return "sub kegiatan"
    return "kegiatan dan sub kegiatan" if len(levels) > 1 else "kegiatan"


def _pos(pos: anggaran.Pos | None) -> dict[str, Any] | None:
    if pos is None:
        return None
    return {"uraian": pos.uraian, "pagu": fmt.rupiah(pos.pagu),
            "realisasi": fmt.rupiah(pos.realisasi), "serapan": fmt.persen(pos.serapan),
            "sisa": fmt.rupiah(pos.sisa), "minimal": fmt.persen(pos.serapan_minimal),
            "memenuhi": pos.memenuhi, "tingkat": NAMA_TINGKAT.get(pos.tingkat, "kegiatan")}


def narasi_anggaran(lkip: LkipYear) -> str:
    """Spending and revenue against their minimums; the lowest-level activity (kegiatan or sub
    kegiatan) without realisation and the lowest-absorbing one, with why they matter."""
    r = anggaran.ringkasan(lkip)
    nihil = [{**_pos(p), "penjelasan": _penjelasan_kegiatan(lkip, p.uraian)}
             for p in r.tanpa_realisasi]
    jumlah_kegiatan = _jumlah_kegiatan(lkip)
    terendah = _pos(r.serapan_terendah) if jumlah_kegiatan > 1 else None
    if terendah is not None and r.belanja is not None:
        terendah["di_bawah_minimal"] = anggaran.memenuhi_minimal(
            r.serapan_terendah.serapan, r.belanja.serapan_minimal) is False
    return tulis("anggaran", **_dasar(lkip), belanja=_pos(r.belanja),
                 pendapatan=_pos(r.pendapatan), total=_pos(r.total),
                 jumlah_kegiatan=fmt.angka(jumlah_kegiatan), nihil=nihil, terendah=terendah,
                 rincian=nama_rincian(anggaran.tabel_anggaran(lkip)))


def _jumlah_kegiatan(lkip: LkipYear) -> int:
    """How many lowest-level spending lines (kegiatan or sub kegiatan) the budget has (a lowest
    absorption needs two to compare)."""
    return anggaran.ringkasan(lkip).jumlah_rincian


def narasi_serapan_triwulan(lkip: LkipYear) -> str:
    """Cumulative absorption at the end of each quarter (the cumulative chart); nothing when
    the workbook has no complete quarterly realisation."""
    df = anggaran.serapan_triwulan(lkip)
    seri = [{"jenis": labels.kode(jenis),
             "baris": [{"triwulan": r[anggaran.K_TRIWULAN],
                        "kumulatif": fmt.rupiah(r[anggaran.K_REALISASI_KUMULATIF]),
                        "serapan": fmt.persen(r[anggaran.K_SERAPAN_KUMULATIF])}
                       for _i, r in rows.iterrows()]}
            for jenis, rows in df.groupby(anggaran.K_JENIS, sort=False)]
    return tulis("serapan_triwulan", **_dasar(lkip), seri=seri) if seri else ""


def _besaran(perubahan: Any) -> Any:
    """The size of a change, without its sign (the sentence says "naik" or "turun")."""
    return None if kosong(perubahan) else abs(perubahan)


def _arah(perubahan: Any) -> str | None:
    if kosong(perubahan):
        return None
    return "naik" if perubahan > 0 else "turun" if perubahan < 0 else "tetap"


def narasi_tren_anggaran(lkip: LkipYear) -> str:
    """The allocation and realisation trend over the years (the trend chart)."""
    df = anggaran.tren_anggaran(lkip)
    baris = [{"tahun": str(r[anggaran.K_TAHUN]), "pagu": fmt.rupiah(r[anggaran.K_PAGU]),
              "realisasi": fmt.rupiah(r[anggaran.K_REALISASI]),
              "serapan": fmt.persen(r[anggaran.K_SERAPAN]),
              "perubahan": fmt.persen(_besaran(r[anggaran.K_PERUBAHAN_PAGU])),
              "arah": _arah(r[anggaran.K_PERUBAHAN_PAGU])}
             for _i, r in df.iterrows()]
    serapan = [(r[anggaran.K_SERAPAN], str(r[anggaran.K_TAHUN])) for _i, r in df.iterrows()
               if not kosong(r[anggaran.K_SERAPAN])]
    tertinggi = max(serapan) if serapan else None
    terendah = min(serapan) if serapan else None
    pagu = [r[anggaran.K_PAGU] for _i, r in df.iterrows()]
    total = (None if len(pagu) < 2 or kosong(pagu[0]) or kosong(pagu[-1]) or not pagu[0]
             else (Decimal(int(pagu[-1])) - Decimal(int(pagu[0]))) / Decimal(int(pagu[0])) * 100)
    arah_total = _arah(total)
    return tulis("tren_anggaran", **_dasar(lkip), baris=baris,
                 arah_total=None if arah_total in (None, "tetap") else arah_total,
                 perubahan_total=fmt.persen(_besaran(total)),
                 tertinggi={"serapan": fmt.persen(tertinggi[0]), "tahun": tertinggi[1]}
                 if tertinggi else None,
                 terendah={"serapan": fmt.persen(terendah[0]), "tahun": terendah[1]}
                 if terendah else None)


def narasi_efisiensi(lkip: LkipYear) -> str:
    """Capaian against absorption and unspent budget, formulas written out; each measure only
    when its figures exist. No cost per output: the schema does not link outputs to the
    kegiatan that produced them, so the whole budget divided by outputs means nothing."""
    e = anggaran.efisiensi(lkip)
    ukuran = []
    if e.indeks_efisiensi is not None:
        makna = ("Nilai di atas 1 berarti target kinerja tercapai tanpa seluruh anggaran harus "
                 "dibelanjakan." if e.indeks_efisiensi > 1 else
                 "Nilai 1 berarti capaian kinerja sebanding dengan serapan anggaran."
                 if e.indeks_efisiensi == 1 else
                 "Nilai di bawah 1 berarti anggaran terserap lebih jauh daripada capaian "
                 "kinerjanya.")
        ukuran.append(f"**Capaian kinerja dibandingkan serapan anggaran.** Rumus: "
                      f"{RUMUS['indeks_efisiensi']}. Capaian kinerja "
                      f"{fmt.persen(e.capaian_kinerja)} dibagi serapan belanja "
                      f"{fmt.persen(e.serapan_anggaran)} menghasilkan indeks "
                      f"{fmt.desimal(e.indeks_efisiensi)}. {makna}")
    if e.sisa_anggaran is not None:
        ukuran.append(f"**Anggaran yang tidak terserap.** Rumus: {RUMUS['sisa']}. "
                      f"{fmt.rupiah(e.pagu_belanja)} − {fmt.rupiah(e.realisasi_belanja)} = "
                      f"{fmt.rupiah(e.sisa_anggaran)}. Sisa ini kembali ke kas daerah dan perlu "
                      "dijelaskan: apakah karena penghematan atau karena kegiatan yang tidak "
                      "terlaksana.")
    return tulis("efisiensi", **_dasar(lkip), ukuran=[Markup(u) for u in ukuran])


#: Columns of the summary tables (:func:`tabel_ikhtisar`, :func:`tabel_efisiensi` ...).
K_BAB, K_UKURAN, K_NILAI, K_PENILAIAN = "bab", "ukuran", "nilai", "penilaian"


# --------------------------------------------------------------------------- aset


def narasi_aset(lkip: LkipYear) -> str:
    """Inventory per category: the total, the dominant category, what value/condition data exist."""
    df = aset.tabel_aset(lkip, jumlah=False)
    kategori = [{"nama": r[aset.K_KATEGORI], "jumlah": fmt.angka(r[aset.K_JUMLAH]),
                 "satuan": r[aset.K_SATUAN], "persen": fmt.persen(r[pegawai.K_PERSENTASE]),
                 # "35 bidang": the count in its own unit (a Jinja macro would escape twice)
                 "banyak": f"{fmt.angka(r[aset.K_JUMLAH])} "
                           f"{str(r[aset.K_SATUAN]).lower() if not kosong(r[aset.K_SATUAN]) else 'barang'}",
                 "nilai": 0 if kosong(r[aset.K_JUMLAH]) else int(r[aset.K_JUMLAH])}
                for _i, r in df.iterrows()]
    terbesar = max(kategori, key=lambda k: k["nilai"]) if kategori else None
    kondisi = aset.ringkasan_kondisi(lkip)
    return tulis("aset", **_dasar(lkip), kategori=kategori, terbesar=terbesar,
                 total=fmt.angka(aset.rasio_aset(lkip).jumlah_aset),
                 nilai=fmt.rupiah(aset.nilai_aset(lkip)) if aset.nilai_aset(lkip) else None,
                 kondisi=None if kondisi is None else {
                     "baik": fmt.angka(kondisi.baik), "persen_baik": fmt.persen(kondisi.persen_baik),
                     "ringan": fmt.angka(kondisi.rusak_ringan),
                     "berat": fmt.angka(kondisi.rusak_berat),
                     "tercatat": fmt.angka(kondisi.tercatat)})


# --------------------------------------------------------------------------- pegawai


def _sebaran(df: Any, kolom_label: str) -> list[dict[str, Any]]:
    """Rows of a count table (no total row), largest first, with formatted count and share."""
    rows = [{"nama": r[kolom_label], "jumlah": fmt.angka(r[pegawai.K_JUMLAH]),
             "persen": fmt.persen(r[pegawai.K_PERSENTASE]),
             "n": 0 if kosong(r[pegawai.K_JUMLAH]) else int(r[pegawai.K_JUMLAH])}
            for _i, r in df.iterrows()]
    return sorted(rows, key=lambda r: -r["n"])


def narasi_bagian(lkip: LkipYear) -> str:
    """Staff per section."""
    return tulis("pegawai_bagian", **_dasar(lkip),
                 baris=_sebaran(pegawai.tabel_bagian(lkip, jumlah=False), pegawai.K_BAGIAN),
                 total=fmt.angka(pegawai.jumlah_pegawai(lkip)))


def narasi_pendidikan(lkip: LkipYear) -> str:
    """Civil servants by education: the largest groups and their shares."""
    df = pegawai.tabel_pendidikan(lkip, jumlah=False)
    label = [u if not kosong(u) else j for u, j in zip(df[pegawai.K_URAIAN], df[pegawai.K_JENJANG])]
    return tulis("pegawai_pendidikan", **_dasar(lkip),
                 baris=_sebaran(df.assign(**{pegawai.K_URAIAN: label}), pegawai.K_URAIAN),
                 total=fmt.angka(pegawai.jumlah_pns(lkip)))


def narasi_golongan(lkip: LkipYear) -> str:
    """Civil servants by rank: the largest groups."""
    return tulis("pegawai_golongan", **_dasar(lkip),
                 baris=_sebaran(pegawai.tabel_golongan(lkip, jumlah=False), pegawai.K_GOLONGAN),
                 total=fmt.angka(pegawai.jumlah_pns(lkip)))


def narasi_jabatan(lkip: LkipYear) -> str:
    """Officials by position and gender."""
    df = pegawai.tabel_jabatan(lkip, jumlah=True)
    baris = [{"jabatan": r[pegawai.K_JABATAN], "jumlah": fmt.angka(r[pegawai.K_JUMLAH]),
              "laki": fmt.angka(r[pegawai.K_LAKI_LAKI]),
              "perempuan": fmt.angka(r[pegawai.K_PEREMPUAN])} for _i, r in df.iterrows()]
    if not baris:
        return ""
    return tulis("pegawai_jabatan", **_dasar(lkip), baris=baris[:-1], jumlah=baris[-1])


# --------------------------------------------------------------------------- komitmen


def _nilai_komitmen(r: Any, kolom: str, tanggal: str) -> str:
    """A commitment's threshold or realisation as read: a percentage, a date or a number."""
    if r[komitmen.K_PEMBANDING] == "paling_lambat":
        return format_sel(r[tanggal])
    if r[komitmen.K_SATUAN] == "%":
        return fmt.persen(r[kolom], simbol=False)
    return format_sel(r[kolom])


def narasi_komitmen(lkip: LkipYear) -> str:
    """How many commitments are met, missed or lack data, naming the missed ones."""
    df = komitmen.tabel_komitmen(lkip)
    rekap = komitmen.rekap_status(lkip)

    def nilai(r: Any, kolom: str, tanggal: str) -> str:
        teks = _nilai_komitmen(r, kolom, tanggal)
        return teks + "%" if r[komitmen.K_SATUAN] == "%" and teks != fmt.KOSONG else teks

    gagal = [{"butir": r[komitmen.K_BUTIR], "uraian": r[komitmen.K_URAIAN],
              "ambang": nilai(r, komitmen.K_AMBANG, komitmen.K_AMBANG_TANGGAL),
              "realisasi": nilai(r, komitmen.K_REALISASI, komitmen.K_REALISASI_TANGGAL)}
             for _i, r in df.iterrows() if r[komitmen.K_STATUS] == komitmen.TIDAK_TERCAPAI]
    belum = [r[komitmen.K_BUTIR] for _i, r in df.iterrows()
             if r[komitmen.K_STATUS] == BELUM_ADA_DATA]
    return tulis("komitmen", **_dasar(lkip), total=fmt.angka(len(df)),
                 rekap={labels.kode(k): fmt.angka(v) for k, v in rekap.items() if v},
                 ada_anggaran=bool((df[komitmen.K_KELOMPOK] == komitmen.ANGGARAN).any()),
                 gagal=gagal, belum=belum)


def tabel_komitmen_tampil(lkip: LkipYear) -> pd.DataFrame:
    """:func:`komitmen.tabel_komitmen` ready to show: comparison in words, threshold and
    realisation formatted per row (percentages by THE rounding rule, dates in Indonesian)."""
    df = komitmen.tabel_komitmen(lkip)
    tampil = df.assign(**{
        komitmen.K_PEMBANDING: [labels.pembanding(p) for p in df[komitmen.K_PEMBANDING]],
        komitmen.K_AMBANG: [_nilai_komitmen(r, komitmen.K_AMBANG, komitmen.K_AMBANG_TANGGAL)
                            for _i, r in df.iterrows()],
        komitmen.K_REALISASI: [_nilai_komitmen(r, komitmen.K_REALISASI,
                                               komitmen.K_REALISASI_TANGGAL)
                               for _i, r in df.iterrows()],
    }).drop(columns=[komitmen.K_AMBANG_TANGGAL, komitmen.K_REALISASI_TANGGAL])
    tampil.attrs["jenis"] = {komitmen.K_PEMBANDING: "teks", komitmen.K_AMBANG: "teks",
                             komitmen.K_REALISASI: "teks", komitmen.K_KETERANGAN: "teks"}
    return tampil


def _tabel_ukuran(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A two-column table of measures (Ukuran) and their formatted values (Nilai); a measure
    without a value has no row."""
    rows = [(ukuran, nilai) for ukuran, nilai in rows if nilai != fmt.KOSONG]
    df = pd.DataFrame(rows, columns=[K_UKURAN, K_NILAI], dtype=object)
    df.attrs["jenis"] = {K_NILAI: "teks"}
    return df


def tabel_efisiensi(lkip: LkipYear) -> pd.DataFrame:
    """The efficiency measures of :func:`anggaran.efisiensi`, one per row, formatted."""
    e = anggaran.efisiensi(lkip)
    rows = [
        ("Capaian kinerja", fmt.persen(e.capaian_kinerja)),
        ("Serapan anggaran belanja", fmt.persen(e.serapan_anggaran)),
        ("Indeks efisiensi (capaian ÷ serapan)", fmt.desimal(e.indeks_efisiensi)),
        ("Pagu belanja", fmt.rupiah(e.pagu_belanja)),
        ("Realisasi belanja", fmt.rupiah(e.realisasi_belanja)),
        ("Sisa anggaran belanja", fmt.rupiah(e.sisa_anggaran)),
        ("Keluaran terlaksana", fmt.angka(e.keluaran_terealisasi)),
    ]
    return _tabel_ukuran(rows)


# --------------------------------------------------------------------------- ikhtisar


def _minimal(pos: anggaran.Pos | None) -> str | None:
    """A budget line against its Perjanjian Kinerja minimum, in words; None without one."""
    if pos is None or pos.memenuhi is None:
        return None
    kata = "memenuhi" if pos.memenuhi else "belum memenuhi"
    return f"{kata} batas minimal {fmt.persen(pos.serapan_minimal)}"


def _rekap_komitmen(a: AngkaUtama) -> dict[str, str]:
    """Commitments per status in words, with their counts (statuses with none left out)."""
    return {labels.kode(k): fmt.angka(v) for k, v in a.komitmen.items() if v}


def tabel_ikhtisar(lkip: LkipYear) -> pd.DataFrame:
    """The headline figure of every chapter with its assessment, formatted (the summary table).

    Keys: :data:`K_BAB`, :data:`K_UKURAN`, :data:`K_NILAI`, :data:`K_PENILAIAN`; figures from
    :func:`lkip_helpers.ikhtisar.angka_utama`. A measure without data has no row.
    """
    a = angka_utama(lkip)
    r, e = a.anggaran, a.efisiensi
    kategori_aset = int(lkip.aset["kategori"].notna().sum())
    rows: list[dict[str, str]] = []

    def baris(bab: str, ukuran: str, nilai: Any, teks: str, penilaian: str | None = None) -> None:
        if not kosong(nilai):
            rows.append({K_BAB: bab, K_UKURAN: ukuran, K_NILAI: teks,
                         K_PENILAIAN: penilaian or ""})

    baris("Capaian kinerja", "Capaian indikator kinerja", a.capaian, fmt.persen(a.capaian),
          a.kategori)
    if a.keluaran is not None and a.target_keluaran is not None:
        baris("Capaian kinerja", "Keluaran terlaksana dari rencana", a.keluaran,
              f"{fmt.angka(a.keluaran)} dari {fmt.angka(a.target_keluaran)}",
              f"capaian {fmt.persen(a.capaian_keluaran)}" if a.capaian_keluaran is not None
              else None)
    for ukuran, pos in (("Realisasi belanja", r.belanja), ("Realisasi pendapatan", r.pendapatan)):
        if pos is not None:
            baris("Anggaran dan efisiensi", ukuran, pos.realisasi,
                  f"{fmt.rupiah(pos.realisasi)} ({fmt.persen(pos.serapan)})", _minimal(pos))
    baris("Anggaran dan efisiensi", "Indeks efisiensi (capaian ÷ serapan)", e.indeks_efisiensi,
          fmt.desimal(e.indeks_efisiensi))
    baris("Inventaris", "Catatan inventaris", a.jumlah_aset, fmt.angka(a.jumlah_aset),
          f"{fmt.angka(kategori_aset)} kategori, masing-masing dengan satuannya"
          if kategori_aset else None)
    terbanyak = a.pendidikan_terbanyak
    baris("Sumber daya manusia", "Jumlah PNS", a.jumlah_pns, fmt.angka(a.jumlah_pns),
          f"terbanyak {terbanyak.nama} ({fmt.persen(terbanyak.persen)})" if terbanyak else None)
    baris("Komitmen Perjanjian Kinerja", "Butir komitmen", sum(a.komitmen.values()) or None,
          fmt.angka(sum(a.komitmen.values())),
          ", ".join(f"{n} {s}" for s, n in _rekap_komitmen(a).items()))
    df = pd.DataFrame(rows, columns=[K_BAB, K_UKURAN, K_NILAI, K_PENILAIAN], dtype=object)
    df.attrs["jenis"] = {K_NILAI: "teks"}
    return df


def narasi_ikhtisar(lkip: LkipYear) -> str:
    """The executive summary paragraphs, from the same figures as :func:`tabel_ikhtisar`."""
    a = angka_utama(lkip)
    r = a.anggaran

    def ada(value: Any, teks: str) -> str | None:
        return None if kosong(value) else teks

    return tulis(
        "ikhtisar", **_dasar(lkip), jumlah_indikator=fmt.angka(a.jumlah_indikator),
        capaian=ada(a.capaian, fmt.persen(a.capaian)), kategori=a.kategori,
        keluaran=ada(a.keluaran, fmt.angka(a.keluaran)),
        target_keluaran=fmt.angka(a.target_keluaran),
        belanja=_pos(r.belanja), pendapatan=_pos(r.pendapatan),
        terendah=_pos(r.serapan_terendah) if _jumlah_kegiatan(lkip) > 1 else None,
        nihil=[p.uraian for p in r.tanpa_realisasi],
        komitmen=_rekap_komitmen(a), belum_tersedia=data_belum_tersedia(lkip))


#: The sections of the report and the data each needs (a sheet with rows, or a test).
BAGIAN_DATA: dict[str, Any] = {
    "keluaran layanan": lambda lkip: not lkip.keluaran.empty,
    "capaian tahun-tahun sebelumnya": lambda lkip: not lkip.riwayat_kinerja.empty,
    "target jangka menengah (Renstra)": lambda lkip: lkip.indikator["target_renstra"].notna().any(),
    "capaian per triwulan": lambda lkip: not lkip.triwulan.empty,
    "anggaran": lambda lkip: not lkip.anggaran.empty,
    "tren anggaran (sedikitnya dua tahun)": lambda lkip: len(anggaran.tren_anggaran(lkip)) >= 2,
    "inventaris barang": lambda lkip: not lkip.aset.empty,
    "pegawai per bagian": lambda lkip: not lkip.pegawai_bagian.empty,
    "pendidikan PNS": lambda lkip: not lkip.pegawai_pendidikan.empty,
    "pangkat dan golongan PNS": lambda lkip: not lkip.pegawai_golongan.empty,
    "pejabat menurut jabatan": lambda lkip: not lkip.pegawai_jabatan.empty,
}


def data_belum_tersedia(lkip: LkipYear) -> list[str]:
    """The sections left out of the report because the workbook has no data for them."""
    return [nama for nama, ada in BAGIAN_DATA.items() if not ada(lkip)]


# --------------------------------------------------------------------------- reviu


def narasi_reviu(lkip: LkipYear, temuan: list) -> str:
    """Opening paragraphs of the Reviu chapter (template ``narasi/reviu.md.j2``)."""
    from .reviu import TOLERANSI_PERSEN, rekap

    return tulis("reviu", **_dasar(lkip), jumlah=fmt.angka(len(temuan)),
                 rekap={labels.kode(t): fmt.angka(n) for t, n in rekap(temuan).items() if n},
                 toleransi=fmt.persen(TOLERANSI_PERSEN, simbol=False))


#: The wording of each finding code (English msgids; the Indonesian in the catalogue). The
#: placeholders are the finding's values: ``dinyatakan`` and ``dihitung`` (read by its
#: ``satuan``), and its ``konteks``.
PESAN_TEMUAN: dict[str, str] = {
    "persen_dinyatakan": N_(
        "The absorption of {uraian} is stated as {dinyatakan}, but realisation ÷ allocation = "
        "{realisasi_rp} ÷ {pagu_rp} = {dihitung}."),
    "realisasi_melebihi_pagu": N_(
        "The realisation of {uraian}, {dinyatakan}, is above its allocation of {dihitung}."),
    "jumlah_kegiatan": N_(
        "The {kolom} of {uraian} is stated as {dinyatakan}, but the {n} {rincian} below it add "
        "up to {dihitung}."),
    "realisasi_triwulan": N_(
        "The realisation of {uraian} for the year is stated as {dinyatakan}, but its four "
        "quarters add up to {dihitung}."),
    "realisasi_triwulan_tidak_lengkap": N_(
        "The quarterly realisation of {uraian} is given for {n} of the 4 quarters ({dinyatakan} "
        "in all); give all four, adding up to the year's realisation of {dihitung}."),
    "serapan_minimal": N_(
        "The absorption of {uraian} is only {dihitung} ({realisasi_rp} of {pagu_rp}), below "
        "the minimum of {dinyatakan} in the Perjanjian Kinerja."),
    "riwayat_anggaran_tahun_ini": N_(
        "The budget history of {tahun} states the {kolom} as {dinyatakan}, while sheet "
        "anggaran gives {dihitung}."),
    "capaian_dinyatakan": N_(
        "The achievement of {kode} in {tahun}{asal} is stated as {dinyatakan}, but it "
        "computes to {dihitung}."),
    "keluaran_indikator": N_(
        "The realisation of {kode} is stated as {dinyatakan} {satuan}, but its outputs give "
        "{dihitung} ({realisasi_n} of {target_n} delivered)."),
    "riwayat_kinerja_tahun_ini": N_(
        "{sumber} states the {kolom} of {kode} in {tahun} as {dinyatakan}, while sheet "
        "indikator gives {dihitung}."),
    "antar_sumber": N_(
        "The realisation of {kode} in {tahun} is {dinyatakan} according to {sumber}, but "
        "{dihitung} according to {sumber_acuan}."),
    "antar_sumber_kosong": N_(
        "The realisation of {kode} in {tahun} is not given in {sumber} (it reads "
        "{dinyatakan}), while {sumber_acuan} states {dihitung}."),
    "capaian_di_atas_100": N_(
        "The achievement of {kode} in {tahun}, {dihitung} against {acuan}, is above 100% "
        "without an explanation."),
    "komitmen_tanpa_realisasi": N_(
        "The realisation of commitment {butir} ({uraian}) has not been recorded."),
    "komitmen_tidak_tercapai": N_(
        "Commitment {butir} ({uraian}) is not met: realisation {dihitung} against a threshold "
        "of {pembanding} {dinyatakan}."),
    "total_tidak_dapat_diperiksa": N_(
        "The stated total{asal} refers to column '{kolom_total}' of sheet {lembar_total}, "
        "which holds no amounts or counts; it cannot be checked."),
    "total_dinyatakan": N_(
        "The total of {judul_lembar} (column {kolom_total}) is stated as {dinyatakan}{asal}, "
        "but its rows add up to {dihitung}."),
    "pegawai_antar_lembar": N_(
        "Sheet {judul_lembar} counts {dinyatakan} people, while sheet {judul_acuan} counts "
        "{dihitung}."),
    "jumlah_jenis_kelamin": N_(
        "Position {jabatan}: the stated number is {dinyatakan}, but men + women = {dihitung}."),
    "tanggal_laporan": N_(
        "The report is dated {dinyatakan}, after the submission deadline of {dihitung}."),
    "tanggal_data_pegawai": N_(
        "The staff data are as of {dinyatakan}, before the reporting year {tahun}."),
    "narasi_kosong": N_(
        "Section “{judul}” ({letak}) has no text of the unit yet; the report shows a "
        "placeholder there. Write it on sheet narasi with section {dinyatakan}."),
    "antar_tahun_kinerja": N_(
        "The {kolom} of {kode} in {tahun} is stated as {dinyatakan}{asal}, but the workbook of "
        "{tahun} ({berkas_acuan}, sheet indikator, row {baris_acuan}) records {dihitung}."),
    "antar_tahun_anggaran": N_(
        "The spending {kolom} of {tahun} is stated as {dinyatakan}{asal}, but the workbook of "
        "{tahun} ({berkas_acuan}) records {dihitung} on its sheet anggaran."),
}
#: How the lines below a parent read in "jumlah_kegiatan" (``konteks["rincian"]``).
RINCIAN_TEMUAN = {
    "program": N_("programmes"),
    "kegiatan": N_("activities"),
    "sub_kegiatan": N_("sub-activities"),
    "campuran": N_("lines"),
}
#: Added to "tanggal_laporan" when the deadline falls within the reporting year.
SALAH_KETIK = N_("That deadline falls before the end of {tahun}, the year reported on, which "
                 "suggests a typing error in the Perjanjian Kinerja.")
#: Added to "total_dinyatakan" for sheet anggaran (the rows are belanja + pendapatan).
ACUAN_TEMUAN = {
    "tahun_ini": N_("this year's target"),
    "renstra": N_("the Renstra target"),
    "tahun_itu": N_("that year's target"),
}


def _nilai_temuan(value: Any, satuan: str) -> str:
    """A finding's value for readers ("88,05%", "Rp1", "95", "27 Februari 2024")."""
    if kosong(value):
        return fmt.KOSONG
    if isinstance(value, str):
        return value
    if satuan == "%":
        return fmt.persen(value)
    if satuan == "Rp":
        return fmt.rupiah(value)
    if satuan == "tanggal":
        return fmt.tanggal(value)
    return angka_wajar(value)


def _konteks_temuan(t: Any, lang: str) -> dict[str, str]:
    """The placeholders of a finding's wording, formatted for readers."""
    out: dict[str, str] = {}
    for key, value in t.konteks.items():
        if key.endswith("_rp"):
            out[key] = fmt.rupiah(value)
        elif key.endswith("_pct"):
            out[key] = fmt.persen(value)
        elif key.endswith("_n"):
            out[key] = angka_wajar(value)
        elif isinstance(value, (dt.date, pd.Timestamp)):
            out[key] = fmt.tanggal(value)
        else:
            out[key] = fmt.KOSONG if kosong(value) else str(value)
    sumber = t.konteks.get("sumber")
    out["asal"] = f" ({sumber})" if not kosong(sumber) else ""
    if "pembanding" in t.konteks:
        out["pembanding"] = labels.pembanding(t.konteks["pembanding"], lang)
    if "acuan" in t.konteks:
        acuan = _(ACUAN_TEMUAN[t.konteks["acuan"]], lang)
        target = t.konteks.get("target_n")
        out["acuan"] = acuan + (f" ({angka_wajar(target)})" if not kosong(target) else "")
    if "rincian" in t.konteks:
        out["rincian"] = _(RINCIAN_TEMUAN.get(t.konteks["rincian"], "lines"), lang)
    if t.kolom in labels.KOLOM and t.kode.value in ("jumlah_kegiatan",
                                                    "realisasi_triwulan_tidak_lengkap",
                                                    "antar_tahun_kinerja",
                                                    "antar_tahun_anggaran"):
        out["kolom"] = _(labels.KOLOM[t.kolom].label, lang).lower()
    else:
        out["kolom"] = t.kolom or ""
    out["dinyatakan"] = _nilai_temuan(t.dinyatakan, t.satuan)
    out["dihitung"] = _nilai_temuan(t.dihitung, t.satuan)
    return out


def uraian_temuan(t: Any, lang: str = labels.LAPORAN) -> str:
    """What a reviu finding says, in ``lang`` (Indonesian by default), one sentence or two."""
    teks = _(PESAN_TEMUAN[t.kode.value], lang).format(**_konteks_temuan(t, lang))
    if t.kode.value == "tanggal_laporan" and t.konteks.get("salah_ketik"):
        teks += " " + _(SALAH_KETIK, lang).format(tahun=t.konteks["tahun"])
    return teks[0].upper() + teks[1:]


def letak_temuan(t: Any, lang: str = labels.LAPORAN) -> str:
    """Where a finding is: "lembar anggaran, baris 2, kolom persen_dinyatakan"."""
    parts = [_("sheet {sheet}", lang).format(sheet=t.lembar)] if t.lembar else []
    if t.baris is not None:
        parts.append(_("row {row}", lang).format(row=t.baris))
    if t.kolom:
        parts.append(_("column {column}", lang).format(column=t.kolom))
    return ", ".join(parts)


def laporan_reviu(temuan: list, source: Any = None, lang: str | None = None) -> str:
    """The findings for the terminal, grouped by severity, in ``lang`` (default: the user's)."""
    from .reviu import TINGKAT, rekap

    lang = lang or bahasa()
    counts = rekap(temuan)
    n = len(temuan)
    head = ngettext("Reviu: {n} item to check", "Reviu: {n} items to check", n, lang).format(n=n)
    if source:
        head += " " + _("in {source}", lang).format(source=source)
    if not temuan:
        return head + ": " + _("every stated figure agrees with the data.", lang)
    lines = [head + " (" + ", ".join(f"{c} {labels.kode(t, lang)}" for t, c in counts.items())
             + ")"]
    for tingkat in TINGKAT:
        mine = [t for t in temuan if t.tingkat == tingkat]
        if mine:
            lines.append(_("Items {tingkat}:", lang).format(tingkat=labels.kode(tingkat, lang)))
            lines += [f"- {letak_temuan(t, lang)}: {uraian_temuan(t, lang)}" for t in mine]
    return "\n".join(lines)


def tabel_temuan_tampil(temuan: list) -> pd.DataFrame:
    """The items to check as the internal reviu page shows them: what to do, wording, place,
    the two values."""
    df = pd.DataFrame({
        "tingkat": [t.tingkat for t in temuan],
        "temuan": [uraian_temuan(t) for t in temuan],
        "letak": [letak_temuan(t) for t in temuan],
        "dinyatakan": [_nilai_temuan(t.dinyatakan, t.satuan) for t in temuan],
        "dihitung": [_nilai_temuan(t.dihitung, t.satuan) for t in temuan],
    }, dtype=object)
    df.attrs["jenis"] = {"tingkat": "kode", "dinyatakan": "teks", "dihitung": "teks"}
    return df


# --------------------------------------------------------------------------- the roll-up
# The roll-up (rekap) of a local government: the figures come from lkip_helpers.rekap's
# frames, computed once by the notebook that shows them.


def narasi_rekap_cakupan(pemda: str, tahun: int, jumlah_unit: int, tahun_data: list[int],
                         dilewati: int = 0, demo: bool = False) -> str:
    """What the roll-up covers: how many units, which years, workbooks left out, demo data."""
    return tulis("rekap_cakupan", pemda=pemda, tahun=str(tahun),
                 jumlah_unit=fmt.angka(jumlah_unit), tahun_data=[str(t) for t in tahun_data],
                 dilewati=fmt.angka(dilewati) if dilewati else None, demo=demo)


def _total_pos(total: pd.Series, jenis: str) -> dict[str, Any] | None:
    if kosong(total.get(f"pagu_{jenis}")):
        return None
    return {"pagu": fmt.rupiah(total[f"pagu_{jenis}"]),
            "realisasi": fmt.rupiah(total[f"realisasi_{jenis}"]),
            "serapan": fmt.persen(total[f"serapan_{jenis}"])}


def narasi_rekap_anggaran(total: pd.DataFrame, tahun: int) -> str:
    """The units' budgets added up (:func:`lkip_helpers.rekap.total_anggaran`)."""
    row = total.iloc[0]
    return tulis("rekap_anggaran", tahun=str(tahun), jumlah_unit=fmt.angka(row["jumlah_unit"]),
                 belanja=_total_pos(row, "belanja"), pendapatan=_total_pos(row, "pendapatan"))


def narasi_rekap_capaian(peringkat: pd.DataFrame, distribusi: pd.DataFrame, rata: Any,
                         tahun: int) -> str:
    """The mean capaian, the highest and lowest unit, the units per category
    (:func:`lkip_helpers.rekap.peringkat_capaian`, :func:`~lkip_helpers.rekap.distribusi_kategori`)."""
    dinilai = peringkat.dropna(subset=["peringkat"])

    def unit(row: pd.Series) -> dict[str, str]:
        return {"nama": row["nama_unit"], "capaian": fmt.persen(row["capaian"])}

    kategori = [{"kategori": labels.kode(r["kategori"]), "jumlah": fmt.angka(r["jumlah_unit"])}
                for _, r in distribusi.iterrows() if r["jumlah_unit"]]
    return tulis("rekap_capaian", tahun=str(tahun), jumlah_unit=fmt.angka(len(peringkat)),
                 rata=fmt.persen(rata) if rata is not None else None,
                 tertinggi=unit(dinilai.iloc[0]) if len(dinilai) > 1 else None,
                 terendah=unit(dinilai.iloc[-1]) if len(dinilai) > 1 else None,
                 kategori=kategori,
                 tanpa_capaian=fmt.angka(len(peringkat) - len(dinilai))
                 if len(dinilai) < len(peringkat) else None)


def narasi_rekap_minimal(di_bawah: pd.DataFrame, peringkat_serapan: pd.DataFrame,
                         tahun: int) -> str:
    """The units below their Perjanjian Kinerja's minimum absorption
    (:func:`lkip_helpers.rekap.di_bawah_minimal`), each with the kinds it missed."""
    unit = []
    for nama, rows in di_bawah.groupby("nama_unit", sort=False):
        rincian = ", ".join(f"{labels.kode(r['jenis'])} {fmt.persen(r['serapan'])} dari "
                            f"minimal {fmt.persen(r['serapan_minimal'])}"
                            for _, r in rows.iterrows())
        unit.append({"nama": nama, "rincian": rincian})
    tanpa = int(peringkat_serapan["serapan_minimal"].isna().sum())
    return tulis("rekap_minimal", tahun=str(tahun), unit=unit,
                 jumlah_unit=fmt.angka(len(peringkat_serapan)),
                 tanpa_minimal=fmt.angka(tanpa) if tanpa else None)


def narasi_rekap_tren(tren: pd.DataFrame, tren_unit: pd.DataFrame) -> str:
    """The local government's first and last year in the data
    (:func:`lkip_helpers.rekap.tren_pemda`) and how many units rose or fell
    (:func:`lkip_helpers.rekap.tren_unit`)."""
    def tahun(row: pd.Series) -> dict[str, str]:
        return {"tahun": str(int(row["tahun"])), "capaian": fmt.persen(row["capaian_rata"]),
                "serapan": fmt.persen(row["serapan_belanja"])}

    arah = tren_unit["arah"].value_counts()
    return tulis("rekap_tren", awal=tahun(tren.iloc[0]) if len(tren) > 1 else None,
                 akhir=tahun(tren.iloc[-1]), naik=int(arah.get("naik", 0)),
                 turun=int(arah.get("turun", 0)))  # counts below a thousand: no separator
