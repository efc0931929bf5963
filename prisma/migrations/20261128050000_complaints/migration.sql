-- CreateTable
CREATE TABLE "Complaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receiptHash" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "unitConcerned" TEXT,
    "personConcerned" TEXT,
    "whenWhere" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "category" TEXT,
    "divisionId" INTEGER,
    "acknowledgedAt" DATETIME,
    "classifiedAt" DATETIME,
    "investigatorId" INTEGER,
    "investigatorDeclaredAt" DATETIME,
    "findings" TEXT,
    "outcome" TEXT,
    "closedAt" DATETIME,
    "lastReportedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ComplaintReporter" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sealed" TEXT NOT NULL,
    CONSTRAINT "ComplaintReporter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "fromReporter" BOOLEAN NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ComplaintMessage_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintAttachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    CONSTRAINT "ComplaintAttachment_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_receiptHash_key" ON "Complaint"("receiptHash");

-- CreateIndex
CREATE INDEX "Complaint_fiscalYear_idx" ON "Complaint"("fiscalYear");

-- CreateIndex
CREATE INDEX "Complaint_status_idx" ON "Complaint"("status");

-- CreateIndex
CREATE INDEX "ComplaintMessage_complaintId_idx" ON "ComplaintMessage"("complaintId");

-- CreateIndex
CREATE INDEX "ComplaintAttachment_complaintId_idx" ON "ComplaintAttachment"("complaintId");

