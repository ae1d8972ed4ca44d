CREATE TABLE "approval_delegations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delegator_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "approval_delegations_window_ck" CHECK ("approval_delegations"."ends_at" > "approval_delegations"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "approval_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"proposal_version" integer NOT NULL,
	"proposal_hash" text NOT NULL,
	"step_index" integer NOT NULL,
	"role" text NOT NULL,
	"signer_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"on_behalf_of_id" uuid,
	"on_behalf_of_name" text,
	"meaning" text NOT NULL,
	"reason" text,
	"challenge_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_signatures_meaning_ck" CHECK ("approval_signatures"."meaning" in ('approve', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "compensation_ledger" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"proposal_id" uuid,
	"task_id" uuid,
	"customer_id" uuid,
	"product_id" uuid,
	"stage" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"month" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "compensation_ledger_stage_ck" CHECK ("compensation_ledger"."stage" in ('proposed', 'approved', 'agreed', 'paid'))
);
--> statement-breakpoint
CREATE TABLE "compensation_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"options" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"policy_version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"note" text,
	"execution_working_days" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "compensation_proposals_status_ck" CHECK ("compensation_proposals"."status" in ('pending_approval', 'approved', 'rejected', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "compensation_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"option_kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"owner_role" text NOT NULL,
	"owner_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reference" text,
	"note" text,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "compensation_tasks_status_ck" CHECK ("compensation_tasks"."status" in ('open', 'done', 'cancelled')),
	CONSTRAINT "compensation_tasks_amount_ck" CHECK ("compensation_tasks"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cost_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"department_id" uuid,
	"share_bp" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"rule" text,
	"transfer_form_no" text,
	"deduction_notice_no" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cost_allocations_share_ck" CHECK ("cost_allocations"."share_bp" > 0 and "cost_allocations"."share_bp" <= 10000),
	CONSTRAINT "cost_allocations_amount_ck" CHECK ("cost_allocations"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signature_challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"proposal_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "approval_delegations" ADD CONSTRAINT "approval_delegations_delegator_id_users_id_fk" FOREIGN KEY ("delegator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_delegations" ADD CONSTRAINT "approval_delegations_delegate_id_users_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_signatures" ADD CONSTRAINT "approval_signatures_proposal_id_compensation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."compensation_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_signatures" ADD CONSTRAINT "approval_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_ledger" ADD CONSTRAINT "compensation_ledger_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_proposals" ADD CONSTRAINT "compensation_proposals_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_tasks" ADD CONSTRAINT "compensation_tasks_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_tasks" ADD CONSTRAINT "compensation_tasks_proposal_id_compensation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."compensation_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_allocations" ADD CONSTRAINT "cost_allocations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_challenges" ADD CONSTRAINT "signature_challenges_proposal_id_compensation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."compensation_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_delegations_delegate_idx" ON "approval_delegations" USING btree ("delegate_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_signatures_role_uq" ON "approval_signatures" USING btree ("proposal_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_signatures_challenge_uq" ON "approval_signatures" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "approval_signatures_complaint_idx" ON "approval_signatures" USING btree ("complaint_id","signed_at");--> statement-breakpoint
CREATE INDEX "compensation_ledger_complaint_idx" ON "compensation_ledger" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "compensation_ledger_customer_idx" ON "compensation_ledger" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "compensation_ledger_month_idx" ON "compensation_ledger" USING btree ("month","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_proposals_version_uq" ON "compensation_proposals" USING btree ("complaint_id","version");--> statement-breakpoint
CREATE INDEX "compensation_proposals_pending_idx" ON "compensation_proposals" USING btree ("created_at") WHERE status = 'pending_approval';--> statement-breakpoint
CREATE INDEX "compensation_tasks_complaint_idx" ON "compensation_tasks" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "compensation_tasks_open_due_idx" ON "compensation_tasks" USING btree ("due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "cost_allocations_complaint_idx" ON "cost_allocations" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "cost_allocations_party_idx" ON "cost_allocations" USING btree ("party_kind","party_name");--> statement-breakpoint
CREATE UNIQUE INDEX "document_counters_uq" ON "document_counters" USING btree ("kind","year");--> statement-breakpoint
CREATE INDEX "signature_challenges_expiry_idx" ON "signature_challenges" USING btree ("expires_at");--> statement-breakpoint
-- R-APR-2: an electronic signature cannot be edited or removed afterwards. A voided signature is one whose
-- proposal version was superseded; it stays, marked void by the application, never rewritten.
CREATE OR REPLACE FUNCTION closeloop_signature_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approval_signatures is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'R-APR-2';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approval_signatures_no_update_delete
  BEFORE UPDATE OR DELETE ON approval_signatures
  FOR EACH ROW EXECUTE FUNCTION closeloop_signature_refuse_change();
