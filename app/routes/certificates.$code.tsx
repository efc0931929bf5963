import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CertificateSheet } from "~/components/certificate";
import { certificatePage } from "~/models/training/certificates.server";
import printLandscape from "~/styles/print-landscape.css";
import { requireUser } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "เกียรติบัตร · สุจริต" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printLandscape }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    await loadOrRefuse(() =>
      certificatePage(params.code ?? "", { personId: user.id, roles: user.roles }, new URL(request.url).origin),
    ),
  );
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
