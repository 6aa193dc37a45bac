// Driver adapter for the Prisma 6.19 CLI's Wasm schema engine (engine: "js"), so migrations
// run offline. It papers over three faults of @prisma/adapter-pg 6.19 when Migrate drives it:
//  - catalog column types such as `name` and `"char"` cannot be deserialized (prisma/orm#27403):
//    we relabel them as text;
//  - executeScript splits scripts on every ";" (breaking $$ bodies): we send the whole script
//    as one simple-protocol query;
//  - the shadow database is dropped while its pool is still connected: we close the pool first.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const CATALOG_SCALARS = new Set([18, 19, 24, 28, 194, 2205, 2206]); // "char", name, regproc, xid, pg_node_tree, regclass, regtype
const CATALOG_ARRAYS = new Set([1003]); // name[]

type Result = { fields?: { dataTypeID: number }[] };

function relabel<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as Result[]) {
    for (const f of r?.fields ?? []) {
      if (CATALOG_SCALARS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
      else if (CATALOG_ARRAYS.has(f.dataTypeID)) f.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabel(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args) as Promise<unknown> | undefined;
    return ret && typeof ret.then === "function" ? ret.then(relabel) : ret;
  }
}

function pool(connectionString: string, database?: string) {
  const u = new URL(connectionString);
  return new pg.Pool({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogAsTextClient,
  } as pg.PoolConfig);
}

async function connect(p: pg.Pool) {
  const adapter = await new PrismaPg(p, { disposeExternalPool: true }).connect();
  adapter.executeScript = async (script: string) => {
    try {
      await p.query(script);
    } catch (e) {
      (adapter as unknown as { onError(e: unknown): never }).onError(e);
    }
  };
  return adapter;
}

async function postgresShadow(connectionString: string) {
  const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
  const admin = pool(connectionString);
  await admin.query(`CREATE DATABASE "${name}"`);
  const shadow = await connect(pool(connectionString, name));
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  };
  return shadow;
}

export function migrateAdapter(connectionString: string) {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(pool(connectionString)),
    connectToShadowDb: () => postgresShadow(connectionString),
  };
}
