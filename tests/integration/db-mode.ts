import { inject } from "vitest";

/** True when the tests run on the shared embedded PGlite (no real concurrency there). */
export const embedded = inject("dbMode") === "embedded";
