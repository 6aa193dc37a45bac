import "server-only";
import { now } from "../clock";
import { env } from "../env";
import { evaluateAlerts } from "./evaluate";
import { deliverDue } from "./outbox";
import { configuredTransports, type Transports } from "./transports";

// The alert worker: every ALERT_INTERVAL_MS, bring the alerts up to date and send what is due.
// Every app server runs one (started from src/instrumentation.ts); the evaluation's advisory lock
// and the outbox's row locks keep them from doing anything twice.

let timer: NodeJS.Timeout | null = null;

/** One round: bring the alerts up to date at the app's now, then send what is due. */
async function alertWorkerTick(transports: Transports, escalateAfterMinutes: number): Promise<void> {
  const at = now();
  const channels = { email: Boolean(transports.email), webhook: Boolean(transports.webhook), appUrl: process.env.AUTH_URL };
  await evaluateAlerts(at, { channels, escalateAfterMinutes });
  await deliverDue(at, transports);
}

export function startAlertWorker(): void {
  const e = env();
  if (timer || e.ALERT_WORKER === "off") return;
  const transports = configuredTransports(); // one mailer for the server's life, not one per round
  let running = false;
  const tick = async () => {
    if (running) return; // a slow tick (a mail server timing out) is not overlapped
    running = true;
    try {
      await alertWorkerTick(transports, e.ALERT_ESCALATE_AFTER_MINUTES);
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
