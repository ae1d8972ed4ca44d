ALTER TABLE "compensation_proposals" ADD COLUMN "write_off_no" text;--> statement-breakpoint
ALTER TABLE "compensation_proposals" ADD COLUMN "write_off_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_proposals_write_off_uq" ON "compensation_proposals" USING btree ("write_off_no");--> statement-breakpoint
-- 产品质量处理核销申报表 numbers for agreements already carried out before this migration: an approved proposal whose
-- execution tasks are all done or cancelled (at least one done) gets HX-YYYY-NNNNNN in the order its last task was
-- done, the year in Asia/Shanghai; the per-year counter continues from there.
WITH ready AS (
  SELECT p.id, max(t.done_at) AS at
    FROM compensation_proposals p JOIN compensation_tasks t ON t.proposal_id = p.id
   WHERE p.status = 'approved' AND p.write_off_no IS NULL
   GROUP BY p.id
  HAVING bool_and(t.status <> 'open') AND bool_or(t.status = 'done')
), numbered AS (
  SELECT id, at, extract(year FROM at AT TIME ZONE 'Asia/Shanghai')::int AS year,
         row_number() OVER (PARTITION BY extract(year FROM at AT TIME ZONE 'Asia/Shanghai') ORDER BY at, id) AS n
    FROM ready
), counters AS (
  INSERT INTO document_counters (kind, year, last)
  SELECT 'write_off', year, max(n) FROM numbered GROUP BY year
  ON CONFLICT (kind, year) DO NOTHING
)
UPDATE compensation_proposals p
   SET write_off_no = 'HX-' || numbered.year || '-' || lpad(numbered.n::text, 6, '0'), write_off_at = numbered.at
  FROM numbered
 WHERE p.id = numbered.id;
