import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CertificateSheet } from "~/components/certificate";
import { findCertificate } from "~/models/course-attempts.server";
import { toCertificateData, verifyUrlFor } from "~/models/certificate-view.server";
import { requireUser } from "~/utils/auth.server";
import { httpError } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "เกียรติบัตร · สุจริต" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await findCertificate(params.code ?? "");
  const mayView = certificate && (certificate.personId === user.id || user.roles.includes("hr") || user.roles.includes("admin"));
  if (!certificate || !mayView) httpError(404, "ไม่พบเกียรติบัตรนี้");
  return json({
    certificate: toCertificateData(certificate),
    courseSlug: certificate.course.slug,
    verifyUrl: verifyUrlFor(request, certificate.code),
  });
}

export default function CertificatePage() {
  const { certificate, courseSlug, verifyUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="actions no-print">
        <Link to={`/courses/${courseSlug}`}>‹ กลับหน้าหลักสูตร</Link>
        <button type="button" className="btn" onClick={() => window.print()}>
          พิมพ์ (A4)
        </button>
        <Link to={`/verify/${certificate.code}`}>หน้าตรวจสอบสาธารณะ</Link>
      </div>
      <CertificateSheet certificate={certificate} verifyUrl={verifyUrl} />
    </>
  );
}
