-- CreateTable
CREATE TABLE "Risk" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fiscalYear" INTEGER NOT NULL,
    "divisionId" INTEGER,
    "unitName" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'app',
    "sequence" INTEGER,
    "processStep" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "likelihood" INTEGER,
    "impact" INTEGER,
    "level" TEXT,
    "existingControls" TEXT NOT NULL,
    "gap" BOOLEAN NOT NULL DEFAULT false,
    "gapNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    "createdById" INTEGER,
    "includedAt" DATETIME,
    "includedById" INTEGER
);

-- CreateTable
CREATE TABLE "RiskPlanItem" (
    "riskId" INTEGER NOT NULL,
    "itemNumber" INTEGER NOT NULL,

    PRIMARY KEY ("riskId", "itemNumber"),
    CONSTRAINT "RiskPlanItem_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RiskMeasure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "riskId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATETIME,
    "planItem" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "RiskMeasure_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RiskFollowUp" (
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" INTEGER NOT NULL,

    PRIMARY KEY ("measureId", "period"),
    CONSTRAINT "RiskFollowUp_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "RiskMeasure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RiskReview" (
    "riskId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "residualLikelihood" INTEGER NOT NULL,
    "residualImpact" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" INTEGER NOT NULL,

    PRIMARY KEY ("riskId", "period"),
    CONSTRAINT "RiskReview_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RiskRegisterYear" (
    "fiscalYear" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consolidatedAt" DATETIME,
    "consolidatedById" INTEGER,
    "publishedAt" DATETIME,
    "publishedById" INTEGER,
    "channels" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "PlanItemReportEntry" (
    "itemNumber" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "spentSatang" INTEGER,
    "evidenceUrl" TEXT,
    "problems" TEXT,
    "suggestions" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER NOT NULL,

    PRIMARY KEY ("itemNumber", "fiscalYear", "period")
);

-- CreateTable
CREATE TABLE "FrozenPlanReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fiscalYear" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "frozenAt" DATETIME NOT NULL,
    "frozenById" INTEGER NOT NULL,
    "frozenByName" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "sha256" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Risk_fiscalYear_divisionId_idx" ON "Risk"("fiscalYear", "divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_source_fiscalYear_sequence_key" ON "Risk"("source", "fiscalYear", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "FrozenPlanReport_fiscalYear_period_key" ON "FrozenPlanReport"("fiscalYear", "period");


-- A frozen report keeps its numbers: no update, no delete (decision 035).
CREATE TRIGGER "FrozenPlanReport_immutable" BEFORE UPDATE ON "FrozenPlanReport"
BEGIN SELECT RAISE(ABORT, 'frozen report is immutable'); END;

CREATE TRIGGER "FrozenPlanReport_no_delete" BEFORE DELETE ON "FrozenPlanReport"
BEGIN SELECT RAISE(ABORT, 'frozen report is immutable'); END;

-- A period's spending, problems and suggestions cannot change once that period's report is frozen.
CREATE TRIGGER "PlanItemReportEntry_frozen_insert" BEFORE INSERT ON "PlanItemReportEntry"
WHEN EXISTS (SELECT 1 FROM "FrozenPlanReport" WHERE "fiscalYear" = NEW."fiscalYear" AND "period" = NEW."period")
BEGIN SELECT RAISE(ABORT, 'report period is frozen'); END;

CREATE TRIGGER "PlanItemReportEntry_frozen_update" BEFORE UPDATE ON "PlanItemReportEntry"
WHEN EXISTS (SELECT 1 FROM "FrozenPlanReport" WHERE "fiscalYear" = OLD."fiscalYear" AND "period" = OLD."period")
BEGIN SELECT RAISE(ABORT, 'report period is frozen'); END;

CREATE TRIGGER "PlanItemReportEntry_frozen_delete" BEFORE DELETE ON "PlanItemReportEntry"
WHEN EXISTS (SELECT 1 FROM "FrozenPlanReport" WHERE "fiscalYear" = OLD."fiscalYear" AND "period" = OLD."period")
BEGIN SELECT RAISE(ABORT, 'report period is frozen'); END;
