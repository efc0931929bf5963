// Measurement only (bench/post-test-submit.mjs with SUJARIT_TX_STATS=1): how long this process's write transactions
// waited for the write lock and held it. Off by default; printed as one "tx-stats" line when the process ends.

const on = process.env.SUJARIT_TX_STATS === "1";
const samples = { queue: [] as number[], lock: [] as number[], hold: [] as number[], statements: [] as number[] };

export type TxTimer = { locked(): void; statement(): void; done(): void };

const idle: TxTimer = { locked() {}, statement() {}, done() {} };

/** Start timing one transaction: from asking, to holding the lock (`locked`), to commit/rollback (`done`). */
export function txTimer(): TxTimer {
  if (!on) return idle;
  const asked = performance.now();
  let lockedAt = asked;
  let statements = 0;
  return {
    locked() {
      lockedAt = performance.now();
      samples.lock.push(lockedAt - asked);
    },
    statement() {
      statements++;
    },
    done() {
      samples.hold.push(performance.now() - lockedAt);
      samples.statements.push(statements);
    },
  };
}

const q = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : 0;
const describe = (xs: number[]) =>
  `p50 ${q(xs, 0.5).toFixed(1)} p95 ${q(xs, 0.95).toFixed(1)} sum ${xs.reduce((a, b) => a + b, 0).toFixed(0)} ms`;

if (on) {
  const report = () => {
    process.stdout.write(
      `tx-stats pid ${process.pid}: ${samples.hold.length} transactions; waiting for the lock ${describe(samples.lock)}; ` +
        `holding it ${describe(samples.hold)}; statements p50 ${q(samples.statements, 0.5)}\n`,
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => {
      report();
      process.exit(0);
    });
}
