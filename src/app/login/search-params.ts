import { createLoader, parseAsString } from "nuqs/server";
import { parseAsFlag } from "../search-params";

/** /login?callbackUrl=<where to go after signing in, checked by safeCallbackPath>&changed=1 (after a password change) */
export const loadLoginSearch = createLoader({ callbackUrl: parseAsString, changed: parseAsFlag });
