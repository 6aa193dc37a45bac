"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "./actions";

export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("shell.auth");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const seconds = state.retryAfter ?? 1;
  const wait = seconds < 90 ? t("seconds", { n: seconds }) : t("minutes", { n: Math.ceil(seconds / 60) });
  const message = state.error === "throttled" ? t("throttled", { wait }) : state.error ? t(state.error) : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {message ? (
        <p data-testid="login-error" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" role="status">
          {message}
        </p>
      ) : notice ? (
        <p data-testid="login-notice" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800" role="status">
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <div>
        <label htmlFor="email" className="label">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="input"
          aria-invalid={!!state.fieldErrors?.email}
        />
        {state.fieldErrors?.email && <p className="field-error">{state.fieldErrors.email}</p>}
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="input"
          aria-invalid={!!state.fieldErrors?.password}
        />
        {state.fieldErrors?.password && <p className="field-error">{state.fieldErrors.password}</p>}
      </div>
      <button type="submit" className="btn w-full" disabled={pending} data-testid="login-submit">
        {t("submit")}
      </button>
    </form>
  );
}
