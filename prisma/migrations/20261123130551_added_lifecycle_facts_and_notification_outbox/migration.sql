-- CreateEnum
CREATE TYPE "Complexity" AS ENUM ('SIMPLE', 'NORMAL', 'INVESTIGATION');

-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "assignee_id" TEXT,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "complexity" "Complexity",
ADD COLUMN     "escalation_level" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "first_response_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_deadline_at" TIMESTAMPTZ(3),
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "redirect_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolved_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "complaint_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "receiver_role" TEXT NOT NULL,
    "agency_id" TEXT,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_key_key" ON "notifications"("key");

-- CreateIndex
CREATE INDEX "notifications_sent_at_next_attempt_at_idx" ON "notifications"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "complaints_next_deadline_at_idx" ON "complaints"("next_deadline_at");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

