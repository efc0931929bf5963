import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useActionResult } from "~/components/use-action-result";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_ROLE_LABELS,
  formatBaht,
  formatIncrease,
  hasQuorum,
  type CommitteeRole,
} from "~/domain/salary-review";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { closeMeeting, decideCase, setAttendance } from "~/models/salary/meetings.server";
import { meetingView } from "~/models/salary/committee-views.server";
import { decisionSchema, minutesSchema } from "~/schemas/salary";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { stepView } from "~/domain/salary-step";
import { loadOrRefuse } from "~/utils/route.server";
import { runStep, salaryActor, stepFailure } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `การประชุมครั้งที่ ${data?.meeting.number ?? ""} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => meetingView(idParam(params.meetingId), salaryActor(user, context))));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = idParam(params.meetingId);
  // The models refuse anyone but the committee's chair or secretary, and any change to a closed meeting.
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = salaryActor(user, context);
  switch (intent) {
    case "attendance": {
      const present = form.getAll("present").map(Number).filter(Number.isInteger);
      return runStep(
        intent,
        async () => (await setAttendance(meetingId, present, actor), `บันทึกผู้มาประชุม ${present.length} คนแล้ว`),
      );
    }
    case "decide": {
      const { values, result } = validateForm(decisionSchema, form);
      if (!result.success) return stepFailure(intent, { fieldErrors: result.fieldErrors, values });
      return runStep(intent, async () => (await decideCase(meetingId, result.data, actor), "บันทึกมติแล้ว"), values);
    }
    case "close": {
      const { values, result } = validateForm(minutesSchema, form);
      if (!result.success) return stepFailure(intent, { fieldErrors: result.fieldErrors, values });
      return runStep(
        intent,
        async () => (
          await closeMeeting(meetingId, result.data.minutes, actor),
          "ปิดการประชุมแล้ว มติและรายงานการประชุมแก้ไขไม่ได้อีก"
        ),
        values,
      );
    }
    default:
      return stepFailure(intent, { formError: "ไม่รู้จักคำสั่งนี้" });
  }
}

type CaseRow = ReturnType<typeof useLoaderData<typeof loader>>["cases"][number];

function DecisionForm({ row, correction }: { row: CaseRow; correction: boolean }) {
  const result = stepView(useActionResult<typeof action>());
  const mine = result?.intent === "decide" && Number(result.values?.appraisalId) === row.id ? result : undefined;
  const navigation = useNavigation();
  const { register, onSubmit, errorOf, watch } = useZodForm(decisionSchema, {
    defaultValues: {
      appraisalId: String(row.id),
      outcome: row.decision?.outcome ?? (correction ? "change" : "confirm"),
      halfSteps: row.decision?.halfSteps == null ? "" : String(row.decision.halfSteps),
      percent: row.decision?.basisPoints == null ? "" : String(row.decision.basisPoints / 100),
      reason: row.decision?.reason ?? "",
      ...(mine?.values as object),
    },
    serverErrors: mine?.fieldErrors,
  });
  const changing = watch("outcome") === "change";
  const id = (name: string) => `${name}-${row.id}`;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={`มติสำหรับ ${row.name}`}>
      <input type="hidden" {...register("appraisalId")} />
      <FormError message={mine?.formError} />
      <fieldset className="field">
        <legend>ผลการพิจารณา</legend>
        {correction ? null : (
          <label className="checkbox">
            <input type="radio" value="confirm" {...register("outcome")} />
            เห็นชอบตามที่เสนอ
          </label>
        )}
        <label className="checkbox">
          <input type="radio" value="change" {...register("outcome")} />
          {correction ? "แก้ไขผล (มติแก้ไข)" : "เปลี่ยนแปลง"}
        </label>
        {errorOf("outcome") ? (
          <span className="field-error" role="alert">
            {errorOf("outcome")}
          </span>
        ) : null}
      </fieldset>
      {changing ? (
        <div className="row">
          {row.increaseType === "steps" ? (
            <div className="field">
              <label htmlFor={id("halfSteps")}>จำนวนขั้น</label>
              <select
                id={id("halfSteps")}
                aria-invalid={errorOf("halfSteps") ? true : undefined}
                {...register("halfSteps")}
              >
                <option value="">— เลือก —</option>
                <option value="0">ไม่เลื่อนขั้น</option>
                <option value="1">0.5 ขั้น</option>
                <option value="2">1 ขั้น</option>
                <option value="3">1.5 ขั้น</option>
              </select>
              {errorOf("halfSteps") ? (
                <span className="field-error" role="alert">
                  {errorOf("halfSteps")}
                </span>
              ) : null}
            </div>
          ) : (
            <div className="field">
              <label htmlFor={id("percent")}>ร้อยละ</label>
              <input
                id={id("percent")}
                inputMode="decimal"
                aria-invalid={errorOf("percent") ? true : undefined}
                {...register("percent")}
              />
              {errorOf("percent") ? (
                <span className="field-error" role="alert">
                  {errorOf("percent")}
                </span>
              ) : null}
            </div>
          )}
          <div className="field">
            <label htmlFor={id("reason")}>เหตุผล</label>
            <input id={id("reason")} aria-invalid={errorOf("reason") ? true : undefined} {...register("reason")} />
            {errorOf("reason") ? (
              <span className="field-error" role="alert">
                {errorOf("reason")}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
      <div>
        <button
          type="submit"
          name="intent"
          value="decide"
          className="btn btn--secondary"
          disabled={navigation.state !== "idle"}
        >
          {row.decision ? "แก้ไขมติ" : "บันทึกมติ"}
        </button>
      </div>
    </Form>
  );
}

function CloseForm() {
  const result = stepView(useActionResult<typeof action>());
  const mine = result?.intent === "close" ? result : undefined;
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(minutesSchema, {
    defaultValues: { minutes: "", ...(mine?.values as object) },
    serverErrors: mine?.fieldErrors,
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={mine?.formError} />
      <div className="field">
        <label htmlFor="minutes">รายงานการประชุม</label>
        <textarea id="minutes" rows={6} aria-invalid={errorOf("minutes") ? true : undefined} {...register("minutes")} />
        {errorOf("minutes") ? (
          <span className="field-error" role="alert">
            {errorOf("minutes")}
          </span>
        ) : null}
      </div>
      <div>
        <button type="submit" name="intent" value="close" className="btn" disabled={navigation.state !== "idle"}>
          ปิดการประชุม
        </button>
      </div>
    </Form>
  );
}

export default function MeetingPage() {
  const { meeting, committee, seat, members, cases, hiddenCount } = useLoaderData<typeof loader>();
  const result = stepView(useActionResult<typeof action>());
  const navigation = useNavigation();
  const open = !meeting.closedAt;
  const recorder = open && seat != null && seat.role !== "member";
  const present = members.filter((m) => m.present).length;
  const quorum = hasQuorum(present, members.length, meeting.quorumPercent);
  const correction = committee.round.publishedAt != null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/salary/committees/${committee.id}`}>{`‹ ${COMMITTEE_KIND_LABELS[committee.kind]}`}</Link>
      </p>
      <h1>{`การประชุมครั้งที่ ${meeting.number} · ${formatThaiDate(meeting.heldAt)}`}</h1>
      <p className="muted">{`${COMMITTEE_KIND_LABELS[committee.kind]} · ${committee.round.title}`}</p>
      {result?.message ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {result && result.intent !== "decide" && result.intent !== "close" ? (
        <FormError message={result.formError} />
      ) : null}
      {meeting.closedAt ? (
        <p className="alert alert--ok">{`ปิดการประชุมแล้วเมื่อ ${formatThaiDateTime(meeting.closedAt)} · บันทึกนี้แก้ไขไม่ได้`}</p>
      ) : null}

      <section className="card" aria-labelledby="agenda">
        <h2 id="agenda">ระเบียบวาระ</h2>
        <p style={{ whiteSpace: "pre-line" }}>{meeting.agenda}</p>
      </section>

      <section className="card" aria-labelledby="attendance">
        <h2 id="attendance">ผู้มาประชุม</h2>
        <p data-testid="quorum" className={quorum ? "alert alert--ok" : "alert alert--error"}>
          {`มาประชุม ${present} จาก ${members.length} คน · องค์ประชุมต้องมากกว่าร้อยละ ${meeting.quorumPercent} · ${quorum ? "ครบองค์ประชุม" : "ไม่ครบองค์ประชุม"}`}
        </p>
        {recorder ? (
          <Form method="post" className="stack">
            <div className="checkbox-grid">
              {members.map((m) => (
                <label key={m.personId} className="checkbox">
                  <input type="checkbox" name="present" value={m.personId} defaultChecked={m.present} />
                  {`${m.name} (${COMMITTEE_ROLE_LABELS[m.role as CommitteeRole]})`}
                </label>
              ))}
            </div>
            <div>
              <button
                type="submit"
                name="intent"
                value="attendance"
                className="btn btn--secondary"
                disabled={navigation.state !== "idle"}
              >
                บันทึกผู้มาประชุม
              </button>
            </div>
          </Form>
        ) : (
          <ul>
            {members.map((m) => (
              <li
                key={m.personId}
              >{`${m.name} (${COMMITTEE_ROLE_LABELS[m.role as CommitteeRole]}) — ${m.present ? "มาประชุม" : "ไม่มาประชุม"}`}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="cases">
        <h2 id="cases">{correction ? "รายการที่ยื่นอุทธรณ์" : "รายการพิจารณา"}</h2>
        {hiddenCount ? <p className="muted">{`ไม่แสดง ${hiddenCount} รายการที่ท่านมีส่วนได้เสีย`}</p> : null}
        {cases.length === 0 ? <p className="muted">ไม่มีรายการ</p> : null}
        {cases.map((c) => (
          <article key={c.id} className="indicator" data-testid={`case-${c.id}`}>
            <h3>{c.name}</h3>
            <p className="muted">{`${c.position} · ${c.division} · คะแนนประเมิน ${c.score ?? "—"}`}</p>
            <p>
              {`${committee.kind === "screening" ? "ผู้บังคับบัญชาเสนอ" : correction ? "ผลที่ประกาศ" : "ผลการกลั่นกรอง"}: `}
              <strong>
                {c.incoming
                  ? `${formatIncrease({ increaseType: c.increaseType, ...c.incoming })} (${formatBaht(c.incoming.amountBaht)})`
                  : "—"}
              </strong>
            </p>
            {c.comment ? <p className="muted">{`ความเห็นผู้บังคับบัญชา: ${c.comment}`}</p> : null}
            {c.openAppeal ? <p>{`คำอุทธรณ์: ${c.openAppeal}`}</p> : null}
            {c.recusedMembers ? (
              <p className="muted">{`กรรมการที่มีส่วนได้เสียในรายการนี้ ${c.recusedMembers} คน ไม่ร่วมพิจารณาและไม่นับเป็นองค์ประชุม`}</p>
            ) : null}
            {c.decision ? (
              <p data-testid={`decision-${c.id}`}>
                {`มติ: ${c.decision.outcome === "confirm" ? "เห็นชอบตามที่เสนอ" : "เปลี่ยนแปลง"} · ${formatIncrease({ increaseType: c.increaseType, ...c.decision })} (${formatBaht(c.decision.amountBaht)})${c.decision.reason ? ` · เหตุผล: ${c.decision.reason}` : ""}`}
              </p>
            ) : null}
            {recorder ? <DecisionForm row={c} correction={correction} /> : null}
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="minutes-h">
        <h2 id="minutes-h">รายงานการประชุม</h2>
        {meeting.closedAt ? (
          <p style={{ whiteSpace: "pre-line" }}>{meeting.minutes}</p>
        ) : recorder ? (
          <CloseForm />
        ) : (
          <p className="muted">เลขานุการจะบันทึกรายงานการประชุมเมื่อปิดการประชุม</p>
        )}
      </section>
    </>
  );
}
