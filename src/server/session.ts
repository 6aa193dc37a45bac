import { redirect } from "next/navigation";
import { cachedActorById } from "./actors";
import { cookies } from "next/headers";
import { sessionUserIdOf } from "./session-cookie";
import { authorize, type Action, type Actor, type Resource } from "./permissions";

/**
 * The signed-in actor, looked up by the session's user id (not taken from the JWT) so that a
 * disabled account or a changed role takes effect at once: the lookup is cached only until the
 * next committed write, and every change to an account is one.
 */
export async function currentActor(): Promise<Actor | null> {
  const jar = await cookies();
  const id = await sessionUserIdOf((name) => jar.get(name)?.value);
  return id ? cachedActorById(id) : null;
}

/** For pages: the actor allowed to do `action`, or a redirect (login) / the forbidden page. */
export async function requireActor(action?: Action, resource?: Resource): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (action) {
    try {
      authorize(actor, action, resource);
    } catch {
      redirect("/forbidden");
    }
  }
  return actor;
}
