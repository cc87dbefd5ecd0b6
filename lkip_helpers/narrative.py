"""Narrative paragraphs in Bahasa Indonesia, written from the data by Jinja2 templates.

Templates live in ``lkip_helpers/templates/narasi/<nama>.md.j2`` and produce Markdown. Each
``narasi_*`` function below gathers the figures of one table or chart from the calculation
modules, formats every number through :mod:`lkip_helpers.format` (templates receive text,
never raw numbers) and renders its template.

Spreadsheet text is untrusted: the environment autoescapes for HTML, and every value also
has its Markdown control characters backslash-escaped (:func:`aman_markdown`), so a name such
as ``[klik](javascript:...)`` or ``*tebal*`` reaches the reader as the literal text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import anggaran, aset, format as fmt, kinerja, komitmen, pegawai
from .tables import angka_wajar, format_sel
from .model import LkipYear

#: Markdown characters that could turn data into markup (links, emphasis, headings, tables).
_MARKDOWN_KHUSUS = re.compile(r"([\\`*_\[\]{}#|~!])")


def aman_markdown(value: Any) -> Any:
    """``value`` with Markdown control characters backslash-escaped (Markup passes unchanged).

    HTML escaping follows separately (autoescape), so the result is safe for both.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _MARKDOWN_KHUSUS.sub(r"\\\1", value)


@lru_cache(maxsize=1)
def lingkungan() -> Environment:
    """The Jinja2 environment of the narrative templates (autoescape on, strict undefined)."""
    env = Environment(
        loader=PackageLoader("lkip_helpers", "templates/narasi"),
        autoescape=True,
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
    if fmt.kosong(satuan) or teks in (fmt.KOSONG, *fmt.STATUS_TEKS):
        return teks
    return f"{teks}{satuan}" if str(satuan).strip() == "%" else f"{teks} {satuan}"


# --------------------------------------------------------------------------- kinerja


def narasi_capaian(lkip: LkipYear) -> str:
    """Target, realisation, capaian and category of each indicator (the capaian table)."""
    df = kinerja.tabel_capaian(lkip)
    indikator = [{
        "nama": r[kinerja.K_INDIKATOR],
        "target": dengan_satuan(r[kinerja.K_TARGET], r[kinerja.K_SATUAN]),
        "realisasi": dengan_satuan(r[kinerja.K_REALISASI], r[kinerja.K_SATUAN]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN]),
        "keterangan": r[kinerja.K_KETERANGAN],
        "kategori": r[kinerja.K_KATEGORI],
        "penjelasan": r[kinerja.K_PENJELASAN],
    } for _, r in df.iterrows()]
    rata = kinerja.rata_rata_capaian(lkip)
    skala = kinerja.skala_untuk(lkip)
    return tulis("capaian", **_dasar(lkip), indikator=indikator,
                 rata_rata=fmt.persen(rata), kategori_rata=skala.kategori(rata),
                 skala=skala.judul.lower(), pita=skala.uraian())


def narasi_keluaran(lkip: LkipYear) -> str:
    """The outputs behind the indicators: count per type, total, and those short of target."""
    df = kinerja.tabel_keluaran(lkip, jumlah=False)
    target, realisasi = kinerja.total_keluaran(lkip)
    keluaran = [{
        "nama": r[kinerja.K_KELUARAN],
        "target": dengan_satuan(r[kinerja.K_TARGET], r[kinerja.K_SATUAN]),
        "realisasi": dengan_satuan(r[kinerja.K_REALISASI], r[kinerja.K_SATUAN]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN]) if r[kinerja.K_CAPAIAN] is not None
        else r[kinerja.K_KETERANGAN],
        "kurang": r[kinerja.K_CAPAIAN] is not None and r[kinerja.K_CAPAIAN] < fmt.SERATUS,
    } for _, r in df.iterrows()]
    return tulis("keluaran", **_dasar(lkip), keluaran=keluaran, jumlah_jenis=fmt.angka(len(df)),
                 total_target=fmt.angka(target), total_realisasi=fmt.angka(realisasi),
                 capaian_total=fmt.persen(kinerja.capaian(target, realisasi).nilai))


