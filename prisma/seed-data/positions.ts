import { PROVINCE_OUTLINES } from "../../src/components/map/outlines";
import { insideOutline, type Position } from "../../src/domain/map";
import { prng } from "./random";
import type { RegionCode } from "./regions";

// SAMPLE: where the demo's hospitals and suppliers stand, for the map (decision 0043). Each is
// placed deterministically (seeded by its name) around a point inside its regency or city, near
// its seat or its populated part, within a radius that keeps it in the regency; a draw that falls
// outside Banten's outline (in the sea) is drawn again. Plausible, not surveyed: no position is a
// real address's.

const AROUND: Record<Exclude<RegionCode, "36">, { latitude: number; longitude: number; radius: number }> = {
  "36.01": { latitude: -6.4, longitude: 106.02, radius: 0.11 }, // Kab. Pandeglang, around Pandeglang–Saketi
  "36.02": { latitude: -6.5, longitude: 106.2, radius: 0.15 }, // Kab. Lebak, Rangkasbitung to Malingping
  "36.03": { latitude: -6.17, longitude: 106.52, radius: 0.08 }, // Kab. Tangerang, Balaraja to Teluknaga
  "36.04": { latitude: -6.17, longitude: 106.28, radius: 0.07 }, // Kab. Serang, Ciruas to Cikande
  "36.71": { latitude: -6.18, longitude: 106.63, radius: 0.03 }, // Kota Tangerang
  "36.72": { latitude: -6.01, longitude: 106.05, radius: 0.02 }, // Kota Cilegon
  "36.73": { latitude: -6.12, longitude: 106.16, radius: 0.03 }, // Kota Serang
  "36.74": { latitude: -6.3, longitude: 106.71, radius: 0.03 }, // Kota Tangerang Selatan
};

const BANTEN = PROVINCE_OUTLINES.find((p) => p.code === "36")!.fine!;

/** A plausible position in the regency or city, the same for the same name on every run. */
export function positionFor(name: string, regionCode: RegionCode): Position {
  const around = AROUND[regionCode as Exclude<RegionCode, "36">];
  if (!around) throw new Error(`no area to place ${name} in ${regionCode}`);
  const rnd = prng(`position:${name}`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const angle = rnd() * 2 * Math.PI;
    const distance = Math.sqrt(rnd()) * around.radius;
    const p = {
      latitude: Math.round((around.latitude + distance * Math.sin(angle)) * 1e5) / 1e5,
      longitude: Math.round((around.longitude + distance * Math.cos(angle)) * 1e5) / 1e5,
    };
    if (insideOutline(BANTEN, p)) return p;
  }
  throw new Error(`no position on land for ${name} in ${regionCode}`);
}
