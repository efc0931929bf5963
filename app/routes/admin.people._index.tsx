import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DivisionOptions } from "~/components/division-options";
import { Pagination } from "~/components/pagination";
import { PeopleTable } from "~/components/people-table";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS } from "~/domain/personnel";
import { divisionAndDescendantIds, listDivisionOptions } from "~/models/people/organization.server";
import { searchPeople } from "~/models/people/people-queries.server";
import { toPeopleRow } from "~/models/people/people-rows.server";
import { requireRole } from "~/utils/auth.server";
import { pageParam, parseId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "จัดการบุคลากร · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const division = parseId(url.searchParams.get("division")) ?? undefined;
  const personnelType = url.searchParams.get("type") ?? "";
  const statusParam = url.searchParams.get("status");
  const status = statusParam === "inactive" || statusParam === "all" ? statusParam : "active";
  const page = pageParam(url);
  const [divisions, result] = await Promise.all([
    listDivisionOptions(),
    searchPeople({
      q,
      divisionIds: division ? await divisionAndDescendantIds(division) : undefined,
      personnelType: (PERSONNEL_TYPES as readonly string[]).includes(personnelType) ? personnelType : undefined,
      status,
      page,
    }),
  ]);
  return json({
    filters: { q, division: division ?? "", type: personnelType, status },
    divisions,
    rows: result.people.map((p) => toPeopleRow(p)),
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
  });
}

export default function PeopleIndex() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>จัดการบุคลากร</h1>
        <div className="actions">
          <Link to="/admin/people/import" className="btn btn--secondary">
            นำเข้าจาก CSV
          </Link>
          <Link to="/admin/people/new" className="btn">
            + เพิ่มบุคลากร
          </Link>
        </div>
      </div>
      <Form method="get" className="card row row--end" role="search" aria-label="ค้นหาบุคลากร">
        <div className="field">
          <label htmlFor="q">ค้นหา</label>
          <input id="q" name="q" defaultValue={data.filters.q} placeholder="ชื่อ นามสกุล เลขประจำตัว หรือตำแหน่ง" />
        </div>
        <div className="field">
          <label htmlFor="division">หน่วยงาน</label>
          <select id="division" name="division" defaultValue={String(data.filters.division)}>
            <option value="">ทุกหน่วยงาน</option>
            <DivisionOptions divisions={data.divisions} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">ประเภท</label>
          <select id="type" name="type" defaultValue={data.filters.type}>
            <option value="">ทุกประเภท</option>
            {PERSONNEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {PERSONNEL_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">สถานะ</label>
          <select id="status" name="status" defaultValue={data.filters.status}>
            <option value="active">ปฏิบัติงานอยู่</option>
            <option value="inactive">ไม่ได้ใช้งาน</option>
            <option value="all">ทั้งหมด</option>
          </select>
        </div>
        <div>
          <button type="submit" className="btn">
            ค้นหา
          </button>
        </div>
      </Form>
      <PeopleTable rows={data.rows} linkTo={(p) => `/admin/people/${p.id}`} />
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
    </>
  );
}
