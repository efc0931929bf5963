import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderForm, emptyOrder, type OrderFormValues } from "~/components/order-form";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { createDraft } from "~/models/orders/order-commands.server";
import { newOrderPage } from "~/models/orders/order-pages.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import { requireRole } from "~/utils/auth.server";
import { formDataToNested, validate } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ร่างคำสั่งมอบอำนาจ · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "manager", "hr", "admin"); // re-checked by the model (mayDraftOrder)
  return json(
    await loadOrRefuse(() =>
      newOrderPage({ personId: user.id, roles: user.roles, ip: clientIp(context) }, user.employeeNumber),
    ),
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "manager", "hr", "admin");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const values = formDataToNested(await readFormData(request), ["recipientDivisionIds"]);
  const result = validate(delegationOrderSchema, values);
  if (!result.success)
    return actionFailure({ fieldErrors: result.fieldErrors, formError: "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง", values });
  return actOrRefuse(async () => redirect(`/orders/${(await createDraft(result.data, actor)).id}`), values);
}

export default function NewOrder() {
  const data = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบอำนาจ</Link>
      </p>
      <h1>ร่างคำสั่งมอบอำนาจ</h1>
      <div className="card">
        <OrderForm
          defaultValues={{ ...emptyOrder(data.me), ...(failure?.values as Partial<OrderFormValues>) }}
          divisions={data.divisions}
          people={data.people}
          managers={data.managers}
          replaceable={data.replaceable}
          serverErrors={failure?.fieldErrors}
          formError={failure?.formError ?? (failure?.fieldErrors ? "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง" : undefined)}
          submitLabel="บันทึกร่าง"
        />
      </div>
    </>
  );
}
