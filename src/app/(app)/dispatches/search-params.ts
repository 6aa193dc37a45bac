import { createLoader } from "nuqs/server";
import { DISPATCH_SORTS } from "@/server/queries/dispatches";
import { listParsers, parseAsFlag, parseAsText } from "../../search-params";

/** /dispatches?q=&sort=&dir=&page=&diff=1&created=<id of the dispatch just recorded> */
export const loadDispatchesSearch = createLoader({
  ...listParsers(DISPATCH_SORTS, "dispatchedAt", "desc"),
  diff: parseAsFlag,
  created: parseAsText.withDefault(""),
});
