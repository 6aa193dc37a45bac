import type { Day } from "../../src/domain/day";
import type { GeneratedHospitalKey } from "./hospitals-generated";
import type { RegionCode } from "./regions";

// The fourteen named hospitals (the rest of the province's are in hospitals-generated.ts). The names are real-sounding Banten hospitals, but every figure (beds, tanks,
// membership, stock, patients) is invented, so all are isSample: true.
// Asarda Banten is the association of regional (government) hospitals, so the RSUDs are members
// and the private hospitals are not.

export type HospitalKey =
  | "rsudBanten"
  | "drajat"
  | "rsudKotaTangerang"
  | "rsudCilegon"
  | "sariAsihSerang"
  | "berkahPandeglang"
  | "adjidarmo"
  | "rsudKabTangerang"
  | "balaraja"
  | "rsuTangsel"
  | "sariAsihCiputat"
  | "malingping"
  | "krakatauMedika"
  | "pakuhaji";

/** How the hospital's supply looks when the demo's clock starts, 2021-08-25 09:30 WIB: hours left, projected (see seed.ts). */
export type EndState = { kind: "green" | "amber" | "red"; hours: number } | { kind: "stale"; lastReport: Day; hours: number };

export interface HospitalSeed {
  key: HospitalKey | GeneratedHospitalKey;
  name: string;
  regionCode: RegionCode;
  address: string;
  isReferral: boolean;
  isAssociationMember: boolean;
  beds: number;
  covidBeds: number;
  icuBeds: number;
  tankCapacityKg: number;
  /** share of the tank that cannot be delivered (5–10 %) */
  residualPct: number;
  /** no liquid tank (tankCapacityKg 0): the kg its bank of full cylinders holds */
  cylinderBankKg?: number;
  /** share of the tank below which a delivery tops it up (0.35 when absent) */
  refillBelow?: number;
  /** severe oxygen patients at the wave's peak beyond 55 % of the COVID beds (tents, emergency rooms); 1 when absent */
  surge?: number;
  end: EndState;
}

