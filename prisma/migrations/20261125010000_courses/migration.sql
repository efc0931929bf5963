-- CreateTable
CREATE TABLE "Course" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "planProjects" TEXT NOT NULL,
    "questionsPerTest" INTEGER NOT NULL,
    "passPercent" INTEGER NOT NULL,
    "maxPostTestAttempts" INTEGER NOT NULL,
    "grading" TEXT NOT NULL,
    "timeLimitMinutes" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "markdown" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Question" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "sourceHash" TEXT,
    CONSTRAINT "Question_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "questionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "correctIndex" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionVersion_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "timedOut" BOOLEAN NOT NULL DEFAULT false,
    "correctCount" INTEGER,
    "totalCount" INTEGER NOT NULL,
    "passed" BOOLEAN,
    CONSTRAINT "Attempt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attempt_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttemptItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "questionVersionId" INTEGER NOT NULL,
    "choiceOrder" TEXT NOT NULL,
    "selectedIndex" INTEGER,
    "correct" BOOLEAN,
    CONSTRAINT "AttemptItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AttemptItem_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "QuestionVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LessonProgress_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "attemptId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "personName" TEXT NOT NULL,
    "courseTitle" TEXT NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "totalCount" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Certificate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Certificate_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_courseId_slug_key" ON "Lesson"("courseId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Question_courseId_key_key" ON "Question"("courseId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionVersion_questionId_version_key" ON "QuestionVersion"("questionId", "version");

-- CreateIndex
CREATE INDEX "Attempt_courseId_fiscalYear_kind_idx" ON "Attempt"("courseId", "fiscalYear", "kind");

-- CreateIndex
CREATE INDEX "Attempt_personId_fiscalYear_idx" ON "Attempt"("personId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_personId_courseId_kind_fiscalYear_number_key" ON "Attempt"("personId", "courseId", "kind", "fiscalYear", "number");

-- CreateIndex
CREATE INDEX "AttemptItem_questionVersionId_idx" ON "AttemptItem"("questionVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptItem_attemptId_position_key" ON "AttemptItem"("attemptId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_personId_lessonId_fiscalYear_key" ON "LessonProgress"("personId", "lessonId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_attemptId_key" ON "Certificate"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_personId_courseId_fiscalYear_key" ON "Certificate"("personId", "courseId", "fiscalYear");


-- At most one open (unsubmitted) attempt per person, course and kind, even under concurrent starts.
CREATE UNIQUE INDEX "Attempt_one_open_per_person_course_kind" ON "Attempt"("personId", "courseId", "kind") WHERE "submittedAt" IS NULL;

-- A submitted attempt, its items, and any question version are immutable: corrections are new records.
CREATE TRIGGER "Attempt_immutable_after_submit" BEFORE UPDATE ON "Attempt"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'submitted attempt is immutable'); END;

CREATE TRIGGER "Attempt_no_delete_after_submit" BEFORE DELETE ON "Attempt"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'submitted attempt is immutable'); END;

CREATE TRIGGER "AttemptItem_immutable_after_submit" BEFORE UPDATE ON "AttemptItem"
WHEN (SELECT "submittedAt" FROM "Attempt" WHERE "id" = OLD."attemptId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'submitted attempt is immutable'); END;

CREATE TRIGGER "AttemptItem_no_delete_after_submit" BEFORE DELETE ON "AttemptItem"
WHEN (SELECT "submittedAt" FROM "Attempt" WHERE "id" = OLD."attemptId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'submitted attempt is immutable'); END;

CREATE TRIGGER "AttemptItem_no_insert_after_submit" BEFORE INSERT ON "AttemptItem"
WHEN (SELECT "submittedAt" FROM "Attempt" WHERE "id" = NEW."attemptId") IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'submitted attempt is immutable'); END;

CREATE TRIGGER "QuestionVersion_immutable" BEFORE UPDATE ON "QuestionVersion"
BEGIN SELECT RAISE(ABORT, 'question versions are immutable'); END;

CREATE TRIGGER "Certificate_immutable" BEFORE UPDATE ON "Certificate"
BEGIN SELECT RAISE(ABORT, 'certificates are immutable'); END;
