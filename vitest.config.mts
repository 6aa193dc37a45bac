import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  // `import "server-only"` throws outside Next's server bundles (it resolves to its empty module
  // only under the "react-server" condition); the tests call server modules directly.
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 }, // after the unit tests, with its own worker limit
          // HARNESS_FIXTURE: a file only tests/integration/harness.test.ts runs (a test that fails on purpose)
          include: ["tests/integration/**/*.test.ts", ...(process.env.HARNESS_FIXTURE ? [process.env.HARNESS_FIXTURE] : [])],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file gets its own database; two at a time keeps the 2-core machine responsive.
          maxWorkers: 2,
        },
      },
    ],
  },
});
