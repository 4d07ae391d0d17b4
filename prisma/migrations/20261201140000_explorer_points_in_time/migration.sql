-- CreateTable
CREATE TABLE "explorer_pits" (
    "viewer_id" TEXT NOT NULL,
    "view_key" TEXT NOT NULL,
    "pit_id" TEXT NOT NULL,
    "range_from" TIMESTAMP(3) NOT NULL,
    "range_to" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "explorer_pits_pkey" PRIMARY KEY ("viewer_id","view_key")
);

-- CreateIndex
CREATE INDEX "explorer_pits_expires_at_idx" ON "explorer_pits"("expires_at");
