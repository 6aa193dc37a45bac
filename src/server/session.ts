import "server-only";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { cachedActorById } from "./actors";
import { audienceOf, liveAudienceWith, sessionClaimsOf, witnessActor, type Claims } from "./session-cookie";
import { sessionEnded } from "./sessions";
import { authorize, type Action, type Actor, type Resource } from "./permissions";

/**
 * The signed-in actor: the session cookie must be authentic and unexpired, its server-side
 * session live (not ended by sign-out, disabling, a role, hospital or password change; not past
 * 8 h from sign-in nor 30 min idle — src/server/sessions.ts), and the user is looked up by id
 * (not taken from the JWT), so a disabled account or a changed role takes effect at once. Both
 * lookups are cached only until the next committed write, and every change to an account or a
 * session is one.
 */
export async function currentActor(): Promise<Actor | null> {
  const jar = await cookies();
  const claims = await sessionClaimsOf((name) => jar.get(name)?.value);
  return witnessActor(claims ? await liveActor(claims) : null);
}

async function liveActor(claims: Claims): Promise<Actor | null> {
  if (!claims.sid) return null;
  if (await sessionEnded(claims.sid, claims.sub)) return null;
  return cachedActorById(claims.sub);
}

/**
 * The audience of a session cookie's claims: what the response cache keys a page by, checked
 * like currentActor (a live server-side session, an active account) on every request it answers.
 */
export async function liveAudience(claims: Claims): Promise<string | null> {
  const actor = await liveActor(claims);
  return actor ? audienceOf(actor) : null;
}

// Registered for server.ts, which cannot load this module itself (it is Next's, and server-only).
liveAudienceWith(liveAudience);

/** Where an account whose password an admin chose must go first. */
export const CHANGE_PASSWORD_PATH = "/password";

/**
 * For pages: the actor allowed to do `action`, or a redirect: to the login page, to the
 * password change an admin-chosen password calls for (every page, in this one place), or to the
 * forbidden page.
 */
export async function requireActor(action?: Action, resource?: Resource): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (action) {
    try {
      authorize(actor, action, resource);
    } catch {
      redirect("/forbidden");
    }
  }
  return actor;
}
