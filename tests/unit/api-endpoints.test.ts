import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS, apiReach } from "@/server/api-endpoints";

// The token page says which endpoints a token reaches; that list must be the routes that exist,
// each with the permission its route checks.
describe("API endpoints a token reaches", () => {
  it("lists every v1 route with the action it checks, and nothing else", () => {
    const dir = join(process.cwd(), "src/app/api/v1");
    const routes = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => {
        const source = readFileSync(join(dir, d.name, "route.ts"), "utf8");
        return { path: `/api/v1/${d.name}`, action: /apiRoute\("([^"]+)"/.exec(source)?.[1] };
      });
    expect(API_ENDPOINTS.map(({ path, action }) => ({ path, action })).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      routes.sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  it("follows the role: everything for the task force, a hospital only its own hospital's row", () => {
    for (const role of ["ADMIN", "STAFF", "OFFICIAL"] as const) {
      expect(apiReach(role).map((r) => [r.endpoint.path, r.own])).toEqual([
        ["/api/v1/summary", false],
        ["/api/v1/hospitals", false],
        ["/api/v1/pledges", false],
      ]);
    }
    expect(apiReach("HOSPITAL").map((r) => [r.endpoint.path, r.own])).toEqual([["/api/v1/hospitals", true]]);
  });
});
