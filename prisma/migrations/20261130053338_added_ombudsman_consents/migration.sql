-- CreateTable
CREATE TABLE "ombudsman_consents" (
    "complaint_id" UUID NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ombudsman_consents_pkey" PRIMARY KEY ("complaint_id")
);

-- AddForeignKey
ALTER TABLE "ombudsman_consents" ADD CONSTRAINT "ombudsman_consents_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

