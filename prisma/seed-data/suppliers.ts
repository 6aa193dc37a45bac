import type { RegionCode } from "./regions";

// Suppliers. PT Chandra Asri Petrochemical and PT Krakatau Steel are named in the articles
// (isSample false: the names and their pledges are published; their daily figures below are
// not). Every other supplier is invented (isSample true), and so are all contacts.

export type SupplierKey =
  | "chandraAsri"
  | "krakatauSteel"
  | "cikandeGas"
  | "oksigenTangerang"
  | "balarajaUdara"
  | "distSerang"
  | "distTangerang"
  | "vendorCiputat"
  | "vendorCilegon"
  | "vendorLebak";

export interface SupplierSeed {
  key: SupplierKey;
  name: string;
  kind: "PRODUCER" | "DISTRIBUTOR" | "VENDOR";
  regionCode: RegionCode;
  address: string;
  contactName: string;
  contactPhone: string;
  isSample: boolean;
  /** PRODUCERS only — SAMPLE: produced kg on 2021-07-26; the five sum to the published 1,500 t. */
  anchorProducedKg?: number;
  /** PRODUCERS only — SAMPLE: medical share this plant settles at under the governor's instruction. */
  priorityMedicalShare?: number;
}

export const SUPPLIERS: SupplierSeed[] = [
  {
    key: "chandraAsri",
    name: "PT Chandra Asri Petrochemical",
    kind: "PRODUCER",
    regionCode: "36.72",
    address: "Jl. Raya Anyer Km. 123, Ciwandan, Cilegon",
    contactName: "Contoh: Bagian Hubungan Pemerintah",
    contactPhone: "0254-000-0101",
    isSample: false,
    anchorProducedKg: 450_000,
    priorityMedicalShare: 0.58,
  },
  {
    key: "krakatauSteel",
    name: "PT Krakatau Steel",
    kind: "PRODUCER",
    regionCode: "36.72",
    address: "Jl. Industri No. 5, Cilegon",
    contactName: "Contoh: Unit Utilitas Gas",
    contactPhone: "0254-000-0102",
    isSample: false,
    anchorProducedKg: 520_000,
    priorityMedicalShare: 0.53,
  },
  {
    key: "cikandeGas",
    name: "PT Cikande Gas Industri",
    kind: "PRODUCER",
    regionCode: "36.04",
    address: "Kawasan Industri Modern Cikande, Kab. Serang",
    contactName: "Rahmat Hidayat",
    contactPhone: "0254-000-0103",
    isSample: true,
    anchorProducedKg: 240_000,
    priorityMedicalShare: 0.6,
  },
  {
    key: "oksigenTangerang",
    name: "PT Oksigen Tangerang Raya",
    kind: "PRODUCER",
    regionCode: "36.03",
    address: "Jl. Raya Serang Km. 18, Cikupa, Kab. Tangerang",
    contactName: "Dewi Lestari",
    contactPhone: "021-000-0104",
    isSample: true,
    anchorProducedKg: 170_000,
    priorityMedicalShare: 0.62,
  },
  {
    key: "balarajaUdara",
    name: "PT Balaraja Udara Murni",
    kind: "PRODUCER",
    regionCode: "36.03",
    address: "Kawasan Industri Balaraja, Kab. Tangerang",
    contactName: "Agus Setiawan",
    contactPhone: "021-000-0105",
    isSample: true,
    anchorProducedKg: 120_000,
    priorityMedicalShare: 0.6,
  },
  // The two distributors (published: one in Serang, one in Tangerang; names are sample).
  {
    key: "distSerang",
    name: "CV Serang Oksigen Medika",
    kind: "DISTRIBUTOR",
    regionCode: "36.73",
    address: "Jl. Raya Pandeglang No. 40, Kota Serang",
    contactName: "Yusuf Maulana",
    contactPhone: "0254-000-0201",
    isSample: true,
  },
  {
    key: "distTangerang",
    name: "PT Tangerang Gas Distribusi",
    kind: "DISTRIBUTOR",
    regionCode: "36.71",
    address: "Jl. Gatot Subroto Km. 5, Kota Tangerang",
    contactName: "Siti Nurhaliza",
    contactPhone: "021-000-0202",
    isSample: true,
  },
  // Vendors for people isolating at home (sample).
  {
    key: "vendorCiputat",
    name: "Toko Oksigen Sehat Ciputat",
    kind: "VENDOR",
    regionCode: "36.74",
    address: "Jl. Ir. H. Juanda No. 12, Ciputat, Tangerang Selatan",
    contactName: "Hendra Wijaya",
    contactPhone: "0812-0000-0301",
    isSample: true,
  },
  {
    key: "vendorCilegon",
    name: "Alkes Medika Cilegon",
    kind: "VENDOR",
    regionCode: "36.72",
    address: "Jl. S.A. Tirtayasa No. 8, Cilegon",
    contactName: "Fitri Handayani",
    contactPhone: "0812-0000-0302",
    isSample: true,
  },
  {
    key: "vendorLebak",
    name: "Depot Tabung Oksigen Rangkasbitung",
    kind: "VENDOR",
    regionCode: "36.02",
    address: "Jl. Multatuli No. 3, Rangkasbitung, Lebak",
    contactName: "Ujang Sopandi",
    contactPhone: "0812-0000-0303",
    isSample: true,
  },
];
