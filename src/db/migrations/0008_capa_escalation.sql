ALTER TABLE "capa_actions" ADD COLUMN "done_by" uuid;--> statement-breakpoint
ALTER TABLE "capa_actions" ADD COLUMN "completion_note" text;--> statement-breakpoint
ALTER TABLE "capa_actions" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "capa_actions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "eight_d_reports" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ADD COLUMN "nonconformity" text;--> statement-breakpoint
CREATE INDEX "nonconformity_disposals_window_idx" ON "nonconformity_disposals" USING btree ("objection_until") WHERE status = 'published';