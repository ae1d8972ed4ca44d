-- Candidate fixes for the work queue at 1 M complaints (measured in docs/performance.md):
--   npm run bench:queue -- --try bench/queue-candidate-fixes.sql
-- The bench creates them in its own database, measures, and drops them again. The indexes are partial on open
-- complaints (the predicate of the migrations' *_due_idx indexes), so each covers ~6 % of the rows.

-- Department scope (complaintScopeCondition): department OR intake department OR assignee OR reporter. PostgreSQL
-- turns an OR into a BitmapOr only when every arm has an index; reporter_id has none, so today the planner walks
-- all open complaints in due order and filters (198 ms for a department with no open complaint).
CREATE INDEX complaints_reporter_due_idx ON complaints (reporter_id, next_due_at)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');

-- A batch's open complaints, next due first (a hot batch has ~12 000 complaints, ~1 400 of them open).
CREATE INDEX complaints_batch_due_idx ON complaints (batch_no, next_due_at, id)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');

-- Open complaints of a severity, next due first; status included so the counts by status can be index-only.
CREATE INDEX complaints_severity_due_idx ON complaints (severity, next_due_at, id) INCLUDE (status)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');

-- A department's breached complaints, next due first.
CREATE INDEX complaints_dept_breached_due_idx ON complaints (department_id, next_due_at, id)
  WHERE breached and status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');

-- Text search within open complaints (the queue's default): a GIN index over the open 6 % of the rows.
CREATE INDEX complaints_open_search_idx ON complaints USING gin (search_vector)
  WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');

-- breached is true only for open complaints (~60 % of them, 3.6 % of all rows); without a joint statistic the
-- planner multiplies the two selectivities, expects ~30 breached rows in a department instead of thousands,
-- and sorts the whole department instead of reading its due-order index for 51 rows.
CREATE STATISTICS complaints_status_breached_stats (mcv) ON status, breached FROM complaints;
