import { Form } from "@remix-run/react";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";

/** The fiscal year and unit filter that HR's register pages share (gifts, declarations). A plain GET form. */
export function RegisterFilter({
  fiscalYear,
  divisionId,
  divisions,
}: {
  fiscalYear: number;
  divisionId: number | null | undefined;
  divisions: readonly { id: number; name: string; depth: number }[];
}) {
  return (
    <Form method="get" className="card row row--end">
      <div className="field">
        <label htmlFor="year">ปีงบประมาณ</label>
        <select id="year" name="year" defaultValue={fiscalYear}>
          {PLAN_FISCAL_YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="division">หน่วยงาน</label>
        <select id="division" name="division" defaultValue={divisionId ?? ""}>
          <option value="">ทุกหน่วยงาน</option>
          {divisions.map((o) => (
            <option key={o.id} value={o.id}>
              {`${"\u00a0\u00a0".repeat(o.depth)}${o.name}`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        แสดง
      </button>
    </Form>
  );
}
