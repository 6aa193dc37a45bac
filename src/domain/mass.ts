// Mass is an integer number of kilograms everywhere (docs/decisions/0002-kilograms.md): sums are
// exact and done by the database. People type tonnes with decimals, and trucks are counted in
// tonnes of liquid, m³ of gas or cylinders; this file is the one place those become kilograms.
//
// Gas volumes are taken at 15 °C and 1 atm, the reference European suppliers and the
// Indonesian trade quote (a 6 m³ cylinder ≈ 8.1 kg). At 21 °C, the US fire-code reference,
// gas is 1.331 kg/m³ and the same cylinder holds ≈ 8.0 kg, about 1.7 % less.
//
// Bad quantities (negative, NaN, infinite) throw a QuantityError: forms validate first (zod),
// so reaching one here is a bug in the caller, not a user's typo.

export const MASS_UNITS = ["KG", "TONNE_LIQUID", "M3_GAS", "CYLINDER", "LITRE_LIQUID"] as const;
/** How a dispatch or a stock is counted; matches the Prisma enum MassUnit. */
export type MassUnit = (typeof MASS_UNITS)[number];

export const KG_PER_TONNE = 1000;

/** The temperature the app's gas volumes refer to. */
export const GAS_REFERENCE_TEMPERATURE_C = 15;

/**
 * Oxygen gas at 15 °C, 1.013 bar (1.331 kg/m³ at 21 °C). Source: Air Liquide gas encyclopedia,
 * oxygen, "gas density"; listed in the project's FACTS.md "Domain numbers".
 */
export const OXYGEN_GAS_KG_PER_M3 = 1.354;

/** Liquid oxygen at its boiling point (−183 °C, 1.013 bar): 1,141 kg/m³. Same source, "liquid density". */
export const LIQUID_OXYGEN_KG_PER_LITRE = 1.141;

/** The common medical cylinder in Indonesia; Banten counted "1 t ≈ 125 cylinders" of it. */
export const STANDARD_CYLINDER_M3 = 6;

/** kgPerUnit is stored as DECIMAL(12, 6), so it is rounded to that before use. */
const KG_PER_UNIT_DECIMALS = 6;

export type QuantityErrorCode = "not_finite" | "not_negative" | "positive" | "not_whole_kg" | "cylinder_size_required";

export class QuantityError extends RangeError {
  constructor(
    readonly code: QuantityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "QuantityError";
  }
}

function assertAmount(value: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new QuantityError("not_finite", `${what} must be a finite number, got ${value}`);
  }
  if (value < 0) throw new QuantityError("not_negative", `${what} must not be negative, got ${value}`);
}

/** Guards a figure that must already be whole kilograms (a stock, a use, a delivery). */
export function assertKg(value: number, what = "kg"): void {
  assertAmount(value, what);
  if (!Number.isInteger(value)) throw new QuantityError("not_whole_kg", `${what} must be whole kilograms, got ${value}`);
}

/**
 * Rounds half up after cleaning binary noise: 4.0005 t × 1000 is 4000.4999999999995 in floating
 * point, and the person who typed 4.0005 t meant 4000.5 kg, which rounds to 4001.
 */
function roundClean(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(Number((x * f).toFixed(6))) / f;
}

/** Tonnes as typed (decimals allowed) → whole kilograms. */
export function tonnesToKg(tonnes: number): number {
  assertAmount(tonnes, "tonnes");
  return roundClean(tonnes * KG_PER_TONNE);
}

export function kgToTonnes(kg: number): number {
  assertAmount(kg, "kg");
  return kg / KG_PER_TONNE;
}

/** A cylinder is sized by the gas it releases (m³ at 15 °C); this is its oxygen in kilograms. */
export function cylinderKg(sizeM3: number = STANDARD_CYLINDER_M3): number {
  assertAmount(sizeM3, "cylinder size (m³)");
  if (sizeM3 === 0) throw new QuantityError("positive", "cylinder size must be above 0 m³");
  return roundClean(sizeM3 * OXYGEN_GAS_KG_PER_M3, KG_PER_UNIT_DECIMALS);
}

/** Gas at 15 °C → whole kilograms. */
export function gasM3ToKg(m3: number): number {
  assertAmount(m3, "m³ of gas");
  return roundClean(m3 * OXYGEN_GAS_KG_PER_M3);
}

/** Litres of liquid oxygen (e.g. a tank's rated volume) → whole kilograms. */
export function liquidLitresToKg(litres: number): number {
  assertAmount(litres, "litres of liquid");
  return roundClean(litres * LIQUID_OXYGEN_KG_PER_LITRE);
}

export interface Kilograms {
  /** Whole kilograms, as stored in dispatchedKg. */
  kg: number;
  /** The conversion used, kept on the delivery row so the figure can be checked later. */
  kgPerUnit: number;
}

/**
 * A dispatch as counted (amount in its unit) → whole kilograms and the kg-per-unit used.
 * CYLINDER needs the cylinder's size in m³; for other units the size is ignored.
 * kg = round(amount × kgPerUnit) with kgPerUnit as stored, so the row reproduces its own kg.
 */
export function toKilograms(amount: number, unit: MassUnit, cylinderSizeM3?: number): Kilograms {
  assertAmount(amount, "amount");
  const kgPerUnit = kgPerUnitOf(unit, cylinderSizeM3);
  return { kg: roundClean(amount * kgPerUnit), kgPerUnit };
}

function kgPerUnitOf(unit: MassUnit, cylinderSizeM3: number | undefined): number {
  switch (unit) {
    case "KG":
      return 1;
    case "TONNE_LIQUID":
      return KG_PER_TONNE;
    case "M3_GAS":
      return OXYGEN_GAS_KG_PER_M3;
    case "LITRE_LIQUID":
      return LIQUID_OXYGEN_KG_PER_LITRE;
    case "CYLINDER":
      if (cylinderSizeM3 === undefined || cylinderSizeM3 === null) {
        throw new QuantityError("cylinder_size_required", "a count of cylinders needs the cylinder size in m³");
      }
      return cylinderKg(cylinderSizeM3);
    default: {
      const never: never = unit;
      throw new QuantityError("not_finite", `unknown unit ${String(never)}`);
    }
  }
}
