import Link from "next/link";
import type { Translator } from "@/i18n/translator";
import { RANGES } from "@/domain/dashboard-rules";
import { DayInput } from "@/components/forms/day-input";

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
export function ProvinceSelect({ provinces, province, t }: { provinces: readonly ProvinceOption[]; province: string | null; t: Translator }) {
  if (provinces.length === 0) return null;
  const single = provinces.length === 1;
  return (
    <div>
      <label htmlFor="province" className="label">
        {t("dashboard.province.label")}
      </label>
      <select id="province" name="province" className="input" defaultValue={single ? provinces[0].code : (province ?? "")} data-testid="province-select">
        {single ? null : <option value="">{t("dashboard.province.national")}</option>}
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
  t: Translator;
}) {
  const { day, range, first, last, prev, next, provinces, province, t } = props;
  const link = (d: string) => `/dashboard?${viewQuery({ day: d, range, province })}`;
  return (
    <form method="get" action="/dashboard" className="no-print flex flex-wrap items-start gap-3" aria-label={t("dashboard.picker.legend")}>
      <ProvinceSelect provinces={provinces} province={province} t={t} />
      <div>
        <label htmlFor="date" className="label">
          {t("dashboard.picker.date")}
        </label>
        <DayInput id="date" name="date" defaultValue={day} min={day < first ? day : first} max={day > last ? day : last} required />
      </div>
      <div>
        <label htmlFor="range" className="label">
          {t("dashboard.picker.range")}
        </label>
        <select id="range" name="range" className="input" defaultValue={String(range)}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t("dashboard.picker.days", { n: r })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn mt-6" data-testid="show-day">
        {t("dashboard.picker.show")}
      </button>
      <nav aria-label={t("dashboard.picker.legend")} className="mt-6 flex gap-2 text-sm">
        {prev ? (
          <Link className="btn-secondary" href={link(prev)} data-testid="prev-day">
            ← {t("dashboard.picker.prev")}
          </Link>
        ) : null}
        {next ? (
          <Link className="btn-secondary" href={link(next)} data-testid="next-day">
            {t("dashboard.picker.next")} →
          </Link>
        ) : null}
        {day !== last ? (
          <Link className="btn-secondary" href={link(last)}>
            {t("dashboard.picker.latest")}
          </Link>
        ) : null}
      </nav>
    </form>
  );
}
