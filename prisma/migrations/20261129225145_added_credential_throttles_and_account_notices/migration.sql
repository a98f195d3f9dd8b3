-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "receiver_user_id" TEXT,
ALTER COLUMN "complaint_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "credential_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_failure_at" TIMESTAMPTZ(3),

    CONSTRAINT "credential_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "credential_throttles_last_failure_at_idx" ON "credential_throttles"("last_failure_at");

