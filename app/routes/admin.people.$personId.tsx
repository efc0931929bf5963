import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { PersonForm } from "~/components/person-form";
import { useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { isAdmin, type Actor } from "~/domain/actor";
import { ROLES, ROLE_LABELS } from "~/domain/roles";
import { formatThaiDateTime } from "~/domain/thai-date";
import { personPage } from "~/models/people/person-page.server";
import {
  deactivatePerson,
  reactivatePerson,
  resetPassword,
  setRoles,
  updatePerson,
} from "~/models/people/people.server";
import { resetPasswordSchema } from "~/schemas/auth";
import { personSchema, rolesSchema } from "~/schemas/person";
import { forbidden, requireRole } from "~/utils/auth.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.person.firstName} ${data.person.lastName} · จัดการบุคลากร` : "บุคลากร · สุจริต" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => personPage(idParam(params.personId, "ไม่พบบุคลากรนี้"), user)));
}

const done = (intent: string, message: string) => json({ ok: true as const, intent, message });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const personId = idParam(params.personId, "ไม่พบบุคลากรนี้");
  const actor: Actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const modelActor = { actorId: actor.personId, ip: actor.ip, roles: actor.roles };
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  if ((intent === "roles" || intent === "reset-password") && !isAdmin(actor)) {
    throw forbidden("เฉพาะผู้ดูแลระบบเท่านั้นที่เปลี่ยนบทบาทหรือตั้งรหัสผ่านใหม่ได้");
  }
  switch (intent) {
    case "details": {
      const { values, result } = validateForm(personSchema, formData);
      if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values: { ...values, intent } });
      return actOrRefuse(
        async () => {
          await updatePerson(personId, result.data, modelActor);
          return done(intent, "บันทึกข้อมูลแล้ว");
        },
        { ...values, intent },
      );
    }
    case "roles": {
      const { result } = validateForm(rolesSchema, formData, ["roles"]);
      if (!result.success)
        return actionFailure({ formError: Object.values(result.fieldErrors)[0], values: { intent } });
      return actOrRefuse(
        async () => {
          await setRoles(personId, result.data.roles, modelActor);
          return done(intent, "บันทึกบทบาทแล้ว");
        },
        { intent },
      );
    }
    case "deactivate":
      return actOrRefuse(
        async () => {
          await deactivatePerson(personId, modelActor);
          return done(intent, "ระงับการใช้งานแล้ว ผู้นี้ถูกออกจากระบบทุกอุปกรณ์");
        },
        { intent },
      );
    case "reactivate":
      return actOrRefuse(
        async () => {
          await reactivatePerson(personId, modelActor);
          return done(intent, "เปิดการใช้งานแล้ว");
        },
        { intent },
      );
    case "reset-password": {
      const { result } = validateForm(resetPasswordSchema, formData);
      if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values: { intent } });
      return actOrRefuse(
        async () => {
          await resetPassword(personId, result.data.newPassword, modelActor);
          return done(intent, "ตั้งรหัสผ่านใหม่แล้ว ผู้นี้ต้องเข้าสู่ระบบใหม่ด้วยรหัสผ่านนี้");
        },
        { intent },
      );
    }
    default:
      return actionFailure({ formError: "ไม่รู้จักคำสั่งนี้", values: { intent } });
  }
}

type Result = ReturnType<typeof useActionResult<typeof action>>;

/** Which of the page's forms the last result belongs to. */
const intentOf = (result: Result) => (result ? (result.ok ? result.intent : String(result.values?.intent ?? "")) : "");

function Notice({ data, intent }: { data: Result; intent: string }) {
  if (!data || intentOf(data) !== intent) return null;
  if (data.ok)
    return (
      <div className="alert alert--ok" role="status">
        {data.message}
      </div>
    );
  // Forms without a field for the message (roles, deactivate) show the first field message as the form's.
  const own = intent === "details" || intent === "reset-password";
  return <FormError message={data.formError ?? (own ? undefined : Object.values(data.fieldErrors ?? {})[0])} />;
}

function ResetPasswordForm({ serverErrors }: { serverErrors?: FieldErrors }) {
  const { register, onSubmit, errorOf } = useZodForm(resetPasswordSchema, { serverErrors });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="reset-password" />
      <TextField
        label="รหัสผ่านใหม่"
        type="password"
        autoComplete="new-password"
        error={errorOf("newPassword")}
        {...register("newPassword")}
      />
      <TextField
        label="ยืนยันรหัสผ่านใหม่"
        type="password"
        autoComplete="new-password"
        error={errorOf("confirmPassword")}
        {...register("confirmPassword")}
      />
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
  const actionData = useActionResult<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const [searchParams] = useSearchParams();
  const detailsValues =
    failure && intentOf(failure) === "details" && failure.values ? (failure.values as typeof person) : person;
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
        {person.active ? (
          <span className="badge badge--ok">ปฏิบัติงาน</span>
        ) : (
          <span className="badge badge--bad">ไม่ได้ใช้งาน</span>
        )}
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
          serverErrors={failure && intentOf(failure) === "details" ? failure.fieldErrors : undefined}
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
            <ResetPasswordForm
              serverErrors={failure && intentOf(failure) === "reset-password" ? failure.fieldErrors : undefined}
            />
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
