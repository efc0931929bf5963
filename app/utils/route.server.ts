import { json, type TypedResponse } from "@remix-run/node";
import type { ActionFailure } from "~/domain/action-result";
import { isRefusal, type FieldErrors } from "~/domain/refusal";

// The single place where a model's Refusal becomes HTTP: an error page for loaders, a failed
// action result for actions. Routes never catch per-feature errors themselves.

/** Runs a loader's model call; a Refusal becomes the Thai error page with its status. */
export async function loadOrRefuse<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isRefusal(error)) throw json({ message: error.message }, { status: error.status });
    throw error;
  }
}

/** A failed action result (status 400 unless said otherwise), keeping the submitted values. */
export function actionFailure(
  failure: { formError?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> },
  status = 400,
): TypedResponse<ActionFailure> {
  return json({ ok: false as const, ...failure }, { status });
}

/**
 * Runs an action's model call. A Refusal becomes `{ ok: false, formError | fieldErrors, values }` with its status;
 * a Response (redirect) passes through; anything else is a real error.
 */
export async function actOrRefuse<T>(
  act: () => Promise<T>,
  values?: Record<string, unknown>,
): Promise<T | TypedResponse<ActionFailure>> {
  try {
    return await act();
  } catch (error) {
    if (isRefusal(error)) {
      const fieldErrors =
        error.fieldErrors && Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : undefined;
      return actionFailure({ formError: fieldErrors ? undefined : error.message, fieldErrors, values }, error.status);
    }
    throw error;
  }
}
