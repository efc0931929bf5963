import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { ActionFailure } from "~/domain/action-result";
import type { Actor } from "~/domain/actor";
import type { StepResult } from "~/domain/salary-step";
import type { CurrentUser } from "./auth.server";
import { clientIp } from "./request.server";
import { actOrRefuse } from "./route.server";

// Glue between the salary-step models and their routes: the one Actor, and the one action-result protocol
// (decision 020) carrying the form's `intent`, so a page with several forms shows each result at its own form.

export const salaryActor = (user: CurrentUser, context: AppLoadContext): Actor => ({
  personId: user.id,
  ip: clientIp(context),
  roles: user.roles,
});

/** A failed step of this intent (validation or an unknown intent). */
export function stepFailure(intent: string, failure: Omit<ActionFailure, "ok">, status = 400) {
  return json<StepResult>({ ok: false, ...failure, values: { ...failure.values, intent } }, { status });
}

/** An action's step through `actOrRefuse`: a refusal goes back to its form (field or page message) with what was typed. */
export function runStep(intent: string, step: () => Promise<string>, values: Record<string, unknown> = {}) {
  return actOrRefuse(async () => json<StepResult>({ ok: true, intent, message: await step() }), { ...values, intent });
}
