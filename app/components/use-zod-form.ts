import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { get, useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/**
 * react-hook-form with the same zod schema the action uses. The browser checks first and shows Thai messages at
 * once; the form is then submitted the Remix way, so it still works without JavaScript (the server re-validates).
 */
export function useZodForm(
  schema: z.ZodType,
  options: { defaultValues?: FieldValues; serverErrors?: FieldErrors } = {},
) {
  const form = useForm({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => {
      submit(submitter ?? formElement);
    })(event);
  };

  const errorOf = (name: string): string | undefined => {
    // Nested names (powers.0.kind) live in nested error objects.
    const clientError = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    if (typeof clientError === "string") return clientError;
    return options.serverErrors?.[name];
  };

  return { ...form, onSubmit, errorOf };
}
