import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES } from "~/domain/declarations";
import { formatThaiDateTime } from "~/domain/thai-date";
import { declarationPage, reviewDeclaration } from "~/models/registers/declarations.server";
import { reviewSchema } from "~/schemas/declarations";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `คำแถลง #${data.declaration.id}` : "คำแถลง"} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    await loadOrRefuse(() =>
      declarationPage(
        { personId: user.id, roles: user.roles, ip: clientIp(context) },
        Number(params.declarationId) || 0,
      ),
    ),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { values, result } = validateForm(reviewSchema, await request.formData());
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    await reviewDeclaration(
      { personId: user.id, roles: user.roles, ip: clientIp(context) },
      Number(params.declarationId) || 0,
      result.data,
    );
    return json({ ok: true as const });
  }, values);
}

function Item({ label, value }: { label: string; value: string | null }) {
  return value ? (
    <>
      <dt>{label}</dt>
      <dd className="pre-wrap">{value}</dd>
    </>
  ) : null;
}

export default function DeclarationPage() {
  const { declaration: d, mayReview, caseNeedsRecusal } = useLoaderData<typeof loader>();
  const result = useActionResult();
  const failure = failureOf(result);
  const navigation = useNavigation();
  const form = useZodForm(reviewSchema, {
    defaultValues: { outcome: caseNeedsRecusal ? "recusal" : "", note: "", ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/declarations">‹ แสดงส่วนได้เสีย</Link>
      </p>
      <h1>{`คำแถลงส่วนได้เสีย${d.kindLabel} #${d.id}`}</h1>
      <section className="card">
        <dl>
          <Item label="ผู้ยื่น" value={`${d.personName} (${d.employeeNumber}) · ${d.division}`} />
          <Item label="ปีงบประมาณ" value={String(d.fiscalYear)} />
          <Item label="ยื่นเมื่อ" value={formatThaiDateTime(d.declaredAt)} />
          {d.kind === "yearly" ? (
            <>
              {d.nothingToDeclare ? <Item label="คำแถลง" value="ไม่มีสิ่งที่ต้องแจ้ง" /> : null}
              <Item label="ตำแหน่งนอกเทศบาล" value={d.outsidePositions} />
              <Item label="ธุรกิจที่ติดต่อกับเทศบาล" value={d.businesses} />
              <Item label="การถือหุ้น" value={d.shareholdings} />
              <Item label="ส่วนได้เสียอื่น" value={d.otherInterests} />
            </>
          ) : (
            <>
              <Item label="ได้รับแต่งตั้งเป็น" value={d.caseType} />
              <Item label="เรื่อง" value={d.caseRef} />
              <Item label="ส่วนได้เสีย" value={d.hasConflict ? `มี — ${d.conflictDetail ?? ""}` : "ไม่มี"} />
              {d.fromSalaryCommittee ? <Item label="ที่มา" value="แจ้งการงดเว้นในคณะกรรมการเลื่อนขั้นเงินเดือน" /> : null}
            </>
          )}
        </dl>
        {caseNeedsRecusal ? <p className="alert alert--info">ผู้ยื่นมีส่วนได้เสีย จึงต้องงดเว้นการพิจารณาเรื่องนี้</p> : null}
      </section>
      {d.reviewedAt ? (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">ผลการพิจารณา</h2>
          <p>
            <strong>{d.reviewOutcome}</strong>
          </p>
          {d.reviewNote ? <p className="pre-wrap">{d.reviewNote}</p> : null}
          <p className="muted">{`โดย ${d.reviewedBy} เมื่อ ${formatThaiDateTime(d.reviewedAt)}`}</p>
        </section>
      ) : (
        <p>
          <span className="badge badge--warn">รอผู้บังคับบัญชาพิจารณา</span>
        </p>
      )}
      {result?.ok ? <p className="alert alert--ok">บันทึกผลการพิจารณาแล้ว</p> : null}
      {mayReview ? (
        <Form
          method="post"
          className="card stack"
          onSubmit={form.onSubmit}
          noValidate
          aria-labelledby="do-review-heading"
        >
          <h2 id="do-review-heading">พิจารณาคำแถลง</h2>
          <FormError message={failure?.formError} />
          <SelectField label="ผลการพิจารณา" error={form.errorOf("outcome")} {...form.register("outcome")}>
            <option value="">— เลือก —</option>
            {REVIEW_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {REVIEW_OUTCOME_LABELS[o]}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="note">เหตุผล / วิธีจัดการส่วนได้เสีย</label>
            <textarea
              id="note"
              rows={3}
              aria-invalid={form.errorOf("note") ? true : undefined}
              {...form.register("note")}
            />
            {form.errorOf("note") ? <span className="field-error">{form.errorOf("note")}</span> : null}
          </div>
          <div>
            <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
              บันทึกผลการพิจารณา
            </button>
          </div>
        </Form>
      ) : !result?.ok ? (
        <FormError message={failure?.formError} />
      ) : null}
    </>
  );
}
