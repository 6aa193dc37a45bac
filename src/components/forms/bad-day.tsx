import Link from "next/link";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/use-error-text";

/** The page-level answer to a day in the address that cannot be used (?date=2021-02-30). */
export function BadDayNotice({ param, raw, code, href }: { param: string; raw: string; code: string; href: string }) {
  const t = useTranslations("errors");
  const errorText = useErrorText();
  return (
    <div className="rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="bad-day">
      <p>
        {t("bad_day_param")}{" "}
        <code>
          ?{param}={raw}
        </code>{" "}
        — {errorText(code)}
      </p>
      <Link href={href} className="mt-1 inline-block underline">
        {t("show_latest_day")}
      </Link>
    </div>
  );
}
