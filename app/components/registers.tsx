import { Link } from "@remix-run/react";
import { DECLARATION_PRIVACY_NOTICE } from "~/domain/declarations";
import type { GiftStatus } from "~/domain/gift-rules";
import { formatThaiDate } from "~/domain/thai-date";

// Shared pieces of the gift register and declaration pages (issue 13).

const STATUS_CLASS: Record<GiftStatus, string> = {
  no_report: "badge badge--ok",
  awaiting_decision: "badge badge--warn",
  overdue: "badge badge--bad",
  decided: "badge",
  superseded: "badge",
};

export function GiftStatusBadge({ status, label }: { status: GiftStatus; label: string }) {
  return <span className={STATUS_CLASS[status]}>{label}</span>;
}

/** A Bangkok calendar date "YYYY-MM-DD" in Thai (noon UTC keeps it on the same day in Bangkok). */
export function isoDateThai(iso: string | null): string {
  return iso ? formatThaiDate(`${iso}T05:00:00Z`) : "—";
}

export function PrivacyNotice({ what = "ข้อมูลในแบบนี้" }: { what?: string }) {
  return (
    <aside className="alert alert--info" aria-label="การคุ้มครองข้อมูลส่วนบุคคล">
      <strong>การคุ้มครองข้อมูลส่วนบุคคล (PDPA)</strong>
      <div>{`${what} ใช้${DECLARATION_PRIVACY_NOTICE.purpose}`}</div>
      <div>{`ผู้ที่เห็นได้: ${DECLARATION_PRIVACY_NOTICE.whoSees}`}</div>
      <div>{`ระยะเวลาเก็บรักษา: ${DECLARATION_PRIVACY_NOTICE.retention}`}</div>
    </aside>
  );
}

type GiftRow = {
  id: number;
  personName: string;
  division: string;
  giverName: string;
  description: string;
  amount: string;
  estimated: boolean;
  receivedOn: string;
  ruleTitle: string;
  status: GiftStatus;
  statusLabel: string;
  reportDueOn: string | null;
};

export function GiftTable({ gifts, showPerson, label }: { gifts: GiftRow[]; showPerson?: boolean; label: string }) {
  return (
    <div className="table-wrap">
      <table aria-label={label} className="register-table">
        <thead>
          <tr>
            <th>เลขที่</th>
            {showPerson ? <th>ผู้บันทึก</th> : null}
            <th>ผู้ให้ / สิ่งที่ได้รับ</th>
            <th className="num">มูลค่า</th>
            <th>วันที่ได้รับ</th>
            <th>กรณี</th>
            <th>สถานะ</th>
          </tr>
        </thead>
        <tbody>
          {gifts.map((g) => (
            <tr key={g.id}>
              <td>
                <Link to={`/gifts/${g.id}`}>{`#${g.id}`}</Link>
              </td>
              {showPerson ? (
                <td>
                  {g.personName}
                  <div className="muted">{g.division}</div>
                </td>
              ) : null}
              <td>
                {g.giverName}
                <div className="muted">{g.description}</div>
              </td>
              <td className="num nowrap">
                {g.amount}
                {g.estimated ? <div className="muted">ประมาณการ</div> : null}
              </td>
              <td>{isoDateThai(g.receivedOn)}</td>
              <td>{g.ruleTitle}</td>
              <td>
                <GiftStatusBadge status={g.status} label={g.statusLabel} />
                {g.status === "awaiting_decision" || g.status === "overdue" ? (
                  <div className="muted">{`กำหนด ${isoDateThai(g.reportDueOn)}`}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
