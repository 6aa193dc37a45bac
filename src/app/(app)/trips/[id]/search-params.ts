import { createLoader } from "nuqs/server";
import { parseAsFlag, parseAsText } from "../../../search-params";

/** /trips/<id>?moved=1, ?diverted=1 or ?error=<code>: what the last step or diversion answered. */
export const loadTripSearch = createLoader({ moved: parseAsFlag, diverted: parseAsFlag, error: parseAsText });
