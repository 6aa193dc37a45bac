import { DayInput } from "./day-input";

/** A GET form that reloads the page for another WIB day (`?day=YYYY-MM-DD`); works without JavaScript. */
export function DayPicker({ day, label, submit }: { day: string; label: string; submit: string }) {
  return (
    <form method="get" className="flex items-start gap-2">
      <div>
        <label htmlFor="day" className="label">
          {label}
        </label>
        <DayInput id="day" name="day" defaultValue={day} />
      </div>
      <button type="submit" className="btn-secondary mt-6">
        {submit}
      </button>
    </form>
  );
}
