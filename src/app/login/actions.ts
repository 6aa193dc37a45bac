"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/server/auth";
import { clientAddress, retryAfterSeconds } from "@/server/login";
import { safeCallbackPath } from "@/server/redirects";

export type LoginState = {
  error?: "invalid" | "throttled";
  /** seconds until the next attempt is checked, with "throttled" */
  retryAfter?: number;
  email?: string;
  fieldErrors?: { email?: string; password?: string };
};

const form = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
  callbackUrl: z.string().optional(),
});

export async function login(_prev: LoginState, data: FormData): Promise<LoginState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const parsed = form.safeParse(Object.fromEntries(data));
  const email = String(data.get("email") ?? "");
  if (!parsed.success) {
    const f = z.flattenError(parsed.error).fieldErrors;
    return { email, fieldErrors: { email: f.email?.[0], password: f.password?.[0] } };
  }
  try {
    // The attempt is counted, and refused while the account waits out a delay, inside the
    // credentials check itself (src/server/login.ts), atomically.
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (e) {
    if (e instanceof AuthError) {
      const wait = await retryAfterSeconds(parsed.data.email, clientAddress(await headers()));
      return wait > 0 ? { error: "throttled", retryAfter: wait, email } : { error: "invalid", email };
    }
    throw e; // the redirect after a successful sign-in
  }
  return {};
}
