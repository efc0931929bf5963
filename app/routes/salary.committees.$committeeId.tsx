import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useActionResult } from "~/components/use-action-result";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { ThaiDateField, dateField } from "~/components/thai-date-field";
import { useZodForm } from "~/components/use-zod-form";
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_ROLE_LABELS,
  formatIncrease,
  type CommitteeRole,
} from "~/domain/salary-review";
import { formatThaiDate } from "~/domain/thai-date";
import { declareRecusal } from "~/models/salary/committees.server";
import { openMeeting } from "~/models/salary/meetings.server";
import { stepView } from "~/domain/salary-step";
import { committeeView } from "~/models/salary/committee-views.server";
import { meetingSchema, recusalSchema } from "~/schemas/salary";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { runStep, salaryActor, stepFailure } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? COMMITTEE_KIND_LABELS[data.committee.kind] : "คณะกรรมการ"} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => committeeView(idParam(params.committeeId), salaryActor(user, context))));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const committeeId = idParam(params.committeeId);
  // Who may do what is the model's rule (members recuse themselves; the chair or the secretary opens a meeting).
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = salaryActor(user, context);
  if (intent === "recuse") {
    const { values, result } = validateForm(recusalSchema, form);
    if (!result.success) return stepFailure(intent, { fieldErrors: result.fieldErrors, values });
    return runStep(
      intent,
      async () => (
        await declareRecusal(committeeId, result.data, actor),
        "บันทึกการแจ้งส่วนได้เสียแล้ว รายการนี้จะไม่แสดงแก่ท่าน และท่านไม่ร่วมพิจารณา"
      ),
      values,
    );
  }
  if (intent === "open-meeting") {
    const { values, result } = validateForm(meetingSchema, form);
    if (!result.success) return stepFailure(intent, { fieldErrors: result.fieldErrors, values });
    return actOrRefuse(
      async () => redirect(`/salary/meetings/${(await openMeeting(committeeId, result.data, actor)).id}`),
      { ...values, intent },
    );
  }
  return stepFailure(intent, { formError: "ไม่รู้จักคำสั่งนี้" });
}

function RecusalForm({ cases }: { cases: { id: number; name: string }[] }) {
  const result = stepView(useActionResult<typeof action>());
  const mine = result?.intent === "recuse" ? result : undefined;
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(recusalSchema, {
    defaultValues: { appraisalId: "", reason: "", ...(mine?.formError ? (mine.values as object) : {}) },
    serverErrors: mine?.fieldErrors,
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={mine?.formError} />
      {mine?.message ? (
        <div className="alert alert--ok" role="status">
          {mine.message}
        </div>
      ) : null}
      <div className="row">
        <SelectField label="รายการที่ท่านมีส่วนได้เสีย" error={errorOf("appraisalId")} {...register("appraisalId")}>
          <option value="">— เลือก —</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField label="เหตุ (เช่น เป็นญาติ เป็นผู้บังคับบัญชาโดยตรง)" error={errorOf("reason")} {...register("reason")} />
      </div>
      <div>
        <button
          type="submit"
          name="intent"
          value="recuse"
          className="btn btn--secondary"
          disabled={navigation.state !== "idle"}
        >
          แจ้งส่วนได้เสียและไม่ร่วมพิจารณา
        </button>
      </div>
    </Form>
  );
}

function OpenMeetingForm() {
  const result = stepView(useActionResult<typeof action>());
  const mine = result?.intent === "open-meeting" ? result : undefined;
  const navigation = useNavigation();
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const meetingForm = useZodForm(meetingSchema, {
    defaultValues: { heldAt: today, quorumPercent: "50", agendaNote: "", ...(mine?.values as object) },
    serverErrors: mine?.fieldErrors,
  });
  const { register, onSubmit, errorOf } = meetingForm;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={mine?.formError} />
      <div className="row">
        <ThaiDateField label="วันที่ประชุม" error={errorOf("heldAt")} {...dateField(meetingForm, "heldAt")} />
        <TextField
          label="องค์ประชุม: มาประชุมมากกว่าร้อยละ"
          inputMode="numeric"
          error={errorOf("quorumPercent")}
          {...register("quorumPercent")}
        />
      </div>
      <TextField label="หมายเหตุระเบียบวาระ (ถ้ามี)" error={errorOf("agendaNote")} {...register("agendaNote")} />
      <div>
        <button type="submit" name="intent" value="open-meeting" className="btn" disabled={navigation.state !== "idle"}>
          เปิดการประชุม
        </button>
      </div>
    </Form>
  );
}

