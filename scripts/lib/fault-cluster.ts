import { spawnSync } from "node:child_process";

// A throw-away PostgreSQL 15 cluster for fault tests (scripts/load-fault.ts): stopping the shared
// server on 5432 would break everyone else's tests, so the outage is staged on a cluster of its
// own, on its own port, created with trust authentication on 127.0.0.1 and dropped afterwards.
// Debian's postgresql-common tools (pg_createcluster, pg_ctlcluster, pg_dropcluster); run as root
// or as postgres.

function sh(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export function haveClusterTools(): boolean {
  return ["pg_createcluster", "pg_ctlcluster", "pg_dropcluster"].every((t) => spawnSync("which", [t]).status === 0);
}

export function createFaultCluster(version: string, name: string, port: number) {
  sh("pg_createcluster", [version, name, "-p", String(port), "--start-conf=manual", "--", "--auth=trust", "--no-sync"]);
  const ctl = (action: "start" | "stop") =>
    sh("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action, ...(action === "stop" ? ["-m", "fast"] : [])]);
  ctl("start");
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl("start"),
    stop: () => ctl("stop"),
    drop: () => {
      spawnSync("pg_dropcluster", [version, name, "--stop"], { encoding: "utf8" });
    },
  };
}
