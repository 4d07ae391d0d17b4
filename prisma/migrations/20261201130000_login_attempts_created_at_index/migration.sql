-- Sign-in prunes stale attempts of every key by age; this keeps that an index range scan.
CREATE INDEX "login_attempts_created_at_idx" ON "login_attempts"("created_at");
