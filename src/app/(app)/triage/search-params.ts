import { createLoader } from "nuqs/server";
import { parseAsCheckedDay } from "../../search-params";

/** /triage?day=YYYY-MM-DD: the supply day the recommender allocates from (default: the latest). */
export const loadTriageSearch = createLoader({ day: parseAsCheckedDay });
