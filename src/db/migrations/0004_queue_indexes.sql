-- Work-queue indexes measured at 1 M complaints (docs/performance.md): each serves one common filter of the
-- open queue in due order, so the page is read from the index instead of sorting thousands of rows.
-- The department scope (R-SEC-1) is an OR over department, intake department, assignee and reporter: every arm
-- needs an index for PostgreSQL to combine them (reporter had none).
CREATE INDEX IF NOT EXISTS complaints_reporter_due_idx ON complaints (reporter_id, next_due_at)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_batch_due_idx ON complaints (batch_no, next_due_at, id)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_severity_due_idx ON complaints (severity, next_due_at, id) INCLUDE (status)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_dept_breached_due_idx ON complaints (department_id, next_due_at, id)
  WHERE breached and status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS complaints_open_search_idx ON complaints USING gin (search_vector)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');
--> statement-breakpoint
-- Without it the planner expects a handful of breached rows per department instead of thousands.
CREATE STATISTICS IF NOT EXISTS complaints_status_breached_stats (mcv) ON status, breached FROM complaints;
