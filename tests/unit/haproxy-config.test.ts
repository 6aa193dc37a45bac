import { describe, expect, it } from "vitest";
import { haproxyConfig } from "../../scripts/lib/haproxy";

// The balancer's configuration (decisions 0041, 0051); tests/e2e/two-servers-behind-haproxy.spec.ts
// runs it in a real HAProxy.
const lines = (cfg: string) => cfg.split("\n").map((l) => l.trim());
const backend = (cfg: string, name: string) => {
  const all = lines(cfg);
  const from = all.indexOf(`backend ${name}`);
  if (from < 0) return null;
  const to = all.findIndex((l, i) => i > from && l.startsWith("backend "));
  return all.slice(from, to < 0 ? undefined : to).filter((l) => l.startsWith("server "));
};

describe("the balancer's configuration", () => {
  it("sends everything to every server in turn by default", () => {
    const cfg = haproxyConfig(3000, [3001, 3002]);
    expect(backend(cfg, "servers")).toEqual([
      expect.stringMatching(/^server app1 127\.0\.0\.1:3001 check /),
      expect.stringMatching(/^server app2 127\.0\.0\.1:3002 check /),
    ]);
    expect(backend(cfg, "writers")).toBeNull();
    expect(cfg).not.toContain("use_backend");
  });

  it("with writers, sends the writes to them and the reads to the others, each side the other's backup", () => {
    const cfg = haproxyConfig(3000, [3001, 3002, 3003], { writers: [3001] });
    expect(lines(cfg)).toContain("acl write method POST PUT PATCH DELETE");
    expect(lines(cfg)).toContain("use_backend writers if write");
    const readers = backend(cfg, "servers")!;
    expect(readers.filter((l) => !l.endsWith(" backup"))).toEqual([expect.stringContaining(":3002 "), expect.stringContaining(":3003 ")]);
    expect(readers.filter((l) => l.endsWith(" backup"))).toEqual([expect.stringContaining(":3001 ")]);
    const writers = backend(cfg, "writers")!;
    expect(writers.filter((l) => !l.endsWith(" backup"))).toEqual([expect.stringContaining(":3001 ")]);
    expect(writers.filter((l) => l.endsWith(" backup"))).toHaveLength(2);
  });

  it("retries a request that failed before any answer, and closes idle server connections before the servers do", () => {
    const cfg = lines(haproxyConfig(3000, [3001]));
    expect(cfg).toContain("retry-on conn-failure empty-response");
    expect(cfg).toContain("timeout http-keep-alive 30s"); // server.ts keeps idle connections 65 s
  });
});
