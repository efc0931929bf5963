import type { Db, SqlStatements, Tx } from "./db.server";

// A piece of data logic written once as a generator of SQL statements, run either through Prisma (inside a Prisma
// transaction, with other Prisma work) or synchronously on the direct path (decision 054). The generator yields each
// statement and receives its result, so its reads, conditions and refusals are the same code on both paths.

/** One statement a step function wants run: its rows, or the number of rows it changed. */
export type SqlStep = { sql: string; args: unknown[]; want: "rows" | "changes" };
export type SqlSteps<R> = Generator<SqlStep, R, unknown>;

/** The rows of a SELECT. Dates come back as Date through Prisma and as stored text directly: convert with `new Date`. */
export function* selectRows<T>(sql: string, ...args: unknown[]): SqlSteps<T[]> {
  return (yield { sql, args, want: "rows" }) as T[];
}

/** How many rows an INSERT, UPDATE or DELETE changed. */
export function* changeRows(sql: string, ...args: unknown[]): SqlSteps<number> {
  return Number(yield { sql, args, want: "changes" });
}

/** Run the steps through Prisma: inside `client`'s transaction when it is one. */
export async function runSteps<R>(client: Tx | Db, steps: SqlSteps<R>): Promise<R> {
  let next = steps.next();
  while (!next.done) {
    const { sql, args, want } = next.value;
    next = steps.next(
      want === "rows" ? await client.$queryRawUnsafe(sql, ...args) : await client.$executeRawUnsafe(sql, ...args),
    );
  }
  return next.value;
}

/** Run the steps synchronously on the direct path (`sqlite.read` / `sqlite.write`). */
export function runStepsNow<R>(sql: SqlStatements, steps: SqlSteps<R>): R {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    next = steps.next(step.want === "rows" ? sql.all(step.sql, ...step.args) : sql.run(step.sql, ...step.args));
  }
  return next.value;
}
