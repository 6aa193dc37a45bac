import type { Day } from "../../src/domain/day";
import type { HospitalKey } from "./hospitals";
import type { SupplierKey } from "./suppliers";

// SAMPLE: 44 supply requests from 2021-07-01 to 2021-08-25, every status represented.
// Allocations draw on producers' medical supply of the day (default: the day the request was
// made); seed.ts checks that no supplier-day is allocated more than its medicalKg.
// Deliveries are derived: IN_TRANSIT allocations are dispatched and not yet received; those of
// FULFILLED requests are received in full. An allocation with `trips` goes in those trucks
// instead: n 43 is a short receipt (0.3 t rejected at the door, then closed short by staff), n 44
// a multi-trip allocation (one truck received, the second on the road at the clock's start).

export type RequestStatusSeed =
  | "SUBMITTED" | "APPROVED" | "ALLOCATED" | "IN_TRANSIT" | "FULFILLED" | "CLOSED_SHORT" | "REJECTED" | "CANCELLED";

/** One truck against an allocation (when an allocation goes in more than one, or a receipt is short). */
export interface TripSeed {
  kg: number;
  /** WIB, "YYYY-MM-DD HH:MM" */
  dispatchedAt: string;
  /** hours from dispatch to receipt; omitted = still on the road */
  receivedAfterH?: number;
  /** refused at the door (accepted = kg − rejectedKg), with the hospital's reason */
  rejectedKg?: number;
  shortReason?: string;
}

export interface AllocationSeed {
  supplier: SupplierKey;
  kg: number;
  day?: Day;
  /** IN_TRANSIT requests: when the truck left (WIB, "YYYY-MM-DD HH:MM") */
  dispatchedAt?: string;
  /** dispatched as 6 m³ cylinders instead of liquid */
  cylinders?: number;
  /** the allocation's trucks, when not one truck of the whole allocation */
  trips?: TripSeed[];
}

export interface RequestSeed {
  n: number;
  hospital: HospitalKey;
  /** WIB, "YYYY-MM-DD HH:MM" */
  created: string;
  neededBy: Day;
  urgency: "ROUTINE" | "URGENT" | "EMERGENCY";
  requestedKg: number;
  status: RequestStatusSeed;
  approvedKg?: number;
  allocations?: AllocationSeed[];
  reason: string;
  rejectionReason?: string;
  /** CLOSED_SHORT: staff's reason, and when they closed it (WIB) */
  closedShortReason?: string;
  closedAt?: string;
}

