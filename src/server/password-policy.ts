import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as id from "@zxcvbn-ts/language-id";

// What a new password must be (decision 0021): at least 12 characters, at most 200, and not
// guessable: zxcvbn's estimate (the common-password list of 30 000 leaked passwords, English and
// Indonesian words, names and Wikipedia terms, keyboard patterns, dates, l33t and repeats) must
// reach score 3 ("safely unguessable: moderate protection from offline slow-hash attacks",
// about 10^8 guesses). The dictionaries are several MB, so this runs on the server only.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_SCORE = 3;

/** Words of this app a password must not lean on, besides the user's own name and email. */
const APP_WORDS = ["satgas", "oksigen", "oxygen", "koordinasi", "banten", "rumahsakit", "demo", "password", "katasandi"];

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...id.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

/**
 * The error code for a password that may not be used, or null when it may: "password_short",
 * "too_long", "password_weak". `personal` are the user's own name and email, which a password
 * must not be built from.
 */
export function passwordProblem(plain: string, personal: string[] = []): string | null {
  if ([...plain].length < MIN_PASSWORD_LENGTH) return "password_short";
  if (plain.length > MAX_PASSWORD_LENGTH) return "too_long";
  const inputs = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^a-z0-9]+/)]).filter((w) => w.length >= 3);
  // zxcvbn's matching grows with the length; the first 100 characters are plenty to judge.
  const words = [...APP_WORDS, ...inputs];
  const { score, guessesLog10 } = zxcvbn().check(plain.slice(0, 100), words);
  if (score < MIN_SCORE) return "password_weak";
  // zxcvbn gives "budisantoso2021" for Budi Santoso score 3 (10^8 guesses): a password built on
  // the user's own name or this app's words must clear score 4's bar (10^10) instead.
  const lower = plain.toLowerCase();
  const leansOnWords = words.some((w) => w.length >= 4 && lower.includes(w.toLowerCase()));
  return leansOnWords && guessesLog10 < 10 ? "password_weak" : null;
}
