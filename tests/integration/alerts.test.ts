import { createHmac } from "node:crypto";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { evaluateAlerts } from "@/server/alerts/evaluate";
import { deliverDue } from "@/server/alerts/outbox";
import { emailTransport, webhookTransport } from "@/server/alerts/transports";
import { setOwnAlertChannels } from "@/server/use-cases/alert-settings";
import { acknowledgeAlert } from "@/server/use-cases/alerts";
import { setOwnDuty, setUserDuty } from "@/server/use-cases/duty";
import { now } from "@/server/clock";
import { actor } from "./supply-helpers";

// Alerts that reach a person (decision 0033), end to end on a real PostgreSQL, a real SMTP server
// and a real HTTP gateway that is down for a while: a hospital crossing into amber is told once,
// by email and through the gateway; the gateway's outage is retried with back-off and nothing is
// lost; nobody acknowledging passes the alert to the task force; an acknowledgement stops it; red
// is a new crossing; recovering clears it.

const SECRET = "gateway-secret-0123456789";
const mails: { to: string[]; raw: string }[] = [];
const hooks: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let gatewayDown = true;
let smtp: SMTPServer;
let gateway: Server;
let smtpUrl = "";
let gatewayUrl = "";

const wib = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const channels = { email: true, webhook: true, appUrl: "https://oksigen.example" };
const evaluate = (at: Date) => evaluateAlerts(at, { channels, escalateAfterMinutes: 30 });
const transports = () => ({ email: emailTransport(smtpUrl, "Satgas <alerts@satgas.test>"), webhook: webhookTransport(gatewayUrl, SECRET) });

let hospital: { id: string; name: string };
let admin: { id: string; email: string };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  gateway = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (gatewayDown) {
        res.writeHead(503).end("down for maintenance");
        return;
      }
      hooks.push({ headers: req.headers, body });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => gateway.listen(0, "127.0.0.1", r));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;

  // A hospital of its own: a 30 t tank (6 t floor) holding 22 t at 08:00 and using 24 t a day,
  // so 16 h left at 08:00 (amber), under 8 h after 16:00 (red).
  const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
  hospital = await prisma.hospital.create({
    data: { name: "RS Uji Peringatan", regionId: region.id, tankCapacityKg: 30_000 },
    select: { id: true, name: true },
  });
  admin = await prisma.user.create({
    data: {
      email: "alerts-admin@rs-uji.test",
      name: "Admin RS Uji",
      passwordHash: "x",
      role: "HOSPITAL",
      hospitalId: hospital.id,
      phone: "+6281234567890",
      alertByWebhook: true,
    },
    select: { id: true, email: true },
  });
  await prisma.stockReport.create({
    data: { hospitalId: hospital.id, day: new Date("2021-08-25"), stockKg: 22_000, usedKg: 24_000, reportedAt: wib("2021-08-25", "08:00") },
  });
});

afterAll(async () => {
  await new Promise((r) => smtp.close(() => r(null)));
  await new Promise((r) => gateway.close(() => r(null)));
});

/** The outbox sent by a worker in a process of its own that is killed right after each send. */
function crashingWorker(at: Date): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/crash-after-send.fixture.ts"], {
    env: { ...process.env, CRASH_AT: at.toISOString(), CRASH_SMTP_URL: smtpUrl, CRASH_WEBHOOK_URL: gatewayUrl, CRASH_WEBHOOK_SECRET: SECRET },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
}

const alertsOf = () => prisma.alert.findMany({ where: { hospitalId: hospital.id }, orderBy: { raisedAt: "asc" } });
const messagesOf = (alertId: string) =>
  prisma.outboxMessage.findMany({ where: { alertId }, orderBy: [{ createdAt: "asc" }, { channel: "asc" }, { recipient: "asc" }] });

