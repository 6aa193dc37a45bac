"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { formAction } from "@/app/form-action";
import type { FormState } from "@/components/forms/form-state";
import { credentials, signIn } from "@/server/auth";
import { clientAddress, retryAfterSeconds } from "@/server/login";
import { safeCallbackPath } from "@/server/redirects";
import { fieldErrorsOf } from "@/server/use-case";
import { signInBusy } from "./sign-in-busy";

/** `error`: "credentials" (no such account or password), "throttled" (with `retryAfter`, seconds until the next attempt is checked), "busy" (nothing checked: try again), or "invalid" (see the fields). */
export type LoginState = FormState & { retryAfter?: number };

export const login = formAction<LoginState>(
  async (form) => {
    const parsed = credentials.safeParse(form.input);
    if (!parsed.success) return form.reply({ ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });
    try {
      // The attempt is counted, and refused while the account waits out a delay, inside the
      // credentials check itself (src/server/login.ts), atomically.
      await signIn("credentials", {
        ...parsed.data,
        redirectTo: safeCallbackPath(typeof form.input.callbackUrl === "string" ? form.input.callbackUrl : undefined),
      });
    } catch (e) {
      if (e instanceof AuthError) {
        // The database had no write connection free in time: not a wrong password, and asking
        // it for the wait now would only wait again.
        if (signInBusy(e)) return form.reply({ ok: false, error: "busy" });
        const wait = await retryAfterSeconds(parsed.data.email, clientAddress(await headers()));
        return { ...form.reply({ ok: false, error: wait > 0 ? "throttled" : "credentials" }), ...(wait > 0 ? { retryAfter: wait } : {}) };
      }
      throw e; // the redirect after a successful sign-in
    }
    return {};
  },
  { secret: ["password"] },
);
