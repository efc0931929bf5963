-- Issue 17, decision 056: the knowledge indicators of a fiscal year read only that year's CourseResult rows, so the
-- course results bump a number per year, 'indicator-results:<fiscal year>' (created by the first write of the year),
-- instead of one 'indicator-results'. A post-test submitted today no longer makes past years be computed again
-- (an item page shows all five plan years).
DROP TRIGGER IF EXISTS "CacheVersion_indicator_results_CourseResult_insert";
DROP TRIGGER IF EXISTS "CacheVersion_indicator_results_CourseResult_update";
DROP TRIGGER IF EXISTS "CacheVersion_indicator_results_CourseResult_delete";

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_insert" AFTER INSERT ON "CourseResult"
BEGIN
  INSERT INTO "CacheVersion" ("name", "version") VALUES ('indicator-results:' || NEW."fiscalYear", 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_update" AFTER UPDATE ON "CourseResult"
BEGIN
  INSERT INTO "CacheVersion" ("name", "version") VALUES ('indicator-results:' || NEW."fiscalYear", 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "version" + 1;
  INSERT INTO "CacheVersion" ("name", "version") VALUES ('indicator-results:' || OLD."fiscalYear", 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "CacheVersion_indicator_results_CourseResult_delete" AFTER DELETE ON "CourseResult"
BEGIN
  INSERT INTO "CacheVersion" ("name", "version") VALUES ('indicator-results:' || OLD."fiscalYear", 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "version" + 1;
END;

-- The single number is no longer read or bumped.
DELETE FROM "CacheVersion" WHERE "name" = 'indicator-results';
