import { describe, expect, it } from "vitest";
import { BANTEN_VIEW, chooseView, clipPath, clipRing, insideOutline, inView, NATIONAL_VIEW, ringsOf, toSvg } from "@/domain/map";
import { PROVINCE_OUTLINES } from "@/components/map/outlines";

const SQUARE = "M0 0L10 0L10 10L0 10Z";
const outline = (code: string) => PROVINCE_OUTLINES.find((p) => p.code === code)!;

describe("map geometry (decision 0043)", () => {
  it("draws a position at x = longitude, y = −latitude", () => {
    expect(toSvg({ latitude: -6.12, longitude: 106.15 })).toEqual([106.15, 6.12]);
  });

  it("reads an outline's rings", () => {
    expect(ringsOf(`${SQUARE}M2 2L3 2L3 3Z`)).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      [
        [2, 2],
        [3, 2],
        [3, 3],
      ],
    ]);
  });

  it("knows inside from outside, a hole as outside (even–odd, as SVG fills it)", () => {
    const at = (x: number, y: number) => ({ longitude: x, latitude: -y });
    expect(insideOutline(SQUARE, at(5, 5))).toBe(true);
    expect(insideOutline(SQUARE, at(11, 5))).toBe(false);
    expect(insideOutline(SQUARE, at(5, -1))).toBe(false);
    const withHole = `${SQUARE}M4 4L6 4L6 6L4 6Z`;
    expect(insideOutline(withHole, at(5, 5))).toBe(false);
    expect(insideOutline(withHole, at(2, 2))).toBe(true);
  });

  it("places Banten's towns in Banten and Jakarta's in Jakarta, not the other way round", () => {
    const serang = { latitude: -6.12, longitude: 106.15 };
    const monas = { latitude: -6.1754, longitude: 106.8272 };
    const sunda = { latitude: -5.95, longitude: 105.75 }; // the strait, between Java and Sumatra
    expect(insideOutline(outline("36").fine!, serang)).toBe(true);
    expect(insideOutline(outline("36").fine!, monas)).toBe(false);
    expect(insideOutline(outline("31").fine!, monas)).toBe(true);
    expect(insideOutline(outline("36").fine!, sunda)).toBe(false);
    expect(insideOutline(outline("18").fine!, sunda)).toBe(false);
    // the coarse national outline still puts Serang in Banten
    expect(insideOutline(outline("36").coarse, serang)).toBe(true);
  });

  it("holds each of the country's provinces once, with the national outline; the fine one only around Banten", () => {
    expect(PROVINCE_OUTLINES.length).toBe(33);
    expect(new Set(PROVINCE_OUTLINES.map((p) => p.code)).size).toBe(33);
    for (const p of PROVINCE_OUTLINES) expect(p.coarse, p.name).toMatch(/^M[-\d. LZM]+Z$/);
    expect(PROVINCE_OUTLINES.filter((p) => p.fine).map((p) => p.code)).toEqual(["18", "31", "32", "36"]);
  });

  it("shows Banten when everything is in it, otherwise the whole country", () => {
    const serang = { latitude: -6.12, longitude: 106.15 };
    const makassar = { latitude: -5.14, longitude: 119.42 };
    expect(chooseView([serang], ["36.73"]).name).toBe("banten");
    expect(chooseView([], []).name).toBe("banten");
    expect(chooseView([serang, makassar], ["36.73"])).toEqual({ name: "national", view: NATIONAL_VIEW });
    // hospitals elsewhere without positions yet: still the country, not an empty Banten
    expect(chooseView([serang], ["36.73", "73.71"]).name).toBe("national");
    expect(inView(BANTEN_VIEW, makassar)).toBe(false);
    expect(inView(NATIONAL_VIEW, makassar)).toBe(true);
    // the whole country fits the national view: Sabang, Merauke, Miangas, Rote
    for (const p of [
      { latitude: 5.89, longitude: 95.32 },
      { latitude: -8.49, longitude: 140.4 },
      { latitude: 5.56, longitude: 126.59 },
      { latitude: -10.73, longitude: 123.08 },
    ])
      expect(inView(NATIONAL_VIEW, p)).toBe(true);
  });

  it("cuts an outline to the view: what is outside is not drawn, what is inside is kept", () => {
    const view = { x: 0, y: 0, width: 10, height: 10 };
    expect(clipPath(SQUARE, view)).toBe(SQUARE);
    expect(clipPath("M20 20L30 20L30 30Z", view)).toBe("");
    expect(
      clipRing(
        [
          [5, 5],
          [15, 5],
          [15, 8],
          [5, 8],
        ],
        view,
      ),
    ).toEqual([
      [5, 5],
      [10, 5],
      [10, 8],
      [5, 8],
    ]);
    // Jawa Barat reaches 108.8° E; in Banten's view it stops at the view's edge
    const cut = ringsOf(clipPath(outline("32").fine!, BANTEN_VIEW)).flat();
    expect(cut.length).toBeGreaterThan(3);
    for (const [x, y] of cut) expect(inView(BANTEN_VIEW, { longitude: x, latitude: -y })).toBe(true);
  });
});
