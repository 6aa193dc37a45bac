import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/server/redirects";

// Where a user goes after signing in (issue #13 item 1): a path of this site, or "/".

describe("safeCallbackPath", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeCallbackPath("/report?date=2021-07-26")).toBe("/report?date=2021-07-26");
    expect(safeCallbackPath("/requests/abc")).toBe("/requests/abc");
    expect(safeCallbackPath("/a/../dashboard")).toBe("/dashboard");
  });

  it.each([
    ["/a/..//evil.example/", "normalises to //evil.example/"],
    ["//evil.example/", "scheme-relative"],
    ["/\\evil.example/", "a backslash browsers read as a slash"],
    ["\\\\evil.example", "two backslashes"],
    ["/\t/evil.example", "a tab the URL parser drops"],
    ["https://evil.example/", "another origin"],
    ["http:evil.example", "a scheme without slashes"],
    ["javascript:alert(1)", "a script URL"],
    ["data:text/html,hi", "a data URL"],
    ["///evil.example", "three slashes"],
    ["/%0a/evil.example", "an encoded newline"],
  ])("sends %j home (%s)", (raw) => {
    const path = safeCallbackPath(raw);
    expect(path.startsWith("//") || path.startsWith("/\\")).toBe(false);
    expect(new URL(path, "http://app.example").origin).toBe("http://app.example");
  });

  it("answers / for nothing, garbage or a very long value", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });
});
