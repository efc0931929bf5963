import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadEvidenceFile } from "~/models/plan/indicator-entries.server";
import { requireUser } from "~/utils/auth.server";
import { httpError } from "~/utils/http.server";
import { idParam } from "~/utils/params.server";

// Evidence behind an indicator entry: every signed-in user may see the plan and its results, so its evidence too.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = idParam(params.fileId);
  const file = Number.isInteger(id) && id > 0 ? await loadEvidenceFile(id) : null;
  if (!file) httpError(404, "ไม่พบไฟล์หลักฐานนี้");
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(file.data, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
