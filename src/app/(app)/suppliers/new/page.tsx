import Link from "next/link";
import { SupplierForm } from "@/components/supply/supplier-form";
import { getMessages, getTranslations } from "next-intl/server";
import { regionOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { createSupplierAction } from "../actions";

export default async function NewSupplierPage() {
  await requireActor("supplier:write");
  const t = await getTranslations();
  const messages = await getMessages();
  const s = messages.supply.suppliers;
  return (
    <>
      <Link href="/suppliers" className="text-sm text-brand-700 hover:underline">
        ← {t("shell.common.back")}
      </Link>
      <h1>{t("supply.suppliers.new")}</h1>
      <SupplierForm
        action={createSupplierAction}
        regions={await regionOptions()}
        initial={{}}
        s={{ ...s, kinds: messages.supply.kinds, submit: t("shell.common.save"), saved: t("supply.suppliers.created"), fixErrors: t("shell.common.fixErrors") }}
      />
    </>
  );
}
