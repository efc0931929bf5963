import { Form } from "@remix-run/react";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";

export function FiscalYearPicker({ year, extra }: { year: number; extra?: Record<string, string> }) {
  return (
    <Form method="get" className="row row--end no-print" aria-label="เลือกปีงบประมาณ">
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field" style={{ flex: "0 0 auto" }}>
        <label htmlFor="year">ปีงบประมาณ</label>
        <select id="year" name="year" defaultValue={String(year)}>
          {PLAN_FISCAL_YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" className="btn btn--secondary">
          แสดง
        </button>
      </div>
    </Form>
  );
}
