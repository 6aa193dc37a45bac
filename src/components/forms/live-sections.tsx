"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

// Parts of a page that a form's server action renders again and sends back with its answer, so
// the action need not re-render the whole page (revalidatePath does: the action's response then
// carries the page's every section, its queries run again). The page wraps itself in
// <LiveSections> and names each part that may change in a <LiveSection>; the form hands what
// its action sent to the provider (useShowSections). Sections are shown in place of what the
// page rendered until the page itself is rendered again by the server (another form's refresh,
// a navigation): its newer children then win.

/** Rendered parts by section name, as a server action sends them back. */
export type Sections = Record<string, ReactNode>;

type Live = { sections: Sections; show: (sections: Sections) => void };

const LiveContext = createContext<Live | null>(null);

export function LiveSections({ children }: { children: ReactNode }) {
  // `over`: the page's children the sections were sent over; a newer page from the server drops them.
  const [live, setLive] = useState<{ over: ReactNode; sections: Sections } | null>(null);
  const show = useCallback((sections: Sections) => setLive({ over: children, sections }), [children]);
  const sections = live && live.over === children ? live.sections : {};
  return <LiveContext.Provider value={{ sections, show }}>{children}</LiveContext.Provider>;
}

/**
 * A part of the page a form's action may send again: that, once sent, else what the page
 * rendered. A part sent as null is a part now gone (an allocation form with nothing left to
 * allocate): what was sent counts by its name, not by its value.
 */
export function LiveSection({ name, children }: { name: string; children: ReactNode }) {
  const sections = useContext(LiveContext)?.sections;
  return <>{sections && Object.hasOwn(sections, name) ? sections[name] : children}</>;
}

/** Shows what an action sent back (nothing outside <LiveSections>). */
export function useShowSections(): (sections: Sections) => void {
  return useContext(LiveContext)?.show ?? noop;
}

const noop = () => {};
