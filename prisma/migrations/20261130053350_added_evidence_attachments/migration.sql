-- CreateEnum
CREATE TYPE "AttachmentPurpose" AS ENUM ('COMPLAINT', 'CLARIFICATION', 'FOLLOW_UP', 'RESOLUTION');

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "purpose" "AttachmentPurpose" NOT NULL,
    "position" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "removed_metadata" INTEGER NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" TEXT,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "attachments_complaint_id_position_key" ON "attachments"("complaint_id", "position");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Evidence is mostly JPEG/PNG/WebP/PDF, already compressed: store it out of line without trying to compress it again.
ALTER TABLE "stored_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
