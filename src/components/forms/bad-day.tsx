import Link from "next/link";
import { errorText, type ErrorMessages } from "@/i18n/errors";

/** The page-level answer to a day in the address that cannot be used (?date=2021-02-30). */
export function BadDayNotice({ param, raw, code, errors, href }: { param: string; raw: string; code: string; errors: ErrorMessages; href: string }) {
  return (
    <div className="rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="bad-day">
      <p>
        {errors.bad_day_param}{" "}
        <code>
          ?{param}={raw}
        </code>{" "}
        — {errorText(errors, code)}
      </p>
      <Link href={href} className="mt-1 inline-block underline">
        {errors.show_latest_day}
      </Link>
    </div>
  );
}
