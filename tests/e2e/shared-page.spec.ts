import { expect, test, type Browser } from "@playwright/test";
import { queryOn } from "../../scripts/lib/e2e-db";
import { appDatabase, loginAs } from "./helpers";

// Decision 0045: the response cache keeps one dashboard per role, hospital, language and URL,
// shared by every official; the header's name and notices badge are each user's own, filled in
// by the browser from /api/me.

const SECOND = { email: "official2@satgas.test", name: "Pejabat Kedua Banten" };
const FIRST = { email: "official@satgas.test", name: "Pejabat Pemprov Banten" };

let dbUrl: string;
test.beforeAll(async ({ browser }) => {
  dbUrl = await appDatabase(browser);
  // A second official with the first one's password (the seed has one official).
  await queryOn(
    dbUrl,
    `INSERT INTO "User" (id, email, name, "passwordHash", role)
       SELECT 'e2e-official-2', $1, $2, "passwordHash", role FROM "User" WHERE email = $3
     ON CONFLICT (email) DO NOTHING`,
    [SECOND.email, SECOND.name, FIRST.email],
  );
});

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, email);
  return { context, page };
}

test("two officials signed in at once share one cached dashboard, each with their own name in the header", async ({ browser }) => {
  const a = await signedIn(browser, FIRST.email);
  const b = await signedIn(browser, SECOND.email);
  // The first official's visit keeps the page (or finds it kept); the second is answered from
  // the cache. A write in between (the periodic jobs) would empty it: then once more.
  let shared = false;
  let html = "";
  for (let i = 0; i < 3 && !shared; i++) {
    await a.page.goto("/dashboard");
    const answer = await b.page.goto("/dashboard");
    shared = answer?.headers()["x-cache"] === "hit";
    html = (await answer?.text()) ?? "";
  }
  expect(shared).toBe(true);
  // The shared bytes (HTML and the RSC data in it) name neither official, nor hold a session.
  for (const who of [FIRST, SECOND]) {
    expect(html).not.toContain(who.name);
    expect(html).not.toContain(who.email);
  }
  for (const c of [...(await a.context.cookies()), ...(await b.context.cookies())].filter((c) => /session-token/.test(c.name))) {
    expect(html).not.toContain(c.value.slice(0, 40));
  }
  await expect(a.page.getByTestId("dashboard")).toBeVisible();
  await expect(a.page.getByTestId("whoami")).toContainText(FIRST.name);
  await expect(b.page.getByTestId("whoami")).toContainText(SECOND.name);
  await expect(b.page.getByTestId("whoami")).not.toContainText(FIRST.name);
  await a.context.close();
  await b.context.close();
});

test("staff and an official do not share a dashboard", async ({ browser }) => {
  const official = await signedIn(browser, FIRST.email);
  const staff = await signedIn(browser, "staff@satgas.test");
  await official.page.goto("/dashboard?range=90");
  const answer = await staff.page.goto("/dashboard?range=90");
  expect(answer?.headers()["x-cache"]).toBe("miss");
  await expect(staff.page.getByTestId("whoami")).toContainText("Staf Satgas Oksigen");
  await official.context.close();
  await staff.context.close();
});
