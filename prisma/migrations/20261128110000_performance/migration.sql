-- Issue 17 (decision 041): a per-person, course, year and kind result row kept by triggers on Attempt; a version
-- number per cached data set bumped by triggers; the index item 37's measure count needed.

-- CreateTable
CREATE TABLE "CourseResult" (
    "courseId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "submitted" INTEGER NOT NULL,
    "firstId" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "firstTotal" INTEGER NOT NULL,
    "lastId" INTEGER NOT NULL,
    "lastCorrect" INTEGER NOT NULL,
    "lastTotal" INTEGER NOT NULL,
    "bestId" INTEGER NOT NULL,
    "bestCorrect" INTEGER NOT NULL,
    "bestTotal" INTEGER NOT NULL,

    PRIMARY KEY ("courseId", "fiscalYear", "kind", "personId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "RiskMeasure_riskId_idx" ON "RiskMeasure"("riskId");

-- Every key's row is recomputed from its own attempts (a handful, found through the unique index) whenever a
-- submitted attempt is inserted, changed or deleted, so the row always equals the recomputed value; submitted
-- attempts are immutable today (Attempt_immutable_after_submit), but a correction or deletion would still be
-- followed. Unsubmitted attempts never count and fire nothing.
CREATE TRIGGER "CourseResult_attempt_insert" AFTER INSERT ON "Attempt"
WHEN NEW."submittedAt" IS NOT NULL
BEGIN
  DELETE FROM "CourseResult" WHERE "courseId" = NEW."courseId" AND "fiscalYear" = NEW."fiscalYear" AND "kind" = NEW."kind" AND "personId" = NEW."personId";
  INSERT INTO "CourseResult" ("courseId", "fiscalYear", "kind", "personId", "submitted", "firstId", "firstCorrect", "firstTotal", "lastId", "lastCorrect", "lastTotal", "bestId", "bestCorrect", "bestTotal")
    SELECT k."courseId", k."fiscalYear", k."kind", k."personId", k."n",
           f."id", COALESCE(f."correctCount", 0), f."totalCount", l."id", COALESCE(l."correctCount", 0), l."totalCount", b."id", COALESCE(b."correctCount", 0), b."totalCount"
    FROM (SELECT o."courseId", o."fiscalYear", o."kind", o."personId", count(*) AS "n",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt", a."id" LIMIT 1) AS "firstId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" DESC, a."id" DESC LIMIT 1) AS "lastId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY CASE WHEN a."totalCount" > 0 THEN COALESCE(a."correctCount", 0) * 1.0 / a."totalCount" ELSE 0 END DESC, a."submittedAt", a."id" LIMIT 1) AS "bestId"
          FROM "Attempt" o WHERE o."submittedAt" IS NOT NULL AND o."personId" = NEW."personId" AND o."courseId" = NEW."courseId" AND o."kind" = NEW."kind" AND o."fiscalYear" = NEW."fiscalYear"
          GROUP BY o."courseId", o."fiscalYear", o."kind", o."personId") k
    JOIN "Attempt" f ON f."id" = k."firstId" JOIN "Attempt" l ON l."id" = k."lastId" JOIN "Attempt" b ON b."id" = k."bestId";
END;

CREATE TRIGGER "CourseResult_attempt_update" AFTER UPDATE ON "Attempt"
WHEN OLD."submittedAt" IS NOT NULL OR NEW."submittedAt" IS NOT NULL
BEGIN
  DELETE FROM "CourseResult" WHERE "courseId" = OLD."courseId" AND "fiscalYear" = OLD."fiscalYear" AND "kind" = OLD."kind" AND "personId" = OLD."personId";
  INSERT INTO "CourseResult" ("courseId", "fiscalYear", "kind", "personId", "submitted", "firstId", "firstCorrect", "firstTotal", "lastId", "lastCorrect", "lastTotal", "bestId", "bestCorrect", "bestTotal")
    SELECT k."courseId", k."fiscalYear", k."kind", k."personId", k."n",
           f."id", COALESCE(f."correctCount", 0), f."totalCount", l."id", COALESCE(l."correctCount", 0), l."totalCount", b."id", COALESCE(b."correctCount", 0), b."totalCount"
    FROM (SELECT o."courseId", o."fiscalYear", o."kind", o."personId", count(*) AS "n",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt", a."id" LIMIT 1) AS "firstId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" DESC, a."id" DESC LIMIT 1) AS "lastId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY CASE WHEN a."totalCount" > 0 THEN COALESCE(a."correctCount", 0) * 1.0 / a."totalCount" ELSE 0 END DESC, a."submittedAt", a."id" LIMIT 1) AS "bestId"
          FROM "Attempt" o WHERE o."submittedAt" IS NOT NULL AND o."personId" = OLD."personId" AND o."courseId" = OLD."courseId" AND o."kind" = OLD."kind" AND o."fiscalYear" = OLD."fiscalYear"
          GROUP BY o."courseId", o."fiscalYear", o."kind", o."personId") k
    JOIN "Attempt" f ON f."id" = k."firstId" JOIN "Attempt" l ON l."id" = k."lastId" JOIN "Attempt" b ON b."id" = k."bestId";
  DELETE FROM "CourseResult" WHERE "courseId" = NEW."courseId" AND "fiscalYear" = NEW."fiscalYear" AND "kind" = NEW."kind" AND "personId" = NEW."personId";
  INSERT INTO "CourseResult" ("courseId", "fiscalYear", "kind", "personId", "submitted", "firstId", "firstCorrect", "firstTotal", "lastId", "lastCorrect", "lastTotal", "bestId", "bestCorrect", "bestTotal")
    SELECT k."courseId", k."fiscalYear", k."kind", k."personId", k."n",
           f."id", COALESCE(f."correctCount", 0), f."totalCount", l."id", COALESCE(l."correctCount", 0), l."totalCount", b."id", COALESCE(b."correctCount", 0), b."totalCount"
    FROM (SELECT o."courseId", o."fiscalYear", o."kind", o."personId", count(*) AS "n",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt", a."id" LIMIT 1) AS "firstId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" DESC, a."id" DESC LIMIT 1) AS "lastId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY CASE WHEN a."totalCount" > 0 THEN COALESCE(a."correctCount", 0) * 1.0 / a."totalCount" ELSE 0 END DESC, a."submittedAt", a."id" LIMIT 1) AS "bestId"
          FROM "Attempt" o WHERE o."submittedAt" IS NOT NULL AND o."personId" = NEW."personId" AND o."courseId" = NEW."courseId" AND o."kind" = NEW."kind" AND o."fiscalYear" = NEW."fiscalYear"
          GROUP BY o."courseId", o."fiscalYear", o."kind", o."personId") k
    JOIN "Attempt" f ON f."id" = k."firstId" JOIN "Attempt" l ON l."id" = k."lastId" JOIN "Attempt" b ON b."id" = k."bestId";
