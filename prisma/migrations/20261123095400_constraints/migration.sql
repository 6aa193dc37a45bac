-- Rules Prisma's schema language cannot state. Kept by the database so that no code path
-- (app, seed, script, psql) can store an impossible figure.

ALTER TABLE "DailyCapacity"
  ADD CONSTRAINT "DailyCapacity_non_negative" CHECK ("producedKg" >= 0 AND "medicalKg" >= 0 AND "industrialKg" >= 0),
  ADD CONSTRAINT "DailyCapacity_split_sums" CHECK ("medicalKg" + "industrialKg" = "producedKg");

ALTER TABLE "Policy"
  ADD CONSTRAINT "Policy_target_positive" CHECK ("dailyTargetKg" > 0);

ALTER TABLE "MedicalPriorityPeriod"
  ADD CONSTRAINT "MedicalPriorityPeriod_share_pct" CHECK ("minMedicalSharePct" BETWEEN 0 AND 100),
  ADD CONSTRAINT "MedicalPriorityPeriod_dates" CHECK ("endsOn" >= "startsOn");

ALTER TABLE "Pledge"
  ADD CONSTRAINT "Pledge_total_positive" CHECK ("totalKg" > 0),
  ADD CONSTRAINT "Pledge_dates" CHECK ("endsOn" >= "startsOn");

ALTER TABLE "PledgeTranche"
  ADD CONSTRAINT "PledgeTranche_kg_positive" CHECK ("kg" > 0);

ALTER TABLE "Hospital"
  ADD CONSTRAINT "Hospital_non_negative" CHECK ("beds" >= 0 AND "covidBeds" >= 0 AND "icuBeds" >= 0 AND "tankCapacityKg" >= 0 AND "tankResidualKg" >= 0),
  ADD CONSTRAINT "Hospital_residual_within_tank" CHECK ("tankResidualKg" <= "tankCapacityKg");

ALTER TABLE "StockReport"
  ADD CONSTRAINT "StockReport_non_negative" CHECK ("stockKg" >= 0 AND "usedKg" >= 0 AND "severePatients" >= 0 AND "criticalPatients" >= 0 AND "bedsOccupied" >= 0);

ALTER TABLE "SupplyRequest"
  ADD CONSTRAINT "SupplyRequest_requested_positive" CHECK ("requestedKg" > 0),
  ADD CONSTRAINT "SupplyRequest_approved_non_negative" CHECK ("approvedKg" IS NULL OR "approvedKg" >= 0);

ALTER TABLE "Allocation"
  ADD CONSTRAINT "Allocation_kg_positive" CHECK ("kg" > 0);

ALTER TABLE "Delivery"
  ADD CONSTRAINT "Delivery_dispatched_positive" CHECK ("dispatchedKg" > 0 AND "dispatchedAmount" > 0 AND "kgPerUnit" > 0),
  ADD CONSTRAINT "Delivery_received_non_negative" CHECK ("receivedKg" IS NULL OR "receivedKg" >= 0),
  ADD CONSTRAINT "Delivery_has_purpose" CHECK ("allocationId" IS NOT NULL OR "trancheId" IS NOT NULL);

ALTER TABLE "CaseStat"
  ADD CONSTRAINT "CaseStat_non_negative" CHECK ("total" >= 0 AND "active" >= 0 AND "recovered" >= 0 AND "deaths" >= 0);

-- The audit trail is append-only: whoever holds a connection may add to it, never rewrite it.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
