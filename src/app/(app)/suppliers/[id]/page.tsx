import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/supply/list-controls";
import { SupplierForm } from "@/components/supply/supplier-form";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { regionOptions, supplierById } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { setSupplierActiveAction, updateSupplierAction } from "../actions";
import { loadCreatedNotice } from "../../../search-params";

export default async function SupplierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const { t } = await getI18n();
  const s = t.supply.suppliers;
  const supplier = await supplierById((await params).id);
  if (!supplier) notFound();
  const { created } = await loadCreatedNotice(searchParams);
  const writer = can(actor, "supplier:write");
  return (
    <>
      <Link href="/suppliers" className="text-sm text-brand-700 hover:underline">
        ← {t.shell.common.back}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{supplier.name}</h1>
        <div className="flex items-center gap-3">
          {supplier.active ? (
            <StatusBadge tone="green" testId="supplier-status">
              {s.active}
            </StatusBadge>
          ) : (
            <StatusBadge tone="slate" testId="supplier-status">
              {s.inactive}
            </StatusBadge>
          )}
          {can(actor, "audit:read") && (
            <Link href={`/audit?entity=Supplier&id=${supplier.id}`} className="text-sm text-brand-700 hover:underline">
              {t.supply.list.history}
            </Link>
          )}
        </div>
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {s.created}
        </p>
      )}
      {writer ? (
        <>
          <SupplierForm
            action={updateSupplierAction}
            errors={t.errors}
            regions={await regionOptions()}
            initial={{
              id: supplier.id,
              name: supplier.name,
              kind: supplier.kind,
              regionId: supplier.regionId,
              address: supplier.address,
              contactName: supplier.contactName,
              contactPhone: supplier.contactPhone,
            }}
            s={{ ...s, kinds: t.supply.kinds, submit: t.shell.common.save, saved: t.shell.common.saved, fixErrors: t.shell.common.fixErrors }}
          />
          <form action={setSupplierActiveAction} className="card flex flex-wrap items-center justify-between gap-3">
            <input type="hidden" name="id" value={supplier.id} />
            <input type="hidden" name="active" value={supplier.active ? "false" : "true"} />
            <p className="text-sm text-slate-600">{s.deactivateHint}</p>
            <button type="submit" className="btn-secondary" data-testid="toggle-active">
              {supplier.active ? s.deactivate : s.reactivate}
            </button>
          </form>
        </>
      ) : (
        <dl className="card grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{s.kind}</dt>
            <dd>{t.supply.kinds[supplier.kind]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{s.region}</dt>
            <dd>{supplier.region.name}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{s.address}</dt>
            <dd>{supplier.address}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{s.contactName}</dt>
            <dd>
              {supplier.contactName} {supplier.contactPhone}
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}
