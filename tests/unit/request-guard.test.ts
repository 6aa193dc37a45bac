import { describe, expect, it } from "vitest";
import { nestingDepth, refusedTarget } from "@/server/request-guard";

describe("request guard", () => {
  it("refuses a NUL byte or a broken escape anywhere in the address, and nothing else", () => {
    for (const bad of ["/suppliers?q=%00", "/audit?entity=%00", "/forecast?scenario=a%00b", "/hospitals/%00", "/x?q=\u0000", "/suppliers/%E0%A4%A", "/x?q=100%", "/x?q=%zz"]) expect(refusedTarget(bad), bad).not.toBeNull();
    for (const good of ["/", "/suppliers?q=PT%20Oksigen&sort=name", "/dashboard?date=2021-07-26&province=36", "/x?q=%25", "/x?q=a+b", "/suppliers?q=%E2%82%AC"]) expect(refusedTarget(good), good).toBeNull();
  });

  it("measures nesting outside strings, and stops counting past the limit", () => {
    expect(nestingDepth('["$K1"]')).toBe(1);
    expect(nestingDepth('[{"a":[1,{"b":"[[[[[["}]}]')).toBe(4);
    expect(nestingDepth('["\\"[[["]')).toBe(1);
    expect(nestingDepth("[".repeat(100_000), 32)).toBe(33);
  });
});
