import "server-only";
import { now } from "../clock";
import { env } from "../env";
import { evaluateAlerts } from "./evaluate";
import { deliverDue } from "./outbox";
import { configuredTransports } from "./transports";

// The alert worker: every ALERT_INTERVAL_MS, bring the alerts up to date and send what is due.
// Every app server runs one (started from src/instrumentation.ts); the evaluation's advisory lock
// and the outbox's row locks keep them from doing anything twice.

let timer: NodeJS.Timeout | null = null;

export async function alertWorkerTick(): Promise<void> {
  const at = now();
  const e = env();
  const transports = configuredTransports();
  const channels = { email: Boolean(transports.email), webhook: Boolean(transports.webhook), appUrl: process.env.AUTH_URL };
  await evaluateAlerts(at, { channels, escalateAfterMinutes: e.ALERT_ESCALATE_AFTER_MINUTES });
  await deliverDue(at, transports);
}

export function startAlertWorker(): void {
  const e = env();
  if (timer || e.ALERT_WORKER === "off") return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow tick (a mail server timing out) is not overlapped
    running = true;
    try {
      await alertWorkerTick();
    } catch (err) {
      console.error("[alerts]", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  timer = setInterval(tick, e.ALERT_INTERVAL_MS);
  timer.unref();
  setTimeout(tick, 5_000).unref(); // soon after start, once the server is up
}
