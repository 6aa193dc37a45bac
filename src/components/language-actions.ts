"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { asLocale, LOCALE_COOKIE } from "@/i18n/locales";

export async function setLanguage(data: FormData) {
  const locale = asLocale(String(data.get("locale")));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
