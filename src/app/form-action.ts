import "server-only";
import { parsePath, parseSubmission } from "@conform-to/dom/future";
import { CONFIRMED_FIELD, type FormState } from "@/components/forms/form-state";
import type { Result } from "@/server/use-case";

// The one way a server action reads its form and answers it (decision 0029). conform turns the
// FormData into the use case's input — nested names (`tranches[0].dueOn`) into objects and
// arrays, a name given twice or ending in `[]` into a list — and leaves every value as typed:
// the use case's zod schema is the only place that reads it (numbers in the form's language,
// decision 0017), after the permission check, as for the tests that call it directly.

/** A form's fields as one object: what an action hands its use case. */
export type FormInput = Record<string, unknown>;

export type Form = {
  input: FormInput;
  /** What was typed, by field name (text fields only, secrets left out): the form shows it again. */
  values: Record<string, string>;
  /** The use case's result as the form's state: codes keyed by the form's own field names, and what was typed. */
  reply(result: Result<unknown>): FormState;
};

type Options = {
  /** Fields never sent back to the browser (passwords). */
  secret?: readonly string[];
};

/**
 * A server action for a form with state (`useActionState`). Arguments that are not a form — a
 * request made by hand (docs/security.md) — leave the state as it was, before `handle` runs.
 */
export function formAction<S extends FormState>(handle: (form: Form) => Promise<S>, options?: Options): (prev: S, data: FormData) => Promise<S> {
  return async (prev, data) => {
    const form = readForm(data, options);
    return form ? handle(form) : prev;
  };
}

/**
 * An action its form asks "are you sure?" about, with a reason (ReasonForm, decision 0035). The
 * form's "yes" sends CONFIRMED_FIELD; a form posted without it (pressed before the page's script
 * ran, or with JavaScript off) is answered with the question, or the missing reason, and nothing
 * is changed: the second press is the server's business as well as the script's.
 */
export function confirmedFormAction<S extends FormState>(handle: (form: Form) => Promise<S>): (prev: FormState, data: FormData) => Promise<FormState> {
  return formAction<FormState>(async (form) => {
    if (form.values[CONFIRMED_FIELD] === "1") return handle(form);
    const values = Object.fromEntries(Object.entries(form.values).filter(([k]) => k !== CONFIRMED_FIELD));
    if (!values.reason?.trim()) return { ok: false, error: "invalid", fieldErrors: { reason: "required" }, values };
    return { asking: true, values };
  });
}

/** A server action for a form without state (a button that posts and redirects or refreshes). */
export function formPost(handle: (form: Form) => Promise<void>): (data: FormData) => Promise<void> {
  return async (data) => {
    const form = readForm(data);
    if (form) await handle(form);
  };
}

/** The form behind a server action's argument, or null when the argument is not a form. */
export function readForm(data: unknown, { secret = [] }: Options = {}): Form | null {
  if (!(data instanceof FormData)) return null;
  // Next's own fields ($ACTION_…) are not the form's; nor is a name conform cannot read as a
  // path ("a[x]", "__proto__"): both are left out rather than refused.
  const { payload } = parseSubmission(data, { skipEntry: (name) => name.startsWith("$") || !isPath(name) });
  const typed = [...data.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$") && !secret.includes(k));
  const values = Object.fromEntries(typed.map(([k, v]) => [k, String(v)]));
  return {
    input: payload,
    values,
    reply(result) {
      if (result.ok) return { ok: true };
      return {
        ok: false,
        error: result.error,
        fieldErrors: result.fieldErrors && byFieldName(result.fieldErrors, data),
        values,
        ...(result.detail ? { detail: result.detail } : {}),
      };
    },
  };
}

function isPath(name: string): boolean {
  try {
    return parsePath(name).length > 0;
  } catch {
    return false;
  }
}

/**
 * Use cases key an error by the dotted path of their input (`tranches.0.dueOn`); the form's field
 * is named as conform reads it (`tranches[0].dueOn`). An error on a field the form sent takes that
 * field's name; any other (the whole list, `_form`) keeps its key.
 */
function byFieldName(errors: Record<string, string>, data: FormData): Record<string, string> {
  const names = new Map<string, string>();
  for (const name of new Set(data.keys())) {
    if (name.endsWith("[]") || !isPath(name)) continue;
    names.set(parsePath(name).join("."), name);
  }
  return Object.fromEntries(Object.entries(errors).map(([key, code]) => [names.get(key) ?? key, code]));
}