END;

CREATE TRIGGER "CourseResult_attempt_delete" AFTER DELETE ON "Attempt"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN
  DELETE FROM "CourseResult" WHERE "courseId" = OLD."courseId" AND "fiscalYear" = OLD."fiscalYear" AND "kind" = OLD."kind" AND "personId" = OLD."personId";
  INSERT INTO "CourseResult" ("courseId", "fiscalYear", "kind", "personId", "submitted", "firstId", "firstCorrect", "firstTotal", "lastId", "lastCorrect", "lastTotal", "bestId", "bestCorrect", "bestTotal")
    SELECT k."courseId", k."fiscalYear", k."kind", k."personId", k."n",
           f."id", COALESCE(f."correctCount", 0), f."totalCount", l."id", COALESCE(l."correctCount", 0), l."totalCount", b."id", COALESCE(b."correctCount", 0), b."totalCount"
    FROM (SELECT o."courseId", o."fiscalYear", o."kind", o."personId", count(*) AS "n",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt", a."id" LIMIT 1) AS "firstId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" DESC, a."id" DESC LIMIT 1) AS "lastId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY CASE WHEN a."totalCount" > 0 THEN COALESCE(a."correctCount", 0) * 1.0 / a."totalCount" ELSE 0 END DESC, a."submittedAt", a."id" LIMIT 1) AS "bestId"
          FROM "Attempt" o WHERE o."submittedAt" IS NOT NULL AND o."personId" = OLD."personId" AND o."courseId" = OLD."courseId" AND o."kind" = OLD."kind" AND o."fiscalYear" = OLD."fiscalYear"
          GROUP BY o."courseId", o."fiscalYear", o."kind", o."personId") k
    JOIN "Attempt" f ON f."id" = k."firstId" JOIN "Attempt" l ON l."id" = k."lastId" JOIN "Attempt" b ON b."id" = k."bestId";
