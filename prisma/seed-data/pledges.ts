import type { Day } from "../../src/domain/day";
import type { HospitalKey } from "./hospitals";
import type { SupplierKey } from "./suppliers";

// Published: PT Chandra Asri pledged 120 t of liquid oxygen, delivered in stages over two months,
// to the hospitals of the regional hospital association (Asarda Banten); PT Krakatau Steel gave
// 309 t. SAMPLE: the dates, the tranche schedule and every delivery below.

export interface TrancheDeliverySeed {
  hospital: HospitalKey;
  tonnes: number;
  /** WIB, "YYYY-MM-DD HH:MM" */
  dispatchedAt: string;
  /** hours from dispatch to receipt; omitted = still in transit */
  receivedAfterH?: number;
  /** kg short on receipt (a discrepancy kept visible) */
  shortKg?: number;
}

export interface TrancheSeed {
  dueOn: Day;
  kg: number;
  deliveries: TrancheDeliverySeed[];
}

export interface PledgeSeed {
  id: string;
  supplier: SupplierKey;
  totalKg: number;
  startsOn: Day;
  endsOn: Day;
  earmark: "NONE" | "ASSOCIATION";
  note: string;
  tranches: TrancheSeed[];
}

// Chandra Asri: 8 tranches of 15 t every 8 days from 2021-07-20; each sent as three 5 t loads to
// association members. By 2021-08-25 five tranches (75 t) are due, four and one load of the
// fifth are delivered (65 t dispatched, 64.87 t received): BEHIND schedule by 10 t.
const CA_MEMBERS: HospitalKey[][] = [
  ["rsudBanten", "drajat", "rsudKotaTangerang"],
  ["rsudKabTangerang", "rsuTangsel", "adjidarmo"],
  ["rsudCilegon", "berkahPandeglang", "rsudBanten"],
  ["drajat", "rsudKabTangerang", "rsudKotaTangerang"],
  ["rsudBanten", "adjidarmo", "rsuTangsel"],
];
const CA_DUE: Day[] = ["2021-07-20", "2021-07-28", "2021-08-05", "2021-08-13", "2021-08-21", "2021-08-29", "2021-09-06", "2021-09-14"];

function caDeliveries(t: number): TrancheDeliverySeed[] {
  if (t >= 5) return [];
  const due = CA_DUE[t];
  const members = CA_MEMBERS[t];
  // tranche 5 (index 4): only the first load went, three days late
  const loads = t === 4 ? members.slice(0, 1) : members;
  return loads.map((hospital, i) => ({
    hospital,
    tonnes: 5,
    dispatchedAt: t === 4 ? "2021-08-24 08:00" : `${due} ${String(7 + 3 * i).padStart(2, "0")}:00`,
    receivedAfterH: 3,
    shortKg: t === 2 && i === 1 ? 130 : undefined,
  }));
}

// Krakatau Steel: 309 t in 8 weekly tranches from 2021-07-12 (7 × 39 t + 36 t), each sent as
// six 6.5 t loads. By 2021-08-25 seven tranches (273 t) are due and all are delivered: ON TRACK.
// The last tranche (not yet due) sent its first load early, 2 t to RS Sari Asih Serang (red, a
// few hours left) on the morning of 2021-08-25: on the road at the clock's start, awaiting receipt.
const KS_DUE: Day[] = ["2021-07-12", "2021-07-19", "2021-07-26", "2021-08-02", "2021-08-09", "2021-08-16", "2021-08-23", "2021-08-30"];
const KS_TARGETS: HospitalKey[] = ["rsudKabTangerang", "rsudKotaTangerang", "rsudBanten", "drajat", "rsuTangsel", "krakatauMedika"];

function ksDeliveries(t: number): TrancheDeliverySeed[] {
  if (t === 7) return [{ hospital: "sariAsihSerang", tonnes: 2, dispatchedAt: "2021-08-25 08:40" }];
  return KS_TARGETS.map((hospital, i) => ({
    hospital,
    tonnes: 6.5,
    dispatchedAt: `${KS_DUE[t]} ${String(6 + 2 * i).padStart(2, "0")}:30`,
    receivedAfterH: 2,
  }));
}

export const PLEDGES: PledgeSeed[] = [
  {
    id: "seed-pledge-chandra-asri",
    supplier: "chandraAsri",
    totalKg: 120_000,
    startsOn: "2021-07-20",
    endsOn: "2021-09-18",
    earmark: "ASSOCIATION",
    note: "120 t oksigen cair, disalurkan bertahap selama dua bulan untuk rumah sakit anggota Asarda Banten. (Jumlah dan penerima: terbit; jadwal tahap: contoh.)",
    tranches: CA_DUE.map((dueOn, t) => ({ dueOn, kg: 15_000, deliveries: caDeliveries(t) })),
  },
  {
    id: "seed-pledge-krakatau-steel",
    supplier: "krakatauSteel",
    totalKg: 309_000,
    startsOn: "2021-07-12",
    endsOn: "2021-08-31",
    earmark: "NONE",
    note: "309 t oksigen dari PT Krakatau Steel untuk rumah sakit di Banten. (Jumlah: terbit; periode dan jadwal tahap: contoh.)",
    tranches: KS_DUE.map((dueOn, t) => ({ dueOn, kg: t < 7 ? 39_000 : 36_000, deliveries: ksDeliveries(t) })),
  },
];
