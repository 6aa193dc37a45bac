"use server";

import { revalidatePath } from "next/cache";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import type { SaveState } from "@/components/forecast/forecast-explorer";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { saveScenario, setDefaultRateSet, updateRateSet } from "@/server/use-cases/forecast";

const str = (data: FormData, k: string) => String(data.get(k) ?? "");

export async function saveScenarioAction(_prev: SaveState, data: FormData): Promise<SaveState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await saveScenario(await currentActor(), {
    name: str(data, "name"),
    rateSet: str(data, "rateSet"),
    basis: str(data, "basis"),
    waveMultiplier: str(data, "waveMultiplier"),
    shiftPercentagePoints: str(data, "shiftPercentagePoints"),
    extraPledgedTonnes: str(data, "extraPledgedTonnes"),
    asOf: str(data, "asOf") || undefined,
  });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/forecast");
  return { ok: true, id: result.value.id };
}

export async function setDefaultRateSetAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await setDefaultRateSet(await currentActor(), { key: str(data, "key") });
  if (result.ok) revalidatePath("/forecast");
  return formStateOf(result, data);
}

export async function updateRateSetAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await updateRateSet(await currentActor(), {
    key: str(data, "key"),
    severeLpm: str(data, "severeLpm"),
    criticalLpm: str(data, "criticalLpm"),
    locale: formLocale(data),
  });
  if (result.ok) revalidatePath("/forecast");
  return formStateOf(result, data);
}
