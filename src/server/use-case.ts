import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { invalidateReads, type WriteScope } from "./cache";
import { announceWrite } from "./invalidation";
import { writePrisma } from "./db";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { localeOfInput, requestLocale, withInputLocale } from "./input-locale";
import { authorize, Forbidden, type Action, type Actor, type Resource } from "./permissions";

// Every write goes through `useCase`: check permission, validate with zod, run the domain rule
// and the writes in ONE transaction, record the audit event in that same transaction.
// Actions and routes stay thin: they get the actor from the session and call a use case.

export type Tx = Prisma.TransactionClient;

/** A field-keyed error code ("required", "too_small", "split_mismatch"…); the UI translates it. */
export type FieldErrors = Record<string, string>;

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: "forbidden" | "invalid" | "conflict" | "not_found" | string; fieldErrors?: FieldErrors; detail?: ErrorDetail };

/** Figures an error message shows beside its field: the amount as the server understood it, the limit. */
export type ErrorDetail = {
  kg?: number;
  limitKg?: number;
  /** the field they belong to, when the form has several amounts */
  field?: string;
  /** the same for further fields, when several amounts are refused at once */
  also?: ErrorDetail[];
};

/** A broken business rule, raised inside a use case; the transaction rolls back. */
export class RuleError extends Error {
  constructor(
    public readonly code: string,
    public readonly fieldErrors?: FieldErrors,
    public readonly detail?: ErrorDetail,
  ) {
    super(code);
  }
}

/** `_Input`: what the use case parses its input as (documentation for callers; the input arrives unknown). */
export type UseCase<_Input, T> = (actor: Actor | null, input: unknown) => Promise<Result<T>>;

type Options<S extends z.ZodType, T> = {
  action: Action;
  input: S;
  /** The record the action touches, for hospital-scoped grants; may read the database. */
  resource?: (input: z.output<S>, tx: Tx) => Promise<Resource | null> | Resource | null;
  /** Serializable isolation, retried on conflict: for rules that read then write (allocation). */
  serializable?: boolean;
  /**
   * What the write can change (decision 0040): "figures" when it changes only figures the pages
   * show (stock, allocations) — their cached copies may then be served, for a bounded few
   * seconds, while one refresh runs; "all" (the default) for anything else, above all accounts,
   * sessions, roles and tokens, whose cached copies are dropped at once.
   */
  touches?: WriteScope;
  run: (ctx: { tx: Tx; actor: Actor; input: z.output<S> }) => Promise<T>;
};

export function useCase<S extends z.ZodType, T>(opts: Options<S, T>): UseCase<z.input<S>, T> {
  const call = runUseCase(opts);
  // Numbers typed in a form are read in the form's language (decision 0017): the input's
  // `locale`, else the reader's language, else the default.
  return async (actor, raw) => withInputLocale(localeOfInput(raw) ?? (await requestLocale()) ?? DEFAULT_LOCALE, () => call(actor, raw));
}

