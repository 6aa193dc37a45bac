// First-load JavaScript of a page: the JS chunks its server-rendered HTML references (script
// tags, preload links, and chunk paths in the inline RSC payload), read from the build folder
// and gzipped (zlib default level, as a server would send them). Chunks that the page loads
// later on demand (next/dynamic, lazy charts) are not first-load and are not counted.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export type FirstLoad = { page: string; chunks: number; rawKb: number; gzipKb: number; missing: string[] };

export function firstLoadJs(page: string, html: string, distDir: string): FirstLoad {
  const paths = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="(\/_next\/static\/[^"?]+\.js)(?:\?[^"]*)?"/g)) paths.add(m[1].slice("/_next/".length));
  // RSC payload (inline <script>self.__next_f.push(...)</script>): "static/chunks/…js", escaped
  for (const m of html.matchAll(/static\/chunks\/[A-Za-z0-9_\-./~%]+?\.js/g)) paths.add(m[0]);
  let raw = 0;
  let gz = 0;
  const missing: string[] = [];
  for (const p of paths) {
    const file = join(distDir, decodeURIComponent(p));
    if (!existsSync(file)) {
      missing.push(p);
      continue;
    }
    const buf = readFileSync(file);
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
  return { page, chunks: paths.size - missing.length, rawKb: kb(raw), gzipKb: kb(gz), missing };
}
