import { readVerifyCode } from "~/domain/verify-code";
import type { Certificate } from "@prisma/client";
import QRCode from "qrcode";
import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import type { CertificateData, Signatory } from "~/domain/certificate";
import { signatories } from "~/content/signatories.server";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { db } from "~/utils/db.server";

// Reading certificates: the holder's (or HR's) printable sheet and the public verification.

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

export async function findCertificate(code: string) {
  return db.certificate.findUnique({
    where: { code: code.trim().toUpperCase() },
    include: { course: true, person: true },
  });
}

/**
 * The signatory printed on a certificate: the person who held the signing position (content/organization/
 * signatories.yaml) on the day it was issued, so issued certificates keep the name they were issued under.
 */
export async function certificateSignatory(issuedAt: Date): Promise<Signatory> {
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

/** The printable certificate: its holder or HR may see it; anyone else gets "not found". */
export async function certificatePage(code: string, viewer: Pick<Actor, "personId" | "roles">, origin: string) {
  const read = readVerifyCode(code);
  const certificate = read.kind === "certificate" ? await findCertificate(read.code) : null;
  if (!certificate || (certificate.personId !== viewer.personId && !isHr(viewer))) throw refusal(404, "ไม่พบเกียรติบัตรนี้");
  const verifyUrl = `${origin}/verify/${certificate.code}`;
  return {
    certificate: toCertificateData(certificate),
    courseSlug: certificate.course.slug,
    verifyUrl,
    signatory: await certificateSignatory(certificate.issuedAt),
    qrSvg: await qrSvg(verifyUrl),
  };
}