END;

-- The rows for the attempts already submitted.
INSERT INTO "CourseResult" ("courseId", "fiscalYear", "kind", "personId", "submitted", "firstId", "firstCorrect", "firstTotal", "lastId", "lastCorrect", "lastTotal", "bestId", "bestCorrect", "bestTotal")
    SELECT k."courseId", k."fiscalYear", k."kind", k."personId", k."n",
           f."id", COALESCE(f."correctCount", 0), f."totalCount", l."id", COALESCE(l."correctCount", 0), l."totalCount", b."id", COALESCE(b."correctCount", 0), b."totalCount"
    FROM (SELECT o."courseId", o."fiscalYear", o."kind", o."personId", count(*) AS "n",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt", a."id" LIMIT 1) AS "firstId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY a."submittedAt" DESC, a."id" DESC LIMIT 1) AS "lastId",
                 (SELECT a."id" FROM "Attempt" a WHERE a."personId" = o."personId" AND a."courseId" = o."courseId" AND a."kind" = o."kind" AND a."fiscalYear" = o."fiscalYear" AND a."submittedAt" IS NOT NULL ORDER BY CASE WHEN a."totalCount" > 0 THEN COALESCE(a."correctCount", 0) * 1.0 / a."totalCount" ELSE 0 END DESC, a."submittedAt", a."id" LIMIT 1) AS "bestId"
          FROM "Attempt" o WHERE o."submittedAt" IS NOT NULL
          GROUP BY o."courseId", o."fiscalYear", o."kind", o."personId") k
    JOIN "Attempt" f ON f."id" = k."firstId" JOIN "Attempt" l ON l."id" = k."lastId" JOIN "Attempt" b ON b."id" = k."bestId";

-- Membership (people, divisions, target groups, named members): any change bumps "membership", and each server
-- process drops its cached roster when the number it last saw differs (app/models/target-groups.server.ts).
INSERT INTO "CacheVersion" ("name", "version") VALUES ('membership', 1);
CREATE TRIGGER "CacheVersion_membership_Person_insert" AFTER INSERT ON "Person"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_Person_update" AFTER UPDATE OF "personnelType", "divisionId", "position", "activeFrom", "activeUntil", "deactivatedAt" ON "Person"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_Person_delete" AFTER DELETE ON "Person"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_Division_insert" AFTER INSERT ON "Division"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_Division_update" AFTER UPDATE ON "Division"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_Division_delete" AFTER DELETE ON "Division"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroup_insert" AFTER INSERT ON "TargetGroup"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroup_update" AFTER UPDATE ON "TargetGroup"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroup_delete" AFTER DELETE ON "TargetGroup"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroupMember_insert" AFTER INSERT ON "TargetGroupMember"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroupMember_update" AFTER UPDATE ON "TargetGroupMember"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
CREATE TRIGGER "CacheVersion_membership_TargetGroupMember_delete" AFTER DELETE ON "TargetGroupMember"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'membership';
END;