// One story, told in order (each step goes on from the state the one before left): kept in
// order even when the suite is shuffled.
describe("alerts that reach a person", { shuffle: false }, () => {
  it("a crossing into amber raises one alert, with an email and a gateway message for the hospital's admin, written with it", async () => {
    await evaluate(wib("2021-08-25", "08:30"));
    await evaluate(wib("2021-08-25", "08:31")); // again: still the same crossing
    const alerts = await alertsOf();
    expect(alerts.map((a) => [a.kind, a.level, a.clearedAt])).toEqual([["amber", 0, null]]);
    expect(alerts[0].hoursLeft).toBe(15.5);
    const messages = await messagesOf(alerts[0].id);
    expect(messages.map((m) => [m.channel, m.recipient])).toEqual([
      ["email", admin.email],
      ["webhook", "+6281234567890"],
    ]);
    expect(messages[0].subject).toBe("[Satgas Oksigen] KUNING: RS Uji Peringatan — oksigen tersisa sekitar 15,5 jam");
    expect(messages[0].body).toContain("AMBER: RS Uji Peringatan — about 15.5 h of oxygen left");
    expect(messages[0].body).toContain("https://oksigen.example/alerts");
  });

  it("sends the email at once; the gateway's outage is retried with back-off until it is back, nothing lost or doubled", async () => {
    const [alert] = await alertsOf();
    let r = await deliverDue(wib("2021-08-25", "08:32"), transports(), 10_000);
    expect(r.retried).toBeGreaterThanOrEqual(1);
    const mine = mails.filter((m) => m.to.includes(admin.email));
    expect(mine).toHaveLength(1);
    const email = (await messagesOf(alert.id)).find((m) => m.channel === "email")!;
    expect(mine[0].raw).toContain(`X-Oxygen-Message-ID: ${email.id}`);
    expect(mine[0].raw.replace(/=\r?\n/g, "")).toContain("AMBER: RS Uji Peringatan");
    expect(email).toMatchObject({ attempts: 1, lastError: null });
    expect(email.sentAt).toEqual(wib("2021-08-25", "08:32"));
    let hook = (await messagesOf(alert.id)).find((m) => m.channel === "webhook")!;
    expect(hook).toMatchObject({ sentAt: null, attempts: 1, lastError: "gateway answered 503" });
    expect(hook.nextAttemptAt).toEqual(new Date(wib("2021-08-25", "08:32").getTime() + 30_000));

    // not due yet: nothing is tried
    r = await deliverDue(wib("2021-08-25", "08:32"), transports(), 10_000);
    expect((await messagesOf(alert.id)).find((m) => m.channel === "webhook")!.attempts).toBe(1);

    // still down at the next attempt: the wait doubles
    await deliverDue(wib("2021-08-25", "08:33"), transports(), 10_000);
    hook = (await messagesOf(alert.id)).find((m) => m.channel === "webhook")!;
    expect(hook.attempts).toBe(2);
    expect(hook.nextAttemptAt).toEqual(new Date(wib("2021-08-25", "08:33").getTime() + 60_000));

    gatewayDown = false;
    await deliverDue(wib("2021-08-25", "08:35"), transports(), 10_000);
    await deliverDue(wib("2021-08-25", "08:40"), transports(), 10_000);
    hook = (await messagesOf(alert.id)).find((m) => m.channel === "webhook")!;
    expect(hook.sentAt).not.toBeNull();
    expect(hook.attempts).toBe(3);
    const received = hooks.filter((h) => JSON.parse(h.body).alertId === alert.id);
    expect(received).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes(admin.email))).toHaveLength(1);

    // signed: the gateway recomputes the signature from its secret, the timestamp and the body
    const { headers, body } = received[0];
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${headers["x-oxygen-timestamp"]}.${body}`).digest("hex")}`;
    expect(headers["x-oxygen-signature"]).toBe(expected);
    expect(headers["idempotency-key"]).toBe(hook.id);
    expect(JSON.parse(body)).toMatchObject({
      type: "alert",
      kind: "amber",
      level: 0,
      to: "+6281234567890",
      hospital: { id: hospital.id, name: hospital.name },
      hoursLeft: 15.5,
    });
  });

  it("nobody acknowledging passes it to the task-force staff on duty, not to those off duty; an acknowledgement stops it before the head", async () => {
    const [alert] = await alertsOf();
    // the seed's staff member is on duty until 21:30 that day; another one's duty ended at 08:00
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "staff@satgas.test" } })).onDutyUntil).toEqual(wib("2021-08-25", "21:30"));
    await prisma.user.create({
      data: { email: "staf-libur@satgas.test", name: "Staf Libur", passwordHash: "x", role: "STAFF", onDutyUntil: wib("2021-08-25", "08:00") },
    });
    await evaluate(wib("2021-08-25", "09:00")); // 30 min after it was raised
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).level).toBe(1);
    const toStaff = (await messagesOf(alert.id)).filter((m) => m.createdAt.getTime() === wib("2021-08-25", "09:00").getTime());
    expect(toStaff.map((m) => [m.channel, m.recipient])).toEqual([["email", "staff@satgas.test"]]);
    expect(toStaff[0].body).toContain("passed up a level");
    expect(toStaff[0].body).not.toContain("on duty");
    const notice = await prisma.notification.findFirstOrThrow({ where: { kind: "alert_escalated", hospitalId: hospital.id } });
    expect(notice.params).toMatchObject({ level: 1, nobodyOnDuty: false });

    const result = await acknowledgeAlert(await actor(admin.email), { id: alert.id });
    expect(result.ok).toBe(true);
    expect(await acknowledgeAlert(await actor(admin.email), { id: alert.id })).toMatchObject({ ok: false, error: "already_acknowledged" });
    const before = (await messagesOf(alert.id)).length;
    await evaluate(wib("2021-08-25", "10:00"));
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).level).toBe(1);
    expect((await messagesOf(alert.id)).length).toBe(before);
    const audit = await prisma.auditEvent.findMany({ where: { entity: "Alert", entityId: alert.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["alert.raise", "alert.escalate", "alert.acknowledge"]);
  });

  it("another hospital's admin, and an official, cannot acknowledge it", async () => {
    const [alert] = await alertsOf();
    const other = await prisma.alert.create({ data: { hospitalId: hospital.id, kind: "missed_report", raisedAt: wib("2021-08-25", "09:00") } });
    expect(await acknowledgeAlert(await actor("rs1@satgas.test"), { id: other.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await acknowledgeAlert(await actor("official@satgas.test"), { id: alert.id })).toMatchObject({ ok: false, error: "forbidden" });
    await prisma.alert.delete({ where: { id: other.id } });
  });

  it("falling to red is a new crossing (amber cleared, red raised and told); recovering clears it", async () => {
    await evaluate(wib("2021-08-25", "16:30")); // 22 t − 6 t − 8.5 h × 1 t/h = 7.5 h
    let alerts = await alertsOf();
    expect(alerts.map((a) => [a.kind, a.clearedAt === null])).toEqual([
      ["amber", false],
      ["red", true],
    ]);
    const red = alerts[1];
    expect((await messagesOf(red.id)).map((m) => m.recipient)).toEqual([admin.email, "+6281234567890"]);

    // a full tank reported the next morning: 24 h left, green
    await prisma.stockReport.create({
      data: { hospitalId: hospital.id, day: new Date("2021-08-26"), stockKg: 30_000, usedKg: 24_000, reportedAt: wib("2021-08-26", "07:00") },
    });
    await evaluate(wib("2021-08-26", "07:00"));
    alerts = await alertsOf();
    expect(alerts.every((a) => a.clearedAt !== null)).toBe(true);
  });

  it("a worker killed after sending and before marking it sent: the message goes again, with the same Message-ID and idempotency key", async () => {
    const [alert] = await alertsOf();
    const t1 = wib("2021-08-28", "09:00");
    const t2 = wib("2021-08-28", "09:05");
    await deliverDue(t1, transports(), 1_000); // what the story left due goes first
    const email = await prisma.outboxMessage.create({
      data: { channel: "email", recipient: "crash@rs-uji.test", subject: "Uji", body: "dikirim ulang", alertId: alert.id, createdAt: t1, nextAttemptAt: t1 },
    });
    const hook = await prisma.outboxMessage.create({
      data: {
        channel: "webhook",
        recipient: "+6281200000000",
        subject: "Uji",
        body: "dikirim ulang",
        payload: { type: "alert", alertId: "crash-test", to: "+6281200000000" },
        alertId: alert.id,
        createdAt: t1,
        nextAttemptAt: t2,
      },
    });
    const mailsOf = () => mails.filter((m) => m.to.includes("crash@rs-uji.test"));
    const hooksOf = () => hooks.filter((h) => JSON.parse(h.body).alertId === "crash-test");

    // the email is sent, then the worker dies: the row is not marked (its transaction never committed)
    expect(await crashingWorker(t1)).toBe("SIGKILL");
    expect(mailsOf()).toHaveLength(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ sentAt: null, attempts: 0 });
    // the next round sends it again, with the same Message-ID, and marks it
    expect(await deliverDue(t1, transports())).toMatchObject({ sent: 1 });
    const ids = mailsOf().map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1]);
    expect(ids).toEqual([`<${email.id}@satgas.test>`, `<${email.id}@satgas.test>`]);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ sentAt: t1, attempts: 1 });

    // the same for the gateway: the same idempotency key twice
    expect(await crashingWorker(t2)).toBe("SIGKILL");
    expect(hooksOf()).toHaveLength(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ sentAt: null });
    expect(await deliverDue(t2, transports())).toMatchObject({ sent: 1 });
    expect(hooksOf().map((h) => h.headers["idempotency-key"])).toEqual([hook.id, hook.id]);
    expect(await deliverDue(wib("2021-08-28", "10:00"), transports())).toMatchObject({ sent: 0 });
  });

  it("two servers evaluating at once raise nothing twice", async () => {
    const at = wib("2021-08-27", "14:00"); // 31 h after the last report: missed (24 h + 6 h grace)
    const results = await Promise.all([evaluate(at), evaluate(at)]);
    expect(results.some((r) => r !== null && r.raised > 0)).toBe(true);
    const missed = (await alertsOf()).filter((a) => a.kind === "missed_report" && a.clearedAt === null);
    expect(missed).toHaveLength(1);
  });

  it("nobody acknowledging takes it to the head and no further; each person is told only by the channels they chose", async () => {
    const missed = (await alertsOf()).find((a) => a.kind === "missed_report" && a.clearedAt === null)!;
    expect(missed.raisedAt).toEqual(wib("2021-08-27", "14:00"));
    // nobody is on duty two days later (the duties above ended): every staff member is told, by the
    // channels each chose — the one off duty since the first day, and two more: one wants email
    // only, the other SMS/WhatsApp only
    const byWebhook = await prisma.user.create({
      data: { email: "staf-malam@satgas.test", name: "Staf Malam", passwordHash: "x", role: "STAFF" },
    });
    expect(await setOwnAlertChannels(await actor(byWebhook.email), { alertByWebhook: "on", phone: "+62 811 0000 111" })).toMatchObject({ ok: true });
    expect(await setOwnAlertChannels(await actor("staff@satgas.test"), { alertByEmail: "on", phone: "" })).toMatchObject({ ok: true });
    const heads = await prisma.user.findMany({ where: { role: "ADMIN", active: true }, select: { email: true, alertByEmail: true } });
    expect(heads.length).toBeGreaterThan(0);

    // the seed's other open alerts are taken on, so only this one climbs (and the sender has little to send)
    await prisma.alert.updateMany({
      where: { clearedAt: null, acknowledgedAt: null, id: { not: missed.id } },
      data: {
        acknowledgedAt: wib("2021-08-27", "14:00"),
        acknowledgedById: (await prisma.user.findFirstOrThrow({ where: { email: "staff@satgas.test" } })).id,
      },
    });
    await evaluate(wib("2021-08-27", "14:29"));
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: missed.id } })).level).toBe(0);
    await evaluate(wib("2021-08-27", "14:30"));
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: missed.id } })).level).toBe(1);
    const atStaff = (await messagesOf(missed.id)).filter((m) => m.createdAt.getTime() === wib("2021-08-27", "14:30").getTime());
    expect(atStaff.map((m) => [m.channel, m.recipient])).toEqual([
      ["email", "staf-libur@satgas.test"],
      ["email", "staff@satgas.test"],
      ["webhook", "+628110000111"],
    ]);
    expect(atStaff[0].body).toContain("No task-force staff member is on duty, so this goes to all staff.");
    expect(atStaff[0].body).toContain("Tidak ada staf Satgas yang piket");
    const notices = await prisma.notification.findMany({ where: { kind: "alert_escalated", hospitalId: hospital.id }, orderBy: { createdAt: "asc" } });
    expect(notices.at(-1)?.params).toMatchObject({ level: 1, nobodyOnDuty: true });

    await evaluate(wib("2021-08-27", "15:00"));
    const atHead = (await messagesOf(missed.id)).filter((m) => m.createdAt.getTime() === wib("2021-08-27", "15:00").getTime());
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: missed.id } })).level).toBe(2);
    expect(atHead.map((m) => m.recipient).sort()).toEqual(
      heads
        .filter((h) => h.alertByEmail)
        .map((h) => h.email)
        .sort(),
    );
    expect(atHead[0].body).toContain("passed up a level");

    // the head is the last level: an hour later nothing more is written
    const before = (await messagesOf(missed.id)).length;
    await evaluate(wib("2021-08-27", "16:00"));
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: missed.id } })).level).toBe(2);
    expect((await messagesOf(missed.id)).length).toBe(before);
    const audit = await prisma.auditEvent.findMany({ where: { entity: "Alert", entityId: missed.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["alert.raise", "alert.escalate", "alert.escalate"]);

    // the sender keeps to the same choices: the email-only member gets no gateway message, and the other no email
    await deliverDue(wib("2021-08-27", "16:00"), transports(), 1_000);
    expect(hooks.some((h) => JSON.parse(h.body).alertId === missed.id && JSON.parse(h.body).to === "+628110000111")).toBe(true);
    expect(mails.some((m) => m.to.includes(byWebhook.email))).toBe(false);
  });

  it("a staff member goes on duty for some hours and off again; an admin sets it for staff only; both audited", async () => {
    const staff = await actor("staff@satgas.test");
    const hours = (d: Date | null) => (d ? Math.round((d.getTime() - now().getTime()) / 3_600_000) : null);
    expect(await setOwnDuty(staff, { hours: "8" })).toMatchObject({ ok: true });
    expect(hours((await prisma.user.findUniqueOrThrow({ where: { id: staff!.id } })).onDutyUntil)).toBe(8);
    expect(await setOwnDuty(staff, { hours: "5" })).toMatchObject({ ok: false, fieldErrors: { hours: "invalid_choice" } });
    expect(await setOwnDuty(await actor("admin@satgas.test"), { hours: "8" })).toMatchObject({ ok: false, error: "forbidden" });

    const head = await actor("admin@satgas.test");
    expect(await setUserDuty(head, { id: staff!.id, hours: "0" })).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff!.id } })).onDutyUntil).toBeNull();
    expect(await setUserDuty(head, { id: admin.id, hours: "12" })).toMatchObject({ ok: false, fieldErrors: { hours: "duty_staff_only" } });
    const audit = await prisma.auditEvent.findMany({ where: { entity: "User", entityId: staff!.id, action: "user.duty" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.actorId, (e.after as { onDutyUntil: string | null }).onDutyUntil === null])).toEqual([
      [staff!.id, false],
      [head!.id, true],
    ]);
  });
});
