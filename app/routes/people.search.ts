import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchPeople } from "~/models/people/search.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

// The person picker's source: signed-in users only, at most 10 matches (number, name, position, unit).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const people = await loadOrRefuse(() =>
    searchPeople({ personId: user.id, roles: user.roles, ip: clientIp(context) }, q),
  );
  return json({ people }, { headers: { "Cache-Control": "private, no-store" } });
}
