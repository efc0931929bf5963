// Moved to app/models/training/assignments.server.ts (decision 046). This re-export keeps
// app/models/indicators.server.ts (owned by the perf work) building until it imports the new path; then delete it.
export { coursePopulation } from "./training/assignments.server";
