"""The headline figures of a unit-year, computed once: what the summary, cover, index and check show.

:func:`angka_utama` gathers the figures every summary repeats (overall capaian and its
category, outputs, spending and revenue against their minimums, efficiency, assets, staff,
commitments) from the calculation modules into one :class:`AngkaUtama`. The summary table and
narrative (:mod:`lkip_helpers.narrative`), the report cover and the index (``facts.json``) and
``lkip check`` all read it, so a headline figure is assembled in exactly one place. Values are
exact (Decimal percentages, int Rupiah and counts); wording belongs to the presentation layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import anggaran, aset, kinerja, komitmen, pegawai
from .hitung import persentase
from .model import LkipYear


@dataclass(frozen=True)
class Terbanyak:
    """The largest group of a count table (e.g. the most common education level)."""

    nama: str
    jumlah: int
    persen: Decimal | None


@dataclass(frozen=True)
class AngkaUtama:
    """Headline figures of one unit-year (see the module docstring)."""

    unit: str
    tahun: int
    nama_unit: str
    jumlah_indikator: int
    capaian: Decimal | None  # overall capaian: mean of the counted values (agregasi)
    kategori: str | None  # its category on the unit's scale
    skala: kinerja.Skala
    target_keluaran: int | None
    keluaran: int | None  # outputs realised
    capaian_keluaran: Decimal | None
    anggaran: anggaran.Ringkasan
    efisiensi: anggaran.Efisiensi
    jumlah_aset: int | None
    kendaraan_per_pejabat: Decimal | None
    jumlah_pegawai: int | None
    jumlah_pns: int | None
    jumlah_pejabat: int | None
    pendidikan_terbanyak: Terbanyak | None
    komitmen: dict[str, int]  # commitments per status code (zeros included)
    #: How the overall capaian was made: counted indicators, formulas, cap, exclusions.
    agregasi: kinerja.AgregasiCapaian | None = None

    @property
    def serapan(self) -> Decimal | None:
        """Spending absorption (%), the budget's headline figure."""
        belanja = self.anggaran.belanja
        return belanja.serapan if belanja else None


def _terbanyak(lkip: LkipYear) -> Terbanyak | None:
    df = pegawai.tabel_pendidikan(lkip)
    if df.empty or df["jumlah"].isna().all():
        return None
    row = df.loc[df["jumlah"].fillna(-1).astype("int64").idxmax()]
    nama = row["uraian"] if isinstance(row["uraian"], str) else row["jenjang"]
    total = pegawai.jumlah_pns(lkip)
    return Terbanyak(str(nama), int(row["jumlah"]), persentase(int(row["jumlah"]), total))


def angka_utama(lkip: LkipYear) -> AngkaUtama:
    """Every headline figure of ``lkip`` (formulas: the calculation modules cited below).

    capaian: :func:`kinerja.agregasi_capaian` (kept whole in ``agregasi``); kategori: the unit's scale
    (:func:`kinerja.skala_untuk`) on the exact capaian; outputs:
    :func:`kinerja.total_keluaran`; budget: :func:`anggaran.ringkasan` and
    :func:`anggaran.efisiensi`; assets and ratios: :func:`aset.rasio_aset`; staff:
    :mod:`pegawai`; commitments: :func:`komitmen.rekap_status`.
    """
    skala = kinerja.skala_untuk(lkip)
    agregasi = kinerja.agregasi_capaian(lkip)
    capaian = agregasi.nilai
    target, realisasi = kinerja.total_keluaran(lkip)
    rasio = aset.rasio_aset(lkip)
    return AngkaUtama(
        unit=lkip.unit, tahun=lkip.year,
        nama_unit=str(lkip.profil.get("nama_unit") or lkip.unit),
        jumlah_indikator=len(lkip.indikator), capaian=capaian, kategori=skala.kategori(capaian),
        skala=skala, target_keluaran=target, keluaran=realisasi,
        capaian_keluaran=kinerja.capaian(target, realisasi).nilai,
        anggaran=anggaran.ringkasan(lkip), efisiensi=anggaran.efisiensi(lkip),
        jumlah_aset=rasio.jumlah_aset, kendaraan_per_pejabat=rasio.kendaraan_per_pejabat,
        jumlah_pegawai=pegawai.jumlah_pegawai(lkip), jumlah_pns=pegawai.jumlah_pns(lkip),
        jumlah_pejabat=pegawai.jumlah_pejabat(lkip),
        pendidikan_terbanyak=_terbanyak(lkip), komitmen=komitmen.rekap_status(lkip),
        agregasi=agregasi,
    )
