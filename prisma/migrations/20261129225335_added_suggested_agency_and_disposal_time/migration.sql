-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "disposed_at" TIMESTAMPTZ(3),
ADD COLUMN     "suggested_agency_id" TEXT;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_suggested_agency_id_fkey" FOREIGN KEY ("suggested_agency_id") REFERENCES "agencies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: a complaint was disposed when it was first VERIFIED; before that, the agency on the row was
-- only the reporter's suggestion, which from now on grants that agency nothing.
UPDATE "complaints" c SET "disposed_at" = v.at
  FROM (SELECT "complaint_id", min("occurred_at") AS at FROM "complaint_events" WHERE "type" = 'VERIFIED' GROUP BY "complaint_id") v
  WHERE v."complaint_id" = c."id";
UPDATE "complaints" SET "suggested_agency_id" = "agency_id", "agency_id" = NULL WHERE "disposed_at" IS NULL AND "agency_id" IS NOT NULL;
