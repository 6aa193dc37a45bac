"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale } from "next-intl";
import { isDay } from "@/domain/day";
import { formatDayLong, formatWibTime } from "@/i18n/format";
import { asLocale, type Locale } from "@/i18n/locales";

/**
 * A day box (or, `withTime`, a day and a WIB time of day: datetime-local): the browser's own date input (its calendar on a phone), with the chosen day read
 * under it in the page's language ("Rabu, 25 Agustus 2021"). The box itself is drawn in the
 * browser's language, whatever the page's (Chromium ignores `lang` there: 08/25/2021 under
 * Bahasa Indonesia), so the line under it is what says which day it is (decision 0052), as the
 * echo under an amount says what will be saved (decision 0017). Rendered on the server too, so
 * the default day reads right before the script runs or without it.
 */
export function DayInput({
  id,
  defaultValue,
  className = "input",
  withTime = false,
  ...rest
}: { id: string; defaultValue?: string; withTime?: boolean } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "defaultValue" | "id">) {
  const locale = asLocale(useLocale());
  const [day, setDay] = useState(defaultValue ?? "");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const box = input.current;
    const form = box?.form;
    if (!box || !form) return;
    // a form emptied once saved (form.reset()) types nothing: read the box again after it
    const onReset = () => setTimeout(() => setDay(box.value));
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  // a controlled box (its value kept by the form, as the pledge's days are) echoes that value
  const shown = typeof rest.value === "string" ? rest.value : day;
  const describedBy = [rest["aria-describedby"], `${id}-echo`].filter(Boolean).join(" ");
  return (
    <>
      <input
        {...rest}
        ref={input}
        id={id}
        type={withTime ? "datetime-local" : "date"}
        defaultValue={rest.value === undefined ? defaultValue : undefined}
        className={className}
        onChange={(e) => {
          setDay(e.target.value);
          rest.onChange?.(e);
        }}
        aria-describedby={describedBy}
      />
      <output id={`${id}-echo`} htmlFor={id} data-testid={`${id}-echo`} className="mt-1 block min-h-4 text-xs text-slate-600">
        {reading(shown, locale, withTime)}
      </output>
    </>
  );
}

/** "Rabu, 25 Agustus 2021", or with the time "Rabu, 25 Agustus 2021, 09.30 WIB"; "" for anything else. */
function reading(value: string, locale: Locale, withTime: boolean): string {
  if (!withTime) return isDay(value) ? formatDayLong(value, locale) : "";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!m || !isDay(m[1])) return "";
  return `${formatDayLong(m[1], locale)}, ${formatWibTime(new Date(`${m[1]}T${m[2]}:00+07:00`), locale)} WIB`;
}
