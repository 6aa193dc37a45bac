// The Content-Security-Policy of the app. Pages get a fresh nonce per response (src/proxy.ts
// makes it and hands it to Next through the request's CSP header; Next puts it on every script
// it writes): scripts run only when they carry the nonce or were loaded by one that did
// ('strict-dynamic'), so an injected <script> or inline handler does not run. The response cache
// gives every answer a fresh nonce too (decision 0025). Everything that is not a page (API
// answers, files, CSVs) gets STATIC_CSP, which allows no script at all.
// Runs in Node and in Next's proxy: Web Crypto and btoa only.

/** 128 random bits, base64: a nonce is never guessed and never reused. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const COMMON = [
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
];

/**
 * A page's policy. Styles keep 'unsafe-inline' (React style attributes and the charts' inline
 * styles cannot carry a nonce; CSS cannot run script). 'unsafe-eval' only in development, where
 * React's tooling needs it.
 */
export function pagePolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ...COMMON,
  ].join("; ");
}

/** For everything that is not a page: no script, no style, nothing framed. */
export const STATIC_CSP = ["default-src 'self'", "script-src 'self'", "style-src 'self'", ...COMMON].join("; ");

/** The nonce a page policy names, or null. */
export function nonceOf(policy: string | null | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? "")?.[1] ?? null;
}
