-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "channel" TEXT,
ADD COLUMN     "failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "skip_reason" TEXT,
ADD COLUMN     "skipped_at" TIMESTAMPTZ(3);

