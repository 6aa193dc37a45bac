// The form field by which a hydrated form asks its action for the page's live sections
// (src/components/forms/live-sections.tsx): a module of its own, since the action (server) and
// the form (client) both read it.
export const LIVE_SECTIONS_FIELD = "liveSections";
