// The one "now" of the app (decision 0015). Every page, form, status, forecast, notice and
// timestamp the app writes reads it, so they agree with each other and with the data.
//
// Production runs on the real clock. The demo runs on a scenario clock: SCENARIO_CLOCK names the
// instant the scenario starts (e.g. 2021-08-25T09:30:00+07:00), and the clock moves forward from
// there at the real pace from the moment this process started, so that 2021's pledges, stale
// flags and projections behave as they did on that morning.

import { todayWib, type Day } from "@/domain/day";

const scenarioStartMs = parseScenarioClock(process.env.SCENARIO_CLOCK);
const processStartMs = Date.now();

export function parseScenarioClock(value: string | undefined): number | null {
  if (value === undefined || value === "" || value === "off") return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw new Error(`SCENARIO_CLOCK must be an ISO instant with its offset (e.g. 2021-08-25T09:30:00+07:00) or "off"; got "${value}"`);
  }
  return ms;
}

/** Now, on the app's clock. */
export function now(): Date {
  if (scenarioStartMs === null) return new Date();
  return new Date(scenarioStartMs + (Date.now() - processStartMs));
}

/** Whether the app runs on a scenario clock (the demo) rather than the real one. */
export function onScenarioClock(): boolean {
  return scenarioStartMs !== null;
}

/** Today's WIB day, on the app's clock. */
export function today(): Day {
  return todayWib(now());
}
