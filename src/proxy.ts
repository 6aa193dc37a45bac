import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "./server/auth-config";
import { newNonce, pagePolicy } from "./server/csp";
import { refusedTarget } from "./server/request-guard";

// Runs before every page (not the API or static files):
// - refuses an address holding a NUL byte or a broken %-escape (400; server.ts does the same for
//   every path in production, src/server/request-guard.ts);
// - gives the response a Content-Security-Policy with a fresh nonce, which Next reads from the
//   request's CSP header and puts on its scripts (src/server/csp.ts, decision 0025);
// - as a convenience, sends visitors without a session cookie to /login. Whether the session is
//   valid, and what it may do, is decided on the server by every page, action and route
//   (src/server/session.ts, src/server/permissions.ts).
// Deliberately not Auth.js's `auth` wrapper: that re-issues the session cookie on every request,
// and a prefetch still in flight during sign-out would then set the cookie again.

export function isPublicPath(path: string): boolean {
  return path === "/login" || path.startsWith("/api/") || path.startsWith("/_next/") || path.startsWith("/favicon");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refused = refusedTarget(`${pathname}${search}`);
  if (refused)
    return new NextResponse(`Bad request: ${refused}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const policy = pagePolicy(newNonce());
  let response: NextResponse;
  if (isPublicPath(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|favicon.svg|api/).*)"],
};
