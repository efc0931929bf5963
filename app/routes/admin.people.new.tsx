import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PersonForm, emptyPersonFormValues, type PersonFormValues } from "~/components/person-form";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { listDivisionOptions } from "~/models/people/organization.server";
import { createPerson } from "~/models/people/people.server";
import { personSchema } from "~/schemas/person";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "เพิ่มบุคลากร · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  return json({ divisions: await listDivisionOptions() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { values, result } = validateForm(personSchema, await readFormData(request));
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    const person = await createPerson(result.data, ["staff"], {
      actorId: user.id,
      ip: clientIp(context),
      roles: user.roles,
    });
    return redirect(`/admin/people/${person.id}?created=1`);
  }, values);
}

export default function NewPerson() {
  const { divisions } = useLoaderData<typeof loader>();
  const actionData = failureOf(useActionResult<typeof action>());
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/people">‹ จัดการบุคลากร</Link>
      </p>
      <h1>เพิ่มบุคลากร</h1>
      <div className="card">
        <PersonForm
          divisions={divisions}
          defaultValues={{ ...emptyPersonFormValues, ...(actionData?.values as Partial<PersonFormValues>) }}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
          submitLabel="บันทึก"
        />
      </div>
    </>
  );
}
