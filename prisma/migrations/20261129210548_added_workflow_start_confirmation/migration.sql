-- Rows from before this column are left NULL on purpose: the reconciler starts their workflows again,
-- which Temporal answers idempotently (same workflow ID), and confirms them.
-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "workflow_started_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "complaints_workflow_started_at_submitted_at_idx" ON "complaints"("workflow_started_at", "submitted_at");

