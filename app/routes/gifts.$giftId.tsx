import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField } from "~/components/form-field";
import { GiftStatusBadge, isoDateThai } from "~/components/registers";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { GIFT_DECISION_LABELS, GIFT_DECISIONS } from "~/domain/gift-rules";
import { formatThaiDateTime } from "~/domain/thai-date";
import { decideGift, giftPage } from "~/models/registers/gifts.server";
import { giftDecisionSchema } from "~/schemas/gifts";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `ของขวัญ #${data.gift.id}` : "ของขวัญ"} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    await loadOrRefuse(() =>
      giftPage({ personId: user.id, roles: user.roles, ip: clientIp(context) }, Number(params.giftId) || 0),
    ),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { values, result } = validateForm(giftDecisionSchema, await request.formData());
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    await decideGift(
      { personId: user.id, roles: user.roles, ip: clientIp(context) },
      Number(params.giftId) || 0,
      result.data,
    );
    return json({ ok: true as const });
  }, values);
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function GiftPage() {
  const { gift, mayDecide, maySupersede, successorId } = useLoaderData<typeof loader>();
  const result = useActionResult();
  const failure = failureOf(result);
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(giftDecisionSchema, {
    defaultValues: { decision: "", reason: "", ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/gifts">‹ ของขวัญและประโยชน์</Link>
      </p>
      <div className="page-head">
        <h1>{`รายการ #${gift.id}: ${gift.description}`}</h1>
        <GiftStatusBadge status={gift.status} label={gift.statusLabel} />
      </div>
      {gift.supersededAt ? (
        <p className="alert alert--info">
          {`รายการนี้ถูกแทนที่เมื่อ ${formatThaiDateTime(gift.supersededAt)} เหตุผล: ${gift.supersededReason ?? "—"} `}
          {successorId ? <Link to={`/gifts/${successorId}`}>{`ดูรายการใหม่ #${successorId}`}</Link> : null}
        </p>
      ) : null}
      {gift.status === "overdue" ? (
        <p className="alert alert--error">{`เกินกำหนด: ต้องรายงานและวินิจฉัยภายใน ${isoDateThai(gift.reportDueOn)}`}</p>
      ) : null}
      <section className="card">
        <dl>
          <Row label="ผู้บันทึก">{`${gift.personName} (${gift.employeeNumber}) · ${gift.personPosition} · ${gift.division}`}</Row>
          <Row label="ผู้ให้">{`${gift.giverName} · ${gift.giverKind}${gift.giverRelative ? " · ญาติ" : ""}${gift.giverHasBusiness ? " · มีธุรกิจ/เรื่องกับเทศบาล" : ""}${gift.toGeneralPublic ? " · ให้แก่บุคคลทั่วไป" : ""}`}</Row>
          <Row label="โอกาส">{gift.occasion}</Row>
          <Row label="มูลค่า">{gift.value}</Row>
          <Row label="วันที่ได้รับ">{isoDateThai(gift.receivedOn)}</Row>
          <Row label="การรับ">{gift.outcome}</Row>
          <Row label="กรณีตามกฎ">{gift.ruleTitle}</Row>
          <Row label="บันทึกเมื่อ">{`${formatThaiDateTime(gift.recordedAt)}${gift.filedLate ? " (รายงานเกินกำหนด ๓๐ วัน)" : ""}`}</Row>
          {gift.mustReport ? <Row label="ต้องรายงานภายใน">{isoDateThai(gift.reportDueOn)}</Row> : null}
          {gift.supersedesId ? (
            <Row label="แทนรายการ">
              <Link to={`/gifts/${gift.supersedesId}`}>{`#${gift.supersedesId}`}</Link>
            </Row>
          ) : null}
        </dl>
      </section>
      {gift.decidedAt ? (
        <section className="card" aria-labelledby="decision-heading">
          <h2 id="decision-heading">คำวินิจฉัยของผู้บังคับบัญชา</h2>
          <p>
            <strong>{gift.decision}</strong>
          </p>
          <p>{`เหตุผล: ${gift.decisionReason}`}</p>
          <p className="muted">{`โดย ${gift.decidedBy} เมื่อ ${formatThaiDateTime(gift.decidedAt)}`}</p>
        </section>
      ) : null}
      {result?.ok ? <p className="alert alert--ok">บันทึกคำวินิจฉัยแล้ว</p> : null}
      {mayDecide ? (
        <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="decide-heading">
          <h2 id="decide-heading">วินิจฉัยรายงานนี้</h2>
          <FormError message={failure?.formError} />
          <SelectField label="คำวินิจฉัย" error={errorOf("decision")} {...register("decision")}>
            <option value="">— เลือก —</option>
            {GIFT_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {GIFT_DECISION_LABELS[d]}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="reason">เหตุผล</label>
            <textarea
              id="reason"
              rows={3}
              aria-invalid={errorOf("reason") ? true : undefined}
              {...register("reason")}
            />
            {errorOf("reason") ? <span className="field-error">{errorOf("reason")}</span> : null}
          </div>
          <p className="muted">เมื่อบันทึกแล้ว คำวินิจฉัยแก้ไขไม่ได้</p>
          <div>
            <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
              บันทึกคำวินิจฉัย
            </button>
          </div>
        </Form>
      ) : !result?.ok ? (
        <FormError message={failure?.formError} />
      ) : null}
      {maySupersede ? (
        <p>
          <Link to={`/gifts/new?supersedes=${gift.id}`} className="btn btn--secondary">
            ข้อมูลไม่ถูกต้อง? บันทึกรายการใหม่แทนรายการนี้
          </Link>
        </p>
      ) : null}
    </>
  );
}
