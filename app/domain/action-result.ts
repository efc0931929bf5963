import type { FieldErrors } from "./refusal";

// The one shape every action answers with. Success carries whatever the page needs next;
// failure carries a form-level message, per-field messages and the submitted values (so nothing typed is lost).
export type ActionFailure = {
  ok: false;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
};
export type ActionSuccess<T extends object = object> = { ok: true } & T;
export type ActionResult<T extends object = object> = ActionSuccess<T> | ActionFailure;
