import NextAuth from "next-auth";
import { authConfig } from "@/server/auth-config";

// Convenience only: sends signed-out visitors to /login. The real checks are on the server
// in every page, action and route (src/server/permissions.ts).
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|favicon.svg|api/).*)"],
};
