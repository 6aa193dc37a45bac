// `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the last committed prisma/schema.prisma to the working one.
// Why not `--from-migrations`: the Wasm schema engine crashes replaying our CHECK constraints,
// and `migrate dev --create-only` crashes after writing (docs/decisions/0004-offline-migrations.md).
// So commit the schema together with its migration.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-zA-Z0-9_]/g, "_");
if (!name) throw new Error("usage: npm run db:migrate:new -- <name>");
const dir = "prisma/migrations";
mkdirSync(dir, { recursive: true });

let from = ["--from-empty"];
try {
  const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const file = join(mkdtempSync(join(tmpdir(), "schema-")), "schema.prisma");
  writeFileSync(file, committed);
  from = ["--from-schema-datamodel", file];
} catch {
  // no committed schema yet: diff from nothing
}

const pending = `${dir}/.pending.sql`;
const diff = spawnSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code", "-o", pending],
  { stdio: "inherit" },
);
if (diff.status === 0) {
  console.log("No schema changes since the last commit.");
  process.exit(0);
}
if (diff.status !== 2) process.exit(diff.status ?? 1);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
mkdirSync(`${dir}/${stamp}_${name}`);
renameSync(pending, `${dir}/${stamp}_${name}/migration.sql`);
if (!existsSync(`${dir}/migration_lock.toml`)) writeFileSync(`${dir}/migration_lock.toml`, 'provider = "postgresql"\n');
console.log(`Created ${dir}/${stamp}_${name}/migration.sql`);
