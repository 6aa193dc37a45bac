import { foldAt, PhoneFold } from "@/components/lists/phone-fold";
import type { ReactNode } from "react";
import { formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { DashboardData } from "@/server/queries/dashboard";
import { compliance, NORMAL_MEDICAL_SHARE, pledgeStatus, shortfallKg, type SupplyStatus } from "@/domain/dashboard-rules";
import { StatusBadge } from "./status-badge";

// Every table of the dashboard, defined once: the page renders it, /dashboard/export/[table]
// writes it as CSV (same columns, same headers, exact values: tonnes with three decimals).

type Cell = string | number | null;
export type Column<R> = { header: string; value: (r: R) => Cell; show?: (r: R) => ReactNode; numeric?: boolean };
export type TableSpec<R> = { key: TableKey; title: string; rows: R[]; columns: Column<R>[] };

export const TABLE_KEYS = ["summary", "producers", "pledges", "hospitals", "regions", "series", "funnel"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** Exact tonnes for CSV (kg / 1000, up to three decimals). */
const tonnes = (kg: number | null) => (kg === null ? null : kg / 1000);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function dashboardTables(d: DashboardData, t: Translator, locale: Locale) {
  const T = (kg: number | null) => (kg === null ? "–" : formatTonnes(kg, locale));
  const N = (n: number | null, digits = 0) => (n === null ? "–" : formatNumber(n, locale, digits));
  const P = (pct: number | null) => (pct === null ? "–" : formatPercent(pct / 100, locale));
  const statusLabel = (s: SupplyStatus) => t(`dashboard.status.${s}`);
  const s = d.summary;
  const complianceLabel = { met: t("dashboard.split.compliant"), not_met: t("dashboard.split.notCompliant"), no_policy: t("dashboard.split.noPolicy") };

  const summary: TableSpec<typeof s> = {
    key: "summary",
    title: t("dashboard.export.summary"),
    rows: [s],
    columns: [
      { header: t("dashboard.table.day"), value: (r) => r.date },
      { header: `${t("dashboard.headline.target")} (t)`, value: (r) => tonnes(r.targetKg), numeric: true },
      { header: `${t("dashboard.headline.capacity")} (t)`, value: (r) => tonnes(r.capacityKg), numeric: true },
      { header: `${t("dashboard.headline.shortfall")} (t)`, value: (r) => tonnes(r.shortfallKg), numeric: true },
      {
        header: `${t("dashboard.headline.shortfall")} (%)`,
        value: (r) => (r.production.shortfallShare === null ? null : Math.round(r.production.shortfallShare * 1000) / 10),
        numeric: true,
      },
      { header: `${t("dashboard.split.medical")} (t)`, value: (r) => tonnes(r.medicalKg), numeric: true },
      { header: `${t("dashboard.split.industrial")} (t)`, value: (r) => tonnes(r.industrialKg), numeric: true },
      { header: `${t("dashboard.headline.medicalDemand")} (t)`, value: (r) => tonnes(r.medicalDemandKg), numeric: true },
      { header: t("dashboard.status.red"), value: (r) => r.hospitals.red, numeric: true },
      { header: t("dashboard.status.amber"), value: (r) => r.hospitals.amber, numeric: true },
      { header: t("dashboard.status.green"), value: (r) => r.hospitals.green, numeric: true },
      { header: t("dashboard.status.stale"), value: (r) => r.hospitals.stale, numeric: true },
    ],
  };

  const producers: TableSpec<DashboardData["producers"][number]> = {
    key: "producers",
    title: t("dashboard.split.producers"),
    rows: d.producers,
    columns: [
      { header: t("dashboard.split.producer"), value: (r) => r.name },
      { header: t("dashboard.split.produced"), value: (r) => tonnes(r.producedKg), show: (r) => T(r.producedKg), numeric: true },
      { header: t("dashboard.split.medicalT"), value: (r) => tonnes(r.medicalKg), show: (r) => T(r.medicalKg), numeric: true },
      { header: t("dashboard.split.industrialT"), value: (r) => tonnes(r.industrialKg), show: (r) => T(r.industrialKg), numeric: true },
      {
        header: `${t("dashboard.split.medicalShare")} (%)`,
        value: (r) => share(r.medicalKg, r.producedKg),
        show: (r) => P(share(r.medicalKg, r.producedKg)),
        numeric: true,
      },
      {
        header: `${t("dashboard.split.policyMin")} (%)`,
        value: (r) => r.minMedicalSharePct,
        show: (r) => (r.minMedicalSharePct === null ? t("dashboard.split.normal") : P(r.minMedicalSharePct)),
        numeric: true,
      },
      {
        header: t("dashboard.split.met"),
        value: (r) => complianceLabel[compliance(r, d.day)],
        show: (r) => {
          const c = compliance(r, d.day);
          if (c === "no_policy") return <span className="text-slate-600">{t("dashboard.split.noPolicy")}</span>;
          return c === "met" ? (
            <span className="font-semibold text-green-800">✓ {t("dashboard.split.compliant")}</span>
          ) : (
            <span className="font-semibold text-red-800">✗ {t("dashboard.split.notCompliant")}</span>
          );
        },
      },
    ],
  };

  const pledges: TableSpec<DashboardData["pledges"][number]> = {
    key: "pledges",
    title: t("dashboard.pledges.title"),
    rows: d.pledges,
    columns: [
      { header: t("dashboard.pledges.supplier"), value: (r) => r.supplier },
      {
        header: t("dashboard.pledges.period"),
        value: (r) => `${r.startsOn}/${r.endsOn}`,
        show: (r) => `${formatDay(r.startsOn, locale)} – ${formatDay(r.endsOn, locale)}`,
      },
      { header: t("dashboard.pledges.total"), value: (r) => tonnes(r.totalKg), show: (r) => T(r.totalKg), numeric: true },
      { header: t("dashboard.pledges.due"), value: (r) => tonnes(r.dueToDateKg), show: (r) => T(r.dueToDateKg), numeric: true },
      { header: t("dashboard.pledges.delivered"), value: (r) => tonnes(r.deliveredKg), show: (r) => T(r.deliveredKg), numeric: true },
      {
        header: `${t("dashboard.pledges.progress")} (%)`,
        value: (r) => share(r.deliveredKg, r.totalKg),
        show: (r) => <Progress delivered={r.deliveredKg} due={r.dueToDateKg} total={r.totalKg} label={P(share(r.deliveredKg, r.totalKg))} />,
      },
      {
        header: t("dashboard.pledges.status"),
        value: (r) => t(`dashboard.pledges.${pledgeStatus(r, d.day)}`),
        show: (r) => {
          const st = pledgeStatus(r, d.day);
          return <span className={st === "behind" ? "font-semibold text-red-800" : "font-semibold text-green-800"}>{t(`dashboard.pledges.${st}`)}</span>;
        },
      },
    ],
  };

  type HospitalRow = DashboardData["hospitals"][number];
  const hName: Column<HospitalRow> = { header: t("dashboard.hospitals.hospital"), value: (r) => r.name };
  const hStatus: Column<HospitalRow> = {
    header: t("dashboard.hospitals.status"),
    value: (r) => statusLabel(r.status),
    show: (r) => <StatusBadge status={r.status} label={statusLabel(r.status)} />,
  };
  const hHours: Column<HospitalRow> = {
    header: t("dashboard.hospitals.hours"),
    value: (r) => r.hoursLeft,
    show: (r) => (r.hoursLeft === null ? t("dashboard.hospitals.noUse") : N(r.hoursLeft, 1)),
    numeric: true,
  };
  const hRegion: Column<HospitalRow> = { header: t("dashboard.hospitals.region"), value: (r) => r.regionName };
  const hBurn: Column<HospitalRow> = {
    header: t("dashboard.hospitals.burn"),
    value: (r) => tonnes(r.burnRateKgPerDay),
    show: (r) => T(r.burnRateKgPerDay),
    numeric: true,
  };
  const hospitals: TableSpec<HospitalRow> = {
    key: "hospitals",
    title: t("dashboard.hospitals.title"),
    rows: d.hospitals,
    columns: [
      hName,
      hStatus,
      hHours,
      hRegion,
      { header: t("dashboard.hospitals.usable"), value: (r) => tonnes(r.usableStockKg), show: (r) => T(r.usableStockKg), numeric: true },
      hBurn,
      {
        header: t("dashboard.hospitals.lastReport"),
        value: (r) => r.lastReportDay,
        show: (r) => (r.lastReportDay ? formatDay(r.lastReportDay, locale) : t("dashboard.hospitals.never")),
      },
    ],
  };

  type RegionRow = DashboardData["regions"][number];
  const rName: Column<RegionRow> = { header: t("dashboard.regions.region"), value: (r) => r.name };
  const rUse7d: Column<RegionRow> = { header: t("dashboard.regions.use7d"), value: (r) => tonnes(r.use7dKg), show: (r) => T(r.use7dKg), numeric: true };
  const rReceived7d: Column<RegionRow> = {
    header: t("dashboard.regions.received7d"),
    value: (r) => tonnes(r.received7dKg),
    show: (r) => T(r.received7dKg),
    numeric: true,
  };
  const regions: TableSpec<RegionRow> = {
    key: "regions",
    title: t("dashboard.regions.title"),
    rows: d.regions,
    columns: [
      rName,
      { header: t("dashboard.regions.hospitals"), value: (r) => r.hospitals, numeric: true },
      { header: t("dashboard.regions.useToday"), value: (r) => tonnes(r.useKg), show: (r) => T(r.useKg), numeric: true },
      rUse7d,
      rReceived7d,
      { header: t("dashboard.status.red"), value: (r) => r.red, show: (r) => <Count n={r.red} tone="red" />, numeric: true },
      { header: t("dashboard.status.amber"), value: (r) => r.amber, show: (r) => <Count n={r.amber} tone="amber" />, numeric: true },
      { header: t("dashboard.status.stale"), value: (r) => r.stale, show: (r) => <Count n={r.stale} tone="stale" />, numeric: true },
      { header: t("dashboard.regions.minHours"), value: (r) => r.minHoursLeft, show: (r) => N(r.minHoursLeft, 1), numeric: true },
      { header: t("dashboard.regions.activeCases"), value: (r) => r.activeCases, show: (r) => N(r.activeCases), numeric: true },
    ],
  };

  type Point = DashboardData["series"][number];
  const sDay: Column<Point> = { header: t("dashboard.table.day"), value: (r) => r.day, show: (r) => formatDay(r.day, locale) };
  const sCapacity: Column<Point> = {
    header: `${t("dashboard.trends.capacity")} (t)`,
    value: (r) => tonnes(r.capacityKg),
    show: (r) => T(r.capacityKg),
    numeric: true,
  };
  const sMedical: Column<Point> = {
    header: `${t("dashboard.split.medical")} (t)`,
    value: (r) => tonnes(r.medicalKg),
    show: (r) => T(r.medicalKg),
    numeric: true,
  };
  const sIndustrial: Column<Point> = {
    header: `${t("dashboard.split.industrial")} (t)`,
    value: (r) => tonnes(r.industrialKg),
    show: (r) => T(r.industrialKg),
    numeric: true,
  };
  const sNormal: Column<Point> = {
    header: `${t("dashboard.split.normalLine")} (t)`,
    value: (r) => (r.capacityKg === null ? null : tonnes(Math.round(r.capacityKg * NORMAL_MEDICAL_SHARE))),
    show: (r) => (r.capacityKg === null ? "–" : T(Math.round(r.capacityKg * NORMAL_MEDICAL_SHARE))),
    numeric: true,
  };
  const sTarget: Column<Point> = { header: `${t("dashboard.trends.target")} (t)`, value: (r) => tonnes(r.targetKg), show: (r) => T(r.targetKg), numeric: true };
  const sShortfall: Column<Point> = {
    header: `${t("dashboard.trends.shortfall")} (t)`,
    value: (r) => (r.capacityKg === null || r.targetKg === null ? null : tonnes(shortfallKg(r.targetKg, r.capacityKg))),
    show: (r) => (r.capacityKg === null || r.targetKg === null ? "–" : T(shortfallKg(r.targetKg, r.capacityKg))),
    numeric: true,
  };
  const sUse: Column<Point> = {
    header: `${t("dashboard.trends.hospitalUse")} (t)`,
    value: (r) => tonnes(r.hospitalUseKg),
    show: (r) => T(r.hospitalUseKg),
    numeric: true,
  };
  const sCases: Column<Point> = { header: t("dashboard.trends.activeCases"), value: (r) => r.activeCases, show: (r) => N(r.activeCases), numeric: true };

  const series: TableSpec<Point> = {
    key: "series",
    title: t("dashboard.export.series"),
    rows: d.series,
    columns: [sDay, sCapacity, sMedical, sIndustrial, sNormal, sTarget, sShortfall, sUse, sCases],
  };
  /** Each chart's own columns, for the table under it (the CSVs have them all). */
  const seriesOf = (...columns: Column<Point>[]): TableSpec<Point> => ({ ...series, columns: [sDay, ...columns] });
  const charts = {
    split: seriesOf(sMedical, sIndustrial, sNormal),
    trends: seriesOf(sCapacity, sTarget, sMedical, sShortfall),
    use: seriesOf(sUse),
    cases: seriesOf(sCases),
    regions: { ...regions, columns: [rName, rUse7d, rReceived7d] },
  };

  /** The printed report's few most at-risk hospitals, in the columns that fit one A4 sheet. */
  const reportHospitals: TableSpec<HospitalRow> = { ...hospitals, columns: [hName, hStatus, hHours, hRegion, hBurn] };

  const f = d.funnel;
  const funnel: TableSpec<typeof f> = {
    key: "funnel",
    title: t("dashboard.funnel.title"),
    rows: [f],
    columns: [
      { header: t("dashboard.table.day"), value: () => `${d.from}/${d.day}` },
      { header: `${t("dashboard.funnel.requested")} (n)`, value: (r) => r.requests, numeric: true },
      { header: `${t("dashboard.funnel.requested")} (t)`, value: (r) => tonnes(r.requestedKg), numeric: true },
      { header: `${t("dashboard.funnel.approved")} (n)`, value: (r) => r.approvedRequests, numeric: true },
      { header: `${t("dashboard.funnel.approved")} (t)`, value: (r) => tonnes(r.approvedKg), numeric: true },
      { header: `${t("dashboard.funnel.delivered")} (t)`, value: (r) => tonnes(r.deliveredKg), numeric: true },
      { header: t("dashboard.funnel.medianHours"), value: (r) => r.medianHoursToReceipt, numeric: true },
    ],
  };

  return { summary, producers, pledges, hospitals, regions, series, funnel, charts, reportHospitals };
}

function Count({ n, tone }: { n: number; tone: SupplyStatus }) {
  if (n === 0) return <span className="text-slate-500">0</span>;
  return <StatusBadge status={tone} label={String(n)} />;
}

function Progress({ delivered, due, total, label }: { delivered: number; due: number; total: number; label: string }) {
  const pct = (x: number) => `${total > 0 ? Math.min(100, (x / total) * 100) : 0}%`;
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div className="relative h-3 flex-1 rounded bg-slate-200" aria-hidden="true">
        <div className="absolute inset-y-0 left-0 rounded bg-brand-600" style={{ width: pct(delivered) }} />
        <div className="absolute inset-y-[-3px] w-0.5 bg-slate-900" style={{ left: pct(due) }} />
      </div>
      <span className="tabular-nums">{label}</span>
    </div>
  );
}

/**
 * A table spec as an HTML table (numbers right-aligned; on a phone, one card per row). With
 * `fold`, a phone shows the first `fold.shown` rows and a "show all" under them (PhoneFold).
 */
export function DataTable<R>({
  spec,
  caption,
  testId,
  fold,
}: {
  spec: TableSpec<R>;
  caption?: string;
  testId?: string;
  fold?: { shown: number; more: string; fewer: string };
}) {
  const table = (
    // focusable: a table wider than its box scrolls, and a keyboard must be able to scroll it
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="table table-stack" data-testid={testId ?? `table-${spec.key}`}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? "text-right" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((r, i) => (
            <tr key={i} {...foldAt(i, fold?.shown)}>
              {spec.columns.map((c) => (
                <td key={c.header} data-label={c.header} className={c.numeric ? "text-right tabular-nums" : undefined}>
                  {c.show ? c.show(r) : (c.value(r) ?? "–")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return fold ? (
    <PhoneFold total={spec.rows.length} {...fold}>
      {table}
    </PhoneFold>
  ) : (
    table
  );
}

/** A table spec's header and rows of exact values, for the CSV writer (src/server/csv/write.ts). */
export function tableCells<R>(spec: TableSpec<R>): { header: string[]; rows: Cell[][] } {
  return { header: spec.columns.map((c) => c.header), rows: spec.rows.map((r) => spec.columns.map((c) => c.value(r))) };
}
