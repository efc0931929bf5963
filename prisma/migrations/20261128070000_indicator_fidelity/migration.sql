-- AlterTable
ALTER TABLE "IndicatorEntry" ADD COLUMN "instrumentUsed" TEXT;
ALTER TABLE "IndicatorEntry" ADD COLUMN "participants" INTEGER;

-- CreateTable
CREATE TABLE "IndicatorLocalTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "thresholdPercent" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "enteredAt" DATETIME NOT NULL,
    "enteredById" INTEGER NOT NULL,
    CONSTRAINT "IndicatorLocalTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "PlanIndicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IndicatorLocalTarget_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanBaseline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "metric" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "enteredAt" DATETIME NOT NULL,
    "enteredById" INTEGER NOT NULL,
    CONSTRAINT "PlanBaseline_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "PlanIndicator" ADD COLUMN "extra" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "IndicatorLocalTarget_indicatorId_fiscalYear_enteredAt_idx" ON "IndicatorLocalTarget"("indicatorId", "fiscalYear", "enteredAt");

-- CreateIndex
CREATE INDEX "PlanBaseline_metric_year_enteredAt_idx" ON "PlanBaseline"("metric", "year", "enteredAt");

