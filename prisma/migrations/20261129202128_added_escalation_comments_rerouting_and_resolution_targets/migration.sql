-- resolution_due_at fills in on each complaint's next transition: deadlines live in its workflow, not in SQL.
-- AlterTable
ALTER TABLE "complaints" ADD COLUMN     "resolution_due_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "escalations" ADD COLUMN     "acknowledgement_comment" TEXT,
ADD COLUMN     "rerouted_from" TEXT;

