"use client";

import { Field } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

/** War room (decision 0039): a form filled in by staff for a hospital names it and says how the figures came. */
export type OnBehalf = { hospitalId: string; noteLabel: string; noteHint: string };

export function OnBehalfFields({ onBehalf, state, idPrefix }: { onBehalf: OnBehalf; state: FormState; idPrefix?: string }) {
  return (
    <>
      <input type="hidden" name="hospitalId" value={onBehalf.hospitalId} />
      <Field idPrefix={idPrefix} name="onBehalfNote" label={onBehalf.noteLabel} hint={onBehalf.noteHint} state={state} required />
    </>
  );
}