export const REQUESTS: RequestSeed[] = [
  { n: 1, hospital: "rsudBanten", created: "2021-07-01 08:10", neededBy: "2021-07-02", urgency: "URGENT", requestedKg: 6000, status: "FULFILLED", approvedKg: 6000,
    allocations: [{ supplier: "chandraAsri", kg: 6000 }], reason: "Pasien COVID-19 bertambah, stok tangki tinggal satu hari." },
  { n: 2, hospital: "rsudKotaTangerang", created: "2021-07-03 09:00", neededBy: "2021-07-04", urgency: "URGENT", requestedKg: 8000, status: "FULFILLED", approvedKg: 8000,
    allocations: [{ supplier: "oksigenTangerang", kg: 8000 }], reason: "Penambahan ruang isolasi 40 tempat tidur." },
  { n: 3, hospital: "adjidarmo", created: "2021-07-04 10:30", neededBy: "2021-07-05", urgency: "ROUTINE", requestedKg: 4000, status: "FULFILLED", approvedKg: 4000,
    allocations: [{ supplier: "krakatauSteel", kg: 4000 }], reason: "Pengisian rutin tangki." },
  { n: 4, hospital: "sariAsihCiputat", created: "2021-07-06 11:15", neededBy: "2021-07-07", urgency: "URGENT", requestedKg: 1500, status: "REJECTED",
    reason: "Antisipasi lonjakan pasien.", rejectionReason: "Melebihi ruang kosong tangki (laporan stok kemarin 1,4 t dari tangki 2 t); ajukan ulang sesuai ruang kosong." },
  { n: 5, hospital: "rsudKabTangerang", created: "2021-07-07 07:45", neededBy: "2021-07-07", urgency: "EMERGENCY", requestedKg: 15000, status: "FULFILLED", approvedKg: 12000,
    allocations: [{ supplier: "oksigenTangerang", kg: 7000 }, { supplier: "balarajaUdara", kg: 5000 }], reason: "IGD penuh, 30 pasien kritis memakai HFNC." },
  { n: 6, hospital: "rsudCilegon", created: "2021-07-08 08:30", neededBy: "2021-07-09", urgency: "URGENT", requestedKg: 4000, status: "FULFILLED", approvedKg: 4000,
    allocations: [{ supplier: "chandraAsri", kg: 4000 }], reason: "Pemakaian naik dua kali lipat dalam sepekan." },
  { n: 7, hospital: "drajat", created: "2021-07-09 09:20", neededBy: "2021-07-10", urgency: "URGENT", requestedKg: 6000, status: "CANCELLED",
    reason: "Stok menipis menjelang akhir pekan." },
  { n: 8, hospital: "rsuTangsel", created: "2021-07-10 07:00", neededBy: "2021-07-10", urgency: "EMERGENCY", requestedKg: 6000, status: "FULFILLED", approvedKg: 6000,
    allocations: [{ supplier: "oksigenTangerang", kg: 6000 }], reason: "Stok di bawah 8 jam; pengiriman pemasok tetap tertunda." },
  { n: 9, hospital: "rsudBanten", created: "2021-07-11 07:30", neededBy: "2021-07-11", urgency: "EMERGENCY", requestedKg: 8000, status: "FULFILLED", approvedKg: 8000,
    allocations: [{ supplier: "chandraAsri", kg: 5000 }, { supplier: "krakatauSteel", kg: 3000 }], reason: "Tenda darurat dibuka, pasien berat bertambah 35 orang." },
  { n: 10, hospital: "berkahPandeglang", created: "2021-07-12 10:00", neededBy: "2021-07-13", urgency: "URGENT", requestedKg: 4000, status: "FULFILLED", approvedKg: 4000,
    allocations: [{ supplier: "krakatauSteel", kg: 4000 }], reason: "Rujukan dari puskesmas meningkat." },
  { n: 11, hospital: "sariAsihSerang", created: "2021-07-13 09:40", neededBy: "2021-07-14", urgency: "URGENT", requestedKg: 2500, status: "REJECTED",
    reason: "Antisipasi pasien rujukan.", rejectionReason: "Stok dilaporkan 2,1 t (> 2 hari); prioritas hari ini untuk rumah sakit dengan stok di bawah 24 jam." },
  { n: 12, hospital: "malingping", created: "2021-07-14 08:00", neededBy: "2021-07-14", urgency: "URGENT", requestedKg: 500, status: "FULFILLED", approvedKg: 500,
    allocations: [{ supplier: "cikandeGas", kg: 500 }], reason: "Tangki kecil habis, tabung cadangan tinggal 10." },
  { n: 13, hospital: "rsudKotaTangerang", created: "2021-07-15 06:50", neededBy: "2021-07-15", urgency: "EMERGENCY", requestedKg: 10000, status: "FULFILLED", approvedKg: 10000,
    allocations: [{ supplier: "oksigenTangerang", kg: 6000 }, { supplier: "krakatauSteel", kg: 4000 }], reason: "Puncak pasien kritis; pemakaian 3 t/hari." },
  { n: 14, hospital: "krakatauMedika", created: "2021-07-16 10:10", neededBy: "2021-07-17", urgency: "ROUTINE", requestedKg: 3000, status: "FULFILLED", approvedKg: 3000,
    allocations: [{ supplier: "krakatauSteel", kg: 3000 }], reason: "Pengisian rutin tangki." },
  { n: 15, hospital: "balaraja", created: "2021-07-17 09:00", neededBy: "2021-07-18", urgency: "URGENT", requestedKg: 3000, status: "CANCELLED",
    reason: "Persediaan untuk akhir pekan." },
  { n: 16, hospital: "rsudKabTangerang", created: "2021-07-18 07:15", neededBy: "2021-07-18", urgency: "EMERGENCY", requestedKg: 16000, status: "FULFILLED", approvedKg: 16000,
    allocations: [{ supplier: "balarajaUdara", kg: 8000 }, { supplier: "oksigenTangerang", kg: 8000 }], reason: "BOR 98 %; 45 pasien kritis." },
  { n: 17, hospital: "adjidarmo", created: "2021-07-19 08:20", neededBy: "2021-07-20", urgency: "URGENT", requestedKg: 5000, status: "FULFILLED", approvedKg: 4000,
    allocations: [{ supplier: "krakatauSteel", kg: 4000 }], reason: "Pemakaian naik, pengiriman reguler belum datang." },
  { n: 18, hospital: "pakuhaji", created: "2021-07-20 09:30", neededBy: "2021-07-20", urgency: "URGENT", requestedKg: 1500, status: "FULFILLED", approvedKg: 1500,
    allocations: [{ supplier: "balarajaUdara", kg: 1500 }], reason: "Ruang isolasi baru dibuka." },
  { n: 19, hospital: "sariAsihSerang", created: "2021-07-21 07:40", neededBy: "2021-07-21", urgency: "EMERGENCY", requestedKg: 2000, status: "FULFILLED", approvedKg: 2000,
    allocations: [{ supplier: "cikandeGas", kg: 2000 }], reason: "Stok di bawah 6 jam." },
  { n: 20, hospital: "drajat", created: "2021-07-22 07:10", neededBy: "2021-07-22", urgency: "EMERGENCY", requestedKg: 8000, status: "FULFILLED", approvedKg: 8000,
    allocations: [{ supplier: "cikandeGas", kg: 5000 }, { supplier: "chandraAsri", kg: 3000 }], reason: "Pasien kritis bertambah; pemakaian melampaui pasokan harian." },
  { n: 21, hospital: "rsuTangsel", created: "2021-07-24 10:00", neededBy: "2021-07-25", urgency: "URGENT", requestedKg: 7000, status: "REJECTED",
    reason: "Cadangan untuk pekan depan.", rejectionReason: "Stok dilaporkan 5,8 t (lebih dari 2 hari); pasokan diprioritaskan untuk rumah sakit dengan stok di bawah 24 jam." },
  { n: 22, hospital: "rsudBanten", created: "2021-07-26 08:00", neededBy: "2021-07-27", urgency: "URGENT", requestedKg: 6000, status: "FULFILLED", approvedKg: 6000,
    allocations: [{ supplier: "chandraAsri", kg: 6000 }], reason: "Pemakaian tetap tinggi, stok 20 jam." },
  { n: 23, hospital: "rsudCilegon", created: "2021-07-28 09:00", neededBy: "2021-07-29", urgency: "ROUTINE", requestedKg: 3000, status: "CANCELLED",
    reason: "Pengisian rutin tangki." },
  { n: 24, hospital: "rsudKotaTangerang", created: "2021-07-30 08:30", neededBy: "2021-07-31", urgency: "URGENT", requestedKg: 8000, status: "FULFILLED", approvedKg: 8000,
    allocations: [{ supplier: "oksigenTangerang", kg: 8000 }], reason: "Stok turun di bawah 30 %." },
  { n: 25, hospital: "adjidarmo", created: "2021-08-04 10:00", neededBy: "2021-08-05", urgency: "ROUTINE", requestedKg: 4000, status: "FULFILLED", approvedKg: 4000,
    allocations: [{ supplier: "krakatauSteel", kg: 4000 }], reason: "Pengisian rutin tangki." },
  { n: 26, hospital: "rsudKabTangerang", created: "2021-08-09 08:00", neededBy: "2021-08-10", urgency: "URGENT", requestedKg: 10000, status: "FULFILLED", approvedKg: 10000,
    allocations: [{ supplier: "balarajaUdara", kg: 6000 }, { supplier: "oksigenTangerang", kg: 4000 }], reason: "Stok dua hari, pengiriman pemasok tetap tertunda." },
  { n: 27, hospital: "krakatauMedika", created: "2021-08-11 09:30", neededBy: "2021-08-12", urgency: "ROUTINE", requestedKg: 4000, status: "REJECTED",
    reason: "Pengisian rutin tangki.", rejectionReason: "Pasokan rutin rumah sakit ini ditanggung kontrak langsung dengan produsen; Satgas hanya menyalurkan kebutuhan mendesak." },
  { n: 28, hospital: "drajat", created: "2021-08-14 08:45", neededBy: "2021-08-15", urgency: "URGENT", requestedKg: 6000, status: "FULFILLED", approvedKg: 6000,
    allocations: [{ supplier: "cikandeGas", kg: 6000 }], reason: "Stok 22 jam." },
  { n: 29, hospital: "berkahPandeglang", created: "2021-08-17 10:20", neededBy: "2021-08-18", urgency: "ROUTINE", requestedKg: 3000, status: "CANCELLED",
    reason: "Pengisian rutin tangki." },
  // The last days: open requests the demo can act on.
  { n: 30, hospital: "rsudKotaTangerang", created: "2021-08-22 09:00", neededBy: "2021-08-25", urgency: "ROUTINE", requestedKg: 6000, status: "IN_TRANSIT", approvedKg: 6000,
    allocations: [{ supplier: "oksigenTangerang", kg: 6000, day: "2021-08-25", dispatchedAt: "2021-08-25 05:00" }], reason: "Pengisian rutin tangki." },
  { n: 31, hospital: "rsudKabTangerang", created: "2021-08-23 08:30", neededBy: "2021-08-25", urgency: "ROUTINE", requestedKg: 8000, status: "ALLOCATED", approvedKg: 8000,
    allocations: [{ supplier: "balarajaUdara", kg: 8000, day: "2021-08-25" }], reason: "Pengisian rutin tangki." },
  { n: 32, hospital: "rsuTangsel", created: "2021-08-23 10:15", neededBy: "2021-08-25", urgency: "ROUTINE", requestedKg: 5000, status: "APPROVED", approvedKg: 4000,
    reason: "Pengisian rutin tangki." },
  { n: 33, hospital: "rsudBanten", created: "2021-08-24 15:30", neededBy: "2021-08-25", urgency: "URGENT", requestedKg: 6000, status: "IN_TRANSIT", approvedKg: 6000,
    allocations: [{ supplier: "chandraAsri", kg: 6000, day: "2021-08-25", dispatchedAt: "2021-08-25 07:30" }], reason: "Stok di bawah 24 jam." },
  { n: 34, hospital: "rsudCilegon", created: "2021-08-24 16:00", neededBy: "2021-08-25", urgency: "URGENT", requestedKg: 3000, status: "ALLOCATED", approvedKg: 3000,
    allocations: [{ supplier: "krakatauSteel", kg: 3000, day: "2021-08-25" }], reason: "Stok di bawah 24 jam." },
  { n: 35, hospital: "adjidarmo", created: "2021-08-24 10:00", neededBy: "2021-08-26", urgency: "ROUTINE", requestedKg: 4000, status: "APPROVED", approvedKg: 4000,
    reason: "Pengisian rutin tangki." },
  { n: 36, hospital: "malingping", created: "2021-08-24 17:00", neededBy: "2021-08-25", urgency: "URGENT", requestedKg: 500, status: "IN_TRANSIT", approvedKg: 500,
    allocations: [{ supplier: "cikandeGas", kg: 500, day: "2021-08-25", dispatchedAt: "2021-08-25 06:00", cylinders: 61 }], reason: "Tabung cadangan habis." },
  { n: 37, hospital: "pakuhaji", created: "2021-08-24 18:30", neededBy: "2021-08-25", urgency: "EMERGENCY", requestedKg: 1500, status: "ALLOCATED", approvedKg: 1500,
    allocations: [{ supplier: "balarajaUdara", kg: 1500, day: "2021-08-25" }], reason: "Stok di bawah 8 jam." },
  { n: 38, hospital: "sariAsihSerang", created: "2021-08-25 06:30", neededBy: "2021-08-25", urgency: "EMERGENCY", requestedKg: 2500, status: "SUBMITTED",
    reason: "Stok tinggal beberapa jam; 12 pasien kritis." },
  { n: 39, hospital: "drajat", created: "2021-08-25 08:00", neededBy: "2021-08-27", urgency: "ROUTINE", requestedKg: 6000, status: "SUBMITTED",
    reason: "Pengisian rutin tangki." },
  { n: 40, hospital: "balaraja", created: "2021-08-25 07:15", neededBy: "2021-08-26", urgency: "URGENT", requestedKg: 2500, status: "APPROVED", approvedKg: 2500,
    reason: "Pemakaian naik, stok dua hari." },
  { n: 41, hospital: "sariAsihCiputat", created: "2021-08-25 09:00", neededBy: "2021-08-26", urgency: "ROUTINE", requestedKg: 1000, status: "SUBMITTED",
    reason: "Pengisian rutin tangki." },
  { n: 42, hospital: "rsudBanten", created: "2021-08-25 09:30", neededBy: "2021-08-27", urgency: "ROUTINE", requestedKg: 8000, status: "SUBMITTED",
    reason: "Cadangan akhir pekan." },
  // The story's receipts: a short one, and an allocation sent in two trucks.
  { n: 43, hospital: "rsudBanten", created: "2021-08-19 07:40", neededBy: "2021-08-20", urgency: "URGENT", requestedKg: 6000, status: "CLOSED_SHORT", approvedKg: 6000,
    allocations: [{ supplier: "chandraAsri", kg: 6000, trips: [{ kg: 6000, dispatchedAt: "2021-08-19 13:00", receivedAfterH: 3, rejectedKg: 300,
      shortReason: "0,3 t ditolak: kemurnian di bawah 99 % pada uji di tempat; dikembalikan ke pemasok." }] }],
    reason: "Stok di bawah 24 jam, pasien berat bertambah.",
    closedShortReason: "Kekurangan 0,3 t tidak dikirim ulang: stok cukup sampai pengiriman berikutnya.", closedAt: "2021-08-20 10:00" },
  { n: 44, hospital: "drajat", created: "2021-08-23 07:30", neededBy: "2021-08-25", urgency: "URGENT", requestedKg: 12000, status: "IN_TRANSIT", approvedKg: 12000,
    allocations: [{ supplier: "krakatauSteel", kg: 12000, trips: [{ kg: 6000, dispatchedAt: "2021-08-23 13:00", receivedAfterH: 3 }, { kg: 6000, dispatchedAt: "2021-08-25 08:15" }] }],
    reason: "Pasien kritis bertambah; tangki 10 t diisi dalam dua kali angkut." },
];
