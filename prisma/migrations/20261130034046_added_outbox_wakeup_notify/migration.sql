-- Wakes the outbox dispatchers as soon as notifications are committed, instead of at their next poll.
-- One NOTIFY per inserting statement, on the channel "tenggat_outbox" with the table's schema as payload
-- (dispatchers of another schema in the same database ignore it); PostgreSQL sends it at commit, and
-- not at all if the transaction rolls back. The poll stays as the fallback for missed wake-ups.
-- (Prisma's datamodel cannot express triggers; this migration is the only place this one lives.)
CREATE FUNCTION "notifications_wake_dispatchers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tenggat_outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "notifications_wake_dispatchers"
  AFTER INSERT ON "notifications"
  FOR EACH STATEMENT EXECUTE FUNCTION "notifications_wake_dispatchers"();
