import { createLoader } from "nuqs/server";
import { PLEDGE_SORTS } from "@/server/queries/pledges";
import { listParsers } from "../../search-params";

/** /pledges?q=&sort=&dir=&page= */
export const loadPledgesSearch = createLoader(listParsers(PLEDGE_SORTS, "startsOn", "desc"));
