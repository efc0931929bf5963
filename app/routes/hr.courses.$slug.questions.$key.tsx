import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { formatThaiDateTime } from "~/domain/thai-date";
import { editQuestion, questionPage } from "~/models/training/catalog.server";
import { questionEditSchema } from "~/schemas/question";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "แก้ไขคำถาม · สุจริต" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => questionPage(params.slug ?? "", params.key ?? "", user)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { values, result } = validateForm(questionEditSchema, await readFormData(request));
  if (!result.success)
    return actionFailure({ formError: "กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง", fieldErrors: result.fieldErrors, values });
  const v = result.data;
  const edit = {
    prompt: v.prompt,
    choices: [v.choice0, v.choice1, v.choice2, v.choice3],
    correctIndex: Number(v.correct),
    explanation: v.explanation,
  };
  return actOrRefuse(async () => {
    const version = await editQuestion(params.slug ?? "", params.key ?? "", edit, {
      personId: user.id,
      roles: user.roles,
      ip: clientIp(context),
    });
    return json({ ok: true as const, version: version.version });
  }, values);
}

export default function EditQuestion() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const failure = failureOf(actionData);
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
    serverErrors: failure?.fieldErrors,
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
          {`บันทึกเป็นฉบับที่ ${actionData.version} แล้ว`}
        </div>
      ) : null}
      <FormError message={failure?.formError} />
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
                <input
                  type="radio"
                  value={String(i)}
                  {...register("correct")}
                  aria-label={`ตัวเลือกที่ ${i + 1} เป็นคำตอบที่ถูก`}
                />
              </label>
              <TextField label={`ตัวเลือกที่ ${i + 1}`} error={errorOf(`choice${i}`)} {...register(`choice${i}`)} />
            </div>
          ))}
          {errorOf("correct") ? <span className="field-error">{errorOf("correct")}</span> : null}
        </fieldset>
        <div className="field">
          <label htmlFor="explanation">คำอธิบายเฉลย</label>
          <textarea
            id="explanation"
            rows={3}
            aria-invalid={errorOf("explanation") ? true : undefined}
            {...register("explanation")}
          />
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
