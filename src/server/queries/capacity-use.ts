import { Prisma } from "@/generated/prisma/client";

// What is already committed of a producer's medical supply on a day (src/domain/request.ts,
// capacityCommittedKg): allocations from that day's supply, allocations from its pledges on that
// day, and trips against its pledge tranches dispatched that WIB day without an allocation. One
// SQL expression, used by the allocation form, the allocation and dispatch use cases and the
// capacity form, so that all of them count the same oxygen once.

/** SQL: kilograms committed of `supplierId`'s medical supply on the DATE `day`. */
export function capacityCommittedSql(supplierId: Prisma.Sql | string, day: Prisma.Sql | Date): Prisma.Sql {
  const s = typeof supplierId === "string" ? Prisma.sql`${supplierId}` : supplierId;
  const d = day instanceof Date ? Prisma.sql`${day}::date` : day;
  return Prisma.sql`(
    COALESCE((SELECT sum(x.kg) FROM "Allocation" x WHERE x."supplierId" = ${s} AND x.day = ${d} AND x.status <> 'CANCELLED'), 0)
    + COALESCE((SELECT sum(y."dispatchedKg") FROM "Delivery" y
                WHERE y."supplierId" = ${s} AND y."trancheId" IS NOT NULL AND y."allocationId" IS NULL
                  AND y."dispatchedAt" >= (${d}::timestamp - interval '7 hours') AND y."dispatchedAt" < (${d}::timestamp + interval '17 hours')), 0)
  )`;
}
