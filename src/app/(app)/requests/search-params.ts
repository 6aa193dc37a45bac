import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { REQUEST_STATUSES } from "@/server/queries/requests";
import { parseAsPage } from "../../search-params";

/** /requests?status=SUBMITTED|…&page=2; an unknown status: every status. */
export const loadRequestsSearch = createLoader({ status: parseAsStringLiteral(REQUEST_STATUSES), page: parseAsPage });
