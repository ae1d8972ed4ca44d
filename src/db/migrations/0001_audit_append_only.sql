-- R-SEC-2: the audit trail is append-only. Any UPDATE, DELETE or TRUNCATE is refused by the database
-- itself, whoever asks (works on PostgreSQL 15+ and PGlite). The table's owner or a superuser can still
-- disable the trigger: `closeloop audit verify` then names the edited row, and its --anchor option catches
-- deleted newest rows. Run the application as a role that does not own the tables to close that door
-- (docs/operations.md).
CREATE OR REPLACE FUNCTION closeloop_audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'R-SEC-2';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION closeloop_audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION closeloop_audit_log_refuse_change();
