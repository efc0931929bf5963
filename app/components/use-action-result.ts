import { useActionData } from "@remix-run/react";
import type { ActionFailure, ActionSuccess } from "~/domain/action-result";

/**
 * The route's action result, typed once: `{ ok: true, … }` or `{ ok: false, formError?, fieldErrors?, values? }`.
 * Replaces `useActionData() as X` casts.
 */
export function useActionResult<T extends object = object>(): ActionSuccess<T> | ActionFailure | undefined {
  return useActionData() as ActionSuccess<T> | ActionFailure | undefined;
}

export function failureOf(result: ActionSuccess<object> | ActionFailure | undefined): ActionFailure | undefined {
  return result && result.ok === false ? result : undefined;
}
