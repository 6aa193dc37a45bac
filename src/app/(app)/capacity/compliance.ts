import type { CapacityRow } from "@/server/queries/capacity";

export type Compliance = { status: "meets" | "below" | "no_policy" | "not_entered"; share: number | null };

/** Whether a producer's medical share on the day met the policy in force. */
export function complianceOf(r: CapacityRow): Compliance {
  if (r.producedKg === null) return { status: "not_entered", share: null };
  const share = r.producedKg > 0 ? r.medicalKg! / r.producedKg : null;
  if (r.minMedicalSharePct === null) return { status: "no_policy", share };
  return { status: r.medicalKg! * 100 >= r.minMedicalSharePct * r.producedKg ? "meets" : "below", share };
}
