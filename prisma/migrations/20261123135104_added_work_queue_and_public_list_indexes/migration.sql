-- DropIndex
DROP INDEX "complaints_next_deadline_at_idx";

-- CreateIndex
CREATE INDEX "complaints_next_deadline_at_id_idx" ON "complaints"("next_deadline_at", "id");

-- CreateIndex
CREATE INDEX "complaints_confidential_submitted_at_idx" ON "complaints"("confidential", "submitted_at");