def narasi_riwayat(lkip: LkipYear) -> str:
    """Earlier years of each indicator, as the history table lists them."""
    df = kinerja.tabel_riwayat(lkip)
    tahun = sorted({int(t) for t in df[kinerja.K_TAHUN] if t is not None})
    baris = [{
        "tahun": str(r[kinerja.K_TAHUN]),
        "sumber": r[kinerja.K_SUMBER],
        "realisasi": angka_wajar(r[kinerja.K_REALISASI]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN_TERTULIS]),
        "catatan": r[kinerja.K_CATATAN],
    } for _, r in df.iterrows()]
    return tulis("riwayat", **_dasar(lkip), baris=baris,
                 awal=str(tahun[0]) if tahun else None, akhir=str(tahun[-1]) if tahun else None)


def narasi_renstra(lkip: LkipYear) -> str:
    """Realisation per year against the Renstra target, and how the years compare."""
    df = kinerja.tabel_renstra(lkip)
    baris = [{
        "tahun": str(r[kinerja.K_TAHUN]),
        "realisasi": angka_wajar(r[kinerja.K_REALISASI]),
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN_RENSTRA]) if r[kinerja.K_CAPAIAN_RENSTRA]
        is not None else r[kinerja.K_KETERANGAN],
    } for _, r in df.iterrows()]
    satuan = dict(zip(lkip.indikator["kode"], lkip.indikator["satuan"]))
    target = (dengan_satuan(df[kinerja.K_TARGET_RENSTRA].iloc[0], satuan.get(df[kinerja.K_KODE].iloc[0]))
              if len(df) else fmt.KOSONG)
    return tulis("renstra", **_dasar(lkip), baris=baris, target=target,
                 periode=lkip.profil.get("periode_renstra"))


def narasi_triwulan(lkip: LkipYear) -> str:
    """Quarterly progress, or a plain statement that the workbook has none."""
    df = kinerja.tabel_triwulan(lkip)
    baris = [{
        "indikator": r[kinerja.K_INDIKATOR], "triwulan": r[kinerja.K_TRIWULAN],
        "capaian": fmt.persen(r[kinerja.K_CAPAIAN]) if r[kinerja.K_CAPAIAN] is not None
        else r[kinerja.K_KETERANGAN],
    } for _, r in df.iterrows()]
    return tulis("triwulan", **_dasar(lkip), baris=baris)


# --------------------------------------------------------------------------- anggaran


def _penjelasan_kegiatan(lkip: LkipYear, kegiatan: str) -> str | None:
    df = anggaran.tabel_anggaran(lkip)
    cocok = df[df[anggaran.K_KEGIATAN] == kegiatan][anggaran.K_PENJELASAN]
    return next((p for p in cocok if p is not None), None)


def _pos(pos: anggaran.Pos | None) -> dict[str, Any] | None:
    if pos is None:
        return None
    return {"uraian": pos.uraian, "pagu": fmt.rupiah(pos.pagu),
            "realisasi": fmt.rupiah(pos.realisasi), "serapan": fmt.persen(pos.serapan),
            "sisa": fmt.rupiah(pos.sisa), "minimal": fmt.persen(pos.serapan_minimal),
            "memenuhi": pos.memenuhi}


