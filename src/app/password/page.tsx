import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { setLanguage } from "@/app/language-actions";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/server/session";
import { SimpleForm } from "@/components/logistics/simple-form";
import { ownAlertChannels } from "@/server/queries/account";
import { dutyOptions } from "@/components/logistics/duty-options";
import { isOnDuty } from "@/domain/alerts";
import { formatDateTime } from "@/i18n/format";
import { now } from "@/server/clock";
import { changePasswordAction, setAlertChannelsAction, setOwnDutyAction } from "./actions";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.auth"))("changeTitle") };
}

/** One's own new password; where every page sends an account whose password an admin chose (src/server/session.ts). */
export default async function PasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("shell");
  const locale = await getLocale();
  const tl = await getTranslations("logistics.account");
  const channels = actor.mustChangePassword ? null : await ownAlertChannels(actor);
  const dutyUntil = channels && isOnDuty(channels.onDutyUntil, now()) ? channels.onDutyUntil : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t("appTagline")}</p>
          <h1 className="mt-1">{t("auth.changeTitle")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="password-who">
            {actor.email}
          </p>
        </div>
        <div className="card space-y-4">
          {actor.mustChangePassword && (
            <p className="text-sm text-slate-700" data-testid="must-change">
              {t("auth.mustChange")}
            </p>
          )}
          <PasswordForm
            action={changePasswordAction}
            s={{
              current: t("auth.current"),
              newPassword: t("auth.newPassword"),
              confirm: t("auth.confirm"),
              newHint: t("auth.newHint"),
              change: t("auth.change"),
              fixErrors: t("common.fixErrors"),
            }}
          />
        </div>
        {channels && (
          <section className="card space-y-3" data-testid="notification-settings">
            <h2>{tl("title")}</h2>
            <p className="text-sm text-slate-600">{tl("intro")}</p>
            <SimpleForm
              narrow
              action={setAlertChannelsAction}
              testId="channels-form"
              fields={[
                { name: "alertByEmail", label: tl("byEmail"), checkbox: true, checked: channels.alertByEmail },
                { name: "alertByWebhook", label: tl("byWebhook"), checkbox: true, checked: channels.alertByWebhook },
                { name: "phone", label: tl("phone"), hint: tl("phoneHint"), defaultValue: channels.phone ?? "" },
              ]}
              submit={tl("submit")}
              saved={tl("saved")}
              fixErrors={t("common.fixErrors")}
            />
          </section>
        )}
        {channels && actor.role === "STAFF" && (
          <section className="card space-y-3" data-testid="duty-settings">
            <h2>{tl("duty.title")}</h2>
            <p className="text-sm text-slate-600">{tl("duty.intro")}</p>
            <p className="text-sm font-medium" data-testid="duty-now" data-on-duty={dutyUntil ? "yes" : "no"}>
              {dutyUntil ? tl("duty.until", { time: formatDateTime(dutyUntil, locale) }) : tl("duty.offNow")}
            </p>
            <SimpleForm
              narrow
              action={setOwnDutyAction}
              testId="duty-form"
              fields={[{ name: "hours", label: tl("duty.hours"), defaultValue: dutyUntil ? "0" : "12", options: dutyOptions(tl) }]}
              submit={tl("duty.submit")}
              saved={tl("duty.saved")}
              fixErrors={t("common.fixErrors")}
            />
          </section>
        )}
        <div className="flex justify-center">
          <LanguageSwitch locale={locale} action={setLanguage} />
        </div>
      </div>
    </main>
  );
}
