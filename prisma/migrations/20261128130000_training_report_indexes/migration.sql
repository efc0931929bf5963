-- Issue 17 (decision 048): indexes for HR's training reports at 50,000 people: who holds an attempt at a course
-- in a year, who read its lessons, and the question statistics read from the index alone.

-- CreateIndex
CREATE INDEX "Attempt_courseId_fiscalYear_personId_idx" ON "Attempt"("courseId", "fiscalYear", "personId");

-- CreateIndex
CREATE INDEX "AttemptItem_attemptId_questionVersionId_correct_idx" ON "AttemptItem"("attemptId", "questionVersionId", "correct");

-- CreateIndex
CREATE INDEX "LessonProgress_lessonId_fiscalYear_personId_idx" ON "LessonProgress"("lessonId", "fiscalYear", "personId");

