import { today as clockToday } from "@/server/clock";
import Link from "next/link";
import { IntlProvider } from "@/components/intl-provider";
import { PledgeForm } from "@/components/supply/pledge-form";
import { addDays } from "@/domain/day";
import { getTranslations } from "next-intl/server";
import { hospitalOptions } from "@/server/queries/pledges";
import { supplierOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { createPledgeAction } from "../actions";
import { pledgeFormStrings } from "../strings";

export default async function NewPledgePage() {
  await requireActor("pledge:write");
  const t = await getTranslations();
  const today = clockToday();
  return (
    <>
      <Link href="/pledges" className="text-sm text-brand-700 hover:underline">
        ← {t("shell.common.back")}
      </Link>
      <h1>{t("supply.pledges.new")}</h1>
      <IntlProvider namespaces={["supply.pledges"]}>
        <PledgeForm
          action={createPledgeAction}
          suppliers={await supplierOptions()}
          hospitals={await hospitalOptions()}
          initial={{ startsOn: today, endsOn: addDays(today, 60), earmark: "NONE" }}
          s={pledgeFormStrings(t, t("supply.pledges.new"))}
        />
      </IntlProvider>
    </>
  );
}
