ALTER TABLE "nonconformity_disposals" DROP CONSTRAINT "nonconformity_disposals_status_ck";--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ALTER COLUMN "published_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ALTER COLUMN "objection_until" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ADD COLUMN "approvals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ADD COLUMN "returns" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "nonconformity_disposals" ADD CONSTRAINT "nonconformity_disposals_status_ck" CHECK ("nonconformity_disposals"."status" in ('awaiting_approval', 'returned', 'published', 'reinvestigating', 'awaiting_ruling', 'final'));