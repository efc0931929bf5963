import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useActionResult } from "~/components/use-action-result";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { personnelTypeLabel } from "~/domain/personnel";
import {
  APPEAL_OUTCOME_LABELS,
  COMMITTEE_KIND_LABELS,
  COMMITTEE_ROLE_LABELS,
  ROUND_STAGE_LABELS,
  formatBasisPoints,
  formatBaht,
  formatHalfSteps,
  formatIncrease,
  type CommitteeRole,
} from "~/domain/salary-review";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { stepView } from "~/domain/salary-step";
import { answerAppealInRound, roundPage } from "~/models/salary/pages.server";
import { publishRound } from "~/models/salary/rounds.server";
import { appealAnswerSchema } from "~/schemas/salary";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { loadOrRefuse } from "~/utils/route.server";
import { runStep, salaryActor, stepFailure } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam, parseId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "รอบการเลื่อนขั้นเงินเดือน"} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin", "manager");
  const overview = await loadOrRefuse(() => roundPage(idParam(params.roundId), salaryActor(user, context)));
  const confirmPublish = new URL(request.url).searchParams.get("confirm") === "publish";
  const { isHr, cases } = overview;
  const { round } = overview;
  return json({
    isHr,
    round: {
      id: round.id,
      title: round.title,
      effectiveDate: round.effectiveDate,
      stepTypes: round.stepPersonnelTypes.map(personnelTypeLabel),
      stepCap: formatHalfSteps(round.stepCapHalfSteps),
      percentCap: formatBasisPoints(round.percentCapBasisPoints),
      poolBaht: round.poolBaht,
      appealDays: round.appealDays,
      publishedAt: round.publishedAt,
      appealDeadline: round.appealDeadline,
      surveyClosesAt: round.surveyClosesAt,
    },
    stage: overview.stage,
    confirmPublish: overview.isHr && confirmPublish && overview.stage === "ready",
    totals: isHr ? overview.totals : null,
    committees: isHr ? overview.committees : [],
    cases,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const roundId = idParam(params.roundId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = salaryActor(user, context);
  if (intent === "publish") {
    // Publishing reaches every person in the round: only with the count confirmed on the confirmation step.
    const confirmedCases = parseId(String(form.get("confirmedCases") ?? ""));
    return runStep(
      intent,
      async () => (
        await publishRound(roundId, actor, { confirmedCases }),
        "ประกาศผลแล้ว บุคลากรเห็นผลของตนและยื่นอุทธรณ์ได้ภายในกำหนด"
      ),
    );
  }
  if (intent === "answer") {
    const { values, result } = validateForm(appealAnswerSchema, form);
    if (!result.success) return stepFailure(intent, { fieldErrors: result.fieldErrors, values });
    return runStep(
      intent,
      async () => (await answerAppealInRound(roundId, result.data.appealId, result.data, actor), "บันทึกคำตอบอุทธรณ์แล้ว"),
      values,
    );
  }
  return stepFailure(intent, { formError: "ไม่รู้จักคำสั่งนี้" });
}

function AnswerForm({ appealId }: { appealId: number }) {
  const result = stepView(useActionResult<typeof action>());
  const mine = result?.intent === "answer" && Number(result.values?.appealId) === appealId ? result : undefined;
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(appealAnswerSchema, {
    defaultValues: { appealId: String(appealId), outcome: "", answer: "", ...(mine?.values as object) },
    serverErrors: mine?.fieldErrors,
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" {...register("appealId")} />
      <FormError message={mine?.formError} />
      <div className="field">
        <label htmlFor={`outcome-${appealId}`}>ผลการพิจารณาอุทธรณ์</label>
        <select
          id={`outcome-${appealId}`}
          aria-invalid={errorOf("outcome") ? true : undefined}
          {...register("outcome")}
        >
          <option value="">— เลือก —</option>
          <option value="rejected">{APPEAL_OUTCOME_LABELS.rejected}</option>
          <option value="changed">{APPEAL_OUTCOME_LABELS.changed} (ตามมติแก้ไขของคณะกรรมการ)</option>
        </select>
        {errorOf("outcome") ? (
          <span className="field-error" role="alert">
            {errorOf("outcome")}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`answer-${appealId}`}>คำตอบถึงผู้อุทธรณ์</label>
        <textarea
          id={`answer-${appealId}`}
          rows={3}
          aria-invalid={errorOf("answer") ? true : undefined}
          {...register("answer")}
        />
        {errorOf("answer") ? (
          <span className="field-error" role="alert">
            {errorOf("answer")}
          </span>
        ) : null}
      </div>
      <div>
        <button
          type="submit"
          name="intent"
          value="answer"
          className="btn btn--secondary"
          disabled={navigation.state !== "idle"}
        >
          บันทึกคำตอบ
        </button>
      </div>
    </Form>
  );
}

export default function RoundPage() {
  const { isHr, round, stage, confirmPublish, totals, committees, cases } = useLoaderData<typeof loader>();
  const result = stepView(useActionResult<typeof action>());
  const navigation = useNavigation();
  const appeals = cases.flatMap((c) => c.appeals.map((a) => ({ ...a, name: c.name, caseId: c.id })));
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/salary">‹ การเลื่อนขั้นเงินเดือน</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{round.title}</h1>
          <p className="muted">{`มีผล ${formatThaiDate(round.effectiveDate)} · ขั้นตอน: ${ROUND_STAGE_LABELS[stage]}`}</p>
        </div>
        {isHr ? (
          <p className="actions">
            <Link className="btn btn--secondary" to={`/salary/rounds/${round.id}/report`}>
              รายงานผลของรอบ
            </Link>
            {round.publishedAt ? (
              <Link className="btn btn--secondary" to={`/salary/rounds/${round.id}/survey-results`}>
                ผลแบบสำรวจความพึงพอใจ
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      {result?.message && result.intent === "publish" ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {result?.intent === "publish" ? <FormError message={result.formError} /> : null}

      {isHr && totals ? (
        <section className="card" aria-labelledby="settings">
          <h2 id="settings">เกณฑ์ของรอบ</h2>
          <ul className="facts">
            <li>{`เพดานต่อคน: ${round.stepCap} (${round.stepTypes.join(", ") || "ไม่มีประเภทที่เลื่อนเป็นขั้น"}) · ${round.percentCap} (ประเภทอื่น)`}</li>
            <li>{`วงเงินรวมของรอบ: ${formatBaht(round.poolBaht)}`}</li>
            <li>{`ข้อเสนอของผู้บังคับบัญชารวม ${formatBaht(totals.proposed)} · ผลการกลั่นกรองรวม ${formatBaht(totals.screened)} · มติรวม ${formatBaht(totals.decided)}`}</li>
            <li>
              {round.publishedAt
                ? `ประกาศผลเมื่อ ${formatThaiDateTime(round.publishedAt)} · อุทธรณ์ได้ถึง ${formatThaiDate(new Date(new Date(round.appealDeadline!).getTime() - 1))} · แบบสำรวจความพึงพอใจปิด ${formatThaiDate(round.surveyClosesAt!)}`
                : `อุทธรณ์ได้ภายใน ${round.appealDays} วันนับจากวันประกาศผล`}
            </li>
          </ul>
          {stage === "ready" && !confirmPublish && !result?.message ? (
            <Link className="btn" to="?confirm=publish">
              ประกาศผล…
            </Link>
          ) : null}
          {stage === "ready" && confirmPublish ? (
            <Form method="post" replace className="alert alert--info stack" aria-labelledby="confirm-publish">
              <h3 id="confirm-publish">ยืนยันการประกาศผล</h3>
              <p data-testid="publish-count">
                {`ประกาศผล${round.title} ให้บุคลากร ${cases.length.toLocaleString("th-TH")} คน · ทุกคนจะเห็นผลและเหตุผลของตน อุทธรณ์ได้ภายใน ${round.appealDays} วัน · ประกาศแล้วแก้ไขได้เฉพาะโดยมติแก้ไขของคณะกรรมการ`}
              </p>
              <input type="hidden" name="confirmedCases" value={cases.length} />
              <p className="actions">
                <button
                  type="submit"
                  name="intent"
                  value="publish"
                  className="btn"
                  disabled={navigation.state !== "idle"}
                >
                  {`ยืนยันประกาศผล ${cases.length.toLocaleString("th-TH")} คน`}
                </button>
                <Link className="btn btn--secondary" to=".">
                  ยกเลิก
                </Link>
              </p>
            </Form>
          ) : null}
        </section>
      ) : null}

      {isHr ? (
        <section className="grid" aria-label="คณะกรรมการ">
          {(["screening", "salary"] as const).map((kind) => {
            const committee = committees.find((c) => c.kind === kind);
            return (
              <article key={kind} className="card" data-testid={`committee-${kind}`}>
                <h2>{COMMITTEE_KIND_LABELS[kind]}</h2>
                {committee ? (
                  <>
                    <p className="muted">{`แต่งตั้งตาม${committee.appointingOrderRef}`}</p>
                    <ul>
                      {committee.members.map((m) => (
                        <li key={m.personId}>{`${m.name} · ${COMMITTEE_ROLE_LABELS[m.role as CommitteeRole]}`}</li>
                      ))}
                    </ul>
                    <p className="muted">{`ประชุมแล้ว ${committee.meetings.filter((m) => m.closedAt).length} ครั้ง${committee.meetings.some((m) => !m.closedAt) ? " · มีการประชุมที่ยังไม่ปิด" : ""}`}</p>
                    <p className="actions">
                      <Link to={`/salary/committees/${committee.id}`}>ดูคณะกรรมการและการประชุม</Link>
                      {!round.publishedAt && !committee.meetings.length ? (
                        <Link to={`/salary/rounds/${round.id}/committees/${kind}`}>แก้ไของค์ประกอบ</Link>
                      ) : null}
                    </p>
                  </>
                ) : round.publishedAt ? (
                  <p className="muted">ไม่ได้แต่งตั้ง</p>
                ) : (
                  <Link className="btn btn--secondary" to={`/salary/rounds/${round.id}/committees/${kind}`}>
                    แต่งตั้งคณะกรรมการ
                  </Link>
                )}
              </article>
            );
          })}
        </section>
      ) : null}

      <section className="card" aria-labelledby="cases">
        <h2 id="cases">{isHr ? "รายการประเมินทั้งหมด" : "บุคลากรในหน่วยงานของท่านที่ต้องประเมิน"}</h2>
        {cases.length === 0 ? (
          <p className="muted">ไม่มีรายการ</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">ชื่อ</th>
                  <th scope="col">หน่วยงาน</th>
                  <th scope="col">คะแนน</th>
                  <th scope="col">ข้อเสนอ</th>
                  {isHr ? <th scope="col">กลั่นกรอง</th> : null}
                  {isHr ? <th scope="col">มติ</th> : null}
                  <th scope="col">สถานะ</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {round.publishedAt ? (
                        c.name
                      ) : (
                        <Link to={`/salary/rounds/${round.id}/appraisals/${c.id}`}>{c.name}</Link>
                      )}
                      <div className="muted">{c.position}</div>
                    </td>
                    <td>{c.division}</td>
                    <td>{c.score ?? "—"}</td>
                    <td>
                      {c.appraised
                        ? `${formatIncrease({ increaseType: c.increaseType, ...c.proposed })} · ${formatBaht(c.proposed.amountBaht)}`
                        : "ยังไม่เสนอ"}
                    </td>
                    {isHr ? (
                      <td>
                        {c.screened
                          ? `${formatIncrease({ increaseType: c.increaseType, ...c.screened })}${c.screened.outcome === "change" ? " (แก้ไข)" : ""}`
                          : "—"}
                      </td>
                    ) : null}
                    {isHr ? (
                      <td>
                        {c.decided
                          ? `${formatIncrease({ increaseType: c.increaseType, ...c.decided })}${c.decided.corrected ? " (แก้ไขหลังอุทธรณ์)" : ""}`
                          : "—"}
                        {round.publishedAt ? (
                          <div>
                            <Link to={`/salary/results/${c.id}`}>ผลและอุทธรณ์</Link>
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                    <td data-testid={`case-status-${c.id}`}>
                      {c.status ? (
                        <>
                          {c.status.label}
                          {round.publishedAt ? <div className="muted">{c.status.appeal.label}</div> : null}
                        </>
                      ) : (
                        c.supervisorStatus
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {isHr && round.publishedAt ? (
        <section className="card" aria-labelledby="appeals">
          <h2 id="appeals">คำอุทธรณ์</h2>
          {result?.message && result.intent === "answer" ? (
            <div className="alert alert--ok" role="status">
              {result.message}
            </div>
          ) : null}
          {appeals.length === 0 ? (
            <p className="muted">ยังไม่มีคำอุทธรณ์</p>
          ) : (
            appeals.map((a) => (
              <article key={a.id} className="indicator" data-testid={`appeal-${a.id}`}>
                <p>
                  <strong>{a.name}</strong> <span className="muted">{`ยื่นเมื่อ ${formatThaiDateTime(a.filedAt)}`}</span>
                </p>
                <p>{a.reason}</p>
                {a.answeredAt ? (
                  <p className="muted">{`${APPEAL_OUTCOME_LABELS[a.outcome as keyof typeof APPEAL_OUTCOME_LABELS]} · ${a.answer} (${formatThaiDate(a.answeredAt)})`}</p>
                ) : (
                  <AnswerForm appealId={a.id} />
                )}
              </article>
            ))
          )}
        </section>
      ) : null}
    </>
  );
}
