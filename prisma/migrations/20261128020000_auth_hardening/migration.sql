-- Issue 16 (auth hardening). Person gains one column by ALTER TABLE (what `migrate diff` expresses as a table
-- rebuild; same result, and it leaves other changes to Person free to merge).
ALTER TABLE "Person" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PasswordAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "ip" TEXT,
    "at" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending'
);

-- CreateIndex
CREATE INDEX "PasswordAttempt_scope_subject_at_idx" ON "PasswordAttempt"("scope", "subject", "at");

-- CreateIndex
CREATE INDEX "PasswordAttempt_ip_at_idx" ON "PasswordAttempt"("ip", "at");
