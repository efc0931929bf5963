import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OrderForm, emptyOrder, type OrderFormValues } from "~/components/order-form";
import { OrderError, createDraft, mayDraft } from "~/models/delegation-orders.server";
import { orderFormOptions } from "~/models/delegation-queries.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import { forbidden, requireUser } from "~/utils/auth.server";
import { formDataToNested, validate, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "ร่างคำสั่งมอบหมายงาน · สุจริต" }];

async function requireDrafter(request: Request) {
  const user = await requireUser(request);
  if (!mayDraft({ personId: user.id, roles: user.roles, ip: null })) throw forbidden("เฉพาะผู้บังคับบัญชาและกองการเจ้าหน้าที่เท่านั้นที่ร่างคำสั่งได้");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireDrafter(request);
  return json({ ...(await orderFormOptions()), me: user.roles.includes("manager") ? user.employeeNumber : "" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireDrafter(request);
  const values = formDataToNested(await readFormData(request), ["recipientDivisionIds"]);
  const result = validate(delegationOrderSchema, values);
  const fail = (fieldErrors: FieldErrors, formError?: string) => json({ values, fieldErrors, formError }, { status: 400 });
  if (!result.success) return fail(result.fieldErrors, "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง");
  try {
    const order = await createDraft(result.data, { personId: user.id, roles: user.roles, ip: clientIp(context) });
    return redirect(`/orders/${order.id}`);
  } catch (error) {
    if (!(error instanceof OrderError)) throw error;
    return error.field ? fail({ [error.field]: error.message }, "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง") : fail({}, error.message);
  }
}

export default function NewOrder() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบหมายงาน</Link>
      </p>
      <h1>ร่างคำสั่งมอบหมายงาน</h1>
      <div className="card">
        <OrderForm
          defaultValues={{ ...emptyOrder(data.me), ...(actionData?.values as Partial<OrderFormValues>) }}
          divisions={data.divisions}
          people={data.people}
          managers={data.managers}
          replaceable={data.replaceable}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
          submitLabel="บันทึกร่าง"
        />
      </div>
    </>
  );
}
