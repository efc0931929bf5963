import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useFieldArray } from "react-hook-form";
import { FormError, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { fullName } from "~/domain/personnel";
import { COMMITTEE_KIND_LABELS, COMMITTEE_ROLE_LABELS, type CommitteeKind } from "~/domain/salary-review";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { setCommittee } from "~/models/salary/committees.server";
import { committeeFormPage } from "~/models/salary/pages.server";
import { committeeSchema } from "~/schemas/salary";
import { requireRole } from "~/utils/auth.server";
import { formDataToNested, validate } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "แต่งตั้งคณะกรรมการ · สุจริต" }];

function kindOf(param: string | undefined): CommitteeKind {
  if (param !== "screening" && param !== "salary") httpError(404, "ไม่พบคณะกรรมการประเภทนี้");
  return param;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const kind = kindOf(params.kind);
  const { round, committee, people } = await loadOrRefuse(() =>
    committeeFormPage(idParam(params.roundId), kind, salaryActor(user, context)),
  );
  return json({
    round: { id: round.id, title: round.title, published: round.publishedAt != null },
    kind,
    values: committee
      ? {
          appointingOrderRef: committee.appointingOrderRef,
          members: committee.members.map((m) => ({ employeeNumber: m.person.employeeNumber, role: m.role })),
        }
      : {
          appointingOrderRef: "",
          members: [
            { employeeNumber: "", role: "chair" },
            { employeeNumber: "", role: "member" },
            { employeeNumber: "", role: "member" },
            { employeeNumber: "", role: "secretary" },
          ],
        },
    people: people.map((p) => ({ employeeNumber: p.employeeNumber, label: `${fullName(p)} · ${p.position}` })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const kind = kindOf(params.kind);
  const values = formDataToNested(await readFormData(request), ["members"]);
  const result = validate(committeeSchema, values);
  if (!result.success)
    return actionFailure({ formError: "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง", fieldErrors: result.fieldErrors, values });
  return actOrRefuse(
    async () =>
      redirect(
        `/salary/committees/${(await setCommittee(idParam(params.roundId), kind, result.data, salaryActor(user, context))).id}`,
      ),
    values,
  );
}

export default function AppointCommittee() {
  const { round, kind, values, people } = useLoaderData<typeof loader>();
  const actionData = failureOf(useActionResult<typeof action>());
  const navigation = useNavigation();
  const form = useZodForm(committeeSchema, {
    defaultValues: { ...values, ...(actionData?.values as object) },
    serverErrors: actionData?.fieldErrors,
  });
  const { register, onSubmit, errorOf, control } = form;
  const members = useFieldArray({ control, name: "members" });
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/salary/rounds/${round.id}`}>{`‹ ${round.title}`}</Link>
      </p>
      <h1>{`แต่งตั้ง${COMMITTEE_KIND_LABELS[kind]}`}</h1>
      <p className="muted">
        {kind === "screening"
          ? "ประธานโดยปกติคือปลัดเทศบาล กรรมการคือหัวหน้าส่วนราชการ เลขานุการคือเจ้าหน้าที่ผู้รับผิดชอบงานการเจ้าหน้าที่"
          : "ประธานตามที่นายกเทศมนตรีแต่งตั้ง (โดยปกติคือนายกเทศมนตรี) กรรมการคือหัวหน้าส่วนราชการและผู้อำนวยการสถานศึกษา เลขานุการคือเจ้าหน้าที่ผู้รับผิดชอบงานการเจ้าหน้าที่"}
      </p>
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <FormError message={actionData?.formError} />
        <TextField
          label="คำสั่งแต่งตั้ง (เลขที่/วันที่)"
          placeholder="เช่น คำสั่งเทศบาลนครลำปาง ที่ 120/2569 ลงวันที่ 1 มีนาคม 2569"
          error={errorOf("appointingOrderRef")}
          {...register("appointingOrderRef")}
        />
        <fieldset className="field">
          <legend>กรรมการ (ประธาน 1 คน เลขานุการ 1 คน)</legend>
          {members.fields.map((field, index) => (
            <div key={field.id} className="row repeat-row">
              <TextField
                label={`คนที่ ${index + 1} (เลขประจำตัว)`}
                list="committee-people"
                error={errorOf(`members.${index}.employeeNumber`)}
                {...register(`members.${index}.employeeNumber`)}
              />
              <div className="field">
                <label htmlFor={`members.${index}.role`}>ตำแหน่งในคณะกรรมการ</label>
                <select id={`members.${index}.role`} {...register(`members.${index}.role`)}>
                  {(["chair", "member", "secretary"] as const).map((r) => (
                    <option key={r} value={r}>
                      {COMMITTEE_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              {members.fields.length > 3 ? (
                <button type="button" className="btn btn--secondary" onClick={() => members.remove(index)}>
                  ลบ
                </button>
              ) : null}
            </div>
          ))}
          {errorOf("members") ? (
            <span className="field-error" role="alert">
              {errorOf("members")}
            </span>
          ) : null}
          <div>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => members.append({ employeeNumber: "", role: "member" })}
            >
              + เพิ่มกรรมการ
            </button>
          </div>
        </fieldset>
        <datalist id="committee-people">
          {people.map((p) => (
            <option key={p.employeeNumber} value={p.employeeNumber}>
              {p.label}
            </option>
          ))}
        </datalist>
        <div>
          <button type="submit" className="btn" disabled={round.published || navigation.state !== "idle"}>
            บันทึกคณะกรรมการ
          </button>
        </div>
      </Form>
    </>
  );
}
