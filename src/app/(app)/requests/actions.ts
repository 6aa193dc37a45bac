"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { confirmedFormAction, formAction, type Form } from "@/app/form-action";
import { LIVE_SECTIONS_FIELD } from "@/components/forms/live-sections-field";
import type { AllocationFormState } from "@/components/hospital/allocation-form";
import type { Day } from "@/domain/day";
import type { Actor } from "@/server/permissions";
import type { FieldErrors } from "@/server/use-case";
import { currentActor } from "@/server/session";
import { allocate, approveAndAllocate, cancelAllocation } from "@/server/use-cases/allocations";
import { confirmReceipt, recordTrancheReceipt } from "@/server/use-cases/receipts";
import { approveRequest, cancelRequest, closeRequestShort, createRequest, rejectRequest } from "@/server/use-cases/requests";
import { requestSections } from "./[id]/sections";

function refresh(id?: string) {
  revalidatePath("/requests");
  revalidatePath("/triage");
  revalidatePath("/my-hospital");
  revalidatePath(id ? `/requests/${id}` : "/requests/[id]", id ? undefined : "page");
}

export const createRequestAction = formAction(async (form) => {
  const result = await createRequest(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  refresh();
  redirect(`/requests/${result.value.id}?created=1`);
});

/** The hospital withdraws its request, saying why (asked twice in the form: reason, then "sure?"). */
export const cancelRequestAction = confirmedFormAction(async (form) => {
  const result = await cancelRequest(await currentActor(), form.input);
  if (!result.ok && (result.error === "forbidden" || result.error === "not_found")) redirect("/forbidden");
  if (!result.ok) return form.reply(result);
  refresh(result.value.id);
  redirect(`/requests/${encodeURIComponent(result.value.id)}?cancelled=1`);
});

export const approveRequestAction = formAction(async (form) => {
  const result = await approveRequest(await currentActor(), form.input);
  if (result.ok) refresh(result.value.id);
  return form.reply(result);
});

/** A submitted request approved in full and its proposal allocated, in one transaction (or nothing). */
export const approveAndAllocateAction = formAction(async (form) => {
  const result = await approveAndAllocate(await currentActor(), form.input);
  if (result.ok) refresh(result.value.request.id);
  return form.reply(result);
});

export const rejectRequestAction = formAction(async (form) => {
  const result = await rejectRequest(await currentActor(), form.input);
  if (result.ok) refresh(result.value.id);
  return form.reply(result);
});

/**
 * The allocation form of a request's page. A row left blank or at zero is no line; errors go back
 * to their rows. Saved, it answers with the parts of the page an allocation changes, rendered
 * afresh (decision 0049), instead of revalidating four paths: the read and response caches were
 * emptied by the use case, and the other pages are dynamic, rendered anew on the next visit.
 */
export const allocateAction = formAction<AllocationFormState>(async (form) => {
  const actor = await currentActor();
  const saved = await allocateLines(actor, form);
  if (!saved.ok) return saved.state;
  // A form posted without the page's script gets the whole page back, rendered afresh (decision 0050).
  if (!form.values[LIVE_SECTIONS_FIELD] || !actor) return { ok: true };
  const requestId = saved.lines[0].requestId;
  return { ok: true, sections: await requestSections(actor, requestId, String(form.input.day) as Day) };
});

/** The triage board's proposal accepted (lines for many requests): the board is rendered again. */
export const acceptProposalAction = formAction(async (form) => {
  const saved = await allocateLines(await currentActor(), form);
  if (!saved.ok) return saved.state;
  revalidatePath("/triage");
  return { ok: true };
});

async function allocateLines(actor: Actor | null, form: Form) {
  const rows = Array.isArray(form.input.lines) ? (form.input.lines as unknown[]) : [];
  const filled = rows.flatMap((line, row) => (isZero((line as { kg?: unknown } | undefined)?.kg) ? [] : [{ line, row }]));
  const result = await allocate(actor, { day: form.input.day, lines: filled.map((f) => f.line), formKey: form.input.formKey });
  if (result.ok) return { ok: true as const, lines: result.value };
  const fieldErrors: FieldErrors = {};
  for (const [key, code] of Object.entries(result.fieldErrors ?? {})) {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(key);
    fieldErrors[m ? `lines.${filled[Number(m[1])]?.row}.${m[2]}` : "_form"] = code;
  }
  return { ok: false as const, state: form.reply({ ...result, ...(result.fieldErrors ? { fieldErrors } : {}) }) };
}

const isZero = (kg: unknown) => typeof kg !== "string" || /^\s*(0+([.,]0*)?)?\s*$/.test(kg);

/** The receiving hospital confirms a trip (request page, or its incoming list on /my-hospital). */
export const confirmReceiptAction = formAction(async (form) => {
  const result = await confirmReceipt(await currentActor(), form.input);
  if (result.ok) {
    refresh();
    revalidatePath("/pledges", "layout"); // a tranche trip moves its pledge's progress
  }
  return form.reply(result);
});

/** Staff record the receipt of a pledge tranche's trip (pledge page). */
export const recordTrancheReceiptAction = formAction(async (form) => {
  const result = await recordTrancheReceipt(await currentActor(), form.input);
  if (result.ok) {
    refresh();
    revalidatePath("/pledges", "layout");
  }
  return form.reply(result);
});

export const cancelAllocationAction = confirmedFormAction(async (form) => {
  const result = await cancelAllocation(await currentActor(), form.input);
  if (result.ok) refresh();
  return form.reply(result);
});

export const closeRequestShortAction = confirmedFormAction(async (form) => {
  const result = await closeRequestShort(await currentActor(), form.input);
  if (result.ok) refresh(result.value.id);
  return form.reply(result);
});
