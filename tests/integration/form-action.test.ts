import { beforeAll, describe, expect, it } from "vitest";
import { readForm } from "@/app/form-action";
import { prisma } from "@/server/db";
import { createPledge } from "@/server/use-cases/pledges";
import { setSupplierActive } from "@/server/use-cases/suppliers";
import { actors } from "./supply-helpers";

// A form as the browser sends it, through the one adapter (src/app/form-action.ts), into a real
// use case: the schema reads the values as typed, in the form's language (decision 0017).

let a: Awaited<ReturnType<typeof actors>>;
let supplierId: string;
let hospitalId: string;
beforeAll(async () => {
  a = await actors();
  supplierId = (await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true } })).id;
  hospitalId = (await prisma.hospital.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const pledgeForm = (over: Record<string, string> = {}) =>
  form(
    Object.entries({
      $ACTION_KEY: "k0",
      locale: "id",
      supplierId,
      total: "1.000,5",
      startsOn: "2020-01-01",
      endsOn: "2020-02-01",
      earmark: "HOSPITALS",
      "hospitalIds[]": hospitalId,
      note: "uji formulir",
      "tranches[0].dueOn": "2020-01-15",
      "tranches[0].tonnes": "500",
      "tranches[1].dueOn": "2020-02-01",
      "tranches[1].tonnes": "500,5",
      ...over,
    }),
  );

describe("a form through the adapter into its use case", () => {
  it("saves a pledge from nested tranche fields and a single picked hospital, numbers read in the form's language", async () => {
    const f = readForm(pledgeForm())!;
    const r = await createPledge(a.staff, f.input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ totalKg: 1_000_500, earmark: "HOSPITALS", hospitals: [hospitalId], note: "uji formulir" });
    expect(r.value.tranches.map((t) => t.kg)).toEqual([500_000, 500_500]);
  });

  it("answers a refusal with codes on the form's own field names and what was typed", async () => {
    const f = readForm(pledgeForm({ "tranches[1].tonnes": "abc", note: "a\u0000b" }))!;
    const state = f.reply(await createPledge(a.staff, f.input));
    expect(state).toMatchObject({ ok: false, error: "invalid", fieldErrors: { note: "invalid_format" } });
    const again = f.reply(await createPledge(a.staff, readForm(pledgeForm({ "tranches[1].tonnes": "abc" }))!.input));
    expect(again.fieldErrors).toEqual({ "tranches[1].tonnes": "invalid_format" });
    expect(again.values).toMatchObject({ "tranches[1].tonnes": "abc", total: "1.000,5", "hospitalIds[]": hospitalId });
    expect(again.values).not.toHaveProperty("$ACTION_KEY");
  });

  it("reads a hidden true/false flag as the flag", async () => {
    const off = await setSupplierActive(
      a.staff,
      readForm(
        form([
          ["id", supplierId],
          ["active", "false"],
        ]),
      )!.input,
    );
    expect(off).toMatchObject({ ok: true, value: { active: false } });
    const on = await setSupplierActive(
      a.staff,
      readForm(
        form([
          ["id", supplierId],
          ["active", "true"],
        ]),
      )!.input,
    );
    expect(on).toMatchObject({ ok: true, value: { active: true } });
  });
});
