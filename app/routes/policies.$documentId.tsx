import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { acknowledgeDocument, policyPage } from "~/models/plan/policy-documents.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { idParam } from "~/utils/params.server";
import { actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.document.title ?? "เอกสาร"} · สุจริต` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.documentId, "ไม่พบเอกสารนี้");
  return json(await loadOrRefuse(() => policyPage(id, { personId: user.id, roles: user.roles })));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.documentId, "ไม่พบเอกสารนี้");
  return actOrRefuse(async () => {
    await acknowledgeDocument(id, { personId: user.id, ip: clientIp(context) });
    return json({ ok: true as const });
  });
}

export default function PolicyPage() {
  const { document, reader, acknowledgedAt, progress } = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/policies">‹ ประกาศและนโยบาย</Link>
      </p>
      <h1>{document.title}</h1>
      <p className="muted">
        {`ประกาศเมื่อ ${formatThaiDate(document.publishedAt)} โดย ${document.publishedBy}`}
        {document.planItemNumber ? ` · ตามแผนลำดับที่ ${document.planItemNumber}` : ""}
      </p>
      <FormError message={failure?.formError} />
      <article className="card order-body" data-testid="policy-body">
        {document.body}
      </article>
      {reader ? (
        <section className="card actions">
          {acknowledgedAt ? (
            <span className="badge badge--ok">{`ท่านรับทราบแล้วเมื่อ ${formatThaiDateTime(acknowledgedAt)}`}</span>
          ) : (
            <Form method="post" className="actions">
              <span>เมื่ออ่านแล้ว โปรดกดรับทราบ</span>
              <button type="submit" className="btn">
                ข้าพเจ้าได้อ่านและรับทราบแล้ว
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {progress ? (
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{`การรับทราบ: ${progress.acknowledged}/${progress.population} คน`}</h2>
          {progress.missingCount === 0 ? (
            <p className="alert alert--ok">ทุกคนในกลุ่มเป้าหมายรับทราบแล้ว</p>
          ) : (
            <details>
              <summary>{`ผู้ที่ยังไม่รับทราบ ${progress.missingCount} คน`}</summary>
              <ul className="missing-list">
                {progress.missing.map((p) => (
                  <li key={p.id}>{`${p.employeeNumber} ${p.name} · ${p.division}`}</li>
                ))}
              </ul>
              {progress.missingCount > progress.missing.length ? (
                <p className="muted">{`แสดง ${progress.missing.length} คนแรก`}</p>
              ) : null}
            </details>
          )}
        </section>
      ) : null}
    </>
  );
}
