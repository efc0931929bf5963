import type { Certificate } from "@prisma/client";
import type { CertificateData } from "~/components/certificate";

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
