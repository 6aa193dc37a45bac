// ESLint (flat config): Next's rules (core web vitals + TypeScript), typescript-eslint's
// recommended set, and the layers of docs/adding-a-feature.md as import rules
// (docs/decisions/0026-lint-and-layers.md). `npm run lint`; `npm test` runs it first.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/** An import of `@/<dir>/…` or a relative path into `src/<dir>`. */
const into = (...dirs) => `^(@/|(\\.\\./)+(src/)?)(${dirs.join("|")})(/|$)`;

/** `no-restricted-imports` as typescript-eslint extends it (it knows `import type`). */
const restrict = (patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "dist/**",
    ".postgres/**",
    "node_modules/**",
    "src/generated/**",
    "bench/data/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (a destructured field left out, a fixed signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // React lives in src/app and src/components only. Elsewhere a `use…` name is not a hook
  // (`useCase` builds a use case, `useCeilingKgPerDay` picks a ceiling).
  {
    files: ["src/server/**", "src/domain/**", "src/i18n/**", "prisma/**", "scripts/**", "bench/**", "tests/**", "*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // Domain: plain rules and arithmetic; imports nothing outside src/domain (no framework, no
  // server, no UI, no libraries).
  {
    files: ["src/domain/**/*.ts"],
    rules: restrict([{ regex: "^(?!\\./|@/domain/)", message: "src/domain imports only src/domain (docs/adding-a-feature.md)." }]),
  },
  // Components: presentation; data comes in as props. Types from the server are fine.
  {
    files: ["src/components/**/*.{ts,tsx}"],
    rules: restrict([
      {
        regex: into("server", "generated"),
        allowTypeImports: true,
        message: "src/components imports no server module (types only): pass the data as props, or move a pure rule to src/domain.",
      },
      { regex: into("app"), message: "src/components imports nothing from src/app: pass it as a prop." },
    ]),
  },
  // Server: queries, use cases, sessions; never UI or routes.
  {
    files: ["src/server/**/*.ts"],
    rules: restrict([
      { regex: into("components", "app"), message: "src/server imports no component and nothing from src/app: shared rules belong in src/domain." },
    ]),
  },
  // Pages, actions and routes: read through src/server/queries, write through src/server/use-cases;
  // never the database client itself.
  {
    files: ["src/app/**/*.{ts,tsx}", "src/proxy.ts"],
    rules: restrict([
      {
        regex: "^(@/server/db|@/generated/)",
        allowTypeImports: true,
        message: "src/app does not query the database: add a query to src/server/queries (or a use case).",
      },
    ]),
  },
  // Strings and formats: used by server and client alike.
  {
    files: ["src/i18n/**/*.ts"],
    rules: restrict([{ regex: into("server", "components", "app", "generated"), message: "src/i18n imports no server module, component or route." }]),
  },
]);
