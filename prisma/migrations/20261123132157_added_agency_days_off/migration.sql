-- CreateTable
CREATE TABLE "agency_days_off" (
    "agency_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "agency_days_off_pkey" PRIMARY KEY ("agency_id","date")
);

-- AddForeignKey
ALTER TABLE "agency_days_off" ADD CONSTRAINT "agency_days_off_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

