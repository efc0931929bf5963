import { Prisma } from "@prisma/client";
import type { SqlStatements } from "./serialized-adapter.server";

// Whole rows of a model on the direct path (decision 063), as Prisma's client returns them: every scalar column,
// DateTime as Date, Boolean as boolean, Bytes as Uint8Array. The columns and their types come from Prisma's own data
// model, so a field added to the schema is read and converted without touching this file.

type ModelName = Prisma.ModelName;
/** A model's row as `findMany` without `select`/`include` returns it. */
export type ModelRow<M extends ModelName> = Prisma.TypeMap["model"][M]["payload"]["scalars"];

type Converter = ((value: unknown) => unknown) | null;
type Reader = { select: string; converters: [string, Converter][] };

/**
 * A stored DateTime as Prisma's client reads it: the adapter's ISO text ("…+00:00"), SQLite's own
 * "YYYY-MM-DD HH:MM:SS" (a column default) taken as UTC like Prisma does, or milliseconds since 1970.
 */
export function storedDate(value: unknown): Date | null {
  if (value == null) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  const time = /\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/.exec(text);
  if (!time) return new Date(`${text}T00:00:00Z`);
  const [whole, zone, minutes] = time;
  let normalized =
    zone !== undefined && zone !== "Z" && minutes === undefined ? `${text}:00` : zone === undefined ? `${text}Z` : text;
  if (whole.length === text.length) return new Date(`1970-01-01T${normalized}`);
  const separator = time.index - 1;
  if (normalized[separator] === " ")
    normalized = `${normalized.slice(0, separator)}T${normalized.slice(separator + 1)}`;
  return new Date(normalized);
}

const CONVERTERS: Record<string, Converter> = {
  DateTime: storedDate,
  Boolean: (value) => (value == null ? null : Boolean(value)),
  Bytes: (value) => (value == null ? null : new Uint8Array(value as Uint8Array)),
  Int: (value) => (typeof value === "number" && !Number.isInteger(value) ? Math.trunc(value) : value),
};

const readers = new Map<ModelName, Reader>();
function readerOf(model: ModelName): Reader {
  let reader = readers.get(model);
  if (reader) return reader;
  const definition = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
  if (!definition) throw new Error(`no model ${model} in Prisma's data model`);
  const scalars = definition.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
  const column = (f: (typeof scalars)[number]) => f.dbName ?? f.name;
  reader = {
    select:
      scalars.map((f) => `t."${column(f)}" AS "${f.name}"`).join(", ") + ` FROM "${definition.dbName ?? model}" t`,
    converters: scalars.map((f) => [f.name, CONVERTERS[f.type] ?? null]),
  };
  readers.set(model, reader);
  return reader;
}

/**
 * `SELECT <every column of the model> FROM "<Model>" t <rest>`: `rest` adds joins, WHERE and ORDER BY on `t`.
 * Rows come back as the client's `findMany` gives them.
 */
export function modelRows<M extends ModelName>(
  sql: SqlStatements,
  model: M,
  rest: string,
  ...args: unknown[]
): ModelRow<M>[] {
  const { select, converters } = readerOf(model);
  const rows = sql.all<Record<string, unknown>>(`SELECT ${select} ${rest}`, ...args);
  for (const row of rows) for (const [name, convert] of converters) if (convert) row[name] = convert(row[name]);
  return rows as ModelRow<M>[];
}
