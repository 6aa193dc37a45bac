"use client";

import { useActionState } from "react";
import { login, type LoginState } from "./actions";

type Strings = { email: string; password: string; submit: string; invalid: string; throttled: string; seconds: string; minutes: string };

function wait(seconds: number, s: Strings): string {
  return seconds < 90 ? s.seconds.replace("{n}", String(seconds)) : s.minutes.replace("{n}", String(Math.ceil(seconds / 60)));
}

export function LoginForm({ s, callbackUrl, notice }: { s: Strings; callbackUrl?: string; notice?: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  const message = state.error === "throttled" ? s.throttled.replace("{wait}", wait(state.retryAfter ?? 1, s)) : state.error ? s[state.error] : undefined;
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
          defaultValue={state.email}
          className="input"
          aria-invalid={!!state.fieldErrors?.email}
        />
        {state.fieldErrors?.email && <p className="field-error">{state.fieldErrors.email}</p>}
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
          aria-invalid={!!state.fieldErrors?.password}
        />
        {state.fieldErrors?.password && <p className="field-error">{state.fieldErrors.password}</p>}
      </div>
      <button type="submit" className="btn w-full" disabled={pending} data-testid="login-submit">
        {s.submit}
      </button>
    </form>
  );
}
