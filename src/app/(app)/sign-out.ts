"use server";

import { signOut } from "@/server/auth";

/** Signs out: Auth.js clears the cookie, and its signOut event ends every session of the user on the server (src/server/auth.ts). */
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
