import { z } from "zod";

// Used on both sides: the server validates every submission with the same schema the form uses in the browser.
z.config(z.locales.th());

export type FieldErrors = Record<string, string>;

export type Validated<T> =
  | { success: true; data: T }
  | { success: false; fieldErrors: FieldErrors };

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
