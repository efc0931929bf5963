import type { ActionFailure } from "./action-result";

// The salary pages' action results: the one result shape of decision 020 plus the form's `intent`, so a page with
// several forms shows each result at its own form. A failure carries the intent among its submitted values.

export type StepResult = { ok: true; intent: string; message: string } | (ActionFailure & { intent?: string });

/** One flat view of a result for a component: which form, its message or error, field errors and typed values. */
export function stepView(result: StepResult | undefined) {
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
    intent: String(result.intent ?? result.values?.intent ?? ""),
    message: undefined,
    formError: result.formError,
    fieldErrors: result.fieldErrors,
    values: result.values,
  };
}
