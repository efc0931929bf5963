import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CertificateSheet } from "~/components/certificate";
import { readVerifyCode } from "~/domain/verify-code";
import { findCertificate } from "~/models/course-attempts.server";
import { certificateSignatory, qrSvg, toCertificateData, verifyUrlFor } from "~/models/certificate-view.server";
import printLandscape from "~/styles/print-landscape.css";
import { requireUser } from "~/utils/auth.server";
import { httpError } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "เกียรติบัตร · สุจริต" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printLandscape }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const read = readVerifyCode(params.code ?? "");
  const certificate = read.kind === "certificate" ? await findCertificate(read.code) : null;
  const mayView = certificate && (certificate.personId === user.id || user.roles.includes("hr") || user.roles.includes("admin"));
  if (!certificate || !mayView) httpError(404, "ไม่พบเกียรติบัตรนี้");
  return json({
    certificate: toCertificateData(certificate),
    courseSlug: certificate.course.slug,
    verifyUrl: verifyUrlFor(request, certificate.code),
    signatory: await certificateSignatory(certificate.issuedAt),
    qrSvg: await qrSvg(verifyUrlFor(request, certificate.code)),
  });
}

export default function CertificatePage() {
  const { certificate, courseSlug, verifyUrl, signatory, qrSvg } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="no-print">{`เกียรติบัตร: ${certificate.courseTitle}`}</h1>
      <div className="actions no-print">
        <Link to={`/courses/${courseSlug}`}>‹ กลับหน้าหลักสูตร</Link>
        <button type="button" className="btn" onClick={() => window.print()}>
          พิมพ์ (A4)
        </button>
        <Link to={`/verify/${certificate.code}`}>หน้าตรวจสอบสาธารณะ</Link>
      </div>
      <CertificateSheet certificate={certificate} verifyUrl={verifyUrl} signatory={signatory} qrSvg={qrSvg} />
    </>
  );
}
