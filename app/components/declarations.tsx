import { Link } from "@remix-run/react";
import { formatThaiDate } from "~/domain/thai-date";

type Row = {
  id: number;
  personName: string;
  division: string;
  kindLabel: string;
  kind: string;
  caseType: string | null;
  caseRef: string | null;
  nothingToDeclare: boolean;
  hasConflict: boolean;
  declaredAt: string;
  reviewOutcome: string | null;
  fiscalYear: number;
};

export function declarationSummary(d: Row): string {
  if (d.kind === "case")
    return `${d.caseType ?? ""}: ${d.caseRef ?? ""} — ${d.hasConflict ? "มีส่วนได้เสีย (งดเว้นการพิจารณา)" : "ไม่มีส่วนได้เสีย"}`;
  return d.nothingToDeclare ? "ไม่มีสิ่งที่ต้องแจ้ง" : "มีรายการส่วนได้เสียที่แจ้ง";
}

export function DeclarationTable({
  declarations,
  showPerson,
  label,
}: {
  declarations: Row[];
  showPerson?: boolean;
  label: string;
}) {
  return (
    <div className="table-wrap">
      <table aria-label={label} className="register-table">
        <thead>
          <tr>
            <th>เลขที่</th>
            {showPerson ? <th>ผู้ยื่น</th> : null}
            <th>ประเภท</th>
            <th>สาระสำคัญ</th>
            <th>ยื่นเมื่อ</th>
            <th>ผลการพิจารณา</th>
          </tr>
        </thead>
        <tbody>
          {declarations.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/declarations/${d.id}`}>{`#${d.id}`}</Link>
              </td>
              {showPerson ? (
                <td>
                  {d.personName}
                  <div className="muted">{d.division}</div>
                </td>
              ) : null}
              <td>{`${d.kindLabel} ${d.fiscalYear}`}</td>
              <td>{declarationSummary(d)}</td>
              <td>{formatThaiDate(d.declaredAt)}</td>
              <td>
                {d.reviewOutcome ? (
                  <span className="badge">{d.reviewOutcome}</span>
                ) : (
                  <span className="badge badge--warn">รอพิจารณา</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
