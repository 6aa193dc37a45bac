import type { Day } from "../../src/domain/day";
import { HOSPITALS, type EndState, type HospitalSeed } from "./hospitals";
import { between, prng } from "./random";
import type { RegionCode } from "./regions";

// SAMPLE: the rest of Banten's hospitals (the province has about a hundred), generated
// deterministically so that the hospitals' reported use is a real share of the province's
// medical supply at the wave's peak, not a rounding error. Every name, address and figure is
// invented (isSample): names are built from common Indonesian hospital words and real place
// names of each regency/city, so none is meant to be a particular hospital.
//
// Mix: about a fifth large (220–420 beds), two fifths medium (110–220), two fifths small
// (50–110); small private hospitals often run on cylinders only (no liquid tank: tank 0, their
// store is a bank of 6 m³ cylinders). During the July 2021 surge hospitals turned most wards
// over to COVID-19 and treated oxygen patients beyond their designated beds (tents, emergency
// rooms): `surge` scales the severe patients at the peak. At the scenario clock's start most
// are green, some amber, and some have stopped reporting (in August 2021 only 60–70 % of
// Indonesian hospitals filled in their oxygen data).

export type GeneratedHospitalKey = `gen-${string}`;

/** Hospitals per regency/city, roughly by population (Tangerang Raya carries most). */
const PER_REGION: [RegionCode, number, string[]][] = [
  [
    "36.03",
    18,
    [
      "Cikupa",
      "Curug",
      "Tigaraksa",
      "Pasar Kemis",
      "Cisoka",
      "Kelapa Dua",
      "Sepatan",
      "Teluknaga",
      "Mauk",
      "Kresek",
      "Legok",
      "Jayanti",
      "Panongan",
      "Rajeg",
      "Kosambi",
      "Sindang Jaya",
    ],
  ],
  [
    "36.71",
    16,
    [
      "Cipondoh",
      "Karawaci",
      "Ciledug",
      "Tanah Tinggi",
      "Jatiuwung",
      "Batuceper",
      "Periuk",
      "Larangan",
      "Neglasari",
      "Pinang",
      "Benda",
      "Karang Tengah",
      "Cibodas",
    ],
  ],
  [
    "36.74",
    15,
    [
      "Serpong",
      "Pondok Aren",
      "Bintaro",
      "Pamulang",
      "Ciputat Timur",
      "Setu",
      "Pondok Cabe",
      "Serua",
      "Jombang Ciputat",
      "Rawa Buntu",
      "Lengkong",
      "Pondok Ranji",
    ],
  ],
  ["36.04", 9, ["Ciruas", "Anyer", "Cikande", "Kragilan", "Pontang", "Kramatwatu", "Baros", "Petir", "Cinangka"]],
  ["36.73", 8, ["Kasemen", "Taktakan", "Cipocok Jaya", "Walantaka", "Curug Serang", "Ciracas Serang", "Kaligandu"]],
  ["36.72", 6, ["Merak", "Ciwandan", "Jombang Wetan", "Cibeber", "Grogol", "Citangkil", "Purwakarta"]],
  ["36.02", 7, ["Cileles", "Bayah", "Maja", "Warunggunung", "Cipanas Lebak", "Cilograng", "Banjarsari"]],
  ["36.01", 7, ["Labuan", "Menes", "Cibaliung", "Saketi", "Kadu Hejo", "Panimbang", "Cikeusik"]],
];

const PRIVATE = [
  "Harapan Bunda",
  "Permata Medika",
  "Bhakti Husada",
  "Citra Insani",
  "Mutiara Hati",
  "Annisa",
  "Insan Permata",
  "Prima Husada",
  "Mitra Sehat",
  "Al-Hikmah",
  "Aulia",
  "Bunda Asih",
  "Kasih Ibu",
  "Sentosa",
  "Cahaya Medika",
  "Azzahra",
  "Nurul Hasanah",
  "Karya Medika",
  "Sehat Sejahtera",
  "Bakti Mulia",
  "Dinda Husada",
  "Sari Medika",
  "Pelita Insani",
  "Medika Utama",
  "Sinar Kasih",
];

const KIND_REGENCY = new Set(["36.01", "36.02", "36.03", "36.04"]);

export function generateHospitals(): HospitalSeed[] {
  const rnd = prng("hospitals:generated");
  const names = new Set<string>(HOSPITALS.map((h) => h.name));
  const out: HospitalSeed[] = [];
  for (const [regionCode, n, places] of PER_REGION) {
    for (let i = 0; i < n; i++) {
      const place = places[i % places.length];
      const size = rnd();
      const large = size < 0.2,
        small = size >= 0.6;
      // a few regional (government) hospitals in the regencies: association members
      const regional = KIND_REGENCY.has(regionCode) && !small && rnd() < 0.3;
      let name = "";
      for (let tries = 0; name === "" || names.has(name); tries++) {
        const word = PRIVATE[between(rnd, 0, PRIVATE.length - 1)];
        name = regional && tries === 0 ? `RSUD ${place}` : `${small && rnd() < 0.35 ? "RSU" : "RS"} ${word} ${place}`;
      }
      names.add(name);
      const beds = large ? between(rnd, 22, 42) * 10 : small ? between(rnd, 10, 22) * 5 : between(rnd, 11, 22) * 10;
      const covidBeds = Math.round(beds * (0.6 + rnd() * 0.15));
      const icuBeds = Math.max(2, Math.round(beds * (0.07 + rnd() * 0.05)));
      const cylindersOnly = small && rnd() < 0.6;
      // a liquid tank of three to five days of the peak's use, in 500 kg steps (at most 25 t), topped up daily at the peak
      const peakKg = covidBeds * 0.55 * 1.4 * 14 + icuBeds * 0.8 * 43 + beds * 1.5;
      const tankCapacityKg = cylindersOnly ? 0 : Math.min(25_000, Math.max(1_000, Math.round((peakKg * (3 + rnd() * 2)) / 500) * 500));
      const r = rnd();
      const end: EndState =
        r < 0.09
          ? { kind: "stale", lastReport: (r < 0.045 ? "2021-08-22" : "2021-08-23") as Day, hours: between(rnd, 30, 60) }
          : r < 0.2
            ? { kind: "amber", hours: between(rnd, 13, 22) }
            : { kind: "green", hours: between(rnd, 28, 120) };
      out.push({
        key: `gen-${regionCode}-${String(i + 1).padStart(2, "0")}`,
        name,
        regionCode,
        address: `Jl. Raya ${place} No. ${between(rnd, 1, 180)}`,
        isReferral: large || (regional && rnd() < 0.7),
        isAssociationMember: regional,
        beds,
        covidBeds,
        icuBeds,
        tankCapacityKg,
        residualPct: cylindersOnly ? 0 : between(rnd, 5, 10),
        // the cylinder bank: 2.5–3.5 days of the peak's use, in 6 m³ cylinders of 8.124 kg; refilled when half is used
        cylinderBankKg: cylindersOnly ? Math.round(Math.round((peakKg * (2.5 + rnd())) / 8.124) * 8.124) : undefined,
        refillBelow: 0.55,
        surge: 1.1 + rnd() * 0.5,
        end,
      });
    }
  }
  return out;
}

/** Every seeded hospital: the fourteen named ones first, then the generated ones. */
export const ALL_HOSPITALS: HospitalSeed[] = [...HOSPITALS, ...generateHospitals()];
