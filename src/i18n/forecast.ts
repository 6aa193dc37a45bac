// Strings of the demand forecast (/forecast). Bahasa Indonesia is the default.
const id = {
  title: "Proyeksi kebutuhan oksigen",
  intro:
    "Kebutuhan oksigen medis 14 hari ke depan dari pasien yang dirawat, dibandingkan dengan pasokan medis. Geser skenario untuk mencoba kemungkinan; data tidak berubah.",
  asOfLabel: "Proyeksi dari tanggal",
  asOf: (day: string) => `Berdasarkan laporan sampai ${day}`,
  show: "Tampilkan",
  latestDay: "Terbaru",
  noData: "Belum ada laporan stok rumah sakit; proyeksi belum dapat dihitung.",
  sample: "Angka rumah sakit dan kasus di data demo adalah data contoh.",

  /** The seeded rate sets by key: their names in this language and where their figures come from. */
  rateSets: {
    who: {
      name: "Laju perencanaan WHO",
      source: "WHO, perencanaan lonjakan oksigen COVID-19 (2020): pasien berat 10 L/menit, kritis 30 L/menit — angka maksimum untuk perencanaan.",
    },
    india2021: {
      name: "Rumus tempat tidur India 2021",
      source: "Pedoman Kementerian Kesehatan India untuk rumah sakit COVID (April 2021): tempat tidur oksigen 10 L/menit, ICU 24 L/menit.",
    },
    measured: {
      name: "Rata-rata bangsal terukur",
      source: "Rata-rata aliran yang diukur di bangsal COVID (3–6 L/menit untuk pasien berat): angka contoh untuk demo.",
    },
  } as Record<string, { name: string; source: string } | undefined>,
  rateSetSource: (source: string) => `Sumber: ${source}`,
  controls: {
    title: "Skenario",
    hint: "Perubahan langsung terlihat pada grafik; tidak ada data yang diubah.",
    rateSet: "Laju aliran",
    basis: "Tren yang diikuti",
    basisPatients: "Pasien oksigen di rumah sakit",
    basisCases: "Kasus aktif COVID-19",
    wave: "Pengali gelombang",
    waveValue: (x: string) => `×${x}`,
    shift: "Geser produksi ke medis",
    shiftValue: (pp: string, t: string) => `${pp} poin persen (${t} per hari)`,
    shiftHint: "Negatif: porsi medis dikembalikan ke industri (mis. instruksi gubernur berakhir).",
    pledged: "Tambahan komitmen (t/hari)",
    reset: "Kembali ke awal",
    reportedRates: "Pemakaian yang dilaporkan rumah sakit",
    lpm: (severe: string, critical: string) => `berat ${severe} L/menit, kritis ${critical} L/menit`,
  },

  headline: {
    firstShort: "Hari pertama kekurangan",
    none: "Tidak kekurangan dalam 14 hari",
    band: (low: string, high: string) => `rentang: ${low} (pesimis) – ${high} (optimis)`,
    bandNone: "tidak kekurangan",
    peakDemand: "Kebutuhan puncak (proyeksi)",
    supply: "Pasokan medis per hari",
    supplyParts: (medical: string, shifted: string, pledged: string) => `medis ${medical} ${shifted} + komitmen ${pledged}`,
    maxShortfall: "Kekurangan terbesar per hari",
    totalShortfall: (t: string) => `total 14 hari: ${t}`,
    closeGap: "Agar tidak kekurangan",
    closeGapNone: "Tidak perlu menahan industri",
    closeGapPp: (pp: number, t: string) => `tahan ${pp} poin persen produksi industri (${t}/hari) untuk medis`,
    closeGapImpossible: "menahan seluruh industri pun tidak cukup",
    closeGapSlack: (pp: number, t: string) => `pembagian saat ini cukup; paling banyak ${pp} poin persen (${t}/hari) boleh kembali ke industri`,
    growth: "Pertumbuhan per hari",
    noFit: "Tren tidak dapat dihitung (kurang dari 7 hari data positif).",
  },

  chart: {
    title: "Kebutuhan medis vs pasokan medis",
    summary: (first: string) => `Kebutuhan yang diproyeksikan dengan rentang ketidakpastian 95 %, dibandingkan dengan pasokan medis per hari. ${first}`,
    history: "Kebutuhan (data)",
    demand: "Kebutuhan (proyeksi)",
    band: "Rentang 95 %",
    supply: "Pasokan medis",
    yAxis: "ton per hari",
    supplyOffScale: (t: string) => `Pasokan medis (${t}/hari) jauh di atas kebutuhan dan tidak tampak pada skala grafik ini.`,
    showData: "Tampilkan angka",
    day: "Hari",
    demandLow: "Rendah",
    demandHigh: "Tinggi",
    shortfall: "Kekurangan",
    projected: "proyeksi",
  },

  assumptions: {
    title: "Asumsi",
    rates: (name: string, lpm: string) =>
      `Kebutuhan = pasien berat dan kritis × laju aliran "${name}" (${lpm}), dihitung pada 15 °C: 1 L/menit sepanjang hari = 1,44 m³ = 1,95 kg oksigen.`,
    patients: (hospitals: number, older: number, severe: string, critical: string) =>
      `Pasien: laporan terakhir ${hospitals} rumah sakit (${severe} berat, ${critical} kritis)${older > 0 ? `; ${older} di antaranya belum melapor hari ini dan tetap dihitung dengan laporan terakhirnya (ditandai di tabel)` : ""}. Pasien yang isolasi mandiri di rumah tidak dihitung.`,
    growth: (series: string, rate: string, from: string, to: string) =>
      `Tren: garis lurus pada logaritma "${series}" dari ${from} sampai ${to}: ${rate} per hari. Pasien bertambah atau berkurang dengan laju yang sama, dan perbandingan berat : kritis tetap.`,
    band: "Rentang: laju ± 1,96 × galat bakunya. Rentang hanya mencerminkan sebaran data, bukan perubahan arah (kebijakan, tempat tidur penuh, keterlambatan laporan).",
    exponential: "Pertumbuhan eksponensial tidak melandai: setelah satu-dua minggu proyeksi dapat melampaui puncak gelombang yang sebenarnya.",
    wave: (x: string) => `Gelombang baru: jumlah pasien dikalikan ${x}.`,
    supply: (day: string, medical: string, production: string) =>
      `Pasokan: produksi medis provinsi pada ${day} (${medical} dari ${production}), tetap selama 14 hari, ditambah geseran dan komitmen skenario.`,
    notModelled: "Tidak dihitung: transportasi dan batas tangki, sisa tangki yang tidak dapat dipakai (5–10 %), oksigen tabung untuk isolasi mandiri.",
    whoNote: "Laju WHO adalah angka perencanaan maksimum; rata-rata bangsal yang diukur 3–6 L/menit.",
  },

  today: {
    title: "Kebutuhan hari ini, tiga cara",
    patients: "Pasien × laju aliran terpilih",
    patientsNote: (severe: string, critical: string) => `${severe} pasien berat, ${critical} kritis`,
    beds: "Rumus tempat tidur India 2021",
    bedsNote: (beds: string, icu: string) =>
      `50 % dari ${beds} tempat tidur COVID non-ICU × 10 L/menit + ${icu} ICU COVID × 24 L/menit (semua terisi; pedoman Kementerian Kesehatan India, April 2021)`,
    measured: "Pemakaian terukur rumah sakit",
    measuredNote:
      "jumlah laju pemakaian tiap rumah sakit (7 laporan terakhir, yang terbaru lebih berbobot); yang berhenti melapor dihitung dengan laporan terakhirnya",
  },

  check: {
    title: "Pemeriksaan konsistensi",
    intro: (min: string, max: string) =>
      `Rumah sakit yang pemakaiannya menyimpang jauh dari yang tersirat oleh pasiennya (di luar ${min}–${max} kali), dengan laju aliran terpilih.`,
    hospital: "Rumah sakit",
    reportDay: "Laporan",
    carriedForward: "diteruskan",
    patients: "Pasien (berat/kritis)",
    reported: "Dilaporkan",
    implied: "Tersirat dari pasien",
    ratio: "Rasio",
    status: "Keterangan",
    statuses: { ok: "Wajar", low: "Jauh lebih rendah", high: "Jauh lebih tinggi", use_without_patients: "Pemakaian tanpa pasien" },
    none: "Tidak ada rumah sakit yang menyimpang.",
    showAll: "Tampilkan semua rumah sakit",
  },

  save: {
    title: "Simpan dan bagikan",
    name: "Nama skenario",
    namePlaceholder: "mis. Omicron ×3",
    submit: "Simpan skenario",
    saved: "Skenario tersimpan.",
    link: "Tautan",
    copy: "Salin tautan",
    copied: "Tersalin",
    shareNow: "Tautan skenario ini (tanpa menyimpan)",
    recent: "Skenario tersimpan",
    by: (who: string, when: string) => `oleh ${who}, ${when}`,
    none: "Belum ada skenario tersimpan.",
    opened: (name: string) => `Skenario "${name}"`,
    notFound: "Skenario tidak ditemukan; menampilkan pengaturan awal.",
  },

  config: {
    title: "Laju aliran (admin)",
    intro: "Laju default dipakai semua orang saat membuka proyeksi. Perubahan laju berlaku untuk semua.",
    isDefault: "Default",
    makeDefault: "Jadikan default",
    severe: "Berat (L/menit)",
    critical: "Kritis (L/menit)",
    saveRates: "Simpan laju",
  },
};

