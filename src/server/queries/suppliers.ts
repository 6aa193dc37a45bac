import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";
import { listParams, pageOf, type ListQuery } from "./supply-list";

export const SUPPLIER_SORTS = ["name", "kind", "region", "updatedAt"] as const;
export type SupplierSort = (typeof SUPPLIER_SORTS)[number];
export const SUPPLIER_KINDS = ["PRODUCER", "DISTRIBUTOR", "VENDOR"] as const;
export const SUPPLIER_STATUSES = ["active", "inactive", "all"] as const;

export type SupplierListQuery = ListQuery<SupplierSort> & { kind: (typeof SUPPLIER_KINDS)[number] | null; status: (typeof SUPPLIER_STATUSES)[number] };

/** The suppliers list: search (name, contact, address), filter by kind and status, sort, page. */
export async function listSuppliers(query: SupplierListQuery) {
  const p = listParams(query);
  const { kind, status } = query;
  const where: Prisma.SupplierWhereInput = {
    ...(p.q
      ? {
          OR: [
            { name: { contains: p.q, mode: "insensitive" } },
            { contactName: { contains: p.q, mode: "insensitive" } },
            { address: { contains: p.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(kind ? { kind } : {}),
    ...(status === "all" ? {} : { active: status === "active" }),
  };
  const orderBy: Prisma.SupplierOrderByWithRelationInput[] =
    p.sort === "region" ? [{ region: { name: p.dir } }, { name: "asc" }] : p.sort === "name" ? [{ name: p.dir }] : [{ [p.sort]: p.dir }, { name: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.supplier.findMany({ where, orderBy, skip: p.skip, take: p.take, include: { region: { select: { name: true, code: true } } } }),
    prisma.supplier.count({ where }),
  ]);
  return { ...pageOf(rows, total, p), params: { ...p, kind: kind ?? "", status } };
}

export function supplierById(id: string) {
  return prisma.supplier.findUnique({ where: { id }, include: { region: true } });
}

/** Regions a supplier can be in: the regencies and cities (and provinces, for province-wide firms). */
export function regionOptions() {
  return prisma.region.findMany({ orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { code: "asc" }], select: { id: true, name: true, code: true } });
}

/** Active suppliers for pickers, optionally of one kind. */
export function supplierOptions(kind?: (typeof SUPPLIER_KINDS)[number]) {
  return prisma.supplier.findMany({
    where: { active: true, ...(kind ? { kind } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true },
  });
}
