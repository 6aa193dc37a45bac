import { DUTY_HOURS } from "@/domain/alerts";

type DutyTexts = (key: "duty.off" | "duty.forHours", values?: { n: number }) => string;

/** "On duty for": off, or the next 4, 8, 12 or 24 hours (the account page and the users page). */
export function dutyOptions(tl: DutyTexts) {
  return DUTY_HOURS.map((h) => ({ value: String(h), label: h === 0 ? tl("duty.off") : tl("duty.forHours", { n: h }) }));
}
