-- Issue 17, decision 059: reference data most pages read (the course catalogue with its lessons, the course
-- assignments, the published policy documents, the plan's items) is kept per process while its CacheVersion number
-- is unchanged. Every write to those tables bumps the number in the same transaction, whichever process makes it.
-- (Divisions already bump 'membership'.)
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('catalogue', 1);
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('course-assignments', 1);
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('policy-documents', 1);
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('plan-items', 1);

CREATE TRIGGER "CacheVersion_catalogue_Course_insert" AFTER INSERT ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_catalogue_Course_update" AFTER UPDATE ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_catalogue_Course_delete" AFTER DELETE ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_catalogue_Lesson_insert" AFTER INSERT ON "Lesson"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_catalogue_Lesson_update" AFTER UPDATE ON "Lesson"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_catalogue_Lesson_delete" AFTER DELETE ON "Lesson"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue';
END;

CREATE TRIGGER "CacheVersion_course_assignments_CourseAssignment_insert" AFTER INSERT ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'course-assignments';
END;

CREATE TRIGGER "CacheVersion_course_assignments_CourseAssignment_update" AFTER UPDATE ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'course-assignments';
END;

CREATE TRIGGER "CacheVersion_course_assignments_CourseAssignment_delete" AFTER DELETE ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'course-assignments';
END;

CREATE TRIGGER "CacheVersion_policy_documents_PolicyDocument_insert" AFTER INSERT ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'policy-documents';
END;

CREATE TRIGGER "CacheVersion_policy_documents_PolicyDocument_update" AFTER UPDATE ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'policy-documents';
END;

CREATE TRIGGER "CacheVersion_policy_documents_PolicyDocument_delete" AFTER DELETE ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'policy-documents';
END;

CREATE TRIGGER "CacheVersion_plan_items_PlanItem_insert" AFTER INSERT ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'plan-items';
END;

CREATE TRIGGER "CacheVersion_plan_items_PlanItem_update" AFTER UPDATE ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'plan-items';
END;

CREATE TRIGGER "CacheVersion_plan_items_PlanItem_delete" AFTER DELETE ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'plan-items';
END;
