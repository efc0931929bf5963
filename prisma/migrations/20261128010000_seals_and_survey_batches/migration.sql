-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "prevHash" TEXT;

-- AlterTable
ALTER TABLE "DelegationOrder" ADD COLUMN "seal" TEXT;
ALTER TABLE "DelegationOrder" ADD COLUMN "verifyCode" TEXT;

-- CreateTable
CREATE TABLE "SurveyHeldResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" INTEGER NOT NULL,
    "sealed" TEXT NOT NULL
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "SurveySettlement" (
    "roundId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "settledAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SurveyHeldResponse_roundId_idx" ON "SurveyHeldResponse"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationOrder_verifyCode_key" ON "DelegationOrder"("verifyCode");



-- Hand-written below.

-- A signed order's seal and printed code are set once (at signing, or by `npm run seal:legacy-orders` for orders
-- signed before seals existed) and never change afterwards; the rest stays as frozen as before.
DROP TRIGGER "DelegationOrder_content_frozen_after_signing";
CREATE TRIGGER "DelegationOrder_content_frozen_after_signing" BEFORE UPDATE ON "DelegationOrder"
WHEN OLD."signedAt" IS NOT NULL AND (
  NEW."title" IS NOT OLD."title" OR NEW."body" IS NOT OLD."body" OR NEW."issuingDivisionId" IS NOT OLD."issuingDivisionId"
  OR NEW."delegatorId" IS NOT OLD."delegatorId" OR NEW."effectiveFrom" IS NOT OLD."effectiveFrom"
  OR NEW."effectiveUntil" IS NOT OLD."effectiveUntil" OR NEW."year" IS NOT OLD."year" OR NEW."number" IS NOT OLD."number"
  OR NEW."signedAt" IS NOT OLD."signedAt" OR NEW."contentHash" IS NOT OLD."contentHash"
  OR NEW."signerName" IS NOT OLD."signerName" OR NEW."signerPosition" IS NOT OLD."signerPosition"
  OR NEW."supersedesId" IS NOT OLD."supersedesId"
  OR (OLD."seal" IS NOT NULL AND NEW."seal" IS NOT OLD."seal")
  OR (OLD."verifyCode" IS NOT NULL AND NEW."verifyCode" IS NOT OLD."verifyCode"))
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

