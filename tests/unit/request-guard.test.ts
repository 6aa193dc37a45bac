import { describe, expect, it } from "vitest";
import { nestingDepth, refusedActionArguments, refusedTarget } from "@/server/request-guard";

describe("request guard", () => {
  it("refuses a NUL byte or a broken escape anywhere in the address, and nothing else", () => {
    for (const bad of [
      "/suppliers?q=%00",
      "/audit?entity=%00",
      "/forecast?scenario=a%00b",
      "/hospitals/%00",
      "/x?q=\u0000",
      "/suppliers/%E0%A4%A",
      "/x?q=100%",
      "/x?q=%zz",
    ])
      expect(refusedTarget(bad), bad).not.toBeNull();
    for (const good of ["/", "/suppliers?q=PT%20Oksigen&sort=name", "/dashboard?date=2021-07-26&province=36", "/x?q=%25", "/x?q=a+b", "/suppliers?q=%E2%82%AC"])
      expect(refusedTarget(good), good).toBeNull();
  });

  it("measures nesting outside strings, and stops counting past the limit", () => {
    expect(nestingDepth('["$K1"]')).toBe(1);
    expect(nestingDepth('[{"a":[1,{"b":"[[[[[["}]}]')).toBe(4);
    expect(nestingDepth('["\\"[[["]')).toBe(1);
    expect(nestingDepth("[".repeat(100_000), 32)).toBe(33);
  });
});

describe("server-action arguments", () => {
  const boundary = "----oxy";
  const multipart = (fields: Record<string, string>) =>
    Buffer.from(
      Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join("") + `--${boundary}--\r\n`,
      "latin1",
    );
  const type = `multipart/form-data; boundary=${boundary}`;

  it("lets through what React sends for a form: the arguments end with the form", () => {
    expect(refusedActionArguments(multipart({ "0": '[{},"$K1"]', "1_name": "RS Uji" }), type)).toBeNull();
    expect(refusedActionArguments(multipart({ "0": '["$K1"]', "1_id": "x" }), type)).toBeNull();
    // a form posted without JavaScript: no encoded arguments at all
    expect(refusedActionArguments(multipart({ $ACTION_ID_abc: "", name: "RS Uji" }), type)).toBeNull();
  });

  it("lets through an action that takes no arguments (sign-out): React sends []", () => {
    expect(refusedActionArguments(Buffer.from("[]"), "text/plain;charset=UTF-8")).toBeNull();
  });

  it("refuses arguments typed by hand, which would reach the action as strings", () => {
    expect(refusedActionArguments(Buffer.from('["x"]'), "text/plain;charset=UTF-8")).toMatch(/takes a form/);
    expect(refusedActionArguments(Buffer.from('[{},"$undefined"]'), "text/plain;charset=UTF-8")).toMatch(/takes a form/);
    expect(refusedActionArguments(multipart({ "0": '["x"]' }), type)).toMatch(/not a form/);
    expect(refusedActionArguments(multipart({ "0": '[{},{"get":1}]' }), type)).toMatch(/not a form/);
    expect(refusedActionArguments(multipart({ "0": "{}" }), type)).toMatch(/not a list/);
    expect(refusedActionArguments(multipart({ "0": "[" }), type)).toMatch(/not JSON/);
  });
});
