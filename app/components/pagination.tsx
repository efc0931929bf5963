import { Link, useLocation } from "@remix-run/react";

export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const location = useLocation();
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label="เลือกหน้า">
      {page > 1 ? <Link to={hrefFor(page - 1)}>‹ ก่อนหน้า</Link> : null}
      <span>
        หน้า {page} จาก {pageCount} · ทั้งหมด {total.toLocaleString("th-TH")} รายการ
      </span>
      {page < pageCount ? <Link to={hrefFor(page + 1)}>ถัดไป ›</Link> : null}
    </nav>
  );
}
