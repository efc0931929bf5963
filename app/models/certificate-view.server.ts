import type { Certificate } from "@prisma/client";
import QRCode from "qrcode";
import type { CertificateData } from "~/components/certificate";
import { signatories } from "~/content/signatories.server";
import { fullName } from "~/domain/personnel";
import { db } from "~/utils/db.server";

export function toCertificateData(c: Certificate): CertificateData {
  return {
    code: c.code,
    personName: c.personName,
    courseTitle: c.courseTitle,
    fiscalYear: c.fiscalYear,
    correctCount: c.correctCount,
    totalCount: c.totalCount,
    issuedAt: c.issuedAt.toISOString(),
  };
}

export function verifyUrlFor(request: Request, code: string): string {
  return `${new URL(request.url).origin}/verify/${code}`;
}

/**
 * The signatory printed on a certificate: the person who held the signing position (content/organization/
 * signatories.yaml) on the day it was issued, so issued certificates keep the name they were issued under.
 */
export async function certificateSignatory(issuedAt: Date): Promise<{ name: string | null; position: string }> {
  const { position, printedPosition } = signatories().certificate;
  const holder = await db.person.findFirst({
    where: { position, activeFrom: { lte: issuedAt }, OR: [{ activeUntil: null }, { activeUntil: { gt: issuedAt } }] },
    orderBy: { activeFrom: "desc" },
    select: { title: true, firstName: true, lastName: true },
  });
  return { name: holder ? fullName(holder) : null, position: printedPosition };
}

/** The verify URL as a QR code (SVG markup made by the qrcode package from our own URL, nothing user-typed). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
}
