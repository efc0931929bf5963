import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { PeopleTable } from "~/components/people-table";
import { unitPeoplePage } from "~/models/people/people-rows.server";
import { requireRole } from "~/utils/auth.server";
import { pageParam } from "~/utils/params.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "บุคลากรในหน่วยงาน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "manager");
  const url = new URL(request.url);
  return json(
    await loadOrRefuse(() =>
      unitPeoplePage(user.divisionId, { q: url.searchParams.get("q") ?? "", page: pageParam(url) }),
    ),
  );
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
