import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_CSP } from "./src/server/csp";
import { SERVER_ACTION_BODY_LIMIT } from "./src/server/limits";

// Headers of every response. Pages get their Content-Security-Policy, with a fresh nonce, from
// src/proxy.ts; what the proxy does not see (API answers, static files) gets STATIC_CSP, which
// runs no script. Strict-Transport-Security is sent by server.ts, and only over HTTPS (directly,
// or from a trusted proxy: TRUST_PROXY=1 and X-Forwarded-Proto). See docs/security.md (V14).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
const staticCsp = [{ key: "Content-Security-Policy", value: STATIC_CSP }];
// API answers and exports carry personal data (names, hospitals, figures): never kept by a browser or proxy.
const noStore = [{ key: "Cache-Control", value: "no-store" }];

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (e.g. e2e and a benchmark) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // What the CSV import takes (2 MB, src/server/limits.ts) plus the form around it; server.ts
    // refuses a larger server-action body with 413 before Next reads it.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [...staticCsp, ...noStore] },
      { source: "/_next/:path*", headers: staticCsp },
      { source: "/favicon.:ext", headers: staticCsp },
      { source: "/capacity/export", headers: noStore },
      { source: "/dashboard/export/:table", headers: noStore },
    ];
  },
};

// next-intl reads the language and messages per request from src/i18n/request.ts (decision 0028).
export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
