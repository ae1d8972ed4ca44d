-- Breaches by time for the dashboard ("breaches today") and reports: a small partial index, only breached clocks.
CREATE INDEX IF NOT EXISTS deadlines_breached_at_idx ON complaint_deadlines (breached_at)
  WHERE breached_at IS NOT NULL;
