import { db } from "~/utils/db.server";
import { keptValue } from "~/utils/versioned-cache.server";

// The course catalogue: the courses and their current lessons, read by most pages and written only when content is
// loaded.

/** A course's current lessons, without their texts (large; only the lesson page reads one). */
export const CURRENT_LESSONS = {
  where: { retired: false },
  orderBy: { position: "asc" },
  select: { id: true, slug: true, title: true, position: true },
} as const;

/**
 * The catalogue in its order, with each course's current lessons (without their texts). Read by most pages, changed
 * only when content is loaded: kept per process until a course or lesson changes (decision 059). Frozen: copy
 * before changing.
 */
export const listCourses = keptValue("catalogue", () =>
  db.course.findMany({ orderBy: { sortOrder: "asc" }, include: { lessons: CURRENT_LESSONS } }),
);
