// Moved to app/models/training/my-courses.server.ts (decision 046). This re-export keeps app/routes/_index.tsx
// (owned by the home-page work) building until it imports the new path; then delete it.
export { myCourses } from "./training/my-courses.server";