def narasi_anggaran(lkip: LkipYear) -> str:
    """Spending and revenue against their minimums; the activity without realisation and the
    lowest-absorbing one, with why they matter."""
    r = anggaran.ringkasan(lkip)
    skala = kinerja.skala_untuk(lkip)
    nihil = [{**_pos(p), "penjelasan": _penjelasan_kegiatan(lkip, p.uraian)}
             for p in r.tanpa_realisasi]
    terendah = _pos(r.serapan_terendah)
    if terendah is not None and r.belanja is not None:
        terendah["di_bawah_minimal"] = anggaran.memenuhi_minimal(
            r.serapan_terendah.serapan, r.belanja.serapan_minimal) is False
    jumlah_kegiatan = int((anggaran.tabel_anggaran(lkip)[anggaran.K_TINGKAT]
                           == anggaran.KEGIATAN).sum())
    return tulis("anggaran", **_dasar(lkip), belanja=_pos(r.belanja),
                 pendapatan=_pos(r.pendapatan), total=_pos(r.total),
                 kategori_belanja=skala.kategori(r.belanja.serapan) if r.belanja else None,
                 jumlah_kegiatan=fmt.angka(jumlah_kegiatan), nihil=nihil, terendah=terendah)


def _besaran(perubahan: Any) -> Any:
    """The size of a change, without its sign (the sentence says "naik" or "turun")."""
    return None if perubahan is None else abs(perubahan)


def _arah(perubahan: Any) -> str | None:
    if perubahan is None:
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
             for _, r in df.iterrows()]
    serapan = [(r[anggaran.K_SERAPAN], str(r[anggaran.K_TAHUN])) for _, r in df.iterrows()
               if r[anggaran.K_SERAPAN] is not None]
    tertinggi = max(serapan) if serapan else None
    terendah = min(serapan) if serapan else None
    return tulis("tren_anggaran", **_dasar(lkip), baris=baris,
                 tertinggi={"serapan": fmt.persen(tertinggi[0]), "tahun": tertinggi[1]}
                 if tertinggi else None,
                 terendah={"serapan": fmt.persen(terendah[0]), "tahun": terendah[1]}
                 if terendah else None)


def narasi_efisiensi(lkip: LkipYear) -> str:
    """Capaian against absorption, unspent budget and cost per output, formulas written out."""
    e = anggaran.efisiensi(lkip)
    return tulis("efisiensi", **_dasar(lkip),
                 capaian=fmt.persen(e.capaian_kinerja), serapan=fmt.persen(e.serapan_anggaran),
                 indeks=fmt.desimal(e.indeks_efisiensi), indeks_nilai=e.indeks_efisiensi,
                 pagu=fmt.rupiah(e.pagu_belanja), realisasi=fmt.rupiah(e.realisasi_belanja),
                 sisa=fmt.rupiah(e.sisa_anggaran),
                 target_keluaran=fmt.angka(e.target_keluaran),
                 keluaran=fmt.angka(e.keluaran_terealisasi),
                 biaya=fmt.rupiah(e.biaya_per_keluaran),
                 pagu_per_keluaran=fmt.rupiah(e.pagu_per_keluaran),
                 rumus=anggaran.RUMUS)


#: Columns of the summary tables (:func:`tabel_ikhtisar`, :func:`tabel_efisiensi` ...).
K_BAB, K_UKURAN, K_NILAI, K_PENILAIAN = "Bab", "Ukuran", "Nilai", "Penilaian"
#: Column added to the budget table for display: the line's name (see :func:`uraian_anggaran`).
K_URAIAN = "Uraian"


def uraian_anggaran(lkip: LkipYear) -> list[str]:
    """The name of each line of :func:`anggaran.tabel_anggaran` (same order): its activity,
    else its program, else "Pendapatan" (as :class:`anggaran.Pos` names it)."""
    return [pos.uraian for _, pos in anggaran.pos_baris(lkip)]


# --------------------------------------------------------------------------- aset


