import type { ErrorDetail, FieldErrors } from "@/server/use-case";

/** What a server action hands back to its form: error codes per field and what the user typed (src/app/form-action.ts). */
export type FormState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** Figures the error refers to (the amount as understood, the limit), in kg. */
  detail?: ErrorDetail;
  /** What was saved, in the reader's words, when a fixed "saved" would hide it (a count's reading). */
  notice?: string;
  /** The form is asked "are you sure?" before anything is changed (ReasonForm posted without its script). */
  asking?: boolean;
};

/** The field a confirming "yes" sends (ReasonForm); an action made with confirmedFormAction changes nothing without it. */
export const CONFIRMED_FIELD = "confirmed";
