import type { ErrorDetail, FieldErrors, Result } from "@/server/use-case";

/** What a server action hands back to its form: error codes per field and what the user typed. */
export type FormState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** Figures the error refers to (the amount as understood, the limit), in kg. */
  detail?: ErrorDetail;
};

export function formStateOf(result: Result<unknown>, data?: FormData): FormState {
  if (result.ok) return { ok: true };
  const values = data
    ? Object.fromEntries([...data.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]))
    : undefined;
  return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values, ...(result.detail ? { detail: result.detail } : {}) };
}
