"use client";

import { useActionState } from "react";
import { errorText, type ErrorMessages } from "@/i18n/errors";
import { login, type LoginState } from "./actions";

type Strings = { email: string; password: string; submit: string; invalid: string; throttled: string; seconds: string; minutes: string };

function wait(seconds: number, s: Strings): string {
  return seconds < 90 ? s.seconds.replace("{n}", String(seconds)) : s.minutes.replace("{n}", String(Math.ceil(seconds / 60)));
}

export function LoginForm({ s, errors, callbackUrl, notice }: { s: Strings; errors: ErrorMessages; callbackUrl?: string; notice?: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const message =
    state.error === "throttled" ? s.throttled.replace("{wait}", wait(state.retryAfter ?? 1, s)) : state.error === "credentials" ? s.invalid : undefined;
  const emailError = errorText(errors, state.fieldErrors?.email);
  const passwordError = errorText(errors, state.fieldErrors?.password);
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
          {s.email}
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
          {s.password}
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
        {s.submit}
      </button>
    </form>
  );
}
