/** A positive integer from the environment, else `fallback`. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** One ratio against its goal, e.g. `FULL / HELLO   0.91   (goal >= 0.8: met)`. */
export function ratioLine(label: string, value: number, goal: number): string {
  const verdict = value >= goal ? 'met' : 'BELOW GOAL';
  return `${label.padEnd(34)} ${value.toFixed(2).padStart(6)}   (goal >= ${goal}: ${verdict})`;
}

/** A plain text table, right-aligned; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padStart(widths[col])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
