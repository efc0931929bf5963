// A certificate as the printed sheet shows it (shared by the model that reads it and the component that prints it).

export type CertificateData = {
  code: string;
  personName: string;
  courseTitle: string;
  fiscalYear: number;
  correctCount: number;
  totalCount: number;
  issuedAt: string;
};

export type Signatory = { name: string | null; position: string };
