import { createLoader } from "nuqs/server";
import { parseAsCheckedDay } from "../../../search-params";

/** /capacity/export?from=YYYY-MM-DD&to=YYYY-MM-DD (a bad day is a 400 naming it) */
export const loadCapacityExportSearch = createLoader({ from: parseAsCheckedDay, to: parseAsCheckedDay });
