import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { BASES } from "@/domain/forecast-params";
import { parseAsCheckedDay, parseAsText } from "../../search-params";

/** A number as a link or a hand-edited URL writes it ("1.5", also "1,5"); anything else is absent. */
const parseAsDecimal = createParser({
  parse: (raw) => {
    const n = raw.trim() === "" ? NaN : Number(raw.trim().replace(",", "."));
    return Number.isFinite(n) ? n : null;
  },
  serialize: String,
});

/**
 * /forecast?scenario=<saved id> or the what-if itself: ?asOf=&rates=&basis=&wave=&shift=&pledged=
 * (pledged in t/day), as the explorer writes it (paramsToSearch). Ranges and unknown rate sets are
 * settled by normalizeParams, so a link someone shortened by hand still opens.
 */
export const loadForecastSearch = createLoader({
  scenario: parseAsText,
  asOf: parseAsCheckedDay,
  rates: parseAsText,
  basis: parseAsStringLiteral(BASES),
  wave: parseAsDecimal,
  shift: parseAsDecimal,
  pledged: parseAsDecimal,
});
