-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "district" TEXT,
ADD COLUMN     "district_code" TEXT,
ADD COLUMN     "village" TEXT,
ADD COLUMN     "village_code" TEXT;

