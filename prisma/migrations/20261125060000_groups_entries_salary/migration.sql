-- CreateTable
CREATE TABLE "TargetGroupMember" (
    "groupId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL,
    "addedById" INTEGER NOT NULL,

    PRIMARY KEY ("groupId", "personId"),
    CONSTRAINT "TargetGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TargetGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TargetGroupMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TargetGroupMember_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "assignedAt" DATETIME NOT NULL,
    "assignedById" INTEGER NOT NULL,
    CONSTRAINT "CourseAssignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CourseAssignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TargetGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CourseAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" REAL,
    "achieved" BOOLEAN,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "evidenceFileId" INTEGER,
    "enteredAt" DATETIME NOT NULL,
    "enteredById" INTEGER NOT NULL,
    CONSTRAINT "IndicatorEntry_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "PlanIndicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IndicatorEntry_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IndicatorEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "uploadedAt" DATETIME NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SalaryRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fiscalYear" INTEGER NOT NULL,
    "effectiveDate" DATETIME NOT NULL,
    "title" TEXT NOT NULL,
    "stepPersonnelTypes" TEXT NOT NULL,
    "stepCapHalfSteps" INTEGER NOT NULL,
    "percentCapBasisPoints" INTEGER NOT NULL,
    "poolBaht" INTEGER NOT NULL,
    "appealDays" INTEGER NOT NULL,
    "publishedAt" DATETIME,
    "appealDeadline" DATETIME,
    "surveyClosesAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "createdById" INTEGER NOT NULL,
    CONSTRAINT "SalaryRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SalaryAppraisal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "increaseType" TEXT NOT NULL,
    "baseSalaryBaht" INTEGER NOT NULL,
    "stepValueBaht" INTEGER,
    "score" REAL,
    "proposedHalfSteps" INTEGER,
    "proposedBasisPoints" INTEGER,
    "proposedAmountBaht" INTEGER,
    "comment" TEXT,
    "appraisedById" INTEGER,
    "appraisedAt" DATETIME,
    CONSTRAINT "SalaryAppraisal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SalaryRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SalaryAppraisal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SalaryAppraisal_appraisedById_fkey" FOREIGN KEY ("appraisedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SalaryCommittee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "appointingOrderRef" TEXT NOT NULL,
    CONSTRAINT "SalaryCommittee_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SalaryRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "CommitteeMember_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "SalaryCommittee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommitteeMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeRecusal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "appraisalId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" DATETIME NOT NULL,
    CONSTRAINT "CommitteeRecusal_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "SalaryCommittee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommitteeRecusal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommitteeRecusal_appraisalId_fkey" FOREIGN KEY ("appraisalId") REFERENCES "SalaryAppraisal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeMeeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "heldAt" DATETIME NOT NULL,
    "agenda" TEXT NOT NULL,
    "minutes" TEXT NOT NULL DEFAULT '',
    "quorumPercent" INTEGER NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "CommitteeMeeting_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "SalaryCommittee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "meetingId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    PRIMARY KEY ("meetingId", "personId"),
    CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommitteeMeeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingAttendee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "appraisalId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "halfSteps" INTEGER,
    "basisPoints" INTEGER,
    "amountBaht" INTEGER NOT NULL,
    "reason" TEXT,
    "decidedAt" DATETIME NOT NULL,
    "correctsId" INTEGER,
    CONSTRAINT "CaseDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommitteeMeeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseDecision_appraisalId_fkey" FOREIGN KEY ("appraisalId") REFERENCES "SalaryAppraisal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseDecision_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "CaseDecision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SalaryAppeal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appraisalId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "outcome" TEXT,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" INTEGER,
    CONSTRAINT "SalaryAppeal_appraisalId_fkey" FOREIGN KEY ("appraisalId") REFERENCES "SalaryAppraisal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SalaryAppeal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SalaryAppeal_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SalaryAppeal_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyParticipation" (
    "roundId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    PRIMARY KEY ("roundId", "personId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" INTEGER NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "answers" TEXT NOT NULL
) WITHOUT ROWID;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TargetGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personnelTypes" TEXT NOT NULL,
    "divisionCodes" TEXT NOT NULL,
    "positionIncludes" TEXT,
    "managedBy" TEXT NOT NULL DEFAULT 'content'
);
INSERT INTO "new_TargetGroup" ("code", "divisionCodes", "id", "name", "personnelTypes", "positionIncludes") SELECT "code", "divisionCodes", "id", "name", "personnelTypes", "positionIncludes" FROM "TargetGroup";
DROP TABLE "TargetGroup";
ALTER TABLE "new_TargetGroup" RENAME TO "TargetGroup";
CREATE UNIQUE INDEX "TargetGroup_code_key" ON "TargetGroup"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TargetGroupMember_personId_idx" ON "TargetGroupMember"("personId");

-- CreateIndex
CREATE INDEX "CourseAssignment_fiscalYear_groupId_idx" ON "CourseAssignment"("fiscalYear", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseAssignment_courseId_fiscalYear_groupId_key" ON "CourseAssignment"("courseId", "fiscalYear", "groupId");

-- CreateIndex
CREATE INDEX "IndicatorEntry_indicatorId_fiscalYear_enteredAt_idx" ON "IndicatorEntry"("indicatorId", "fiscalYear", "enteredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SalaryRound_effectiveDate_key" ON "SalaryRound"("effectiveDate");

-- CreateIndex
CREATE INDEX "SalaryAppraisal_personId_idx" ON "SalaryAppraisal"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "SalaryAppraisal_roundId_personId_key" ON "SalaryAppraisal"("roundId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "SalaryCommittee_roundId_kind_key" ON "SalaryCommittee"("roundId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMember_committeeId_personId_key" ON "CommitteeMember"("committeeId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeRecusal_committeeId_personId_appraisalId_key" ON "CommitteeRecusal"("committeeId", "personId", "appraisalId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMeeting_committeeId_number_key" ON "CommitteeMeeting"("committeeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDecision_correctsId_key" ON "CaseDecision"("correctsId");

-- CreateIndex
CREATE INDEX "CaseDecision_appraisalId_idx" ON "CaseDecision"("appraisalId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDecision_meetingId_appraisalId_key" ON "CaseDecision"("meetingId", "appraisalId");

-- CreateIndex
CREATE INDEX "SalaryAppeal_appraisalId_idx" ON "SalaryAppeal"("appraisalId");

-- CreateIndex
CREATE INDEX "SurveyResponse_roundId_idx" ON "SurveyResponse"("roundId");


-- Hand-written below: rules the database itself keeps.

-- Exactly one chair and one secretary per committee (the "at least one" half is checked before a meeting opens).
CREATE UNIQUE INDEX "CommitteeMember_one_chair" ON "CommitteeMember"("committeeId") WHERE "role" = 'chair';
CREATE UNIQUE INDEX "CommitteeMember_one_secretary" ON "CommitteeMember"("committeeId") WHERE "role" = 'secretary';

-- A closed meeting, its attendance and its decisions never change; a correction is a new decision elsewhere.
CREATE TRIGGER "CommitteeMeeting_closed_immutable" BEFORE UPDATE ON "CommitteeMeeting" WHEN OLD."closedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "CommitteeMeeting_closed_no_delete" BEFORE DELETE ON "CommitteeMeeting" WHEN OLD."closedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "MeetingAttendee_closed_insert" BEFORE INSERT ON "MeetingAttendee"
WHEN (SELECT "closedAt" FROM "CommitteeMeeting" WHERE "id" = NEW."meetingId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "MeetingAttendee_closed_delete" BEFORE DELETE ON "MeetingAttendee"
WHEN (SELECT "closedAt" FROM "CommitteeMeeting" WHERE "id" = OLD."meetingId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "CaseDecision_closed_insert" BEFORE INSERT ON "CaseDecision"
WHEN (SELECT "closedAt" FROM "CommitteeMeeting" WHERE "id" = NEW."meetingId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "CaseDecision_closed_update" BEFORE UPDATE ON "CaseDecision"
WHEN (SELECT "closedAt" FROM "CommitteeMeeting" WHERE "id" = OLD."meetingId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
CREATE TRIGGER "CaseDecision_closed_delete" BEFORE DELETE ON "CaseDecision"
WHEN (SELECT "closedAt" FROM "CommitteeMeeting" WHERE "id" = OLD."meetingId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;

-- Once a round is published, its settings, appraisals and committees are history.
CREATE TRIGGER "SalaryRound_published_immutable" BEFORE UPDATE ON "SalaryRound" WHEN OLD."publishedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "SalaryRound_no_delete" BEFORE DELETE ON "SalaryRound" WHEN OLD."publishedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "SalaryAppraisal_published_update" BEFORE UPDATE ON "SalaryAppraisal"
WHEN (SELECT "publishedAt" FROM "SalaryRound" WHERE "id" = OLD."roundId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "SalaryAppraisal_published_delete" BEFORE DELETE ON "SalaryAppraisal"
WHEN (SELECT "publishedAt" FROM "SalaryRound" WHERE "id" = OLD."roundId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "CommitteeMember_published_insert" BEFORE INSERT ON "CommitteeMember"
WHEN (SELECT r."publishedAt" FROM "SalaryCommittee" c JOIN "SalaryRound" r ON r."id" = c."roundId" WHERE c."id" = NEW."committeeId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "CommitteeMember_published_update" BEFORE UPDATE ON "CommitteeMember"
WHEN (SELECT r."publishedAt" FROM "SalaryCommittee" c JOIN "SalaryRound" r ON r."id" = c."roundId" WHERE c."id" = OLD."committeeId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "CommitteeMember_published_delete" BEFORE DELETE ON "CommitteeMember"
WHEN (SELECT r."publishedAt" FROM "SalaryCommittee" c JOIN "SalaryRound" r ON r."id" = c."roundId" WHERE c."id" = OLD."committeeId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a published round is immutable'); END;
CREATE TRIGGER "CommitteeRecusal_no_update" BEFORE UPDATE ON "CommitteeRecusal"
BEGIN SELECT RAISE(ABORT, 'a recusal is a record; it is never edited'); END;
CREATE TRIGGER "CommitteeRecusal_no_delete" BEFORE DELETE ON "CommitteeRecusal"
BEGIN SELECT RAISE(ABORT, 'a recusal is a record; it is never edited'); END;

-- An answered appeal is final.
CREATE TRIGGER "SalaryAppeal_answered_immutable" BEFORE UPDATE ON "SalaryAppeal" WHEN OLD."answeredAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an answered appeal is immutable'); END;
CREATE TRIGGER "SalaryAppeal_no_delete" BEFORE DELETE ON "SalaryAppeal"
BEGIN SELECT RAISE(ABORT, 'an appeal is a record; it is never deleted'); END;

-- Survey answers and participation are written once.
CREATE TRIGGER "SurveyResponse_no_update" BEFORE UPDATE ON "SurveyResponse"
BEGIN SELECT RAISE(ABORT, 'survey responses are immutable'); END;
CREATE TRIGGER "SurveyResponse_no_delete" BEFORE DELETE ON "SurveyResponse"
BEGIN SELECT RAISE(ABORT, 'survey responses are immutable'); END;
CREATE TRIGGER "SurveyParticipation_no_update" BEFORE UPDATE ON "SurveyParticipation"
BEGIN SELECT RAISE(ABORT, 'survey participation is immutable'); END;
CREATE TRIGGER "SurveyParticipation_no_delete" BEFORE DELETE ON "SurveyParticipation"
BEGIN SELECT RAISE(ABORT, 'survey participation is immutable'); END;

-- Indicator entries and their evidence are append-only: the latest entry counts, earlier ones stay as history.
CREATE TRIGGER "IndicatorEntry_no_update" BEFORE UPDATE ON "IndicatorEntry"
BEGIN SELECT RAISE(ABORT, 'indicator entries are append-only'); END;
CREATE TRIGGER "IndicatorEntry_no_delete" BEFORE DELETE ON "IndicatorEntry"
BEGIN SELECT RAISE(ABORT, 'indicator entries are append-only'); END;
CREATE TRIGGER "EvidenceFile_no_update" BEFORE UPDATE ON "EvidenceFile"
BEGIN SELECT RAISE(ABORT, 'evidence files are immutable'); END;
CREATE TRIGGER "EvidenceFile_no_delete" BEFORE DELETE ON "EvidenceFile"
BEGIN SELECT RAISE(ABORT, 'evidence files are immutable'); END;

-- The audit log is append-only.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
