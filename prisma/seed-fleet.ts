// Demo data for the fleet and its trips (decision 0038): vehicles and drivers of the producers
// and distributors, and trips for the trucks of the seed's story that are on the road when the
// demo's clock starts (2021-08-25 09:30 WIB) and one that arrived two days before. Nothing here
// changes a quantity: the trips only group the seed's existing deliveries (their legs), so the
// requests, allocations and pledge progress of the story stay as they are.
//
//   late      RSUD Kota Tangerang's 6 t left at 05:00, planned for 08:00: past it at 09:30
//   diverted  Krakatau Steel's 2 t, bound for RSUD Kab. Tangerang, sent to RS Sari Asih Serang
//             (red, a few hours left) at 08:55; arrived there at 09:25, awaiting its receipt
//   loading   the cylinder truck for RSUD Malingping, still at PT Cikande Gas
//   arriving  RSUD Banten (rs1) at 10:30, RSUD dr. Dradjat at 11:45
//   received  RSUD dr. Dradjat's first 6 t on 23 Aug
//   returned  the small-cylinder truck that took RSUD Malingping 369 cylinders on 14 July (its
//             delivery, received that day), back at PT Cikande Gas with the empties
//   received  CV Serang Oksigen Medika's own cylinder truck, which took RSUD Malingping 61 cylinders
//             from PT Cikande Gas on 24 Aug (request 45) and is collecting the empties: its
//             'back with empties' form counts them into the distributor's stock (decision 0039)

import type { PrismaClient } from "../src/generated/prisma/client";

type Ids = { supplierId: Map<string, string>; hospitalId: Map<string, string>; staffId: string };

const wib = (at: string) => new Date(`${at.replace(" ", "T")}:00+07:00`);

const VEHICLES = [
  { plate: "A 8123 KX", kind: "ROAD_TANKER", capacity: 20_000, operator: "chandraAsri" },
  { plate: "A 9042 BT", kind: "ROAD_TANKER", capacity: 15_000, operator: "krakatauSteel" },
  { plate: "B 9512 TKA", kind: "ROAD_TANKER", capacity: 12_000, operator: "oksigenTangerang" },
  { plate: "A 8861 SG", kind: "ROAD_TANKER", capacity: 10_000, operator: "distSerang" },
  { plate: "B 9703 UUB", kind: "ISO_CONTAINER", capacity: 18_000, operator: "distTangerang" },
  { plate: "A 9318 CL", kind: "ROAD_TANKER", capacity: 8_000, operator: "balarajaUdara" },
  { plate: "A 8790 RB", kind: "ROAD_TANKER", capacity: 10_000, operator: "krakatauSteel" },
  { plate: "B 9264 TXZ", kind: "ROAD_TANKER", capacity: 6_000, operator: "distTangerang" },
  { plate: "A 8455 CG", kind: "CYLINDER_TRUCK", capacity: 120, operator: "cikandeGas" },
  { plate: "A 8470 CG", kind: "CYLINDER_TRUCK", capacity: 400, operator: "cikandeGas" },
  { plate: "A 8612 SO", kind: "CYLINDER_TRUCK", capacity: 150, operator: "distSerang" },
] as const;

const DRIVERS = [
  { name: "Asep Saepudin", phone: "0812 8811 2031", operator: "chandraAsri" },
  { name: "Dedi Kurniawan", phone: "0813 1190 4412", operator: "krakatauSteel" },
  { name: "Jaja Mulyana", phone: "0812 9034 7720", operator: "oksigenTangerang" },
  { name: "Iwan Setiadi", phone: "0857 1022 3381", operator: "distSerang" },
  { name: "Ahmad Fauzi", phone: "0821 2230 9915", operator: "cikandeGas" },
  { name: "Rudi Hartono", phone: "0878 7712 0043", operator: "distTangerang" },
] as const;

type Step = "LOADING" | "IN_TRANSIT" | "ARRIVED" | "RECEIVED" | "RETURNED" | "DIVERTED";
type TripSeed = {
  id: string;
  leg: string; // the seed's Delivery id
  plate: string;
  driver: string;
  status: "LOADING" | "IN_TRANSIT" | "ARRIVED" | "RECEIVED" | "RETURNED";
  plannedArrival: string;
  steps: [Step, string, string?][]; // kind, WIB time, diverted-to hospital key
  divertReason?: string;
};

