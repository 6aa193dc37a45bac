import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { encode, type JWTEncodeParams } from "next-auth/jwt";
import { z } from "zod";
import { cachedActorById } from "./actors";
import { authConfig, SESSION_MAX_AGE_S } from "./auth-config";
import { checkCredentials, clientAddress } from "./login";
import { safeCallbackPath } from "./redirects";
import { sessionEnded, startSession } from "./sessions";

/** What the sign-in form sends, checked by the form's action and again here; errors are codes, as a use case's. */
export const credentials = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .refine((s) => s !== "", "required")
    .refine((s) => s === "" || z.email().safeParse(s).success, "invalid_format"),
  password: z
    .string({ error: "required" })
    .refine((s) => s !== "", "required")
    .refine((s) => s.length <= 200, "too_long"),
});

/**
 * Auth.js re-signs the session cookie on every GET /api/auth/session, with a fresh maxAge; the
 * token's expiry is capped here at 8 h from sign-in, so no refresh extends a session (decision 0023).
 */
async function encodeCapped(params: JWTEncodeParams) {
  const authTime = params.token?.authTime;
  const nowS = Math.floor(Date.now() / 1000);
  // encode() reads the clock again and may land in the next second: one second less keeps exp at or before the cap
  const maxAge =
    typeof authTime === "number" ? Math.max(1, Math.min(params.maxAge ?? SESSION_MAX_AGE_S, authTime + SESSION_MAX_AGE_S - nowS - 1)) : params.maxAge;
  return encode({ ...params, maxAge });
}

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  jwt: { encode: encodeCapped },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const actor = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request?.headers));
        if (!actor) return null;
        const { sid, authTime } = await startSession(actor.id);
        return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, hospitalId: actor.hospitalId, sid, authTime };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: string; hospitalId?: string | null; sid?: string; authTime?: number };
        return { ...token, sub: u.id, role: u.role, hospitalId: u.hospitalId ?? null, sid: u.sid, authTime: u.authTime };
      }
      // A refresh (GET /api/auth/session): only a live session of an active account is answered;
      // otherwise Auth.js answers null and clears the cookie. Nothing the client sends is taken.
      if (typeof token.sid !== "string" || !token.sub) return null;
      if (await sessionEnded(token.sid, token.sub)) return null;
      const actor = await cachedActorById(token.sub);
      if (!actor) return null;
      return { ...token, name: actor.name, email: actor.email, role: actor.role, hospitalId: actor.hospitalId };
    },
    redirect({ url, baseUrl }) {
      // Auth.js's own redirects (sign-in and sign-out endpoints): a path of this site only.
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(path)}`;
    },
  },
  events: {
    // Signing out ends every session of the user on the server, whichever way it was asked for
    // (the header's button or Auth.js's own POST /api/auth/signout).
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token || typeof token.sid !== "string" || !token.sub) return;
      if (await sessionEnded(token.sid, token.sub)) return;
      const actor = await cachedActorById(token.sub);
      if (!actor) return;
      const { signOutEverywhere } = await import("./use-cases/account");
      await signOutEverywhere(actor, {});
    },
  },
});
