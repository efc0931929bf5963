import type { LoaderFunctionArgs } from "@remix-run/node";
import { complaintAttachment } from "~/models/complaints/cases.server";
import { requireRole } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "integrity");
  const file = await loadOrRefuse(() =>
    complaintAttachment(
      { personId: user.id, roles: user.roles, ip: clientIp(context) },
      Number(params.id),
      Number(params.fileId),
    ),
  );
  return new Response(file.data, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
