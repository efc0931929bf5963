import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderForm, type OrderFormValues } from "~/components/order-form";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { updateDraft } from "~/models/orders/order-commands.server";
import { orderEditPage } from "~/models/orders/order-pages.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import { requireUser } from "~/utils/auth.server";
import { formDataToNested, validate } from "~/utils/forms";
import { idParam } from "~/utils/params.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "แก้ไขร่างคำสั่ง · สุจริต" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orderId = idParam(params.orderId, "ไม่พบคำสั่งนี้");
  return json(
    await loadOrRefuse(() => orderEditPage(orderId, { personId: user.id, roles: user.roles, ip: clientIp(context) })),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const orderId = idParam(params.orderId, "ไม่พบคำสั่งนี้");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const values = formDataToNested(await readFormData(request), ["recipientDivisionIds"]);
  const result = validate(delegationOrderSchema, values);
  if (!result.success)
    return actionFailure({ fieldErrors: result.fieldErrors, formError: "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง", values });
  return actOrRefuse(async () => {
    await updateDraft(orderId, result.data, actor);
    return redirect(`/orders/${orderId}`);
  }, values);
}

export default function EditOrder() {
  const data = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/orders/${data.id}`}>‹ กลับไปที่คำสั่ง</Link>
      </p>
      <h1>แก้ไขร่างคำสั่ง</h1>
      <div className="card">
        <OrderForm
          defaultValues={{ ...data.values, ...(failure?.values as Partial<OrderFormValues>) }}
          divisions={data.divisions}
          people={data.people}
          managers={data.managers}
          replaceable={data.replaceable.filter((o) => o.id !== data.id)}
          serverErrors={failure?.fieldErrors}
          formError={failure?.formError ?? (failure?.fieldErrors ? "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง" : undefined)}
          submitLabel="บันทึกร่าง"
        />
      </div>
    </>
  );
}
