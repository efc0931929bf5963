import { Link } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; detail: string }> = {
  400: { title: "คำขอไม่ถูกต้อง", detail: "ข้อมูลที่ส่งมาไม่ครบหรือไม่ถูกต้อง" },
  403: { title: "ไม่มีสิทธิ์เข้าถึง", detail: "ท่านไม่มีสิทธิ์เข้าถึงหน้านี้ หากคิดว่าควรมีสิทธิ์ โปรดติดต่อกองการเจ้าหน้าที่" },
  404: { title: "ไม่พบหน้าที่ต้องการ", detail: "หน้านี้อาจถูกย้ายหรือไม่มีอยู่ ตรวจสอบที่อยู่อีกครั้ง" },
  503: { title: "ระบบไม่ว่างชั่วคราว", detail: "ระบบไม่ว่างชั่วคราว โปรดลองอีกครั้ง" },
  500: { title: "ระบบขัดข้อง", detail: "เกิดข้อผิดพลาดในระบบ โปรดลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ" },
};

export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const known = MESSAGES[status] ?? MESSAGES[500]!;
  return (
    <div className="card" role="alert" data-testid="error-page" data-status={status}>
      <p className="muted">รหัส {status}</p>
      <h1>{known.title}</h1>
      <p>{message ?? known.detail}</p>
      <p className="actions">
        <Link to="/" className="btn">
          กลับหน้าหลัก
        </Link>
        <button type="button" className="btn btn--secondary" onClick={() => history.back()}>
          ย้อนกลับ
        </button>
      </p>
    </div>
  );
}
