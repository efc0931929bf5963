import { json } from "@remix-run/node";

/** A Thai error page with this status (rendered by the nearest ErrorBoundary). */
export function httpError(status: number, message: string): never {
  throw json({ message }, { status });
}
