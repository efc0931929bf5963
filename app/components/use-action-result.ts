import type { SerializeFrom } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import type { ActionFailure, ActionSuccess } from "~/domain/action-result";

// The one reader of a route's action result (decision 051). Routes never import `useActionData` (ESLint forbids it).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action function
type ActionFunctionLike = (...args: any[]) => unknown;

/** What every action answers with, as the browser receives it (JSON): `{ ok: true, … }` or the one failure shape. */
type ResultShape = { ok: true } | { ok: false; formError?: string; fieldErrors?: unknown; values?: unknown };

/**
 * `useActionResult<typeof action>()`: the action's own serialized result, checked against the one shape — an action
 * that answers anything else makes the result `never` and the component fails to compile.
 * `useActionResult<{ message: string }>()`: the success fields written out, for components shared by several routes.
 */
export type ActionResultOf<T> = T extends ActionFunctionLike
  ? SerializeFrom<T> extends ResultShape
    ? SerializeFrom<T>
    : never
  : ActionSuccess<T & object> | ActionFailure;

export function useActionResult<T extends object = object>(): ActionResultOf<T> | undefined {
  return useActionData() as ActionResultOf<T> | undefined;
}

export function failureOf<R extends { ok: boolean }>(result: R | undefined): Extract<R, { ok: false }> | undefined {
  return result && result.ok === false ? (result as Extract<R, { ok: false }>) : undefined;
}

/** The values a failed action sent back, as text for a form's defaults (values that are not text are left out). */
export function submittedText(failure: { values?: Record<string, unknown> } | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(failure?.values ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
