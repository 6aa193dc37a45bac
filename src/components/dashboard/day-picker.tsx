import Link from "next/link";
import type { Messages } from "@/i18n/messages";
import { RANGES } from "@/server/queries/dashboard";

type T = Messages["dashboard"]["picker"];

/** A plain GET form (works without JavaScript): the day, the chart range, previous/next day. */
export function DayPicker(props: { day: string; range: number; first: string; last: string; prev: string | null; next: string | null; t: T }) {
  const { day, range, first, last, prev, next, t } = props;
  const link = (d: string) => `/dashboard?date=${d}&range=${range}`;
  return (
    <form method="get" action="/dashboard" className="no-print flex flex-wrap items-end gap-3" aria-label={t.legend}>
      <div>
        <label htmlFor="date" className="label">{t.date}</label>
        <input id="date" name="date" type="date" className="input" defaultValue={day} min={first} max={last} required />
      </div>
      <div>
        <label htmlFor="range" className="label">{t.range}</label>
        <select id="range" name="range" className="input" defaultValue={String(range)}>
          {RANGES.map((r) => (
            <option key={r} value={r}>{t.days(r)}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn" data-testid="show-day">{t.show}</button>
      <nav aria-label={t.legend} className="flex gap-2 text-sm">
        {prev ? <Link className="btn-secondary" href={link(prev)} data-testid="prev-day">← {t.prev}</Link> : null}
        {next ? <Link className="btn-secondary" href={link(next)} data-testid="next-day">{t.next} →</Link> : null}
        {day !== last ? <Link className="btn-secondary" href={link(last)}>{t.latest}</Link> : null}
      </nav>
    </form>
  );
}
