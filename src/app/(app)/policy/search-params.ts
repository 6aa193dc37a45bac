import { createLoader } from "nuqs/server";
import { parseAsText } from "../../search-params";

/** /policy?region=<id>; an unknown region shows the first one. */
export const loadPolicySearch = createLoader({ region: parseAsText });
