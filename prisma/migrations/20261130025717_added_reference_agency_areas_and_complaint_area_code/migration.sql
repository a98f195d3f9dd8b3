-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('MINISTRY', 'INSTITUTION', 'PROVINCE', 'REGENCY', 'CITY');

-- AlterTable
ALTER TABLE "agencies" ADD COLUMN     "area_code" TEXT,
ADD COLUMN     "kind" "AgencyKind",
ADD COLUMN     "province_code" TEXT;

-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "area_code" TEXT;

-- CreateIndex
CREATE INDEX "agencies_area_code_idx" ON "agencies"("area_code");

-- CreateIndex
CREATE INDEX "agencies_province_code_idx" ON "agencies"("province_code");

-- CreateIndex
CREATE INDEX "complaints_area_code_idx" ON "complaints"("area_code");

