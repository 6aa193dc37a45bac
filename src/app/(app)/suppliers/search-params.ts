import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { SUPPLIER_KINDS, SUPPLIER_SORTS, SUPPLIER_STATUSES } from "@/server/queries/suppliers";
import { listParsers } from "../../search-params";

/** /suppliers?q=&sort=&dir=&page=&kind=PRODUCER&status=active|inactive|all */
export const loadSuppliersSearch = createLoader({
  ...listParsers(SUPPLIER_SORTS, "name"),
  kind: parseAsStringLiteral(SUPPLIER_KINDS),
  status: parseAsStringLiteral(SUPPLIER_STATUSES).withDefault("active"),
});
