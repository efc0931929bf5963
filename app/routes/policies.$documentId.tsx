import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { fullName } from "~/domain/personnel";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { PolicyError, acknowledgeDocument, isReader } from "~/models/policy-documents.server";
import { populationOf } from "~/models/target-groups.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.document.title ?? "เอกสาร"} · สุจริต` }];

const MISSING_SHOWN = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.documentId);
  const document = Number.isInteger(id) ? await db.policyDocument.findUnique({ where: { id }, include: { publishedBy: true } }) : null;
  if (!document) httpError(404, "ไม่พบเอกสารนี้");
  const isHr = user.roles.includes("hr") || user.roles.includes("admin");
  const reader = await isReader(id, user.id);
  if (!reader && !isHr) httpError(404, "ไม่พบเอกสารนี้");
  const mine = await db.policyAcknowledgement.findUnique({ where: { documentId_personId: { documentId: id, personId: user.id } } });
  let progress = null;
  if (isHr) {
    const population = (await populationOf(document.targetGroupCode, new Date()))?.members ?? [];
    const acked = new Set((await db.policyAcknowledgement.findMany({ where: { documentId: id } })).map((a) => a.personId));
    const missingIds = population.filter((p) => !acked.has(p.id)).map((p) => p.id);
    const missing = await db.person.findMany({ where: { id: { in: missingIds.slice(0, MISSING_SHOWN) } }, include: { division: true }, orderBy: { employeeNumber: "asc" } });
    progress = {
      acknowledged: population.length - missingIds.length,
      population: population.length,
      missingCount: missingIds.length,
      missing: missing.map((p) => ({ id: p.id, employeeNumber: p.employeeNumber, name: fullName(p), division: p.division.name })),
    };
  }
  return json({
    document: {
      id: document.id,
      title: document.title,
      body: document.body,
      publishedAt: document.publishedAt.toISOString(),
      publishedBy: fullName(document.publishedBy),
      planItemNumber: document.planItemNumber,
    },
    reader,
    acknowledgedAt: mine?.acknowledgedAt.toISOString() ?? null,
    progress,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    await acknowledgeDocument(idParam(params.documentId), { personId: user.id, ip: clientIp(context) });
    return json({ ok: true, error: undefined as string | undefined });
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return json({ ok: false, error: error.message as string | undefined }, { status: error.status });
  }
}

export default function PolicyPage() {
  const { document, reader, acknowledgedAt, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <FormError message={actionData?.error} />
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
              {progress.missingCount > progress.missing.length ? <p className="muted">{`แสดง ${progress.missing.length} คนแรก`}</p> : null}
            </details>
          )}
        </section>
      ) : null}
    </>
  );
}
