import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { RISK_LEVEL_LABELS, RISK_LEVELS } from "~/domain/declarations";
import { formatThaiDate } from "~/domain/thai-date";
import { positionRisksPage, retirePositionRisk, savePositionRisk } from "~/models/registers/position-risks.server";
import { positionRiskSchema } from "~/schemas/declarations";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ตารางความเสี่ยงผลประโยชน์ทับซ้อนตามตำแหน่ง · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(
    await loadOrRefuse(() => positionRisksPage({ personId: user.id, roles: user.roles, ip: clientIp(context) })),
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const formData = await request.formData();
  const retireId = Number(formData.get("retire")) || 0;
  if (retireId) {
    return actOrRefuse(async () => {
      await retirePositionRisk(actor, retireId);
      return json({ ok: true as const });
    });
  }
  const { values, result } = validateForm(positionRiskSchema, formData);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  const id = Number(formData.get("id")) || null;
  return actOrRefuse(async () => {
    await savePositionRisk(actor, id, result.data);
    return json({ ok: true as const });
  }, values);
}

export default function PositionRisks() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionResult();
  const failure = failureOf(result);
  const navigation = useNavigation();
  const form = useZodForm(positionRiskSchema, {
    defaultValues: { position: "", risk: "", level: "medium", controls: "", ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/hr/declarations">‹ คำแถลงส่วนได้เสีย</Link>
      </p>
      <h1>ตารางความเสี่ยงผลประโยชน์ทับซ้อนตามตำแหน่ง</h1>
      <p className="muted">
        คณะทำงานตามโครงการที่ ๕ วิเคราะห์ความเสี่ยงด้านผลประโยชน์ทับซ้อนของแต่ละตำแหน่ง และกำหนดมาตรการควบคุม
        ทะเบียนความเสี่ยงอ้างอิงรายการในตารางนี้ได้
      </p>
      {rows.length === 0 ? (
        <p className="card muted">ยังไม่มีรายการ</p>
      ) : (
        <div className="table-wrap table-wrap--spaced">
          <table aria-label="ตารางความเสี่ยงตามตำแหน่ง" className="register-table">
            <thead>
              <tr>
                <th>ตำแหน่ง</th>
                <th>ความเสี่ยง</th>
                <th>ระดับ</th>
                <th>มาตรการควบคุม</th>
                <th>ปรับปรุงล่าสุด</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.position}</td>
                  <td className="pre-wrap">{r.risk}</td>
                  <td>
                    <span
                      className={
                        r.level === "high"
                          ? "badge badge--bad"
                          : r.level === "medium"
                            ? "badge badge--warn"
                            : "badge badge--ok"
                      }
                    >
                      {r.levelLabel}
                    </span>
                  </td>
                  <td className="pre-wrap">{r.controls}</td>
                  <td>{`${formatThaiDate(r.updatedAt)} · ${r.updatedBy}`}</td>
                  <td>
                    <Form method="post">
                      <button type="submit" name="retire" value={r.id} className="btn btn--link">
                        นำออก
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" className="card stack" onSubmit={form.onSubmit} noValidate aria-labelledby="add-heading">
        <h2 id="add-heading">เพิ่มตำแหน่ง</h2>
        <FormError message={failure?.formError} />
        {result?.ok ? <p className="alert alert--ok">บันทึกแล้ว</p> : null}
        <TextField
          label="ตำแหน่ง"
          placeholder="เช่น นักวิชาการพัสดุ"
          error={form.errorOf("position")}
          {...form.register("position")}
        />
        <div className="field">
          <label htmlFor="risk">ความเสี่ยงด้านผลประโยชน์ทับซ้อน</label>
          <textarea
            id="risk"
            rows={3}
            aria-invalid={form.errorOf("risk") ? true : undefined}
            {...form.register("risk")}
          />
          {form.errorOf("risk") ? <span className="field-error">{form.errorOf("risk")}</span> : null}
        </div>
        <SelectField label="ระดับความเสี่ยง" error={form.errorOf("level")} {...form.register("level")}>
          {RISK_LEVELS.map((l) => (
            <option key={l} value={l}>
              {RISK_LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="controls">มาตรการควบคุม</label>
          <textarea
            id="controls"
            rows={3}
            aria-invalid={form.errorOf("controls") ? true : undefined}
            {...form.register("controls")}
          />
          {form.errorOf("controls") ? <span className="field-error">{form.errorOf("controls")}</span> : null}
        </div>
        <div>
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            เพิ่ม
          </button>
        </div>
      </Form>
    </>
  );
}
