import { describe, expect, it } from "vitest";
import { formAction, formPost, readForm } from "@/app/form-action";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("readForm: a form's fields as the use case's input", () => {
  it("builds nested objects and lists from conform's names, and leaves text as typed", () => {
    const data = form([
      ["supplierId", "s1"],
      ["total", "1.500,5"],
      ["tranches[0].dueOn", "2021-08-01"],
      ["tranches[0].tonnes", "750"],
      ["tranches[1].id", "t2"],
      ["tranches[1].dueOn", "2021-08-15"],
      ["tranches[1].tonnes", "750,5"],
      ["isReferral", "on"],
    ]);
    expect(readForm(data)?.input).toEqual({
      supplierId: "s1",
      total: "1.500,5",
      tranches: [
        { dueOn: "2021-08-01", tonnes: "750" },
        { id: "t2", dueOn: "2021-08-15", tonnes: "750,5" },
      ],
      isReferral: "on",
    });
  });

  it("makes a list of a repeated name, and of a name ending in [] even when given once", () => {
    expect(readForm(form([["hospitalIds[]", "h1"]]))?.input).toEqual({ hospitalIds: ["h1"] });
    expect(
      readForm(
        form([
          ["hospitalIds[]", "h1"],
          ["hospitalIds[]", "h2"],
        ]),
      )?.input,
    ).toEqual({ hospitalIds: ["h1", "h2"] });
    expect(
      readForm(
        form([
          ["tag", "a"],
          ["tag", "b"],
        ]),
      )?.input,
    ).toEqual({ tag: ["a", "b"] });
    expect(readForm(form([]))?.input).toEqual({});
  });

  it("keeps blank fields blank and files as files (no coercion: the schema decides)", () => {
    const file = new File(["a,b"], "x.csv");
    const input = readForm(
      form([
        ["note", ""],
        ["beds", " 12 "],
        ["file", file],
      ]),
    )?.input;
    expect(input).toEqual({ note: "", beds: " 12 ", file: expect.any(File) });
  });

  it("leaves out Next's $ACTION fields and names that are no path", () => {
    const data = form([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
      ["$ACTION_KEY", "k1"],
      ["__proto__.polluted", "yes"],
      ["constructor.prototype.x", "yes"],
      ["a[x]", "1"],
      ["b..c", "1"],
      ["", "1"],
      ["name", "RS Umum"],
    ]);
    const input = readForm(data)?.input;
    expect(input).toEqual({ name: "RS Umum" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("passes NUL through to the use case, which refuses it on its field (a lone surrogate FormData itself replaces)", () => {
    expect(
      readForm(
        form([
          ["name", "a\u0000b"],
          ["note", "\ud800"],
        ]),
      )?.input,
    ).toEqual({ name: "a\u0000b", note: "\ufffd" });
  });

  it("is null for anything that is not a form", () => {
    for (const v of [undefined, null, "x", 1, {}, ["x"], new URLSearchParams("a=1"), { get: () => "x" }]) expect(readForm(v)).toBeNull();
  });
});

describe("reply: the result as the form's state", () => {
  it("keys the use case's dotted error paths by the form's own field names, and keeps what was typed", () => {
    const data = form([
      ["$ACTION_KEY", "k1"],
      ["total", "abc"],
      ["tranches[0].dueOn", "2021-02-30"],
      ["tranches[0].tonnes", "1,5"],
      ["hospitalIds[]", "h1"],
      ["file", new File(["x"], "x.csv")],
    ]);
    const state = readForm(data)!.reply({
      ok: false,
      error: "invalid",
      fieldErrors: { total: "invalid_format", "tranches.0.dueOn": "impossible_date", tranches: "tranche_sum", hospitalIds: "required", _form: "x" },
      detail: { kg: 1500 },
    });
    expect(state).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { total: "invalid_format", "tranches[0].dueOn": "impossible_date", tranches: "tranche_sum", hospitalIds: "required", _form: "x" },
      values: { total: "abc", "tranches[0].dueOn": "2021-02-30", "tranches[0].tonnes": "1,5", "hospitalIds[]": "h1" },
      detail: { kg: 1500 },
    });
  });

  it("never sends a secret field back, and answers success with ok alone", () => {
    const f = readForm(
      form([
        ["email", "a@b.test"],
        ["password", "hunter2hunter2"],
      ]),
      { secret: ["password"] },
    )!;
    expect(f.reply({ ok: false, error: "invalid", fieldErrors: { password: "password_short" } }).values).toEqual({ email: "a@b.test" });
    expect(f.reply({ ok: true, value: 1 })).toEqual({ ok: true });
  });
});

describe("formAction and formPost: the guard no action can forget", () => {
  it("returns the state unchanged, without running the action, for arguments that are not a form", async () => {
    let runs = 0;
    const action = formAction(async (f) => {
      runs++;
      return f.reply({ ok: true, value: null });
    });
    const prev = { ok: false, error: "earlier" };
    // A request made by hand can call an action with anything, or nothing.
    const call = action as unknown as (...args: unknown[]) => Promise<unknown>;
    expect(await call(prev, "x")).toBe(prev);
    expect(await call()).toBeUndefined();
    expect(runs).toBe(0);
    expect(await action(prev, form([["a", "1"]]))).toEqual({ ok: true });
    expect(runs).toBe(1);
  });

  it("formPost runs only for a form", async () => {
    const seen: unknown[] = [];
    const post = formPost(async (f) => {
      seen.push(f.input);
    }) as unknown as (...args: unknown[]) => Promise<void>;
    await post();
    await post(["x"]);
    await post(form([["id", "r1"]]));
    expect(seen).toEqual([{ id: "r1" }]);
  });
});
