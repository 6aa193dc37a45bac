/** A GET form that reloads the page for another WIB day (`?day=YYYY-MM-DD`); works without JavaScript. */
export function DayPicker({ day, label, submit }: { day: string; label: string; submit: string }) {
  return (
    <form method="get" className="flex items-end gap-2">
      <div>
        <label htmlFor="day" className="label">
          {label}
        </label>
        <input id="day" name="day" type="date" defaultValue={day} className="input" />
      </div>
      <button type="submit" className="btn-secondary">
        {submit}
      </button>
    </form>
  );
}