def narasi_aset(lkip: LkipYear) -> str:
    """Inventory per category: the total, the dominant category, what value/condition data exist."""
    df = aset.tabel_aset(lkip, jumlah=False)
    kategori = [{"nama": r[aset.K_KATEGORI], "jumlah": fmt.angka(r[aset.K_JUMLAH]),
                 "satuan": r[aset.K_SATUAN], "persen": fmt.persen(r[pegawai.K_PERSENTASE]),
                 "nilai": r[aset.K_JUMLAH]} for _, r in df.iterrows()]
    terbesar = max(kategori, key=lambda k: k["nilai"] or 0) if kategori else None
    kondisi = aset.ringkasan_kondisi(lkip)
    return tulis("aset", **_dasar(lkip), kategori=kategori, terbesar=terbesar,
                 total=fmt.angka(aset.rasio_aset(lkip).jumlah_aset),
                 nilai=fmt.rupiah(aset.nilai_aset(lkip)) if aset.nilai_aset(lkip) else None,
                 kondisi=None if kondisi is None else {
                     "baik": fmt.angka(kondisi.baik), "persen_baik": fmt.persen(kondisi.persen_baik),
                     "ringan": fmt.angka(kondisi.rusak_ringan),
                     "berat": fmt.angka(kondisi.rusak_berat),
                     "tercatat": fmt.angka(kondisi.tercatat)})


def narasi_rasio_aset(lkip: LkipYear) -> str:
    """Vehicles per official and assets per civil servant, formulas written out."""
    r = aset.rasio_aset(lkip)
    return tulis("rasio_aset", **_dasar(lkip), rumus=aset.RUMUS,
                 kendaraan=fmt.angka(r.jumlah_kendaraan), pejabat=fmt.angka(r.jumlah_pejabat),
                 aset=fmt.angka(r.jumlah_aset), pns=fmt.angka(r.jumlah_pns),
                 kendaraan_per_pejabat=fmt.desimal(r.kendaraan_per_pejabat),
                 aset_per_pns=fmt.desimal(r.aset_per_pns),
                 ada_kendaraan=r.kendaraan_per_pejabat is not None,
                 ada_aset=r.aset_per_pns is not None)


# --------------------------------------------------------------------------- pegawai


def _sebaran(df: Any, kolom_label: str) -> list[dict[str, Any]]:
    """Rows of a count table (no total row), largest first, with formatted count and share."""
    rows = [{"nama": r[kolom_label], "jumlah": fmt.angka(r[pegawai.K_JUMLAH]),
             "persen": fmt.persen(r[pegawai.K_PERSENTASE]), "n": r[pegawai.K_JUMLAH] or 0}
            for _, r in df.iterrows()]
    return sorted(rows, key=lambda r: -r["n"])


def narasi_bagian(lkip: LkipYear) -> str:
    """Staff per section."""
    return tulis("pegawai_bagian", **_dasar(lkip),
                 baris=_sebaran(pegawai.tabel_bagian(lkip, jumlah=False), pegawai.K_BAGIAN),
                 total=fmt.angka(pegawai.jumlah_pegawai(lkip)))


def narasi_pendidikan(lkip: LkipYear) -> str:
    """Civil servants by education: the largest groups and their shares."""
    df = pegawai.tabel_pendidikan(lkip, jumlah=False)
    label = [u if u is not None else j for u, j in zip(df[pegawai.K_URAIAN], df[pegawai.K_JENJANG])]
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
    df = pegawai.tabel_jabatan(lkip)
    baris = [{"jabatan": r[pegawai.K_JABATAN], "jumlah": fmt.angka(r[pegawai.K_JUMLAH]),
              "laki": fmt.angka(r[pegawai.K_LAKI_LAKI]),
              "perempuan": fmt.angka(r[pegawai.K_PEREMPUAN])} for _, r in df.iterrows()]
    return tulis("pegawai_jabatan", **_dasar(lkip), baris=baris[:-1], jumlah=baris[-1])


# --------------------------------------------------------------------------- komitmen