const TRIPS: TripSeed[] = [
  {
    id: "seed-trip-0030",
    leg: "seed-del-req-0030-1",
    plate: "B 9512 TKA",
    driver: "Jaja Mulyana",
    status: "IN_TRANSIT",
    plannedArrival: "2021-08-25 08:00",
    steps: [
      ["LOADING", "2021-08-25 04:15"],
      ["IN_TRANSIT", "2021-08-25 05:00"],
    ],
  },
  {
    id: "seed-trip-0033",
    leg: "seed-del-req-0033-1",
    plate: "A 8123 KX",
    driver: "Asep Saepudin",
    status: "IN_TRANSIT",
    plannedArrival: "2021-08-25 10:30",
    steps: [
      ["LOADING", "2021-08-25 06:45"],
      ["IN_TRANSIT", "2021-08-25 07:30"],
    ],
  },
  {
    id: "seed-trip-0036",
    leg: "seed-del-req-0036-1",
    plate: "A 8455 CG",
    driver: "Ahmad Fauzi",
    status: "LOADING",
    plannedArrival: "2021-08-25 12:00",
    steps: [["LOADING", "2021-08-25 06:00"]],
  },
  {
    id: "seed-trip-0044-2",
    leg: "seed-del-req-0044-1-2",
    plate: "A 8790 RB",
    driver: "Dedi Kurniawan",
    status: "IN_TRANSIT",
    plannedArrival: "2021-08-25 11:45",
    steps: [
      ["LOADING", "2021-08-25 07:30"],
      ["IN_TRANSIT", "2021-08-25 08:15"],
    ],
  },
  {
    id: "seed-trip-ks-8",
    leg: "seed-del-krakatau-steel-8-1",
    plate: "A 9042 BT",
    driver: "Dedi Kurniawan",
    status: "ARRIVED",
    plannedArrival: "2021-08-25 10:10",
    steps: [
      ["LOADING", "2021-08-25 08:00"],
      ["IN_TRANSIT", "2021-08-25 08:40"],
      ["DIVERTED", "2021-08-25 08:55", "sariAsihSerang"],
      ["ARRIVED", "2021-08-25 09:25"],
    ],
    divertReason: "SOS RS Sari Asih Serang: stok tinggal beberapa jam, 12 pasien kritis. Dialihkan dari RSUD Kab. Tangerang (stok cukup 2 hari).",
  },
  {
    id: "seed-trip-0044-1",
    leg: "seed-del-req-0044-1-1",
    plate: "A 8790 RB",
    driver: "Dedi Kurniawan",
    status: "RECEIVED",
    plannedArrival: "2021-08-23 16:00",
    steps: [
      ["LOADING", "2021-08-23 12:15"],
      ["IN_TRANSIT", "2021-08-23 13:00"],
      ["ARRIVED", "2021-08-23 15:50"],
      ["RECEIVED", "2021-08-23 16:00"],
    ],
  },
  {
    // the leg's times are the seed's: dispatched 11:00, received 14:00 (request 12)
    id: "seed-trip-0012",
    leg: "seed-del-req-0012-1",
    plate: "A 8470 CG",
    driver: "Ahmad Fauzi",
    status: "RETURNED",
    plannedArrival: "2021-07-14 14:00",
    steps: [
      ["LOADING", "2021-07-14 10:15"],
      ["IN_TRANSIT", "2021-07-14 11:00"],
      ["ARRIVED", "2021-07-14 13:50"],
      ["RECEIVED", "2021-07-14 14:00"],
      ["RETURNED", "2021-07-14 17:30"],
    ],
  },
  {
    // the leg's times are the seed's: dispatched 09:00, received 12:00 (request 45)
    id: "seed-trip-0045",
    leg: "seed-del-req-0045-1",
    plate: "A 8612 SO",
    driver: "Iwan Setiadi",
    status: "RECEIVED",
    plannedArrival: "2021-08-24 12:00",
    steps: [
      ["LOADING", "2021-08-24 08:15"],
      ["IN_TRANSIT", "2021-08-24 09:00"],
      ["ARRIVED", "2021-08-24 11:50"],
      ["RECEIVED", "2021-08-24 12:00"],
    ],
  },
];

export async function seedFleet(prisma: PrismaClient, ids: Ids) {
  const vehicleId = new Map<string, string>();
  for (const v of VEHICLES) {
    const row = await prisma.vehicle.upsert({
      where: { plate: v.plate },
      update: {},
      create: { plate: v.plate, kind: v.kind, capacity: v.capacity, operatorId: ids.supplierId.get(v.operator)! },
    });
    vehicleId.set(v.plate, row.id);
  }
  const driverId = new Map<string, string>();
  for (const [i, d] of DRIVERS.entries()) {
    const id = `seed-driver-${i + 1}`;
    await prisma.driver.upsert({ where: { id }, update: {}, create: { id, name: d.name, phone: d.phone, operatorId: ids.supplierId.get(d.operator)! } });
    driverId.set(d.name, id);
  }
  for (const t of TRIPS) {
    if (await prisma.trip.findUnique({ where: { id: t.id } })) continue;
    const leg = await prisma.delivery.findUnique({ where: { id: t.leg } });
    if (!leg) throw new Error(`seed: trip ${t.id} has no leg ${t.leg}`);
    const at = (k: Step) => {
      const s = t.steps.find(([kind]) => kind === k);
      return s ? wib(s[1]) : null;
    };
    const diverted = t.steps.find(([k]) => k === "DIVERTED");
    await prisma.trip.create({
      data: {
        id: t.id,
        sourceId: leg.supplierId,
        vehicleId: vehicleId.get(t.plate)!,
        vehiclePlate: t.plate,
        driverId: driverId.get(t.driver)!,
        driverName: t.driver,
        status: t.status,
        plannedDepartureAt: at("LOADING"),
        departedAt: at("IN_TRANSIT"),
        plannedArrivalAt: wib(t.plannedArrival),
        arrivedAt: at("ARRIVED"),
        receivedAt: at("RECEIVED"),
        returnedAt: at("RETURNED"),
        divertedAt: diverted ? wib(diverted[1]) : null,
        divertReason: t.divertReason ?? null,
        createdById: ids.staffId,
        createdAt: at("LOADING")!,
        events: {
          create: t.steps.map(([kind, when, hospital]) => ({
            kind,
            at: wib(when),
            byId: ids.staffId,
            note: kind === "DIVERTED" ? (t.divertReason ?? "") : "",
            hospitalId: hospital ? ids.hospitalId.get(hospital)! : null,
          })),
        },
      },
    });
    // the leg rides on the trip, under the trip's vehicle and driver
    await prisma.delivery.update({ where: { id: t.leg }, data: { tripId: t.id, vehiclePlate: t.plate, driverName: t.driver } });
  }
  return { vehicles: VEHICLES.length, drivers: DRIVERS.length, trips: TRIPS.length };
}
