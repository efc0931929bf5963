import { Link } from "@remix-run/react";
import { personnelTypeLabel } from "~/domain/personnel";
import { ROLE_LABELS, isRole } from "~/domain/roles";

export type { PeopleRow } from "~/domain/personnel";
import type { PeopleRow } from "~/domain/personnel";

export function PeopleTable({ rows, linkTo }: { rows: PeopleRow[]; linkTo?: (row: PeopleRow) => string }) {
  if (rows.length === 0) return <p className="card muted">ไม่พบบุคลากรตามเงื่อนไขที่เลือก</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>เลขประจำตัว</th>
            <th>ชื่อ–นามสกุล</th>
            <th className="hide-narrow">ตำแหน่ง</th>
            <th className="hide-narrow">ประเภท</th>
            <th>หน่วยงาน</th>
            <th className="hide-narrow">บทบาท</th>
            <th>สถานะ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const name = `${p.title}${p.firstName} ${p.lastName}`;
            return (
              <tr key={p.id}>
                <td>{p.employeeNumber}</td>
                <td>{linkTo ? <Link to={linkTo(p)}>{name}</Link> : name}</td>
                <td className="hide-narrow">{p.position}</td>
                <td className="hide-narrow">{personnelTypeLabel(p.personnelType)}</td>
                <td>{p.divisionName}</td>
                <td className="hide-narrow">{p.roles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ")}</td>
                <td>
                  {p.active ? (
                    <span className="badge badge--ok">ปฏิบัติงาน</span>
                  ) : (
                    <span className="badge badge--bad">ไม่ได้ใช้งาน</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