def narasi_komitmen(lkip: LkipYear) -> str:
    """How many commitments are met, missed or lack data, naming the missed ones."""
    df = komitmen.tabel_komitmen(lkip)
    rekap = komitmen.rekap_status(lkip)
    gagal = [{"butir": r[komitmen.K_BUTIR], "uraian": r[komitmen.K_URAIAN],
              "ambang": fmt.persen(r[komitmen.K_AMBANG]) if r[komitmen.K_SATUAN] == "%"
              else format_sel(r[komitmen.K_AMBANG]),
              "realisasi": fmt.persen(r[komitmen.K_REALISASI]) if r[komitmen.K_SATUAN] == "%"
              else format_sel(r[komitmen.K_REALISASI])}
             for _, r in df.iterrows() if r[komitmen.K_STATUS] == komitmen.TIDAK_TERCAPAI]
    belum = [r[komitmen.K_BUTIR] for _, r in df.iterrows()
             if r[komitmen.K_STATUS] == fmt.BELUM_ADA_DATA]
    return tulis("komitmen", **_dasar(lkip), total=fmt.angka(len(df)),
                 rekap={k: fmt.angka(v) for k, v in rekap.items() if v},
                 gagal=gagal, belum=belum)


def tabel_komitmen_tampil(lkip: LkipYear) -> Any:
    """:func:`komitmen.tabel_komitmen` ready to show: comparison in words, threshold and
    realisation formatted per row (percentages by THE rounding rule, dates in Indonesian)."""
    df = komitmen.tabel_komitmen(lkip)

    def nilai(value: Any, satuan: Any) -> str:
        return fmt.persen(value, simbol=False) if satuan == "%" else format_sel(value)

    return df.assign(**{
        komitmen.K_PEMBANDING: [komitmen.PEMBANDING_TEKS[p] for p in df[komitmen.K_PEMBANDING]],
        komitmen.K_AMBANG: [nilai(v, s) for v, s in zip(df[komitmen.K_AMBANG], df[komitmen.K_SATUAN])],
        komitmen.K_REALISASI: [nilai(v, s) for v, s in
                               zip(df[komitmen.K_REALISASI], df[komitmen.K_SATUAN])],
    })


