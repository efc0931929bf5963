import type { CertificateData, Signatory } from "~/domain/certificate";
import { formatThaiDate } from "~/domain/thai-date";

export type { CertificateData, Signatory };

export function CertificateSheet({
  certificate,
  verifyUrl,
  signatory,
  qrSvg,
}: {
  certificate: CertificateData;
  verifyUrl: string;
  signatory: Signatory;
  qrSvg: string;
}) {
  const score = Math.round((certificate.correctCount * 1000) / certificate.totalCount) / 10;
  return (
    <section className="certificate" aria-label="เกียรติบัตร">
      <p className="certificate__org">เทศบาลนครลำปาง</p>
      <p className="certificate__kind">เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า</p>
      <p className="certificate__name">{certificate.personName}</p>
      <p>ได้ผ่านการอบรมและการทดสอบความรู้หลักสูตร</p>
      <p className="certificate__course">{certificate.courseTitle}</p>
      <p>{`ตามแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ ${certificate.fiscalYear} ด้วยคะแนน ${certificate.correctCount}/${certificate.totalCount} (${score}%)`}</p>
      <p>{`ให้ไว้ ณ วันที่ ${formatThaiDate(certificate.issuedAt)}`}</p>
      <div className="certificate__sign">
        <span
          className="certificate__qr"
          role="img"
          aria-label={`คิวอาร์โค้ดของหน้าตรวจสอบ ${verifyUrl}`}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <div className="certificate__signatory">
          <p className="line">
            {signatory.name ? `(${signatory.name})` : "(..............................................)"}
          </p>
          <p>{signatory.position}</p>
        </div>
        <span className="certificate__qr" aria-hidden="true" />
      </div>
      <p className="certificate__code">{`รหัสตรวจสอบ ${certificate.code} · ตรวจสอบได้ที่ ${verifyUrl}`}</p>
    </section>
  );
}
