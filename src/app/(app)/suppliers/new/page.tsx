import Link from "next/link";
import { SupplierForm } from "@/components/supply/supplier-form";
import { getI18n } from "@/i18n/server";
import { regionOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { createSupplierAction } from "../actions";

export default async function NewSupplierPage() {
  await requireActor("supplier:write");
  const { t } = await getI18n();
  const s = t.supply.suppliers;
  return (
    <>
      <Link href="/suppliers" className="text-sm text-brand-700 hover:underline">
        ← {t.shell.common.back}
      </Link>
      <h1>{s.new}</h1>
      <SupplierForm
        action={createSupplierAction}
        errors={t.errors}
        regions={await regionOptions()}
        initial={{}}
        s={{ ...s, kinds: t.supply.kinds, submit: t.shell.common.save, saved: s.created, fixErrors: t.shell.common.fixErrors }}
      />
    </>
  );
}
