import { describe, expect, it } from "vitest";
import { groupNotices, newestFirst, noticeTarget, type NoticeRow } from "@/domain/notices";

const at = (iso: string) => new Date(iso);
const n = (id: string, kind: string, iso: string, read = false, params: unknown = {}): NoticeRow => ({
  id,
  kind,
  createdAt: at(iso),
  readAt: read ? at(iso) : null,
  params,
});

describe("the notices list", () => {
  it("is newest first by when each was raised, equal times in a fixed order", () => {
    const list = [n("a", "x", "2021-08-25T01:00:00Z"), n("c", "x", "2021-08-25T03:00:00Z"), n("b", "x", "2021-08-25T03:00:00Z")];
    expect(newestFirst(list).map((x) => x.id)).toEqual(["c", "b", "a"]);
  });

  it("reads many hospitals not reporting on one WIB day as one entry, where its newest member is", () => {
    const items = groupNotices([
      n("s1", "hospital_stale", "2021-08-25T02:00:00Z", true),
      n("r1", "urgent_request", "2021-08-25T04:00:00Z"),
      n("s2", "hospital_stale", "2021-08-25T05:00:00Z"),
      n("s3", "hospital_stale", "2021-08-25T05:00:00Z"),
      // 18:00 UTC is the next WIB day: a day of its own, and alone, so not a group
      n("s4", "hospital_stale", "2021-08-25T18:00:00Z"),
    ]);
    expect(items.map((i) => (i.type === "one" ? i.notice.id : `group:${i.day}:${i.notices.map((x) => x.id).join(",")}`))).toEqual([
      "s4",
      "group:2021-08-25:s3,s2,s1",
      "r1",
    ]);
    const group = items[1];
    expect(group.type === "stale" && group.unread).toBe(true);
    expect(group.type === "stale" && group.createdAt.toISOString()).toBe("2021-08-25T05:00:00.000Z");
  });

  it("leads to the page where the job is done", () => {
    expect(noticeTarget("request_dispatched", { requestId: "q1" }, "hospital")).toBe("/requests/q1");
    expect(noticeTarget("request_dispatched", { deliveryId: "d1" }, "hospital")).toBe("/my-hospital");
    expect(noticeTarget("emergency_request", { requestId: "q1", hospitalId: "h1" }, "taskforce")).toBe("/requests/q1");
    expect(noticeTarget("hospital_stale", { hospitalId: "h1" }, "taskforce")).toBe("/hospitals/h1");
    expect(noticeTarget("stock_flagged", { hospitalId: "h1" }, "taskforce")).toBe("/hospitals/h1");
    expect(noticeTarget("receipt_difference", { requestId: "q2", hospitalId: "h1" }, "taskforce")).toBe("/requests/q2");
    expect(noticeTarget("request_approved", {}, "hospital")).toBeNull();
  });
});
