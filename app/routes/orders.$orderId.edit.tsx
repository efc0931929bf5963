import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OrderForm, type OrderFormValues } from "~/components/order-form";
import { OrderError, findOrder, updateDraft } from "~/models/delegation-orders.server";
import { orderFormOptions } from "~/models/delegation-queries.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { toDateInputValue } from "~/utils/dates";
import { formDataToNested, validate, type FieldErrors } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "แก้ไขร่างคำสั่ง · สุจริต" }];

async function editableOrder(request: Request, orderId: string | undefined) {
  const user = await requireUser(request);
  const order = await findOrder(db, idParam(orderId, "ไม่พบคำสั่งนี้")).catch((error) => {
    if (error instanceof OrderError) httpError(error.status, error.message);
    throw error;
  });
  if (order.authorId !== user.id) httpError(403, "เฉพาะผู้ร่างเท่านั้นที่แก้ไขร่างนี้ได้");
  if (order.status !== "draft") httpError(409, order.signedAt ? "คำสั่งที่ลงนามแล้วแก้ไขไม่ได้" : "แก้ไขได้เฉพาะคำสั่งที่เป็นร่าง (ดึงกลับมาเป็นร่างก่อน)");
  return { user, order };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { order } = await editableOrder(request, params.orderId);
  const values: OrderFormValues = {
    title: order.title,
    issuingDivisionId: String(order.issuingDivisionId),
    delegatorEmployeeNumber: order.delegator.employeeNumber,
    effectiveFrom: toDateInputValue(order.effectiveFrom),
    effectiveUntil: toDateInputValue(order.effectiveUntil),
    body: order.body,
    delegates: order.delegates.map((d) => ({ employeeNumber: d.person?.employeeNumber ?? "", positionTitle: d.positionTitle ?? "" })),
    powers: order.powers.map((p) => ({ kind: p.kind, description: p.description, legalBasis: p.legalBasis, limits: p.limits ?? "", ceilingBaht: p.ceilingBaht == null ? "" : String(p.ceilingBaht) })),
    recipientDivisionIds: order.recipientDivisions.map((r) => String(r.divisionId)),
    recipientEmployeeNumbers: (await db.delegationAcknowledgement.findMany({ where: { orderId: order.id, named: true }, include: { person: true } }))
      .map((a) => a.person.employeeNumber)
      .join(", "),
    supersedesId: order.supersedesId ? String(order.supersedesId) : "",
  };
  return json({ id: order.id, values, ...(await orderFormOptions()) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, order } = await editableOrder(request, params.orderId);
  const values = formDataToNested(await readFormData(request), ["recipientDivisionIds"]);
  const result = validate(delegationOrderSchema, values);
  const fail = (fieldErrors: FieldErrors, formError?: string) => json({ values, fieldErrors, formError }, { status: 400 });
  if (!result.success) return fail(result.fieldErrors, "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง");
  try {
    await updateDraft(order.id, result.data, { personId: user.id, roles: user.roles, ip: clientIp(context) });
    return redirect(`/orders/${order.id}`);
  } catch (error) {
    if (!(error instanceof OrderError)) throw error;
    return error.field ? fail({ [error.field]: error.message }, "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง") : fail({}, error.message);
  }
}

export default function EditOrder() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/orders/${data.id}`}>‹ กลับไปที่คำสั่ง</Link>
      </p>
      <h1>แก้ไขร่างคำสั่ง</h1>
      <div className="card">
        <OrderForm
          defaultValues={{ ...data.values, ...(actionData?.values as Partial<OrderFormValues>) }}
          divisions={data.divisions}
          people={data.people}
          managers={data.managers}
          replaceable={data.replaceable.filter((o) => o.id !== data.id)}
          serverErrors={actionData?.fieldErrors}
          formError={actionData?.formError}
          submitLabel="บันทึกร่าง"
        />
      </div>
    </>
  );
}
