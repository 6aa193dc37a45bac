import Link from "next/link";
import type { Messages } from "@/i18n/messages";
import { RANGES } from "@/domain/dashboard-rules";

type T = Messages["dashboard"];
export type ProvinceOption = { code: string; name: string };

/** The query string of a dashboard view: the day, the chart range and the province (none: the default). */
export function viewQuery(v: { day: string; range?: number; province: string | null }) {
  const q = new URLSearchParams({ date: v.day });
  if (v.range !== undefined) q.set("range", String(v.range));
  if (v.province) q.set("province", v.province);
  return q.toString();
}

/**
 * The province selector: one province by its official code, or the whole country ("", the
 * default with several provinces). With one province it shows that province alone: the whole
 * country is that province.
 */
export function ProvinceSelect({ provinces, province, t }: { provinces: readonly ProvinceOption[]; province: string | null; t: T["province"] }) {
  if (provinces.length === 0) return null;
  const single = provinces.length === 1;
  return (
    <div>
      <label htmlFor="province" className="label">
        {t.label}
      </label>
      <select id="province" name="province" className="input" defaultValue={single ? provinces[0].code : (province ?? "")} data-testid="province-select">
        {single ? null : <option value="">{t.national}</option>}
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} · {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form (works without JavaScript): the province, the day, the chart range, previous/next day. */
export function DayPicker(props: {
  day: string;
  range: number;
  first: string;
  last: string;
  prev: string | null;
  next: string | null;
  provinces: readonly ProvinceOption[];
  province: string | null;
  t: T;
}) {
  const { day, range, first, last, prev, next, provinces, province } = props;
  const t = props.t.picker;
  const link = (d: string) => `/dashboard?${viewQuery({ day: d, range, province })}`;
  return (
    <form method="get" action="/dashboard" className="no-print flex flex-wrap items-end gap-3" aria-label={t.legend}>
      <ProvinceSelect provinces={provinces} province={province} t={props.t.province} />
      <div>
        <label htmlFor="date" className="label">
          {t.date}
        </label>
        <input id="date" name="date" type="date" className="input" defaultValue={day} min={day < first ? day : first} max={day > last ? day : last} required />
      </div>
      <div>
        <label htmlFor="range" className="label">
          {t.range}
        </label>
        <select id="range" name="range" className="input" defaultValue={String(range)}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t.days(r)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn" data-testid="show-day">
        {t.show}
      </button>
      <nav aria-label={t.legend} className="flex gap-2 text-sm">
        {prev ? (
          <Link className="btn-secondary" href={link(prev)} data-testid="prev-day">
            ← {t.prev}
          </Link>
        ) : null}
        {next ? (
          <Link className="btn-secondary" href={link(next)} data-testid="next-day">
            {t.next} →
          </Link>
        ) : null}
        {day !== last ? (
          <Link className="btn-secondary" href={link(last)}>
            {t.latest}
          </Link>
        ) : null}
      </nav>
    </form>
  );
}
