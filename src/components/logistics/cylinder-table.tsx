import type { Translator } from "@/i18n/translator";
import type { Locale } from "@/i18n/locales";
import { formatNumber, formatTonnes } from "@/i18n/format";

type Type = { id: string; name: string };
type Holder = { holderId: string; holder: string; lines: { typeId: string; full: number; empty: number }[]; kg: number };

/** Full and empty cylinders per holder and type, and the oxygen in the fulls; one card per row on a phone. */
export function CylinderTable({ holders, types, t, locale, testId }: { holders: Holder[]; types: Type[]; t: Translator; locale: Locale; testId: string }) {
  if (holders.length === 0) return <p className="card text-sm text-slate-500">{t("logistics.cylinders.noneYet")}</p>;
  return (
    <div className="card overflow-x-auto p-0">
      <table className="table table-stack" data-testid={testId}>
        <thead>
          <tr>
            <th className="text-left">{t("logistics.cylinders.holder")}</th>
            {types.map((ty) => (
              <th key={ty.id} className="text-right">
                {ty.name}
                <br />
                <span className="text-xs font-normal">
                  {t("logistics.cylinders.full")} / {t("logistics.cylinders.empty")}
                </span>
              </th>
            ))}
            <th className="text-right">{t("logistics.cylinders.kg")}</th>
          </tr>
        </thead>
        <tbody>
          {holders.map((h) => (
            <tr key={h.holderId} data-testid="cylinder-holder" data-holder={h.holder}>
              <td className="font-medium">{h.holder}</td>
              {types.map((ty) => {
                const l = h.lines.find((x) => x.typeId === ty.id);
                return (
                  <td
                    key={ty.id}
                    className="text-right tabular-nums"
                    data-label={ty.name}
                    data-type={ty.id}
                    data-full={l?.full ?? 0}
                    data-empty={l?.empty ?? 0}
                  >
                    {formatNumber(l?.full ?? 0, locale)} / {formatNumber(l?.empty ?? 0, locale)}
                  </td>
                );
              })}
              <td className="text-right tabular-nums" data-label={t("logistics.cylinders.kg")}>
                {formatTonnes(h.kg, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
