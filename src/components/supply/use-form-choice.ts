"use client";

import { useRef, useState } from "react";
import type { FormState } from "@/components/forms/form-state";

/**
 * A select whose choice changes the form (unit → cylinder size, source → hospital). React resets
 * a form after its action runs, which puts a controlled <select> back on its first option while
 * the component still holds the old choice; so the select stays uncontrolled, is re-mounted
 * (key) after each submit with what the user had chosen, and the choice is tracked on change.
 */
// The submitted state is compared with the last one seen while rendering, so the re-mount happens
// in the same render as the reset (a state or effect would render the stale select once first).
/* eslint-disable react-hooks/refs -- deliberate: see above */
export function useFormChoice(state: FormState, name: string, initial: string) {
  const version = useRef(0);
  const last = useRef(state);
  if (last.current !== state) {
    last.current = state;
    version.current++;
  }
  const [picked, setPicked] = useState<{ version: number; value: string } | null>(null);
  const submitted = state.values?.[name] ?? initial;
  const value = picked && picked.version === version.current ? picked.value : submitted;
  return {
    value,
    props: {
      key: `${name}-${version.current}`,
      defaultValue: value,
      onChange: (e: { target: { value: string } }) => setPicked({ version: version.current, value: e.target.value }),
    },
  };
}
/* eslint-enable react-hooks/refs */
