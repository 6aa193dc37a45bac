import { createLoader } from "nuqs/server";
import { parseAsText } from "../../../search-params";

/** /dispatches/new?tranche=<id> or ?allocation=<id>: the form starts from that tranche or allocation. */
export const loadNewDispatchSearch = createLoader({ tranche: parseAsText, allocation: parseAsText });
