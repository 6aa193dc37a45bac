import type { FormState } from "./form-state";

/**
 * The confirm-to-proceed tick (decision 0022): shown when the server answered that an amount is
 * unusual but possible; ticking it and submitting again saves it.
 */
export function ConfirmUnusual({ state, label }: { state: FormState; label: string }) {
  if (state.error !== "confirm") return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="confirmUnusual" value="1" data-testid="confirm-unusual" /> {label}
    </label>
  );
}
