import { createLoader } from "nuqs/server";
import { AUDIT_SORTS } from "@/server/queries/audit";
import { listParsers, parseAsText } from "../../search-params";

/** /audit?entity=Supplier&id=…&page= (one record's history, or one kind's) */
export const loadAuditSearch = createLoader({ ...listParsers(AUDIT_SORTS, "at", "desc"), entity: parseAsText, id: parseAsText });
