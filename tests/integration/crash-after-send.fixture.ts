// A worker that dies between sending a message and marking it sent (tests/integration/alerts.test.ts
// runs this in a process of its own): the real transports send, then the process is killed at
// once, so its transaction, which holds the outbox row, never commits. Run with the react-server
// condition so the server modules load outside Next:
//   node --conditions=react-server --import tsx tests/integration/crash-after-send.fixture.ts
// with DATABASE_URL, CRASH_SMTP_URL, CRASH_WEBHOOK_URL and CRASH_WEBHOOK_SECRET set.
import { deliverDue } from "@/server/alerts/outbox";
import { emailTransport, webhookTransport, type Transport } from "@/server/alerts/transports";

const die =
  (send: Transport): Transport =>
  async (m) => {
    await send(m);
    process.kill(process.pid, "SIGKILL");
  };

const env = (name: string) => process.env[name] ?? (console.error(`${name} is not set`), process.exit(2));

await deliverDue(new Date(process.env.CRASH_AT ?? Date.now()), {
  email: die(emailTransport(env("CRASH_SMTP_URL"), "Satgas <alerts@satgas.test>")),
  webhook: die(webhookTransport(env("CRASH_WEBHOOK_URL"), env("CRASH_WEBHOOK_SECRET"))),
});
// reaching this line means nothing was due: the test expects the kill
process.exit(3);
