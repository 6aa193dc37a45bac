"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/use-error-text";
import { login, type LoginState } from "./actions";

export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("shell.auth");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const seconds = state.retryAfter ?? 1;
  const wait = seconds < 90 ? t("seconds", { n: seconds }) : t("minutes", { n: Math.ceil(seconds / 60) });
  const message =
    state.error === "throttled"
      ? t("throttled", { wait })
      : state.error === "credentials"
        ? t("invalid")
        : state.error === "busy"
          ? errorText("busy")
          : undefined;
  const emailError = errorText(state.fieldErrors?.email);
  const passwordError = errorText(state.fieldErrors?.password);
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
          defaultValue={state.values?.email}
          key={state.values?.email}
          className="input"
          aria-invalid={!!emailError}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError && (
          <p id="email-error" className="field-error" data-testid="error-email">
            {emailError}
          </p>
        )}
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
          aria-invalid={!!passwordError}
          aria-describedby={passwordError ? "password-error" : undefined}
        />
        {passwordError && (
          <p id="password-error" className="field-error" data-testid="error-password">
            {passwordError}
          </p>
        )}
      </div>
      <button type="submit" className="btn w-full" disabled={pending} data-testid="login-submit">
        {t("submit")}
      </button>
    </form>
  );
}
