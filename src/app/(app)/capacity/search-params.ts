import { createLoader } from "nuqs/server";
import { parseAsCheckedDay, parseAsFlag } from "../../search-params";

/** /capacity?day=YYYY-MM-DD&copy=1 (copy: start from the latest earlier day's figures) */
export const loadCapacitySearch = createLoader({ day: parseAsCheckedDay, copy: parseAsFlag });
