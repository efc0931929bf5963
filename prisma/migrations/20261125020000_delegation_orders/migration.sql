-- CreateTable
CREATE TABLE "DelegationOrder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "issuingDivisionId" INTEGER NOT NULL,
    "delegatorId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "effectiveUntil" DATETIME,
    "supersedesId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "year" INTEGER,
    "number" INTEGER,
    "signedAt" DATETIME,
    "signerName" TEXT,
    "signerPosition" TEXT,
    "contentHash" TEXT,
    "circulatedAt" DATETIME,
    "endedAt" DATETIME,
    "endReason" TEXT,
    CONSTRAINT "DelegationOrder_issuingDivisionId_fkey" FOREIGN KEY ("issuingDivisionId") REFERENCES "Division" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DelegationOrder_delegatorId_fkey" FOREIGN KEY ("delegatorId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DelegationOrder_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DelegationOrder_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "DelegationOrder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DelegationDelegate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "personId" INTEGER,
    "positionTitle" TEXT,
    CONSTRAINT "DelegationDelegate_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "DelegationOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DelegationDelegate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DelegationPower" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "limits" TEXT,
    "ceilingBaht" INTEGER,
    CONSTRAINT "DelegationPower_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "DelegationOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DelegationRecipientDivision" (
    "orderId" INTEGER NOT NULL,
    "divisionId" INTEGER NOT NULL,

    PRIMARY KEY ("orderId", "divisionId"),
    CONSTRAINT "DelegationRecipientDivision_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "DelegationOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DelegationRecipientDivision_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DelegationAcknowledgement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "named" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "DelegationAcknowledgement_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "DelegationOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DelegationAcknowledgement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderNumberCounter" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lastNumber" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "DelegationOrder_status_idx" ON "DelegationOrder"("status");

-- CreateIndex
CREATE INDEX "DelegationOrder_delegatorId_status_idx" ON "DelegationOrder"("delegatorId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationOrder_year_number_key" ON "DelegationOrder"("year", "number");

-- CreateIndex
CREATE INDEX "DelegationDelegate_personId_idx" ON "DelegationDelegate"("personId");

-- CreateIndex
CREATE INDEX "DelegationAcknowledgement_personId_acknowledgedAt_idx" ON "DelegationAcknowledgement"("personId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DelegationAcknowledgement_orderId_personId_key" ON "DelegationAcknowledgement"("orderId", "personId");


-- A signed order's content never changes: only its circulation and end (revoked / superseded) may be set.
CREATE TRIGGER "DelegationOrder_content_frozen_after_signing" BEFORE UPDATE ON "DelegationOrder"
WHEN OLD."signedAt" IS NOT NULL AND (
  NEW."title" IS NOT OLD."title" OR NEW."body" IS NOT OLD."body" OR NEW."issuingDivisionId" IS NOT OLD."issuingDivisionId"
  OR NEW."delegatorId" IS NOT OLD."delegatorId" OR NEW."effectiveFrom" IS NOT OLD."effectiveFrom"
  OR NEW."effectiveUntil" IS NOT OLD."effectiveUntil" OR NEW."year" IS NOT OLD."year" OR NEW."number" IS NOT OLD."number"
  OR NEW."signedAt" IS NOT OLD."signedAt" OR NEW."contentHash" IS NOT OLD."contentHash"
  OR NEW."signerName" IS NOT OLD."signerName" OR NEW."signerPosition" IS NOT OLD."signerPosition"
  OR NEW."supersedesId" IS NOT OLD."supersedesId")
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

CREATE TRIGGER "DelegationOrder_no_delete_after_signing" BEFORE DELETE ON "DelegationOrder"
WHEN OLD."signedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

CREATE TRIGGER "DelegationDelegate_frozen_insert" BEFORE INSERT ON "DelegationDelegate"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = NEW."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;
CREATE TRIGGER "DelegationDelegate_frozen_update" BEFORE UPDATE ON "DelegationDelegate"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;
CREATE TRIGGER "DelegationDelegate_frozen_delete" BEFORE DELETE ON "DelegationDelegate"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

CREATE TRIGGER "DelegationPower_frozen_insert" BEFORE INSERT ON "DelegationPower"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = NEW."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;
CREATE TRIGGER "DelegationPower_frozen_update" BEFORE UPDATE ON "DelegationPower"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;
CREATE TRIGGER "DelegationPower_frozen_delete" BEFORE DELETE ON "DelegationPower"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

CREATE TRIGGER "DelegationRecipientDivision_frozen_insert" BEFORE INSERT ON "DelegationRecipientDivision"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = NEW."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;
CREATE TRIGGER "DelegationRecipientDivision_frozen_delete" BEFORE DELETE ON "DelegationRecipientDivision"
WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END;

-- An acknowledgement, once given, stays.
CREATE TRIGGER "DelegationAcknowledgement_once" BEFORE UPDATE ON "DelegationAcknowledgement"
WHEN OLD."acknowledgedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'acknowledgement is final'); END;
