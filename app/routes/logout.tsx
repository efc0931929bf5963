import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { writeAudit } from "~/utils/audit.server";
import { getCurrentUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { clientIp } from "~/utils/request.server";
import { clearedSessionCookie, invalidateSession } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) {
    await db.$transaction(async (tx) => {
      await invalidateSession(tx, user.sessionId);
      await writeAudit(tx, {
        actorId: user.id,
        action: "auth.sign_out",
        entityType: "Person",
        entityId: user.employeeNumber,
        ip: clientIp(context),
      });
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
