import { createLoader } from "nuqs/server";
import { parseAsCheckedDay } from "../../search-params";

/** /capacity?day=YYYY-MM-DD ("copy yesterday" happens in the form, never in the address: decision 0035) */
export const loadCapacitySearch = createLoader({ day: parseAsCheckedDay });
