import "server-only";
import { prisma } from "../db";

// The fleet register's reads (decision 0038): the lists on /fleet and the dispatch form's pickers.

/** Vehicles with their operator, active first, by plate. */
export function listVehicles() {
  return prisma.vehicle.findMany({
    orderBy: [{ active: "desc" }, { plate: "asc" }],
    select: { id: true, plate: true, kind: true, capacity: true, active: true, operatorId: true, operator: { select: { name: true } } },
  });
}

/** Drivers with their operator, active first, by name. */
export function listDrivers() {
  return prisma.driver.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, phone: true, active: true, operatorId: true, operator: { select: { name: true } } },
  });
}

/** Who may run a fleet: the active distributors and producers. */
export function operatorOptions() {
  return prisma.supplier.findMany({
    where: { active: true, kind: { in: ["DISTRIBUTOR", "PRODUCER"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The dispatch form's pickers: active vehicles and drivers, and trips still loading (another leg). */
export async function dispatchFleetOptions() {
  const [vehicles, drivers, loading] = await Promise.all([
    prisma.vehicle.findMany({
      where: { active: true },
      orderBy: { plate: "asc" },
      select: { id: true, plate: true, kind: true, capacity: true, operator: { select: { name: true } } },
    }),
    prisma.driver.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, operator: { select: { name: true } } } }),
    prisma.trip.findMany({
      where: { status: "LOADING" },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, vehiclePlate: true, source: { select: { name: true } } },
    }),
  ]);
  return { vehicles, drivers, loading };
}
