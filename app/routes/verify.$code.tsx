import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readVerifyCode } from "~/domain/verify-code";
import { formatThaiDate } from "~/domain/thai-date";
import { findCertificate } from "~/models/training/certificates.server";

export const meta: MetaFunction = () => [{ title: "ผลการตรวจสอบเกียรติบัตร · เทศบาลนครลำปาง" }];

// Public: confirms a certificate without signing in, and shows only what the certificate itself prints.
export async function loader({ params }: LoaderFunctionArgs) {
  // Typed with spaces, dashes or lower case, the code still finds its certificate; an order's code finds the order.
  const read = readVerifyCode(params.code ?? "");
  if (read.kind === "order") throw redirect(`/verify/order/${read.code}`);
  const code = read.code;
  const certificate = read.kind === "certificate" ? await findCertificate(code) : null;
  return json(
    {
      code,
      certificate: certificate
        ? {
            personName: certificate.personName,
            courseTitle: certificate.courseTitle,
            fiscalYear: certificate.fiscalYear,
            correctCount: certificate.correctCount,
            totalCount: certificate.totalCount,
            issuedAt: certificate.issuedAt.toISOString(),
          }
        : null,
    },
    { status: certificate ? 200 : 404 },
  );
}

export default function VerifyCode() {
  const { code, certificate } = useLoaderData<typeof loader>();
  return (
    <div className="card login" data-testid="verify-result">
      <h1>ผลการตรวจสอบเกียรติบัตร</h1>
      {certificate ? (
        <>
          <div className="alert alert--ok" role="status">
            {`✓ เกียรติบัตรรหัส ${code} ออกโดยเทศบาลนครลำปางจริง`}
          </div>
          <dl>
            <dt>ชื่อ</dt>
            <dd>{certificate.personName}</dd>
            <dt>หลักสูตร</dt>
            <dd>{certificate.courseTitle}</dd>
            <dt>ปีงบประมาณ</dt>
            <dd>{certificate.fiscalYear}</dd>
            <dt>คะแนน</dt>
            <dd>{`${certificate.correctCount}/${certificate.totalCount}`}</dd>
            <dt>วันที่ออก</dt>
            <dd>{formatThaiDate(certificate.issuedAt)}</dd>
          </dl>
        </>
      ) : (
        <div className="alert alert--error" role="alert">
          {`ไม่พบเกียรติบัตรรหัส ${code || "(ว่าง)"} ในระบบ เกียรติบัตรนี้อาจไม่ใช่ของจริง หรือรหัสพิมพ์ผิด`}
        </div>
      )}
      <p>
        <Link to="/verify">ตรวจสอบรหัสอื่น</Link>
      </p>
    </div>
  );
}
