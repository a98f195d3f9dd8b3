-- CreateTable
CREATE TABLE "policy_replays" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "policy_source" TEXT NOT NULL,
    "policy_version" TEXT NOT NULL,
    "policy" JSONB NOT NULL,
    "period_from" TIMESTAMPTZ(3) NOT NULL,
    "period_to" TIMESTAMPTZ(3) NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "differing" INTEGER NOT NULL DEFAULT 0,
    "unreplayable" INTEGER NOT NULL DEFAULT 0,
    "unlike_record" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "policy_replays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_replay_batches" (
    "replay_id" UUID NOT NULL,
    "first_complaint_id" UUID NOT NULL,
    "complaints" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "policy_replay_batches_pkey" PRIMARY KEY ("replay_id","first_complaint_id")
);

-- CreateTable
CREATE TABLE "policy_replay_differences" (
    "replay_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "tracking_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "agency_id" TEXT,
    "current_policy_version" TEXT NOT NULL,
    "differences" JSONB NOT NULL,
    "error" TEXT,

    CONSTRAINT "policy_replay_differences_pkey" PRIMARY KEY ("replay_id","complaint_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_replays_workflow_id_key" ON "policy_replays"("workflow_id");

-- CreateIndex
CREATE INDEX "policy_replays_created_at_idx" ON "policy_replays"("created_at");

-- CreateIndex
CREATE INDEX "policy_replay_differences_replay_id_tracking_id_idx" ON "policy_replay_differences"("replay_id", "tracking_id");

-- CreateIndex
CREATE INDEX "complaints_submitted_at_id_idx" ON "complaints"("submitted_at", "id");

-- AddForeignKey
ALTER TABLE "policy_replay_batches" ADD CONSTRAINT "policy_replay_batches_replay_id_fkey" FOREIGN KEY ("replay_id") REFERENCES "policy_replays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_replay_differences" ADD CONSTRAINT "policy_replay_differences_replay_id_fkey" FOREIGN KEY ("replay_id") REFERENCES "policy_replays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_replay_differences" ADD CONSTRAINT "policy_replay_differences_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

