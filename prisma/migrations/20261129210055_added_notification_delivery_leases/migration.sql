-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "lease_until" TIMESTAMPTZ(3);

