"use client";

import { useEffect, useState } from "react";
import { NotificationBell } from "@/components/hospital/notification-bell";

/** The header's parts that belong to the signed-in user, as src/app/api/me/route.ts answers them. */
export type Me = { name: string; unread: number; unreadLabel: string };

/**
 * The user's name and notices badge in the header. A page rendered for one user has them
 * (`me`); a page the response cache shares with everyone of the same role and hospital
 * (decision 0045) has not, and asks /api/me once it is on screen. The name is left out until
 * then; the bell shows no count. `children` go between the name and the bell.
 */
export function HeaderUser({ me, roleLabel, bellLabel, children }: { me: Me | null; roleLabel: string; bellLabel: string; children?: React.ReactNode }) {
  const [fetched, setFetched] = useState<Me | null>(null);
  useEffect(() => {
    if (me) return;
    let gone = false;
    fetch("/api/me", { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
      .then((m) => void (!gone && m && setFetched(m)))
      .catch(() => undefined); // the header without a name: the page still works
    return () => {
      gone = true;
    };
  }, [me]);
  // A page rendered afresh (a server action, a navigation) brings the latest: it wins.
  const shown = me ?? fetched;
  return (
    <>
      <span data-testid="whoami" className="hidden sm:inline">
        {shown ? `${shown.name} · ` : ""}
        {roleLabel}
      </span>
      {children}
      <NotificationBell n={shown?.unread ?? 0} label={bellLabel} unreadLabel={shown?.unreadLabel ?? ""} />
    </>
  );
}
