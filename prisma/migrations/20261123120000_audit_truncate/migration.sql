-- The append-only rule for the audit trail also covers TRUNCATE (a statement-level trigger:
-- row triggers never see it).
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
