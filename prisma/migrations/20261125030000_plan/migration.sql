-- CreateTable
CREATE TABLE "PlanItem" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "mission" TEXT NOT NULL,
    "subMission" TEXT,
    "responsibleUnit" TEXT NOT NULL,
    "targetGroupText" TEXT,
    "headCount" INTEGER,
    "duration" TEXT,
    "budget" TEXT NOT NULL,
    "details" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PlanIndicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemNumber" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "thresholdPercent" INTEGER,
    "minimumCount" INTEGER,
    "minimumScore" REAL,
    "passPercent" INTEGER NOT NULL DEFAULT 80,
    "courseSlug" TEXT,
    "targetGroupCode" TEXT,
    CONSTRAINT "PlanIndicator_itemNumber_fkey" FOREIGN KEY ("itemNumber") REFERENCES "PlanItem" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TargetGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personnelTypes" TEXT NOT NULL,
    "divisionCodes" TEXT NOT NULL,
    "positionIncludes" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanIndicator_itemNumber_position_key" ON "PlanIndicator"("itemNumber", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TargetGroup_code_key" ON "TargetGroup"("code");

