import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { PeopleTable } from "~/components/people-table";
import { divisionAndDescendantIds } from "~/models/organization.server";
import { searchPeople } from "~/models/people-queries.server";
import { toPeopleRow } from "~/models/people-rows.server";
import { requireRole } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { pageParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "บุคลากรในหน่วยงาน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "manager");
  // The people a manager supervises: their own unit and the units below it (decision 025), not the whole division.
  const unitId = user.divisionId;
  const unit = await db.division.findUniqueOrThrow({ where: { id: unitId } });
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const result = await searchPeople({
    q,
    divisionIds: await divisionAndDescendantIds(unitId),
    page: pageParam(url),
  });
  return json({
    unitName: unit.name,
    q,
    rows: result.people.map((p) => toPeopleRow(p)),
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
  });
}

export default function UnitPeople() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{`บุคลากรใน${data.unitName}`}</h1>
      <Form method="get" className="card row row--end" role="search">
        <div className="field">
          <label htmlFor="q">ค้นหา</label>
          <input id="q" name="q" defaultValue={data.q} placeholder="ชื่อ นามสกุล เลขประจำตัว หรือตำแหน่ง" />
        </div>
        <div>
          <button type="submit" className="btn">
            ค้นหา
          </button>
        </div>
      </Form>
      <PeopleTable rows={data.rows} />
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
    </>
  );
}