def _tabel_ukuran(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A two-column table of measures (Ukuran) and their formatted values (Nilai)."""
    return pd.DataFrame(rows, columns=[K_UKURAN, K_NILAI], dtype=object)


def tabel_efisiensi(lkip: LkipYear) -> Any:
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
        ("Biaya per keluaran", fmt.rupiah(e.biaya_per_keluaran)),
        ("Pagu per keluaran (rencana)", fmt.rupiah(e.pagu_per_keluaran)),
    ]
    return _tabel_ukuran(rows)


def tabel_rasio_aset(lkip: LkipYear) -> Any:
    """The asset ratios of :func:`aset.rasio_aset` with the counts behind them, formatted."""
    r = aset.rasio_aset(lkip)
    rows = [
        ("Jumlah kendaraan", fmt.angka(r.jumlah_kendaraan)),
        ("Jumlah pejabat", fmt.angka(r.jumlah_pejabat)),
        ("Kendaraan per pejabat", fmt.desimal(r.kendaraan_per_pejabat)),
        ("Jumlah seluruh aset", fmt.angka(r.jumlah_aset)),
        ("Jumlah PNS", fmt.angka(r.jumlah_pns)),
        ("Aset per PNS", fmt.desimal(r.aset_per_pns)),
    ]
    return _tabel_ukuran(rows)


# --------------------------------------------------------------------------- ikhtisar



def _minimal(pos: anggaran.Pos | None) -> str:
    if pos is None or pos.memenuhi is None:
        return fmt.BELUM_ADA_DATA if pos is not None and pos.realisasi is None else fmt.KOSONG
    kata = "memenuhi" if pos.memenuhi else "belum memenuhi"
    return f"{kata} batas minimal {fmt.persen(pos.serapan_minimal)}"


def tabel_ikhtisar(lkip: LkipYear) -> pd.DataFrame:
    """The headline figure of every chapter with its assessment, formatted (the summary table).

    Keys: :data:`K_BAB`, :data:`K_UKURAN`, :data:`K_NILAI`, :data:`K_PENILAIAN`.
    """
    skala = kinerja.skala_untuk(lkip)
    rata = kinerja.rata_rata_capaian(lkip)
    target, realisasi = kinerja.total_keluaran(lkip)
    r = anggaran.ringkasan(lkip)
    e = anggaran.efisiensi(lkip)
    ra = aset.rasio_aset(lkip)
    pendidikan = _sebaran(pegawai.tabel_pendidikan(lkip, jumlah=False), pegawai.K_URAIAN)
    rekap = komitmen.rekap_status(lkip)

    def baris(bab: str, ukuran: str, nilai: str, penilaian: str | None) -> dict[str, str]:
        return {K_BAB: bab, K_UKURAN: ukuran, K_NILAI: nilai, K_PENILAIAN: penilaian or fmt.KOSONG}

    rows = [
        baris("Capaian kinerja", "Capaian indikator kinerja", fmt.persen(rata),
              skala.kategori(rata)),
        baris("Capaian kinerja", "Keluaran terlaksana dari rencana",
              f"{fmt.angka(realisasi)} dari {fmt.angka(target)}",
              f"capaian {fmt.persen(kinerja.capaian(target, realisasi).nilai)}"),
    ]
    if r.belanja is not None:
        rows.append(baris("Anggaran dan efisiensi", "Realisasi belanja",
                          f"{fmt.rupiah(r.belanja.realisasi)} ({fmt.persen(r.belanja.serapan)})",
                          f"{skala.kategori(r.belanja.serapan)}; {_minimal(r.belanja)}"))
    if r.pendapatan is not None:
        rows.append(baris("Anggaran dan efisiensi", "Realisasi pendapatan",
                          f"{fmt.rupiah(r.pendapatan.realisasi)} "
                          f"({fmt.persen(r.pendapatan.serapan)})", _minimal(r.pendapatan)))
    rows += [
        baris("Anggaran dan efisiensi", "Biaya per keluaran", fmt.rupiah(e.biaya_per_keluaran),
              f"indeks efisiensi {fmt.desimal(e.indeks_efisiensi)}"),
        baris("Inventaris", "Jumlah aset", fmt.angka(ra.jumlah_aset),
              f"{fmt.desimal(ra.kendaraan_per_pejabat)} kendaraan per pejabat"
              if ra.kendaraan_per_pejabat is not None else None),
        baris("Sumber daya manusia", "Jumlah PNS", fmt.angka(pegawai.jumlah_pns(lkip)),
              f"terbanyak {pendidikan[0]['nama']} ({pendidikan[0]['persen']})"
              if pendidikan else None),
        baris("Komitmen Perjanjian Kinerja", "Butir komitmen",
              fmt.angka(sum(rekap.values())),
              ", ".join(f"{fmt.angka(n)} {s}" for s, n in rekap.items() if n)),
    ]
    return pd.DataFrame(rows, columns=[K_BAB, K_UKURAN, K_NILAI, K_PENILAIAN], dtype=object)


def narasi_ikhtisar(lkip: LkipYear) -> str:
    """The executive summary paragraphs, from the same figures as :func:`tabel_ikhtisar`."""
    skala = kinerja.skala_untuk(lkip)
    rata = kinerja.rata_rata_capaian(lkip)
    target, realisasi = kinerja.total_keluaran(lkip)
    r = anggaran.ringkasan(lkip)
    e = anggaran.efisiensi(lkip)
    rekap = komitmen.rekap_status(lkip)
    return tulis(
        "ikhtisar", **_dasar(lkip), jumlah_indikator=fmt.angka(len(lkip.indikator)),
        capaian=fmt.persen(rata), kategori=skala.kategori(rata),
        keluaran=fmt.angka(realisasi), target_keluaran=fmt.angka(target),
        belanja=_pos(r.belanja), pendapatan=_pos(r.pendapatan),
        terendah=_pos(r.serapan_terendah), nihil=[p.uraian for p in r.tanpa_realisasi],
        biaya=fmt.rupiah(e.biaya_per_keluaran),
        komitmen={k: fmt.angka(v) for k, v in rekap.items() if v})
