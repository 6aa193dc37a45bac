// Sizes the app accepts, in one place: the CSV import's file and the server-action body that
// carries it (next.config.ts reads SERVER_ACTION_BODY_LIMIT; server.ts refuses a larger body
// before Next reads it).

/** The largest CSV the capacity import reads (bytes of the file, or characters pasted). */
export const MAX_CSV_BYTES = 2_000_000;

/** The server-action body limit, as next.config.ts takes it: the CSV plus the multipart envelope. */
export const SERVER_ACTION_BODY_LIMIT = "2mb";

/** The same limit in bytes ("2mb" = 2 × 1024 × 1024). */
export const MAX_ACTION_BODY_BYTES = 2 * 1024 * 1024;

/** How deeply a server action's arguments may nest (arrays and objects); the app's own forms use 3. */
export const MAX_ACTION_NESTING = 32;
