// The one way the app says no: a status and a Thai message, optionally per-field messages.
// Models throw it (inside their transaction, after reading once); routes turn it into an error page
// (loaders) or a failed action result (actions) through `app/utils/route.server.ts`.
export type FieldErrors = Record<string, string>;

export class Refusal extends Error {
  readonly status: number;
  readonly fieldErrors: FieldErrors | undefined;
  constructor(status: number, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

export function refusal(status: number, message: string, fieldErrors?: FieldErrors): Refusal {
  return new Refusal(status, message, fieldErrors);
}

/** A refusal tied to one form field (400 unless said otherwise). */
export function fieldRefusal(field: string, message: string, status = 400): Refusal {
  return new Refusal(status, message, { [field]: message });
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
