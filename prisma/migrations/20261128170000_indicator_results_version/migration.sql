-- Issue 17, decision 055: every post-test submission changes CourseResult, and only the knowledge indicators read it.
-- Its writes now bump their own number, 'indicator-results', instead of 'indicators', so a submission makes only the
-- knowledge indicators be computed again; every other table still bumps 'indicators' (20261128131000).
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('indicator-results', 1);

DROP TRIGGER IF EXISTS "CacheVersion_indicators_CourseResult_insert";
DROP TRIGGER IF EXISTS "CacheVersion_indicators_CourseResult_update";
DROP TRIGGER IF EXISTS "CacheVersion_indicators_CourseResult_delete";

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_insert" AFTER INSERT ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicator-results';
END;

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_update" AFTER UPDATE ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicator-results';
END;

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_delete" AFTER DELETE ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicator-results';
END;
