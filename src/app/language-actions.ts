"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { formPost } from "@/app/form-action";
import { asLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { isHttpsRequest } from "@/server/forwarded";

export const setLanguage = formPost(async (form) => {
  const locale = asLocale(String(form.input.locale));
  // Secure behind HTTPS (the session cookie is too: Auth.js picks its __Secure- name there).
  const secure = isHttpsRequest(await headers());
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, secure });
  revalidatePath("/", "layout");
});
