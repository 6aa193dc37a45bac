import { createLoader } from "nuqs/server";
import { parseAsText } from "../../search-params";

/** /fleet?vehicle=<id> or ?driver=<id>: that vehicle's or driver's edit form opens above its list. */
export const loadFleetSearch = createLoader({ vehicle: parseAsText, driver: parseAsText });
