-- CreateTable
CREATE TABLE "FiscalYearClosure" (
    "fiscalYear" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "closedAt" DATETIME NOT NULL,
    "closedById" INTEGER NOT NULL,
    CONSTRAINT "FiscalYearClosure_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrozenIndicatorResult" (
    "fiscalYear" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "result" TEXT NOT NULL,

    PRIMARY KEY ("fiscalYear", "indicatorId"),
    CONSTRAINT "FrozenIndicatorResult_fiscalYear_fkey" FOREIGN KEY ("fiscalYear") REFERENCES "FiscalYearClosure" ("fiscalYear") ON DELETE RESTRICT ON UPDATE CASCADE
);


-- A closed year stays closed, and its frozen results never change.
CREATE TRIGGER "FiscalYearClosure_immutable" BEFORE UPDATE ON "FiscalYearClosure"
BEGIN SELECT RAISE(ABORT, 'a closed fiscal year is immutable'); END;
CREATE TRIGGER "FiscalYearClosure_no_delete" BEFORE DELETE ON "FiscalYearClosure"
BEGIN SELECT RAISE(ABORT, 'a closed fiscal year is immutable'); END;
CREATE TRIGGER "FrozenIndicatorResult_immutable" BEFORE UPDATE ON "FrozenIndicatorResult"
BEGIN SELECT RAISE(ABORT, 'frozen results are immutable'); END;
CREATE TRIGGER "FrozenIndicatorResult_no_delete" BEFORE DELETE ON "FrozenIndicatorResult"
BEGIN SELECT RAISE(ABORT, 'frozen results are immutable'); END;
