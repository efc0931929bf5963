import path from "node:path";
import { syncCourses } from "~/models/training/catalog.server";
import { loadAllCourses } from "./courses.server";
import { syncDivisions } from "./organization.server";
import { loadTargetGroups, syncPlan } from "./plan-sync.server";
import { loadPlan } from "./plan.server";
import { loadPlanRisks, riskMatrix, syncPlanRisks } from "./risks.server";
import { loadSurveyFile, SALARY_SURVEY_FILE } from "./salary-survey.server";
import { GIFT_RULES_FILE, loadGiftRulesFile } from "./gift-rules.server";
import { CONTENT_ROOT } from "./yaml-file.server";

/** Everything under content/ into the database, in dependency order. Returns a one-line summary. */
export async function syncAllContent(): Promise<string> {
  // Load and validate every file before writing anything, so a bad file changes nothing.
  const courses = loadAllCourses();
  loadPlan();
  loadTargetGroups();
  riskMatrix();
  loadPlanRisks();
  loadSurveyFile(path.join(CONTENT_ROOT, SALARY_SURVEY_FILE)); // read at run time; checked here so setup catches a bad file
  loadGiftRulesFile(path.join(CONTENT_ROOT, GIFT_RULES_FILE)); // the gift rules (issue 13), likewise
  const divisions = await syncDivisions();
  const synced = await syncCourses(courses);
  const items = await syncPlan(courses);
  const risks = await syncPlanRisks();
  return `${divisions} divisions, ${synced.courses} courses (${synced.newVersions} new question versions), plan: ${items} items, ${risks} new risks from Part 1`;
}
