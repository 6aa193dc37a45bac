import { createLoader } from "nuqs/server";
import { parseAsCheckedDay, parseAsFlag, parseAsText } from "../../../search-params";

/**
 * /requests/<id>?day=YYYY-MM-DD (the supply day its allocation form offers), and what the last
 * action left to say: created=1, cancelled=1, error=<code>.
 */
export const loadRequestSearch = createLoader({ day: parseAsCheckedDay, created: parseAsFlag, cancelled: parseAsFlag, error: parseAsText });