export const HOSPITALS: HospitalSeed[] = [
  {
    key: "rsudBanten",
    name: "RSUD Banten",
    regionCode: "36.73",
    address: "Jl. Syekh Nawawi Al Bantani, Kota Serang",
    isReferral: true,
    isAssociationMember: true,
    beds: 300,
    covidBeds: 150,
    icuBeds: 24,
    tankCapacityKg: 10_000,
    residualPct: 8,
    end: { kind: "amber", hours: 14 },
  },
  {
    key: "drajat",
    name: "RSUD dr. Drajat Prawiranegara",
    regionCode: "36.04",
    address: "Jl. Rumah Sakit Umum No. 1, Serang",
    isReferral: true,
    isAssociationMember: true,
    beds: 280,
    covidBeds: 120,
    icuBeds: 16,
    tankCapacityKg: 10_000,
    residualPct: 8,
    end: { kind: "green", hours: 70 },
  },
  {
    key: "rsudKotaTangerang",
    name: "RSUD Kota Tangerang",
    regionCode: "36.71",
    address: "Jl. Pulau Putri Raya, Kota Tangerang",
    isReferral: true,
    isAssociationMember: true,
    beds: 250,
    covidBeds: 130,
    icuBeds: 20,
    tankCapacityKg: 12_000,
    residualPct: 7,
    end: { kind: "green", hours: 85 },
  },
  {
    key: "rsudCilegon",
    name: "RSUD Cilegon",
    regionCode: "36.72",
    address: "Jl. Jend. Sudirman, Cilegon",
    isReferral: true,
    isAssociationMember: true,
    beds: 200,
    covidBeds: 90,
    icuBeds: 12,
    tankCapacityKg: 6_000,
    residualPct: 8,
    end: { kind: "amber", hours: 19 },
  },
  {
    key: "sariAsihSerang",
    name: "RS Sari Asih Serang",
    regionCode: "36.73",
    address: "Jl. Jend. Sudirman No. 38, Kota Serang",
    isReferral: true,
    isAssociationMember: false,
    beds: 180,
    covidBeds: 60,
    icuBeds: 8,
    tankCapacityKg: 3_000,
    residualPct: 10,
    end: { kind: "red", hours: 5 },
  },
  {
    key: "berkahPandeglang",
    name: "RSUD Berkah Pandeglang",
    regionCode: "36.01",
    address: "Jl. Raya Labuan Km. 1, Pandeglang",
    isReferral: true,
    isAssociationMember: true,
    beds: 220,
    covidBeds: 80,
    icuBeds: 10,
    tankCapacityKg: 6_000,
    residualPct: 8,
    end: { kind: "stale", lastReport: "2021-08-23", hours: 40 },
  },
  {
    key: "adjidarmo",
    name: "RSUD dr. Adjidarmo",
    regionCode: "36.02",
    address: "Jl. Iko Jatmiko No. 1, Rangkasbitung",
    isReferral: true,
    isAssociationMember: true,
    beds: 240,
    covidBeds: 90,
    icuBeds: 12,
    tankCapacityKg: 6_000,
    residualPct: 8,
    end: { kind: "green", hours: 55 },
  },
  {
    key: "rsudKabTangerang",
    name: "RSUD Kabupaten Tangerang",
    regionCode: "36.03",
    address: "Jl. Jend. Ahmad Yani No. 9, Kota Tangerang",
    isReferral: true,
    isAssociationMember: true,
    beds: 400,
    covidBeds: 200,
    icuBeds: 30,
    tankCapacityKg: 20_000,
    residualPct: 6,
    end: { kind: "green", hours: 96 },
  },
  {
    key: "balaraja",
    name: "RSUD Balaraja",
    regionCode: "36.03",
    address: "Jl. Raya Serang Km. 28, Balaraja",
    isReferral: false,
    isAssociationMember: true,
    beds: 150,
    covidBeds: 60,
    icuBeds: 6,
    tankCapacityKg: 4_000,
    residualPct: 8,
    end: { kind: "green", hours: 48 },
  },
  {
    key: "rsuTangsel",
    name: "RSU Kota Tangerang Selatan",
    regionCode: "36.74",
    address: "Jl. Pajajaran No. 101, Pamulang",
    isReferral: true,
    isAssociationMember: true,
    beds: 220,
    covidBeds: 110,
    icuBeds: 14,
    tankCapacityKg: 8_000,
    residualPct: 7,
    end: { kind: "green", hours: 66 },
  },
  {
    key: "sariAsihCiputat",
    name: "RS Sari Asih Ciputat",
    regionCode: "36.74",
    address: "Jl. Otista Raya No. 3, Ciputat",
    isReferral: false,
    isAssociationMember: false,
    beds: 150,
    covidBeds: 50,
    icuBeds: 8,
    tankCapacityKg: 2_000,
    residualPct: 10,
    end: { kind: "green", hours: 40 },
  },
  {
    key: "malingping",
    name: "RSUD Malingping",
    regionCode: "36.02",
    address: "Jl. Raya Saketi–Malingping, Lebak",
    isReferral: false,
    isAssociationMember: true,
    beds: 80,
    covidBeds: 25,
    icuBeds: 3,
    tankCapacityKg: 600,
    residualPct: 10,
    end: { kind: "green", hours: 30 },
  },
  {
    key: "krakatauMedika",
    name: "RS Krakatau Medika",
    regionCode: "36.72",
    address: "Jl. Semang Raya, Cilegon",
    isReferral: true,
    isAssociationMember: false,
    beds: 200,
    covidBeds: 70,
    icuBeds: 10,
    tankCapacityKg: 5_000,
    residualPct: 8,
    end: { kind: "stale", lastReport: "2021-08-22", hours: 30 },
  },
  {
    key: "pakuhaji",
    name: "RSUD Pakuhaji",
    regionCode: "36.03",
    address: "Jl. Raya Pakuhaji, Kab. Tangerang",
    isReferral: false,
    isAssociationMember: true,
    beds: 120,
    covidBeds: 40,
    icuBeds: 4,
    tankCapacityKg: 2_000,
    residualPct: 10,
    end: { kind: "red", hours: 4 },
  },
];

/** SAMPLE: the day with an implausible use figure (5× the week before), left flagged for review. */
export const ANOMALY = { hospital: "rsudKotaTangerang" as HospitalKey, day: "2021-07-18" as Day, factor: 5 };

/** The demo hospital accounts: rs1 at an association referral hospital (amber), rs2 at a private one (red). */
export const RS1_HOSPITAL: HospitalKey = "rsudBanten";
export const RS2_HOSPITAL: HospitalKey = "sariAsihSerang";
