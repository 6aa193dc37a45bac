"use server";

import { revalidatePath } from "next/cache";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { savePriorityPeriod, setDailyTarget } from "@/server/use-cases/policy";

const str = (data: FormData, k: string) => String(data.get(k) ?? "");

export async function setTargetAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await setDailyTarget(await currentActor(), {
    regionId: str(data, "regionId"),
    validFrom: str(data, "validFrom"),
    dailyTarget: str(data, "dailyTarget"),
    locale: formLocale(data),
  });
  if (result.ok) revalidatePath("/policy");
  return formStateOf(result, data);
}

export async function savePeriodAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await savePriorityPeriod(await currentActor(), {
    id: str(data, "id") || undefined,
    regionId: str(data, "regionId"),
    startsOn: str(data, "startsOn"),
    endsOn: str(data, "endsOn"),
    minMedicalSharePct: str(data, "minMedicalSharePct"),
    note: str(data, "note"),
    locale: formLocale(data),
  });
  if (result.ok) revalidatePath("/policy");
  return formStateOf(result, data);
}
