import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { PersonForm } from "~/components/person-form";
import { useZodForm } from "~/components/use-zod-form";
import { isActiveOn } from "~/domain/personnel";
import { ROLES, ROLE_LABELS } from "~/domain/roles";
import { formatThaiDateTime } from "~/domain/thai-date";
import { listDivisionOptions } from "~/models/organization.server";
import {
  PersonError,
  deactivatePerson,
  reactivatePerson,
  resetPassword,
  setRoles,
  updatePerson,
} from "~/models/people.server";
import { isRefusal } from "~/domain/refusal";
import { resetPasswordSchema } from "~/schemas/auth";
import { personSchema, rolesSchema } from "~/schemas/person";
import { auditActionLabel } from "~/utils/audit.server";
import { forbidden, requireRole } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { toDateInputValue } from "~/utils/dates";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.person.firstName} ${data.person.lastName} · จัดการบุคลากร` : "บุคลากร · สุจริต" },
];

async function findPerson(params: { personId?: string }) {
  const id = idParam(params.personId);
  const person = Number.isInteger(id)
    ? await db.person.findUnique({ where: { id }, include: { roles: true, division: true } })
    : null;
  if (!person) throw json({ message: "ไม่พบบุคลากรนี้" }, { status: 404 });
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const person = await findPerson(params);
  const [divisions, history] = await Promise.all([
    listDivisionOptions(),
    db.auditLog.findMany({
      where: { entityType: "Person", entityId: person.employeeNumber },
      orderBy: { at: "desc" },
      take: 10,
    }),
  ]);
  return json({
    isAdmin: user.roles.includes("admin"),
    divisions,
    person: {
      id: person.id,
      employeeNumber: person.employeeNumber,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      position: person.position,
      personnelType: person.personnelType,
      divisionId: String(person.divisionId),
      divisionName: person.division.name,
      activeFrom: toDateInputValue(person.activeFrom),
      activeUntil: toDateInputValue(person.activeUntil),
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
      active: isActiveOn(person, new Date()),
      hasPassword: Boolean(person.passwordHash),
      roles: person.roles.map((r) => r.role),
    },
    history: history.map((h) => ({ id: h.id, at: h.at.toISOString(), action: auditActionLabel(h.action) })),
  });
}

type ActionResult = { intent: string; ok?: string; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const person = await findPerson(params);
  const actor = { actorId: user.id, ip: clientIp(context), roles: user.roles };
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const fail = (result: Omit<ActionResult, "intent">) => json<ActionResult>({ intent, ...result }, { status: 400 });
  const adminOnly = intent === "roles" || intent === "reset-password";
  if (adminOnly && !user.roles.includes("admin")) throw forbidden("เฉพาะผู้ดูแลระบบเท่านั้นที่เปลี่ยนบทบาทหรือตั้งรหัสผ่านใหม่ได้");

  try {
    switch (intent) {
      case "details": {
        const { values, result } = validateForm(personSchema, formData);
        if (!result.success) return fail({ fieldErrors: result.fieldErrors, values });
        await updatePerson(person.id, result.data, actor);
        return json<ActionResult>({ intent, ok: "บันทึกข้อมูลแล้ว" });
      }
      case "roles": {
        const { result } = validateForm(rolesSchema, formData, ["roles"]);
        if (!result.success) return fail({ formError: Object.values(result.fieldErrors)[0] });
        await setRoles(person.id, result.data.roles, actor);
        return json<ActionResult>({ intent, ok: "บันทึกบทบาทแล้ว" });
      }
      case "deactivate":
        await deactivatePerson(person.id, actor);
        return json<ActionResult>({ intent, ok: "ระงับการใช้งานแล้ว ผู้นี้ถูกออกจากระบบทุกอุปกรณ์" });
      case "reactivate":
        await reactivatePerson(person.id, actor);
        return json<ActionResult>({ intent, ok: "เปิดการใช้งานแล้ว" });
      case "reset-password": {
        const { result } = validateForm(resetPasswordSchema, formData);
        if (!result.success) return fail({ fieldErrors: result.fieldErrors });
        await resetPassword(person.id, result.data.newPassword, actor);
        return json<ActionResult>({ intent, ok: "ตั้งรหัสผ่านใหม่แล้ว ผู้นี้ต้องเข้าสู่ระบบใหม่ด้วยรหัสผ่านนี้" });
      }
      default:
        return fail({ formError: "ไม่รู้จักคำสั่งนี้" });
    }
  } catch (error) {
    if (isRefusal(error)) return json<ActionResult>({ intent, formError: error.message }, { status: error.status });
    if (!(error instanceof PersonError)) throw error;
    return fail(error.field ? { fieldErrors: { [error.field]: error.message } } : { formError: error.message });
  }
}

function Notice({ data, intent }: { data: ActionResult | undefined; intent: string }) {
  if (data?.intent !== intent) return null;
  if (data.ok)
    return (
      <div className="alert alert--ok" role="status">
        {data.ok}
      </div>
    );
  return <FormError message={data.formError} />;
}

function ResetPasswordForm({ serverErrors }: { serverErrors?: FieldErrors }) {
  const { register, onSubmit, errorOf } = useZodForm(resetPasswordSchema, { serverErrors });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="reset-password" />
      <TextField label="รหัสผ่านใหม่" type="password" autoComplete="new-password" error={errorOf("newPassword")} {...register("newPassword")} />
      <TextField label="ยืนยันรหัสผ่านใหม่" type="password" autoComplete="new-password" error={errorOf("confirmPassword")} {...register("confirmPassword")} />
      <div>
        <button type="submit" className="btn btn--secondary">
          ตั้งรหัสผ่านใหม่
        </button>
      </div>
    </Form>
  );
}

export default function EditPerson() {
  const { person, divisions, history, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const detailsValues = actionData?.intent === "details" && actionData.values ? (actionData.values as typeof person) : person;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/people">‹ จัดการบุคลากร</Link>
      </p>
      <div className="page-head">
        <h1>
          {person.title}
          {person.firstName} {person.lastName}
        </h1>
        {person.active ? <span className="badge badge--ok">ปฏิบัติงาน</span> : <span className="badge badge--bad">ไม่ได้ใช้งาน</span>}
      </div>
      {searchParams.get("created") ? (
        <div className="alert alert--ok" role="status">
          เพิ่มบุคลากรแล้ว
        </div>
      ) : null}

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">ข้อมูลบุคลากร</h2>
        <Notice data={actionData} intent="details" />
        <PersonForm
          key={person.employeeNumber}
          divisions={divisions}
          defaultValues={detailsValues}
          serverErrors={actionData?.intent === "details" ? actionData.fieldErrors : undefined}
          submitLabel="บันทึกข้อมูล"
          intent="details"
        />
      </section>

      <section className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">บทบาทในระบบ</h2>
        <Notice data={actionData} intent="roles" />
        {isAdmin ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="roles" />
            <fieldset className="field">
              <legend>บทบาท</legend>
              {ROLES.map((role) => (
                <label key={role} className="checkbox">
                  <input type="checkbox" name="roles" value={role} defaultChecked={person.roles.includes(role)} />
                  {ROLE_LABELS[role]}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="btn">
                บันทึกบทบาท
              </button>
            </div>
          </Form>
        ) : (
          <p>
            {person.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(", ")}{" "}
            <span className="muted">(เปลี่ยนได้โดยผู้ดูแลระบบ)</span>
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">การเข้าใช้ระบบ</h2>
        <Notice data={actionData} intent="deactivate" />
        <Notice data={actionData} intent="reactivate" />
        <Notice data={actionData} intent="reset-password" />
        {person.deactivatedAt ? (
          <Form method="post">
            <p>ระงับการใช้งานเมื่อ {formatThaiDateTime(person.deactivatedAt)}</p>
            <button type="submit" name="intent" value="reactivate" className="btn btn--secondary">
              เปิดการใช้งานอีกครั้ง
            </button>
          </Form>
        ) : (
          <Form
            method="post"
            onSubmit={(event) => {
              if (!confirm("ยืนยันการระงับการใช้งาน? ผู้นี้จะถูกออกจากระบบทันที")) event.preventDefault();
            }}
          >
            <p className="muted">การระงับการใช้งานจะทำให้ผู้นี้ออกจากระบบทุกอุปกรณ์และเข้าสู่ระบบไม่ได้</p>
            <button type="submit" name="intent" value="deactivate" className="btn btn--danger">
              ระงับการใช้งาน
            </button>
          </Form>
        )}
        {isAdmin ? (
          <>
            <h3>ตั้งรหัสผ่านใหม่</h3>
            <p className="muted">{person.hasPassword ? "มีรหัสผ่านแล้ว" : "ยังไม่มีรหัสผ่าน (เข้าสู่ระบบไม่ได้)"}</p>
            <ResetPasswordForm serverErrors={actionData?.intent === "reset-password" ? actionData.fieldErrors : undefined} />
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">ประวัติล่าสุด</h2>
        {history.length === 0 ? (
          <p className="muted">ยังไม่มีประวัติ</p>
        ) : (
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                {formatThaiDateTime(h.at)} · {h.action}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