export default function CommitteePage() {
  const data = useLoaderData<typeof loader>();
  const { committee, seat, members, meetings, cases, hiddenCount, recusals } = data;
  const recorder = seat && seat.role !== "member";
  const openMeeting = meetings.find((m) => !m.closedAt);
  return (
    <>
      <p className="breadcrumbs">
        {data.isHr ? (
          <Link to={`/salary/rounds/${committee.round.id}`}>{`‹ ${committee.round.title}`}</Link>
        ) : (
          <Link to="/salary">‹ การเลื่อนขั้นเงินเดือน</Link>
        )}
      </p>
      <h1>{COMMITTEE_KIND_LABELS[committee.kind]}</h1>
      <p className="muted">{`${committee.round.title} · แต่งตั้งตาม${committee.appointingOrderRef}${seat ? ` · ท่านเป็น${COMMITTEE_ROLE_LABELS[seat.role as CommitteeRole]}` : ""}`}</p>

      <section className="card" aria-labelledby="members">
        <h2 id="members">องค์ประกอบ</h2>
        <ul>
          {members.map((m) => (
            <li key={m.personId}>{`${m.name} · ${m.position} — ${COMMITTEE_ROLE_LABELS[m.role as CommitteeRole]}`}</li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="meetings">
        <h2 id="meetings">การประชุม</h2>
        {meetings.length === 0 ? <p className="muted">ยังไม่มีการประชุม</p> : null}
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/salary/meetings/${m.id}`}>{`ครั้งที่ ${m.number} · ${formatThaiDate(m.heldAt)}`}</Link>
              <span className="muted">
                {m.closedAt ? ` · ปิดแล้ว · มติ ${m.decisions} ราย · มาประชุม ${m.present} คน` : " · กำลังประชุม"}
              </span>
            </li>
          ))}
        </ul>
        {recorder && !openMeeting ? (
          cases.some((c) => c.onAgenda) ? (
            <OpenMeetingForm />
          ) : (
            <p className="muted">ไม่มีรายการรอพิจารณา</p>
          )
        ) : null}
      </section>

      <section className="card" aria-labelledby="cases">
        <h2 id="cases">รายการที่คณะกรรมการพิจารณา</h2>
        {hiddenCount ? (
          <p className="muted">{`ไม่แสดง ${hiddenCount} รายการที่ท่านมีส่วนได้เสีย (รวมรายการของท่านเอง)`}</p>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">ชื่อ</th>
                <th scope="col">หน่วยงาน</th>
                <th scope="col">คะแนน</th>
                <th scope="col">ข้อเสนอ</th>
                <th scope="col">มติของคณะนี้</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.division}</td>
                  <td>{c.score ?? "—"}</td>
                  <td>{formatIncrease({ increaseType: c.increaseType, ...c.proposed })}</td>
                  <td>
                    {c.standing
                      ? formatIncrease({ increaseType: c.increaseType, ...c.standing })
                      : c.onAgenda
                        ? "รอพิจารณา"
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {seat ? (
        <section className="card" aria-labelledby="recusal">
          <h2 id="recusal">แจ้งการมีส่วนได้เสีย</h2>
          <p className="muted">
            หากท่านมีส่วนได้เสียกับรายการใด (ญาติ ผู้ใต้บังคับบัญชาโดยตรง หรือเหตุอื่น) ให้แจ้งก่อนพิจารณา ระบบบันทึกไว้และจะไม่แสดงรายการนั้นแก่ท่าน
          </p>
          <RecusalForm cases={cases.filter((c) => !c.standing).map((c) => ({ id: c.id, name: c.name }))} />
        </section>
      ) : null}

      {recusals.length ? (
        <section className="card" aria-labelledby="recusals">
          <h2 id="recusals">บันทึกการแจ้งส่วนได้เสีย</h2>
          <ul>
            {recusals.map((r) => (
              <li key={r.id}>{`${r.member} · ${r.case} · ${r.reason} (${formatThaiDate(r.declaredAt)})`}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
