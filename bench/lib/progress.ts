// A progress bar on stderr (redrawn in place on a terminal, a line every 10 % otherwise).

const tty = process.stderr.isTTY === true;

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export class Progress {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = performance.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = "rows",
  ) {}

  add(n: number) {
    this.done += n;
    const now = performance.now();
    if (tty ? now - this.lastDraw > 200 : this.total >= 50_000 && Math.floor((this.done / Math.max(1, this.total)) * 10) > this.lastDecile) this.draw(now);
  }

  private draw(now: number, final = false) {
    this.lastDraw = now;
    const frac = final ? 1 : Math.min(1, this.done / Math.max(1, this.total));
    if (!tty && !final && frac >= 1) return; // the final line says it
    this.lastDecile = Math.floor(frac * 10);
    const width = 28;
    const full = Math.round(frac * width);
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const line = `  ${this.label.padEnd(22)} [${"#".repeat(full)}${"-".repeat(width - full)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${fmtInt(this.done)} ${this.unit}  ${fmtInt(rate)} ${this.unit}/s`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  /** Final line; returns the elapsed seconds. */
  finish(): number {
    const now = performance.now();
    this.draw(now, true);
    if (tty) process.stderr.write("\n");
    return (now - this.started) / 1000;
  }
}
