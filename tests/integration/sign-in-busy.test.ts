import { CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { signInBusy } from "@/app/login/sign-in-busy";

// A sign-in that found no write connection in time is told "busy", not "wrong password".

/** What Auth.js's credentials callback throws when the check throws `err` (its types say a string). */
const thrownBy = (err: Error) => new CallbackRouteError(err as never, { provider: "credentials" } as ErrorOptions);
describe("a sign-in that failed", () => {
  it("because no write connection came free in time is busy", () => {
    const timedOut = Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" });
    expect(signInBusy(thrownBy(timedOut))).toBe(true);
  });

  it("because of the credentials, or anything else, is not", () => {
    expect(signInBusy(new CredentialsSignin())).toBe(false);
    expect(signInBusy(thrownBy(new Error("boom")))).toBe(false);
    expect(signInBusy(undefined)).toBe(false);
  });
});
