import { isBusy } from "@/server/use-case";

/**
 * Whether a failed sign-in failed because the database was busy (no write connection free in
 * time), not because of the credentials. Auth.js wraps what the credentials check threw as the
 * cause of its own error.
 */
export function signInBusy(e: unknown): boolean {
  return isBusy((e as { cause?: { err?: unknown } })?.cause?.err);
}
