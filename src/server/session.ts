import { redirect } from "next/navigation";
import { actorById } from "./actors";
import { auth } from "./auth";
import { authorize, type Action, type Actor, type Resource } from "./permissions";

/**
 * The signed-in actor, re-read from the database on each request so that a disabled
 * account or a changed role takes effect at once (the JWT alone would last its lifetime).
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? actorById(id) : null;
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
