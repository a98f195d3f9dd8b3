-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "decrees" TEXT[],
    "sources" TEXT[],
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "days" JSONB NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploaded_by" TEXT NOT NULL,

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

