import { Link } from "@remix-run/react";

// What a person sees when a page cannot be shown. Never a bare "รหัส 500": a refusal says why, a failure on our
// side or a lost connection says to try again, with a button that does (issue 12 item 12).

const MESSAGES: Record<number, { title: string; detail: string }> = {
  400: { title: "คำขอไม่ถูกต้อง", detail: "ข้อมูลที่ส่งมาไม่ครบหรือไม่ถูกต้อง" },
  403: { title: "ไม่มีสิทธิ์เข้าถึง", detail: "ท่านไม่มีสิทธิ์เข้าถึงหน้านี้ หากคิดว่าควรมีสิทธิ์ โปรดติดต่อกองการเจ้าหน้าที่" },
  404: { title: "ไม่พบหน้าที่ต้องการ", detail: "หน้านี้อาจถูกย้ายหรือไม่มีอยู่ ตรวจสอบที่อยู่อีกครั้ง" },
  503: { title: "ระบบไม่ว่างชั่วคราว", detail: "ระบบมีผู้ใช้งานมากในขณะนี้ กรุณารอสักครู่แล้วลองใหม่" },
  500: {
    title: "เกิดข้อผิดพลาด กรุณาลองใหม่",
    detail: "ระบบทำงานไม่สำเร็จในครั้งนี้ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ครบ กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ",
  },
};

const OFFLINE = {
  title: "เชื่อมต่อระบบไม่ได้ กรุณาลองใหม่",
  detail: "ไม่สามารถติดต่อเครื่องแม่ข่ายได้ อาจเป็นเพราะอินเทอร์เน็ตขัดข้องหรือระบบกำลังเริ่มทำงานใหม่ ตรวจสอบการเชื่อมต่อแล้วกด “ลองใหม่”",
};

/** A thrown error that is a failed fetch (server down, network lost) rather than a bug in the page. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /failed to fetch|networkerror|network error|load failed|fetch failed|err_connection|network request failed/i.test(
    `${error.name} ${error.message}`,
  );
}

export function ErrorPage({
  status,
  message,
  offline = false,
}: {
  status: number;
  message?: string;
  offline?: boolean;
}) {
  const known = offline ? OFFLINE : (MESSAGES[status] ?? (status >= 500 ? MESSAGES[500]! : MESSAGES[400]!));
  const retry = offline || status >= 500;
  return (
    <div className="card" role="alert" data-testid="error-page" data-status={offline ? "offline" : status}>
      <h1>{known.title}</h1>
      <p>{offline ? known.detail : (message ?? known.detail)}</p>
      <p className="actions">
        {retry ? (
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            ลองใหม่
          </button>
        ) : null}
        <Link to="/" className={retry ? "btn btn--secondary" : "btn"}>
          กลับหน้าหลัก
        </Link>
        <button type="button" className="btn btn--secondary" onClick={() => history.back()}>
          ย้อนกลับ
        </button>
      </p>
    </div>
  );
}
