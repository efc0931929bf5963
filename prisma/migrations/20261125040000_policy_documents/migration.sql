-- CreateTable
CREATE TABLE "PolicyDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "planItemNumber" INTEGER,
    "targetGroupCode" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedById" INTEGER NOT NULL,
    CONSTRAINT "PolicyDocument_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PolicyAcknowledgement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "acknowledgedAt" DATETIME NOT NULL,
    CONSTRAINT "PolicyAcknowledgement_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PolicyAcknowledgement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PolicyDocument_planItemNumber_publishedAt_idx" ON "PolicyDocument"("planItemNumber", "publishedAt");

-- CreateIndex
CREATE INDEX "PolicyAcknowledgement_personId_idx" ON "PolicyAcknowledgement"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAcknowledgement_documentId_personId_key" ON "PolicyAcknowledgement"("documentId", "personId");


-- A published text and a given acknowledgement never change.
CREATE TRIGGER "PolicyDocument_immutable" BEFORE UPDATE ON "PolicyDocument"
BEGIN SELECT RAISE(ABORT, 'published documents are immutable'); END;
CREATE TRIGGER "PolicyAcknowledgement_immutable" BEFORE UPDATE ON "PolicyAcknowledgement"
BEGIN SELECT RAISE(ABORT, 'acknowledgements are final'); END;
