import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { SalaryError } from "~/models/salary-rounds.server";
import type { CurrentUser } from "./auth.server";
import type { FieldErrors } from "./forms";
import { httpError } from "./http.server";
import { clientIp } from "./request.server";

// Glue between the salary-step models and their routes: who is acting, and how a refusal reaches the page.

export const isHrUser = (user: CurrentUser) => user.roles.includes("hr") || user.roles.includes("admin");

export const salaryActor = (user: CurrentUser, context: AppLoadContext) => ({ personId: user.id, ip: clientIp(context), roles: user.roles, divisionId: user.divisionId });

/** A loader's read: a refusal becomes the Thai error page with its status. */
export async function orHttpError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof SalaryError) httpError(error.status, error.message);
    throw error;
  }
}

export type ActionResult = { intent: string; ok?: string; error?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> };

/** An action's step: a refusal goes back to the form (field or page message) with what was typed. */
export async function runStep(intent: string, step: () => Promise<string>, values?: Record<string, unknown>) {
  try {
    return json<ActionResult>({ intent, ok: await step() });
  } catch (error) {
    if (!(error instanceof SalaryError)) throw error;
    const body: ActionResult = error.field ? { intent, fieldErrors: { [error.field]: error.message }, values } : { intent, error: error.message, values };
    return json<ActionResult>(body, { status: error.status });
  }
}
