// Bulk loading with PostgreSQL's COPY FROM STDIN (text format), streamed: rows are written in
// chunks of ~256 kB and the writer waits for the socket to drain, so memory stays bounded
// whatever the table's size.
import type pg from "pg";
import copyStreams from "pg-copy-streams";

const CHUNK_CHARS = 256 * 1024;

/** One field in COPY text format (\N for null; backslash, tab and newlines escaped). */
export function field(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "t" : "f";
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
}

export class CopyWriter {
  rows = 0;
  private buf = "";
  private readonly stream: ReturnType<typeof copyStreams.from>;
  private readonly done: Promise<void>;

  constructor(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[]) {
    const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
    this.stream = client.query(copyStreams.from(sql));
    this.done = new Promise((resolve, reject) => {
      this.stream.on("finish", () => resolve());
      this.stream.on("error", reject);
    });
    // Surface an early error (e.g. a CHECK violation) even while we are still writing.
    this.done.catch(() => {});
  }

  /** Adds one row (already formatted fields); resolves at once unless the socket is full. */
  async row(fields: string[]): Promise<void> {
    this.buf += fields.join("\t") + "\n";
    this.rows++;
    if (this.buf.length >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf) return;
    const chunk = this.buf;
    this.buf = "";
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off("error", onError);
          resolve();
        };
        const onError = (e: Error) => {
          this.stream.off("drain", onDrain);
          reject(e);
        };
        this.stream.once("drain", onDrain);
        this.stream.once("error", onError);
      });
    }
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}
