import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { clearedSessionCookie } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await signOut(request, clientIp(context));
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
