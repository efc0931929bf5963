import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { decodeCsvBytes } from "~/domain/csv-encoding";
import { ROSTER_COLUMNS } from "~/domain/roster-columns";
import { applyRosterImport, planRosterImport, type RosterRowPlan } from "~/models/people/roster-import.server";
import { requireRole } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { readFormData, uploadedFile } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "นำเข้ารายชื่อบุคลากร · สุจริต" }];

const MAX_BYTES = 2_000_000; // request-limits.mjs lets a little more than this through to here
const ACTION_LABELS: Record<RosterRowPlan["action"], string> = {
  create: "เพิ่มใหม่",
  update: "แก้ไข",
  unchanged: "ไม่เปลี่ยนแปลง",
  error: "ผิดพลาด",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  return json({});
}

/**
 * "ตรวจสอบ" answers `{ ok: true, csv, rows, headerErrors }` (nothing written); "นำเข้า" answers `{ ok: true, applied }`.
 * A refusal (too big, empty, rows with errors) is the one failure shape, with the CSV kept to check again.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const { file, tooBig } = uploadedFile(form, "file", MAX_BYTES);
  const pasted = form.get("csv");
  if (tooBig || (typeof pasted === "string" && pasted.length > MAX_BYTES)) {
    return actionFailure({ formError: "ไฟล์รายชื่อต้องมีขนาดไม่เกิน 2 MB (ประมาณ 10,000 คน) กรุณาแบ่งไฟล์แล้วนำเข้าทีละส่วน" }, 413);
  }
  const hasPasted = typeof pasted === "string" && pasted.length > 0;
  if (!hasPasted && !(file && file.size > 0)) {
    const raw = form.get("file");
    const named = raw instanceof File && raw.name ? raw.name : null;
    return actionFailure({
      formError: named
        ? `ไฟล์ "${named}" ว่างเปล่า ไม่มีข้อมูลให้นำเข้า`
        : 'ยังไม่ได้เลือกไฟล์ กรุณาเลือกไฟล์ CSV ที่จะนำเข้า แล้วกด "ตรวจสอบ" อีกครั้ง',
    });
  }
  const csv = hasPasted ? String(pasted) : decodeCsvBytes(new Uint8Array(await file!.arrayBuffer())).text;
  if (!csv.trim()) return actionFailure({ formError: "ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า" });
  if (intent === "apply") {
    const actor = { actorId: user.id, ip: clientIp(context), roles: user.roles };
    return actOrRefuse(async () => json({ ok: true as const, applied: await applyRosterImport(csv, actor) }), { csv });
  }
  const plan = await planRosterImport(csv);
  return json({
    ok: true as const,
    csv,
    rows: plan.rows.map(({ input: _input, ...row }) => row),
    headerErrors: plan.headerErrors,
  });
}

export default function ImportRoster() {
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const applied = result?.ok && "applied" in result ? result.applied : undefined;
  const preview = result?.ok && "rows" in result ? result : undefined;
  const refusedCsv = typeof failure?.values?.csv === "string" ? failure.values.csv : undefined;
  const navigation = useNavigation();
  const rows = preview?.rows ?? [];
  const errors = rows.filter((r) => r.action === "error").length;
  const counts = (action: RosterRowPlan["action"]) => rows.filter((r) => r.action === action).length;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/people">‹ จัดการบุคลากร</Link>
      </p>
      <h1>นำเข้ารายชื่อบุคลากร (CSV)</h1>
      <p className="muted">{`แถวแรกเป็นหัวคอลัมน์: ${Object.values(ROSTER_COLUMNS).join(", ")} · ระบบตรวจสอบก่อน (ยังไม่บันทึก) แล้วจึงนำเข้าเมื่อไม่มีแถวผิดพลาด · เลขประจำตัวที่มีอยู่แล้วจะถูกแก้ไข ที่ยังไม่มีจะถูกเพิ่ม · วันที่เป็น ปปปป-ดด-วว (พ.ศ. หรือ ค.ศ.)`}</p>
      <p>
        <a href="/admin/people/import/template.csv" download>
          ดาวน์โหลดแบบฟอร์ม CSV (หัวคอลัมน์ที่ถูกต้องพร้อมตัวอย่าง 1 แถว)
        </a>
      </p>
      {applied ? (
        <p
          className="alert alert--ok"
          role="status"
        >{`นำเข้าแล้ว: เพิ่มใหม่ ${applied.created} คน แก้ไข ${applied.updated} คน ไม่เปลี่ยนแปลง ${applied.unchanged} คน`}</p>
      ) : null}
      <FormError message={failure?.formError ?? preview?.headerErrors.join(" · ")} />
      {refusedCsv ? (
        <Form method="post" encType="multipart/form-data" className="actions">
          <input type="hidden" name="csv" value={refusedCsv} />
          <button type="submit" name="intent" value="preview" className="btn btn--secondary">
            ตรวจสอบไฟล์นี้อีกครั้ง
          </button>
        </Form>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card row row--end">
        <div className="field">
          <label htmlFor="file">ไฟล์ CSV (UTF-8 หรือ CSV จาก Excel ภาษาไทย)</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div>
          <button type="submit" name="intent" value="preview" className="btn" disabled={navigation.state !== "idle"}>
            ตรวจสอบ
          </button>
        </div>
      </Form>
      {rows.length ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{`ผลการตรวจสอบ: เพิ่มใหม่ ${counts("create")} · แก้ไข ${counts("update")} · ไม่เปลี่ยนแปลง ${counts("unchanged")} · ผิดพลาด ${errors}`}</h2>
          {errors === 0 ? (
            <Form method="post" encType="multipart/form-data" className="actions">
              <input type="hidden" name="csv" value={preview?.csv ?? ""} />
              <button type="submit" name="intent" value="apply" className="btn" disabled={navigation.state !== "idle"}>
                นำเข้า
              </button>
            </Form>
          ) : errors ? (
            <p className="alert alert--error">แก้ไขแถวที่ผิดพลาดในไฟล์ แล้วตรวจสอบอีกครั้ง</p>
          ) : null}
          <div className="table-wrap">
            <table data-testid="import-preview">
              <thead>
                <tr>
                  <th>แถว</th>
                  <th>เลขประจำตัว</th>
                  <th>ชื่อ</th>
                  <th>ผล</th>
                  <th>รายละเอียด</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.employeeNumber}</td>
                    <td>{r.name}</td>
                    <td>
                      <span
                        className={`badge ${r.action === "error" ? "badge--bad" : r.action === "create" ? "badge--ok" : r.action === "update" ? "badge--warn" : ""}`}
                      >
                        {ACTION_LABELS[r.action]}
                      </span>
                    </td>
                    <td>
                      {r.errors.length
                        ? r.errors.join(" · ")
                        : r.changes.length
                          ? `เปลี่ยน: ${r.changes.join(", ")}`
                          : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