const en: typeof id = {
  title: "Oxygen demand forecast",
  intro:
    "Medical oxygen demand for the next 14 days from the patients in care, against the medical supply. Move the scenario to try what-ifs; no data changes.",
  asOfLabel: "Forecast from",
  asOf: (day: string) => `From the reports up to ${day}`,
  show: "Show",
  latestDay: "Latest",
  noData: "No hospital stock reports yet; the forecast cannot be computed.",
  sample: "The hospital and case figures in the demo data are sample data.",

  rateSets: {
    who: { name: "WHO planning rates", source: "WHO, COVID-19 oxygen surge planning (2020): severe 10 L/min, critical 30 L/min — planning maxima." },
    india2021: {
      name: "India 2021 bed formula",
      source: "India's Ministry of Health guidance for COVID hospitals (April 2021): oxygen beds 10 L/min, ICU 24 L/min.",
    },
    measured: { name: "Measured ward averages", source: "Average flows measured on COVID wards (3–6 L/min for severe patients): sample figures for the demo." },
  },
  rateSetSource: (source: string) => `Source: ${source}`,
  controls: {
    title: "Scenario",
    hint: "The chart follows at once; no data is changed.",
    rateSet: "Flow rates",
    basis: "Trend followed",
    basisPatients: "Patients on oxygen in hospitals",
    basisCases: "Active COVID-19 cases",
    wave: "Wave multiplier",
    waveValue: (x: string) => `×${x}`,
    shift: "Shift production to medical",
    shiftValue: (pp: string, t: string) => `${pp} percentage points (${t} a day)`,
    shiftHint: "Negative: the medical share goes back to industry (e.g. the governor's instruction ends).",
    pledged: "Extra pledged (t/day)",
    reset: "Reset",
    reportedRates: "Hospitals' reported use",
    lpm: (severe: string, critical: string) => `severe ${severe} L/min, critical ${critical} L/min`,
  },

  headline: {
    firstShort: "First short day",
    none: "No shortage within 14 days",
    band: (low: string, high: string) => `range: ${low} (pessimistic) – ${high} (optimistic)`,
    bandNone: "no shortage",
    peakDemand: "Peak demand (projected)",
    supply: "Medical supply per day",
    supplyParts: (medical: string, shifted: string, pledged: string) => `medical ${medical} ${shifted} + pledged ${pledged}`,
    maxShortfall: "Largest daily shortfall",
    totalShortfall: (t: string) => `14-day total: ${t}`,
    closeGap: "To avoid a shortage",
    closeGapNone: "No industrial use needs holding back",
    closeGapPp: (pp: number, t: string) => `hold back ${pp} percentage points of industrial production (${t}/day) for medical use`,
    closeGapImpossible: "even holding back all industrial use is not enough",
    closeGapSlack: (pp: number, t: string) => `today's split is enough; at most ${pp} percentage points (${t}/day) could go back to industry`,
    growth: "Growth per day",
    noFit: "No trend can be fitted (fewer than 7 days of positive data).",
  },

  chart: {
    title: "Medical demand vs medical supply",
    summary: (first: string) => `Projected demand with its 95 % uncertainty band, against the medical supply per day. ${first}`,
    history: "Demand (data)",
    demand: "Demand (projected)",
    band: "95 % band",
    supply: "Medical supply",
    yAxis: "tonnes per day",
    supplyOffScale: (t: string) => `Medical supply (${t}/day) is far above demand and off this chart's scale.`,
    showData: "Show the numbers",
    day: "Day",
    demandLow: "Low",
    demandHigh: "High",
    shortfall: "Shortfall",
    projected: "projected",
  },

  assumptions: {
    title: "Assumptions",
    rates: (name: string, lpm: string) =>
      `Demand = severe and critical patients × the "${name}" flow rates (${lpm}), at 15 °C: 1 L/min for a day = 1.44 m³ = 1.95 kg of oxygen.`,
    patients: (hospitals: number, older: number, severe: string, critical: string) =>
      `Patients: the latest reports of ${hospitals} hospitals (${severe} severe, ${critical} critical)${older > 0 ? `; ${older} of them have not reported today and still count with their last report (marked in the table)` : ""}. People isolating at home are not counted.`,
    growth: (series: string, rate: string, from: string, to: string) =>
      `Trend: a straight line through the logarithm of "${series}" from ${from} to ${to}: ${rate} a day. Patients grow or fall at that rate, and the severe : critical mix stays the same.`,
    band: "Band: the rate ± 1.96 × its standard error. It reflects only the scatter of the data, not a change of course (policy, full beds, reporting delays).",
    exponential: "Exponential growth does not bend: beyond a week or two the projection can overshoot the real peak of a wave.",
    wave: (x: string) => `New wave: patients multiplied by ${x}.`,
    supply: (day: string, medical: string, production: string) =>
      `Supply: the province's medical production on ${day} (${medical} of ${production}), flat for 14 days, plus the scenario's shift and pledges.`,
    notModelled: "Not modelled: transport and tank limits, the unusable tank residual (5–10 %), cylinders for people isolating at home.",
    whoNote: "WHO rates are planning maxima; measured ward averages are 3–6 L/min.",
  },

  today: {
    title: "Demand today, three ways",
    patients: "Patients × chosen flow rates",
    patientsNote: (severe: string, critical: string) => `${severe} severe, ${critical} critical patients`,
    beds: "India 2021 bed formula",
    bedsNote: (beds: string, icu: string) =>
      `50 % of ${beds} non-ICU COVID beds × 10 L/min + ${icu} COVID ICU beds × 24 L/min (all occupied; India's Ministry of Health guidance, April 2021)`,
    measured: "Hospitals' measured use",
    measuredNote: "sum of each hospital's burn rate (its last 7 reports, the newest weigh most); hospitals that stopped reporting count with their last report",
  },

  check: {
    title: "Consistency check",
    intro: (min: string, max: string) =>
      `Hospitals whose reported use departs strongly from what their patients imply (outside ${min}–${max} times), at the chosen flow rates.`,
    hospital: "Hospital",
    reportDay: "Report",
    carriedForward: "carried forward",
    patients: "Patients (severe/critical)",
    reported: "Reported",
    implied: "Implied by patients",
    ratio: "Ratio",
    status: "Finding",
    statuses: { ok: "Plausible", low: "Far lower", high: "Far higher", use_without_patients: "Use without patients" },
    none: "No hospital departs strongly.",
    showAll: "Show all hospitals",
  },

  save: {
    title: "Save and share",
    name: "Scenario name",
    namePlaceholder: "e.g. Omicron ×3",
    submit: "Save scenario",
    saved: "Scenario saved.",
    link: "Link",
    copy: "Copy link",
    copied: "Copied",
    shareNow: "Link to this scenario (without saving)",
    recent: "Saved scenarios",
    by: (who: string, when: string) => `by ${who}, ${when}`,
    none: "No saved scenarios yet.",
    opened: (name: string) => `Scenario "${name}"`,
    notFound: "Scenario not found; showing the starting settings.",
  },

  config: {
    title: "Flow rates (admin)",
    intro: "The default rate set is what everyone sees on opening the forecast. Changed rates apply to everyone.",
    isDefault: "Default",
    makeDefault: "Make default",
    severe: "Severe (L/min)",
    critical: "Critical (L/min)",
    saveRates: "Save rates",
  },
};

export const forecast = { id, en };
