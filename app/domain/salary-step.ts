import type { ActionResult } from "./action-result";
import type { FieldErrors } from "./refusal";

// The salary pages' action results: the one result shape of decision 020 with the form's `intent` on success, so a
// page with several forms shows each result at its own form. A failure carries the intent among its submitted values.

export type StepResult = ActionResult<{ intent: string; message: string }>;

/** A step result as the component receives it (JSON). */
type StepResultLike =
  | { ok: true; intent: string; message: string }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: { [key: string]: unknown } };

/** One flat view of a result for a component: which form, its message or error, field errors and typed values. */
export function stepView(result: StepResultLike | undefined) {
  if (!result) return undefined;
  if (result.ok)
    return {
      intent: result.intent,
      message: result.message,
      formError: undefined,
      fieldErrors: undefined,
      values: undefined,
    };
  return {
    intent: String(result.values?.intent ?? ""),
    message: undefined,
    formError: result.formError,
    fieldErrors: result.fieldErrors,
    values: result.values,
  };
}
