import { syncCourses } from "~/models/course-catalog.server";
import { loadAllCourses } from "./courses.server";
import { loadPlan } from "./plan.server";
import { syncDivisions } from "./organization.server";

/** Everything under content/ into the database, in dependency order. Returns a one-line summary. */
export async function syncAllContent(): Promise<string> {
  // Load and validate every file before writing anything, so a bad file changes nothing.
  const courses = loadAllCourses();
  // The plan is validated here too; it reaches the database with the indicators work (plan issue).
  const { items } = loadPlan();
  const divisions = await syncDivisions();
  const synced = await syncCourses(courses);
  return `${divisions} divisions, ${synced.courses} courses (${synced.newVersions} new question versions), plan: ${items.length} items validated`;
}
