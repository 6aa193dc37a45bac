import { describe, expect, it } from "vitest";
import { alertMessage } from "@/server/alerts/message";

const facts = {
  alertId: "a1",
  kind: "red" as const,
  level: 1,
  hospitalId: "h1",
  hospital: "RSUD Banten",
  hoursLeft: 3.5,
  raisedAt: new Date("2021-08-25T13:00:00Z"),
};

describe("an alert's message outside the app", () => {
  it("says in the email and in the gateway's short text that nobody was on duty, and only then", () => {
    const told = alertMessage({ ...facts, nobodyOnDuty: true }, "https://oksigen.example");
    expect(told.body).toContain("Tidak ada staf Satgas yang piket");
    expect(told.body).toContain("No task-force staff member is on duty");
    expect(told.text).toContain("Tidak ada staf Satgas yang piket");
    expect(told.text.endsWith("https://oksigen.example/alerts")).toBe(true);
    const usual = alertMessage(facts, "https://oksigen.example");
    expect(usual.text).not.toContain("piket");
    expect(usual.body).not.toContain("piket");
  });
});
