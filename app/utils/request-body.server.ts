import { json } from "@remix-run/node";

// The one way routes read a submitted form. server.mjs has already refused a body over the route's limit
// (request-limits.mjs), so reading it whole is bounded. A body that is not a form (JSON, text, a broken multipart)
// is a Thai 400, not a 500.

export const NOT_A_FORM = "ข้อมูลที่ส่งมาไม่ใช่แบบฟอร์มที่ถูกต้อง กรุณากลับไปที่หน้าแบบฟอร์มแล้วส่งใหม่";

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? "")) throw json({ message: NOT_A_FORM }, { status: 400 });
  try {
    // The platform's parser (not Remix's streaming multipart parser, which rejects a file name containing "=").
    return await request.formData();
  } catch {
    throw json({ message: NOT_A_FORM }, { status: 400 });
  }
}

/** The uploaded file in `field`, or null when none was chosen; larger than `maxBytes` is reported, not thrown. */
export function uploadedFile(form: FormData, field: string, maxBytes: number): { file: File | null; tooBig: boolean } {
  const value = form.get(field);
  if (!(value instanceof File) || value.size === 0) return { file: null, tooBig: false };
  return { file: value, tooBig: value.size > maxBytes };
}
