-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "correlation_id" TEXT;

