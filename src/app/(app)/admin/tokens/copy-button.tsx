"use client";

import { useState } from "react";

/** Copies the new token to the clipboard: it is shown once, and retyping 47 characters is how mistakes happen. */
export function CopyButton({ value, s }: { value: string; s: { copy: string; copied: string; failed: string } }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary px-3 py-1 text-sm"
        data-testid="copy-token"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
      >
        {s.copy}
      </button>
      <span role="status" className="text-sm">
        {state === "copied" ? s.copied : state === "failed" ? s.failed : ""}
      </span>
    </div>
  );
}
