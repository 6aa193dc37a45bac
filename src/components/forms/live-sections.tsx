"use client";

import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { LIVE_SECTIONS_FIELD } from "./live-sections-field";

// Parts of a page that a form's server action renders again and sends back with its answer, so
// the action need not re-render the whole page (revalidatePath does: the action's response then
// carries the page's every section, its queries run again). The page wraps itself in
// <LiveSections> and names each part that may change in a <LiveSection>; the form shows what its
// action sent (useSentSections). Sections are shown in place of what the page rendered until the
// page itself is rendered again by the server (another form's refresh, a navigation): its newer
// children then win.
// A form posted before the page's script runs (JavaScript off, a slow phone) gets the whole page
// back, rendered afresh, and its answer must be plain data: the form asks for sections only once
// hydrated (<AskForSections/>), decision 0050.

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

/**
 * Shows what an action sent back (nothing outside <LiveSections>), once per answer: a later
 * render of the page from the server must not bring an older answer back over it.
 */
export function useSentSections(sections: Sections | undefined) {
  const show = useContext(LiveContext)?.show;
  const shown = useRef<Sections | undefined>(undefined);
  // before paint, so the old supply is never drawn next to the "saved" notice
  useLayoutEffect(() => {
    if (!sections || !show || shown.current === sections) return;
    shown.current = sections;
    show(sections);
  });
}

/** A hidden field asking the action for the sections, rendered only once the page's script runs. */
export function AskForSections() {
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  return hydrated ? <input type="hidden" name={LIVE_SECTIONS_FIELD} value="1" /> : null;
}

const noSubscribe = () => () => {};
