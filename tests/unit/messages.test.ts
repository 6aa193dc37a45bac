import { isSelectElement, isStructurallySame, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES, pickMessages } from "@/i18n/messages";

// The two languages say the same things: every message exists in both, each parses as ICU the
// way next-intl parses it, and both name the same arguments with the same types and the same
// select/plural cases (decision 0028). A message only one language has, or an argument one
// language forgot, fails here rather than on a page.
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Each select's cases ("referral: no,other,yes"): a case one language lacks falls back to "other". */
function selectCases(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) =>
    isSelectElement(e)
      ? [`${e.value}: ${Object.keys(e.options).sort().join(",")}`, ...Object.values(e.options).flatMap((o) => selectCases(o.value))]
      : "options" in e
        ? Object.values(e.options).flatMap((o) => selectCases(o.value))
        : [],
  );
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(MESSAGES[l] as unknown as Tree)])) as Record<(typeof LOCALES)[number], Map<string, string>>;

describe("the messages", () => {
  it("both languages have exactly the same keys", () => {
    expect([...flat.en.keys()].sort()).toEqual([...flat.id.keys()].sort());
    expect(flat.id.size).toBeGreaterThan(500);
  });

  it("every message parses as ICU in both languages, with the same arguments and cases", () => {
    const different: string[] = [];
    for (const [key, id] of flat.id) {
      const en = flat.en.get(key)!;
      const same = isStructurallySame(parse(id), parse(en));
      if (!same.success) different.push(`${key}: ${same.error?.message}`);
      else if (selectCases(parse(id)).join(";") !== selectCases(parse(en)).join(";")) different.push(`${key}: select cases differ`);
    }
    expect(different).toEqual([]);
  });

  it("a client provider gets only the namespaces it asks for, in one language", () => {
    const picked = pickMessages("en", ["shell.auth", "forecast"]);
    expect(Object.keys(picked).sort()).toEqual(["forecast", "shell"]);
    expect(Object.keys(picked.shell!)).toEqual(["auth"]);
    expect(picked.shell!.auth).toBe(MESSAGES.en.shell.auth);
    expect(JSON.stringify(picked)).not.toContain(MESSAGES.id.shell.auth.title);
  });
});
