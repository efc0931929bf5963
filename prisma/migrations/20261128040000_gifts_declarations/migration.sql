-- CreateTable
CREATE TABLE "GiftReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "giverName" TEXT NOT NULL,
    "giverKind" TEXT NOT NULL,
    "giverRelative" BOOLEAN NOT NULL,
    "giverHasBusiness" BOOLEAN NOT NULL,
    "toGeneralPublic" BOOLEAN NOT NULL,
    "occasion" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "valueSatang" INTEGER NOT NULL,
    "valueEstimated" BOOLEAN NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ruleCase" TEXT NOT NULL,
    "mustReport" BOOLEAN NOT NULL,
    "reportDueOn" TEXT,
    "recordedAt" DATETIME NOT NULL,
    "decision" TEXT,
    "decisionReason" TEXT,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "supersedesId" INTEGER,
    "supersededAt" DATETIME,
    "supersededReason" TEXT
);

-- CreateTable
CREATE TABLE "NoGiftDeclaration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "giftIds" TEXT NOT NULL,
    "compliant" BOOLEAN NOT NULL,
    "declaredAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "nothingToDeclare" BOOLEAN NOT NULL,
    "outsidePositions" TEXT,
    "businesses" TEXT,
    "shareholdings" TEXT,
    "otherInterests" TEXT,
    "caseType" TEXT,
    "caseRef" TEXT,
    "hasConflict" BOOLEAN NOT NULL,
    "conflictDetail" TEXT,
    "committeeRecusalId" INTEGER,
    "declaredAt" DATETIME NOT NULL,
    "reviewOutcome" TEXT,
    "reviewNote" TEXT,
    "reviewedById" INTEGER,
    "reviewedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PositionRisk" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "position" TEXT NOT NULL,
    "divisionId" INTEGER,
    "risk" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "controls" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "retiredAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "GiftReport_supersedesId_key" ON "GiftReport"("supersedesId");

-- CreateIndex
CREATE INDEX "GiftReport_personId_idx" ON "GiftReport"("personId");

-- CreateIndex
CREATE INDEX "GiftReport_fiscalYear_divisionId_idx" ON "GiftReport"("fiscalYear", "divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "NoGiftDeclaration_personId_fiscalYear_key" ON "NoGiftDeclaration"("personId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_committeeRecusalId_key" ON "ConflictDeclaration"("committeeRecusalId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_personId_idx" ON "ConflictDeclaration"("personId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_fiscalYear_kind_idx" ON "ConflictDeclaration"("fiscalYear", "kind");


-- One yearly conflict-of-interest declaration per person per fiscal year (case declarations are many).
CREATE UNIQUE INDEX "ConflictDeclaration_yearly_once" ON "ConflictDeclaration"("personId", "fiscalYear") WHERE "kind" = 'yearly';

-- A gift record's content is never edited (a correction supersedes it); a decision, once made, stands;
-- a superseded record stays as it was. Records are never deleted.
CREATE TRIGGER "GiftReport_content_immutable" BEFORE UPDATE ON "GiftReport"
WHEN NEW."personId" IS NOT OLD."personId" OR NEW."giverName" IS NOT OLD."giverName" OR NEW."giverKind" IS NOT OLD."giverKind"
  OR NEW."giverRelative" IS NOT OLD."giverRelative" OR NEW."giverHasBusiness" IS NOT OLD."giverHasBusiness"
  OR NEW."toGeneralPublic" IS NOT OLD."toGeneralPublic" OR NEW."occasion" IS NOT OLD."occasion"
  OR NEW."description" IS NOT OLD."description" OR NEW."valueSatang" IS NOT OLD."valueSatang"
  OR NEW."receivedOn" IS NOT OLD."receivedOn" OR NEW."outcome" IS NOT OLD."outcome" OR NEW."ruleCase" IS NOT OLD."ruleCase"
  OR NEW."mustReport" IS NOT OLD."mustReport" OR NEW."reportDueOn" IS NOT OLD."reportDueOn" OR NEW."recordedAt" IS NOT OLD."recordedAt"
  OR (OLD."decidedAt" IS NOT NULL AND (NEW."decision" IS NOT OLD."decision" OR NEW."decisionReason" IS NOT OLD."decisionReason"
      OR NEW."decidedById" IS NOT OLD."decidedById" OR NEW."decidedAt" IS NOT OLD."decidedAt"))
  OR OLD."supersededAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'gift records are never edited; supersede them with a reason'); END;
CREATE TRIGGER "GiftReport_no_delete" BEFORE DELETE ON "GiftReport"
BEGIN SELECT RAISE(ABORT, 'gift records are never deleted'); END;

-- The yearly No Gift declaration stands as made.
CREATE TRIGGER "NoGiftDeclaration_no_update" BEFORE UPDATE ON "NoGiftDeclaration"
BEGIN SELECT RAISE(ABORT, 'no gift declarations are immutable'); END;
CREATE TRIGGER "NoGiftDeclaration_no_delete" BEFORE DELETE ON "NoGiftDeclaration"
BEGIN SELECT RAISE(ABORT, 'no gift declarations are immutable'); END;

-- A conflict-of-interest declaration's content stands as declared; its review, once made, stands.
CREATE TRIGGER "ConflictDeclaration_immutable" BEFORE UPDATE ON "ConflictDeclaration"
WHEN NEW."personId" IS NOT OLD."personId" OR NEW."kind" IS NOT OLD."kind" OR NEW."nothingToDeclare" IS NOT OLD."nothingToDeclare"
  OR NEW."outsidePositions" IS NOT OLD."outsidePositions" OR NEW."businesses" IS NOT OLD."businesses"
  OR NEW."shareholdings" IS NOT OLD."shareholdings" OR NEW."otherInterests" IS NOT OLD."otherInterests"
  OR NEW."caseType" IS NOT OLD."caseType" OR NEW."caseRef" IS NOT OLD."caseRef" OR NEW."hasConflict" IS NOT OLD."hasConflict"
  OR NEW."conflictDetail" IS NOT OLD."conflictDetail" OR NEW."declaredAt" IS NOT OLD."declaredAt"
  OR OLD."reviewedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'declarations stand as declared; a review, once made, stands'); END;
CREATE TRIGGER "ConflictDeclaration_no_delete" BEFORE DELETE ON "ConflictDeclaration"
BEGIN SELECT RAISE(ABORT, 'declarations are never deleted'); END;
