import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { REQUEST_STATUSES } from "@/server/queries/requests";

/** /requests?status=SUBMITTED|…; absent or unknown: every status. */
export const loadRequestsSearch = createLoader({ status: parseAsStringLiteral(REQUEST_STATUSES) });
