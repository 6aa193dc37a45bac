import "server-only";
// Where to send a user after signing in: only a path of this site. An open redirect after login
// helps phishing (a link to the real login page that lands on a look-alike site).

const BASE = "http://same-site.invalid";

/**
 * `raw` (a callbackUrl) as a same-site path with its query, after normalisation, or "/" when it
 * is anything else: another origin, a scheme-relative `//host`, `/\host` (browsers read a
 * backslash as a slash), control characters.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return "/";
  return path;
}
