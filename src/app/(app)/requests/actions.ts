"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import type { FieldErrors } from "@/server/use-case";
import { currentActor } from "@/server/session";
import { allocate, cancelAllocation } from "@/server/use-cases/allocations";
import { confirmReceipt, recordTrancheReceipt } from "@/server/use-cases/receipts";
import { approveRequest, cancelRequest, closeRequestShort, createRequest, rejectRequest } from "@/server/use-cases/requests";

const str = (data: FormData, k: string) => String(data.get(k) ?? "");

function refresh(id?: string) {
  revalidatePath("/requests");
  revalidatePath("/triage");
  revalidatePath("/my-hospital");
  revalidatePath(id ? `/requests/${id}` : "/requests/[id]", id ? undefined : "page");
}

export async function createRequestAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await createRequest(await currentActor(), {
    requestedKg: str(data, "requestedKg"),
    neededBy: str(data, "neededBy"),
    urgency: str(data, "urgency"),
    reason: str(data, "reason"),
    idempotencyKey: str(data, "idempotencyKey"),
    confirmUnusual: str(data, "confirmUnusual"),
  });
  if (!result.ok) return formStateOf(result, data);
  refresh();
  redirect(`/requests/${result.value.id}?created=1`);
}

export async function cancelRequestAction(data: FormData): Promise<void> {
  if (!(data instanceof FormData)) return; // a hand-made request, not a form (docs/security.md)
  const id = str(data, "id");
  const result = await cancelRequest(await currentActor(), { id });
  if (!result.ok && (result.error === "forbidden" || result.error === "not_found")) redirect("/forbidden");
  refresh(id);
  redirect(`/requests/${id}${result.ok ? "?cancelled=1" : `?error=${encodeURIComponent(result.error)}`}`);
}

export async function approveRequestAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const id = str(data, "id");
  const result = await approveRequest(await currentActor(), {
    id,
    approvedKg: str(data, "approvedKg"),
    note: str(data, "note"),
    confirmUnusual: str(data, "confirmUnusual"),
  });
  if (result.ok) refresh(id);
  return formStateOf(result, data);
}

export async function rejectRequestAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const id = str(data, "id");
  const result = await rejectRequest(await currentActor(), { id, reason: str(data, "reason") });
  if (result.ok) refresh(id);
  return formStateOf(result, data);
}

/** Every non-empty row of the allocation form becomes a line; errors are mapped back to rows. */
export async function allocateAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const rows: number[] = [];
  const lines = [];
  for (let i = 0; data.has(`sourceId.${i}`); i++) {
    const kg = str(data, `kg.${i}`).trim();
    if (kg === "" || /^0+([.,]0*)?$/.test(kg)) continue;
    rows.push(i);
    lines.push({ requestId: str(data, `requestId.${i}`), sourceId: str(data, `sourceId.${i}`), kg, reason: str(data, `reason.${i}`) });
  }
  const result = await allocate(await currentActor(), { day: str(data, "day"), lines });
  if (result.ok) {
    for (const id of new Set(lines.map((l) => l.requestId))) refresh(id);
    return { ok: true };
  }
  const state = formStateOf(result, data);
  if (result.fieldErrors) {
    const mapped: FieldErrors = {};
    for (const [k, v] of Object.entries(result.fieldErrors)) {
      const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
      mapped[m ? `${m[2]}.${rows[Number(m[1])]}` : "_form"] = v;
    }
    state.fieldErrors = mapped;
  }
  return state;
}

function receiptInput(data: FormData) {
  return {
    id: str(data, "id"),
    receivedKg: str(data, "receivedKg"),
    rejectedKg: str(data, "rejectedKg"),
    shortReason: str(data, "shortReason"),
    receivedAt: str(data, "receivedAt"),
    confirmUnusual: str(data, "confirmUnusual"),
  };
}

/** The receiving hospital confirms a trip (request page, or its incoming list on /my-hospital). */
export async function confirmReceiptAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await confirmReceipt(await currentActor(), receiptInput(data));
  if (result.ok) {
    refresh();
    revalidatePath("/pledges", "layout"); // a tranche trip moves its pledge's progress
  }
  return formStateOf(result, data);
}

/** Staff record the receipt of a pledge tranche's trip (pledge page). */
export async function recordTrancheReceiptAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await recordTrancheReceipt(await currentActor(), receiptInput(data));
  if (result.ok) {
    refresh();
    revalidatePath("/pledges", "layout");
  }
  return formStateOf(result, data);
}

export async function cancelAllocationAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await cancelAllocation(await currentActor(), { id: str(data, "id"), reason: str(data, "reason") });
  if (result.ok) refresh();
  return formStateOf(result, data);
}

export async function closeRequestShortAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const id = str(data, "id");
  const result = await closeRequestShort(await currentActor(), { id, reason: str(data, "reason") });
  if (result.ok) refresh(id);
  return formStateOf(result, data);
}
