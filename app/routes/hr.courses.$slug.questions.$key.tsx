import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { formatThaiDateTime } from "~/domain/thai-date";
import { editQuestion } from "~/models/course-catalog.server";
import { questionEditSchema } from "~/schemas/question";
import { requireRole } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "แก้ไขคำถาม · สุจริต" }];

async function findQuestion(slug?: string, key?: string) {
  const question = await db.question.findFirst({
    where: { key: key ?? "", course: { slug: slug ?? "" } },
    include: { course: true, versions: { orderBy: { version: "desc" } } },
  });
  if (!question || question.versions.length === 0) httpError(404, "ไม่พบคำถามนี้");
  return question;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const question = await findQuestion(params.slug, params.key);
  const usage = await db.attemptItem.groupBy({
    by: ["questionVersionId"],
    where: { questionVersionId: { in: question.versions.map((v) => v.id) } },
    _count: { _all: true },
  });
  const used = new Map(usage.map((u) => [u.questionVersionId, u._count._all]));
  return json({
    course: { slug: question.course.slug, title: question.course.title },
    key: question.key,
    versions: question.versions.map((v) => ({
      version: v.version,
      prompt: v.prompt,
      choices: JSON.parse(v.choices) as string[],
      correctIndex: v.correctIndex,
      explanation: v.explanation,
      source: v.source,
      createdAt: v.createdAt.toISOString(),
      timesUsed: used.get(v.id) ?? 0,
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const question = await findQuestion(params.slug, params.key);
  const { result } = validateForm(questionEditSchema, await readFormData(request));
  if (!result.success) return json({ ok: false, fieldErrors: result.fieldErrors as FieldErrors }, { status: 400 });
  const v = result.data;
  const version = await editQuestion(
    question.id,
    {
      prompt: v.prompt,
      choices: [v.choice0, v.choice1, v.choice2, v.choice3],
      correctIndex: Number(v.correct),
      explanation: v.explanation,
    },
    { actorId: user.id, ip: clientIp(context) },
  );
  return json({ ok: true, fieldErrors: {} as FieldErrors, version: version.version });
}

export default function EditQuestion() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const latest = data.versions[0]!;
  const { register, onSubmit, errorOf } = useZodForm(questionEditSchema, {
    defaultValues: {
      prompt: latest.prompt,
      choice0: latest.choices[0],
      choice1: latest.choices[1],
      choice2: latest.choices[2],
      choice3: latest.choices[3],
      correct: String(latest.correctIndex),
      explanation: latest.explanation,
    },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/hr/courses/${data.course.slug}`}>{`‹ ${data.course.title}`}</Link>
      </p>
      <h1>{`แก้ไขคำถาม ${data.key}`}</h1>
      <p className="muted">การแก้ไขจะสร้างฉบับใหม่ แบบทดสอบที่สุ่มไปแล้วยังแสดงฉบับเดิมตามที่ผู้ทำเห็น</p>
      {actionData?.ok ? (
        <div className="alert alert--ok" role="status">
          {`บันทึกเป็นฉบับที่ ${"version" in actionData ? actionData.version : ""} แล้ว`}
        </div>
      ) : null}
      <FormError message={actionData && !actionData.ok ? "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง" : undefined} />
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="prompt">คำถาม</label>
          <textarea id="prompt" rows={4} aria-invalid={errorOf("prompt") ? true : undefined} {...register("prompt")} />
          {errorOf("prompt") ? <span className="field-error">{errorOf("prompt")}</span> : null}
        </div>
        <fieldset className="field">
          <legend>ตัวเลือก (เลือกข้อที่ถูก)</legend>
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="row">
              <label className="checkbox" style={{ flex: "0 0 auto" }}>
                <input type="radio" value={String(i)} {...register("correct")} aria-label={`ตัวเลือกที่ ${i + 1} เป็นคำตอบที่ถูก`} />
              </label>
              <TextField label={`ตัวเลือกที่ ${i + 1}`} error={errorOf(`choice${i}`)} {...register(`choice${i}`)} />
            </div>
          ))}
          {errorOf("correct") ? <span className="field-error">{errorOf("correct")}</span> : null}
        </fieldset>
        <div className="field">
          <label htmlFor="explanation">คำอธิบายเฉลย</label>
          <textarea id="explanation" rows={3} aria-invalid={errorOf("explanation") ? true : undefined} {...register("explanation")} />
          {errorOf("explanation") ? <span className="field-error">{errorOf("explanation")}</span> : null}
        </div>
        <div>
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            บันทึกเป็นฉบับใหม่
          </button>
        </div>
      </Form>
      <h2>ประวัติฉบับ</h2>
      {data.versions.map((v) => (
        <section key={v.version} className="card">
          <p className="muted">{`ฉบับที่ ${v.version} · ${v.source === "hr" ? "แก้ไขในระบบ" : "จากไฟล์เนื้อหา"} · ${formatThaiDateTime(v.createdAt)} · ใช้ในแบบทดสอบ ${v.timesUsed} ครั้ง`}</p>
          <p className="prompt">{v.prompt}</p>
          <ol>
            {v.choices.map((c, i) => (
              <li key={i} className={i === v.correctIndex ? "is-answer" : undefined}>
                {c}
                {i === v.correctIndex ? " ✓" : ""}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
