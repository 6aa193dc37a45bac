// A production build on a freshly seeded database for the usability benches: scripts/e2e-server.ts
// (the existing build, `npm run build` first; a new database on TEST_DATABASE_URL or an embedded
// PostgreSQL), in its own process group so it is stopped as one.
import { spawn, type ChildProcess } from "node:child_process";

export async function startServer(port: string): Promise<ChildProcess> {
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, PORT: port, E2E_NO_BUILD: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the server stopped while starting");
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start in 5 minutes");
}

export async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}
