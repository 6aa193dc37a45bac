import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";

// The part of the Auth.js config that needs no database. Sessions are JWTs that carry role and
// hospital, issued at sign-in for one shift; the server still re-reads the user on every request
// (src/server/session.ts) so a disabled account is locked out at once.

export const SESSION_MAX_AGE_S = 8 * 60 * 60; // one working shift

/** Auth.js's session cookie: the plain name over http, the __Secure- one over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [],
  logger: {
    // A wrong password is an expected event, already answered on the form and throttled.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: Role; hospitalId?: string | null };
        token.sub = u.id;
        token.role = u.role;
        token.hospitalId = u.hospitalId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          ...session.user,
          id: token.sub ?? "",
          role: token.role as Role,
          hospitalId: (token.hospitalId as string | null) ?? null,
        },
      };
    },
  },
} satisfies NextAuthConfig;
