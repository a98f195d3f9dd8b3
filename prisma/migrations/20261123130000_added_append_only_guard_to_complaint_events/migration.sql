-- complaint_events is the audit trail: rows are appended, never changed or removed.
-- (Prisma's datamodel cannot express triggers; this migration is the only place they live.)
CREATE FUNCTION "complaint_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "complaint_events_append_only"
  BEFORE UPDATE OR DELETE ON "complaint_events"
  FOR EACH ROW EXECUTE FUNCTION "complaint_events_append_only"();
