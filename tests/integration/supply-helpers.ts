import { actorById } from "@/server/actors";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";

/** The seeded demo accounts as actors. */
export async function actor(email: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await actorById(u.id))!;
}

export async function actors() {
  const [admin, staff, official, hospital] = await Promise.all(
    ["admin@satgas.test", "staff@satgas.test", "official@satgas.test", "rs1@satgas.test"].map(actor),
  );
  return { admin, staff, official, hospital };
}

export function auditOf(entity: string, entityId: string) {
  return prisma.auditEvent.findMany({ where: { entity, entityId }, orderBy: { id: "asc" } });
}