function runUseCase<S extends z.ZodType, T>(opts: Options<S, T>): UseCase<z.input<S>, T> {
  return async (actor, raw) => {
    try {
      authorize(actor, opts.action);
    } catch {
      return { ok: false, error: "forbidden" };
    }
    // PostgreSQL text cannot hold NUL, nor the driver a lone UTF-16 surrogate: refuse them here,
    // on their field, rather than fail with a 500 in the driver.
    const bad = badTextPath(raw);
    if (bad !== null) return { ok: false, error: "invalid", fieldErrors: { [bad || "_form"]: "invalid_format" } };
    let parsed: ReturnType<typeof opts.input.safeParse>;
    try {
      parsed = opts.input.safeParse(raw);
    } catch {
      // A refinement that assumed an object got something else (e.g. no input at all).
      return { ok: false, error: "invalid", fieldErrors: { _form: "invalid_type" } };
    }
    if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    const input = parsed.data;
    const attempts = opts.serializable ? 5 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        // On the write pool (decision 0046): never queued behind the pages' cold reads.
        const value = await writePrisma().$transaction(
          async (tx) => {
            if (opts.resource) {
              const resource = await opts.resource(input, tx);
              if (!resource) throw new RuleError("not_found");
              authorize(actor, opts.action, resource);
            }
            const value = await opts.run({ tx, actor: actor!, input });
            await announceWrite(tx, opts.touches ?? "all"); // the other app servers empty their caches at commit
            return value;
          },
          { isolationLevel: opts.serializable ? "Serializable" : "ReadCommitted", timeout: 15_000, maxWait: 10_000 },
        );
        // Committed: the cached reads (dashboard, API, triage) may now be wrong — forget them all
        // (a figures-only write keeps them as stale copies, served while one refresh runs).
        invalidateReads(opts.touches ?? "all");
        return { ok: true, value };
      } catch (e) {
        if (e instanceof Forbidden) return { ok: false, error: "forbidden" };
        if (e instanceof RuleError) return { ok: false, error: e.code, fieldErrors: e.fieldErrors, ...(e.detail ? { detail: e.detail } : {}) };
        if (isSerializationFailure(e) && attempt < attempts) continue;
        if (isUniqueViolation(e)) return { ok: false, error: "conflict" };
        // The record to change was gone when the write reached it (removed by someone else since
        // the page was read): the same answer as a use case that looks first and finds nothing.
        if (errorCode(e) === "P2025") return { ok: false, error: "not_found" };
        // No write connection came free in time, or the transaction ran out of time: it was rolled
        // back, so nothing is saved; the person is told to try again rather than shown a 500.
        if (isBusy(e)) return { ok: false, error: "busy" };
        // Bad input that got past validation and was stopped by the database — a "data exception"
        // (class 22: out of an integer's range, an impossible date), a CHECK constraint (23514) or
        // a reference to nothing (23503): refuse it rather than answer 500.
        if (/^(22|23514|23503)/.test(errorCode(e) ?? "")) return { ok: false, error: "invalid" };
        throw e;
      }
    }
  };
}

/** zod issues → one code per field (the first), keyed by the dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (out[key]) continue;
    out[key] = codeOf(issue);
  }
  return out;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom") return issue.message;
  if (issue.code === "invalid_type") return issue.input === undefined || issue.input === "" ? "required" : "invalid_type";
  if (issue.code === "too_small") return issue.origin === "string" ? "too_short" : "too_small";
  if (issue.code === "too_big") return issue.origin === "string" ? "too_long" : "too_big";
  if (issue.code === "invalid_format") return "invalid_format";
  if (issue.code === "invalid_value") return "invalid_choice";
  return "invalid";
}

function errorCode(e: unknown): string | undefined {
  const err = e as {
    code?: string;
    cause?: { code?: string; originalCode?: string };
    // a raw query's failure (P2010) carries PostgreSQL's code in the driver adapter's error
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return err?.cause?.originalCode ?? err?.meta?.driverAdapterError?.cause?.originalCode ?? err?.meta?.code ?? err?.code;
}

export function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === "P2002" || code === "23505";
}

function isSerializationFailure(e: unknown): boolean {
  const code = errorCode(e);
  const msg = String((e as Error)?.message ?? "");
  return code === "P2034" || code === "40001" || code === "40P01" || /could not serialize|deadlock/i.test(msg);
}

/** The pool had no connection within its wait (pg), or Prisma could not start or finish the transaction in time. */
export function isBusy(e: unknown): boolean {
  const code = errorCode(e);
  const msg = String((e as Error)?.message ?? "");
  return code === "P2024" || code === "P2028" || /timeout exceeded when trying to connect|expired transaction|Unable to start a transaction/i.test(msg);
}

const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string holding NUL or a lone surrogate ("" at the top), or null. */
function badTextPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return BAD_TEXT.test(value) ? path.join(".") : null;
  if (depth > 6 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    const found = badTextPath(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
