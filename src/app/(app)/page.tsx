import { redirect } from "next/navigation";
import { requireActor } from "@/server/session";

// Each role lands where its work is.
const HOME = { ADMIN: "/dashboard", STAFF: "/dashboard", OFFICIAL: "/dashboard", HOSPITAL: "/my-hospital" } as const;

export default async function Home() {
  const actor = await requireActor();
  redirect(HOME[actor.role]);
}
