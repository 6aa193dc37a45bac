"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/server/auth";
import { clientAddress, isThrottled } from "@/server/login";

export type LoginState = { error?: "invalid" | "throttled"; email?: string; fieldErrors?: { email?: string; password?: string } };

const form = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
  callbackUrl: z.string().optional(),
});

/** Only the path of the callback is kept: an open redirect after login would help phishing. */
function safePath(url: string | undefined): string {
  if (!url) return "/";
  try {
    const u = new URL(url, "http://local");
    return `${u.pathname}${u.search}`;
  } catch {
    return "/";
  }
}

export async function login(_prev: LoginState, data: FormData): Promise<LoginState> {
  const parsed = form.safeParse(Object.fromEntries(data));
  const email = String(data.get("email") ?? "");
  if (!parsed.success) {
    const f = z.flattenError(parsed.error).fieldErrors;
    return { email, fieldErrors: { email: f.email?.[0], password: f.password?.[0] } };
  }
  const address = clientAddress(await headers());
  if (await isThrottled(parsed.data.email, address)) return { error: "throttled", email };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safePath(parsed.data.callbackUrl),
    });
  } catch (e) {
    if (e instanceof AuthError) {
      return { error: (await isThrottled(parsed.data.email, address)) ? "throttled" : "invalid", email };
    }
    throw e; // the redirect after a successful sign-in
  }
  return {};
}
