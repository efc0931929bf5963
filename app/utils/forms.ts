import { z } from "zod";

// Used on both sides: the server validates every submission with the same schema the form uses in the browser.
z.config(z.locales.th());

export type { FieldErrors } from "~/domain/refusal";
import type { FieldErrors } from "~/domain/refusal";

export type Validated<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return { success: false, fieldErrors };
}

/** FormData to a plain object; repeated names (checkbox groups) become arrays. */
export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    out[key] = arrayFields.includes(key) ? values : values[values.length - 1];
  }
  for (const key of arrayFields) out[key] ??= [];
  return out;
}

export function validateForm<S extends z.ZodType>(schema: S, formData: FormData, arrayFields: readonly string[] = []) {
  const values = formDataToObject(formData, arrayFields);
  return { values, result: validate(schema, values) };
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_ROWS = 200;

/**
 * FormData with dotted names (delegates.0.employeeNumber, powers.1.kind) to nested objects and arrays,
 * the shape react-hook-form's field arrays submit. Names listed in `arrayFields` always become arrays.
 */
export function formDataToNested(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    const path = key.split(".");
    // Field names come from the client: no prototype keys, and only small list indexes (rows in a form).
    if (
      path.some(
        (part) => FORBIDDEN_KEYS.has(part) || (/^\d+$/.test(part) && (part.length > 3 || Number(part) >= MAX_ROWS)),
      )
    )
      continue;
    let node: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      const slot = Array.isArray(node) ? Number(part) : part;
      if (last) {
        (node as Record<string | number, unknown>)[slot] = arrayFields.includes(key)
          ? values
          : values[values.length - 1];
      } else {
        const container = node as Record<string | number, unknown>;
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    }
  }
  for (const key of arrayFields) out[key] ??= [];
  // Holes left by removed rows (delegates.0 and delegates.2) are dropped.
  for (const [key, value] of Object.entries(out))
    if (Array.isArray(value)) out[key] = value.filter((v) => v !== undefined);
  return out;
}
