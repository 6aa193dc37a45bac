// HAProxy (Debian's /usr/sbin/haproxy) in front of app servers on this machine: the config is
// generated into a temporary folder, the balancer runs in the foreground as a child of the
// caller and is stopped with it. Round robin over HTTP keep-alive connections, a health check on
// /api/health, and X-Forwarded-For added (run the servers with TRUST_PROXY=1 behind it).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const HAPROXY = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";

export function haveHaproxy(): boolean {
  return existsSync(HAPROXY);
}

/** Where the balancer sends what: every server in turn, or writes to some and reads to the rest. */
export type Routing = {
  /** ports of the servers that take the writes (POST, PUT, PATCH, DELETE: server actions, sign-in); none: all take all */
  writers?: number[];
  maxconnPerServer?: number;
};

/**
 * The configuration: `port` on 127.0.0.1 balancing over `backends` (ports on 127.0.0.1). With
 * `writers`, writes go to those servers and reads to the others (decision 0051): a write's many
 * short turns on the event loop then never queue behind the readers' requests. Each side is the
 * other's backup, so one server left standing still answers everything.
 */
export function haproxyConfig(port: number, backends: number[], routing: Routing = {}): string {
  const maxconn = routing.maxconnPerServer ?? 64;
  const writers = (routing.writers ?? []).filter((p) => backends.includes(p));
  const readers = writers.length ? backends.filter((p) => !writers.includes(p)) : backends;
  const server = (name: string, p: number, backup = false) =>
    `  server ${name} 127.0.0.1:${p} check inter 2s fall 5 rise 1 maxconn ${maxconn}${backup ? " backup" : ""}`;
  const backend = (name: string, main: number[], spare: number[]) => [
    `backend ${name}`,
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    ...main.map((p) => server(`app${backends.indexOf(p) + 1}`, p)),
    ...spare.map((p) => server(`app${backends.indexOf(p) + 1}`, p, true)),
  ];
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  option http-keep-alive",
    "  option forwardfor",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-request 10s",
    // idle connections: the client's kept open for a while, the servers' closed by this side
    // first (server.ts keeps them 65 s); a request on a connection that failed before any answer
    // is sent again, to another server if need be
    "  timeout http-keep-alive 30s",
    "  retries 3",
    "  retry-on conn-failure empty-response",
    "  option redispatch",
    // a busy server answers its health check late rather than not at all
    "  timeout check 10s",
    "frontend app",
    `  bind 127.0.0.1:${port}`,
    ...(writers.length ? ["  acl write method POST PUT PATCH DELETE", "  use_backend writers if write"] : []),
    "  default_backend servers",
    ...backend("servers", readers, writers),
    ...(writers.length ? backend("writers", writers, readers) : []),
    "",
  ].join("\n");
}

export type Balancer = { child: ChildProcess; dir: string; stop(): Promise<void> };

/** Starts HAProxy on `port` in front of `backends`; resolves once it accepts connections. */
export async function startHaproxy(port: number, backends: number[], routing: Routing = {}): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), "oxygen-haproxy-"));
  const cfg = join(dir, "haproxy.cfg");
  writeFileSync(cfg, haproxyConfig(port, backends, routing));
  const child = spawn(HAPROXY, ["-db", "-f", cfg], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, dir, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`haproxy on ${port} did not answer /api/health within 15 s:\n${output}`);
}
