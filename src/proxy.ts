import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "./server/auth-config";

// Convenience only: sends visitors without a session cookie to /login. Whether the session is
// valid, and what it may do, is decided on the server by every page, action and route
// (src/server/session.ts, src/server/permissions.ts).
// Deliberately not Auth.js's `auth` wrapper: that re-issues the session cookie on every request,
// and a prefetch still in flight during sign-out would then set the cookie again.

export function isPublicPath(path: string): boolean {
  return path === "/login" || path.startsWith("/api/") || path.startsWith("/_next/") || path.startsWith("/favicon");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|favicon.svg|api/).*)"],
};
