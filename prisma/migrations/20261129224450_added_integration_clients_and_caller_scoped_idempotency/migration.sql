-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "integration_client_id" TEXT;

-- AlterTable: keys stored before were global; they are kept under a scope no caller has, so a retry
-- sent across this upgrade files anew rather than answering another caller's complaint.
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_pkey",
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'before caller scopes';
ALTER TABLE "idempotency_keys" ALTER COLUMN "scope" DROP DEFAULT,
ADD CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key");

-- CreateTable
CREATE TABLE "integration_clients" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "key_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "key_issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_clients_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_integration_client_id_fkey" FOREIGN KEY ("integration_client_id") REFERENCES "integration_clients"("id") ON DELETE SET NULL ON UPDATE CASCADE;

