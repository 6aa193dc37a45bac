import { HospitalForm } from "@/components/hospital/hospital-form";
import { hospitalFormStrings } from "@/components/hospital/strings";
import { getTranslations } from "next-intl/server";
import { regionOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { createHospitalAction } from "../actions";

export default async function NewHospitalPage() {
  await requireActor("hospital:write");
  const t = await getTranslations();
  const regions = await regionOptions();
  return (
    <>
      <h1>{t("hospital.hospitals.new")}</h1>
      <HospitalForm action={createHospitalAction} s={hospitalFormStrings(t, t("hospital.hospitals.new"))} regions={regions} initial={{}} />
    </>
  );
}
