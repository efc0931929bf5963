import { syncDivisions } from "./organization.server";

/** Everything under content/ into the database, in dependency order. Returns a one-line summary. */
export async function syncAllContent(): Promise<string> {
  const divisions = await syncDivisions();
  return `${divisions} divisions`;
}
