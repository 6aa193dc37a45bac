import { notFound } from "next/navigation";
import { getI18n } from "@/i18n/server";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/session";

export default async function MyHospitalPage() {
  const actor = await requireActor("stock:report");
  const { t } = await getI18n();
  const hospital = actor.hospitalId ? await prisma.hospital.findUnique({ where: { id: actor.hospitalId }, include: { region: true } }) : null;
  if (!hospital) notFound();
  return (
    <>
      <h1 data-testid="hospital-name">{hospital.name}</h1>
      <p className="text-slate-600">{hospital.region.name}</p>
    </>
  );
}
