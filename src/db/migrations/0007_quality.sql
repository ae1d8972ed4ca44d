CREATE TABLE "adverse_event_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"adverse_event_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"report_kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reportable" boolean,
	"rationale" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"submitted_at" timestamp with time zone,
	"submission_ref" text
);
--> statement-breakpoint
CREATE TABLE "adverse_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"aware_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"report_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "adverse_events_status_ck" CHECK ("adverse_events"."status" in ('evaluating', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "batch_case_complaints" (
	"case_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "batch_case_complaints_case_id_complaint_id_pk" PRIMARY KEY("case_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "batch_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"product_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"mechanism" text NOT NULL,
	"region" text,
	"trigger" jsonb NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"investigation_due_at" timestamp with time zone NOT NULL,
	"investigation" jsonb,
	"investigation_filed_at" timestamp with time zone,
	"investigation_filed_by" uuid,
	"decision" text,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "batch_cases_status_ck" CHECK ("batch_cases"."status" in ('open', 'investigating', 'decided', 'closed')),
	CONSTRAINT "batch_cases_decision_ck" CHECK ("batch_cases"."decision" is null or "batch_cases"."decision" in ('market_check', 'write_off', 'compensation', 'recall'))
);
--> statement-breakpoint
CREATE TABLE "batch_signal_counters" (
	"product_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"mechanism" text NOT NULL,
	"valid_complaints" integer DEFAULT 0 NOT NULL,
	"serious_events" integer DEFAULT 0 NOT NULL,
	"first_complaint_id" uuid NOT NULL,
	"first_complaint_at" timestamp with time zone NOT NULL,
	"last_complaint_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "batch_signal_counters_product_id_batch_no_mechanism_pk" PRIMARY KEY("product_id","batch_no","mechanism")
);
--> statement-breakpoint
CREATE TABLE "batch_signal_events" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"mechanism" text NOT NULL,
	"region" text,
	"serious" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"counted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capa_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"product_id" uuid,
	"mechanism" text,
	"owner_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"effective_from" date,
	"verify_after_days" integer DEFAULT 90 NOT NULL,
	"verification" jsonb,
	"gm_approved_by" uuid,
	"gm_approved_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "capa_actions_kind_ck" CHECK ("capa_actions"."kind" in ('containment', 'corrective', 'preventive')),
	CONSTRAINT "capa_actions_status_ck" CHECK ("capa_actions"."status" in ('open', 'awaiting_approval', 'done', 'verified', 'reopened', 'review', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "eight_d_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"customer_requested" boolean DEFAULT false NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eight_d_reports_status_ck" CHECK ("eight_d_reports"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"five_why" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fishbone" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurrence_cause" text,
	"escape_cause" text,
	"failure_mechanism" text,
	"verdict" text,
	"recall_analysis_needed" boolean DEFAULT false NOT NULL,
	"product_outcome" text,
	"filed_at" timestamp with time zone,
	"filed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "investigations_verdict_ck" CHECK ("investigations"."verdict" is null or "investigations"."verdict" in ('isolated', 'batch', 'serious')),
	CONSTRAINT "investigations_outcome_ck" CHECK ("investigations"."product_outcome" is null or "investigations"."product_outcome" in ('continue_selling', 'exchange', 'repackage', 'recall'))
);
--> statement-breakpoint
CREATE TABLE "nonconformity_disposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"decision" text NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"objection_until" timestamp with time zone NOT NULL,
	"objections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ruling" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nonconformity_disposals_status_ck" CHECK ("nonconformity_disposals"."status" in ('published', 'reinvestigating', 'awaiting_ruling', 'final'))
);
--> statement-breakpoint
CREATE TABLE "quality_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"product_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"mechanism" text NOT NULL,
	"trigger" text NOT NULL,
	"rate" numeric(12, 8),
	"threshold" numeric(12, 8),
	"valid_complaints" integer NOT NULL,
	"units_shipped" integer NOT NULL,
	"first_complaint_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_reports_kind_ck" CHECK ("quality_reports"."kind" in ('abnormality', 'special')),
	CONSTRAINT "quality_reports_status_ck" CHECK ("quality_reports"."status" in ('open', 'issued'))
);
--> statement-breakpoint
CREATE TABLE "recall_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recall_id" uuid NOT NULL,
	"customer_id" uuid,
	"region" text NOT NULL,
	"batch_no" text NOT NULL,
	"quantity" integer NOT NULL,
	"notified_at" timestamp with time zone,
	"recovered_quantity" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recalls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"case_id" uuid,
	"product_id" uuid NOT NULL,
	"recall_class" text NOT NULL,
	"scope" jsonb NOT NULL,
	"status" text NOT NULL,
	"units_in_scope" integer DEFAULT 0 NOT NULL,
	"units_recovered" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"completion_report" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recalls_status_ck" CHECK ("recalls"."status" in ('in_progress', 'completed')),
	CONSTRAINT "recalls_class_ck" CHECK ("recalls"."recall_class" in ('I', 'II', 'III'))
);
--> statement-breakpoint
CREATE TABLE "regulator_samplings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"product_id" uuid,
	"batch_no" text,
	"sampled_on" date NOT NULL,
	"sample_quantity" integer NOT NULL,
	"result" text NOT NULL,
	"report_ref" text,
	"representative" boolean DEFAULT true NOT NULL,
	"retest_requested_at" timestamp with time zone,
	"retest_reason" text,
	"original_report_to_quality_at" timestamp with time zone,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"region" text NOT NULL,
	"owner_id" uuid,
	"status" text NOT NULL,
	"expected_quantity" integer,
	"sealed_quantity" integer,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seal_tasks_status_ck" CHECK ("seal_tasks"."status" in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "adverse_event_decisions" ADD CONSTRAINT "adverse_event_decisions_adverse_event_id_adverse_events_id_fk" FOREIGN KEY ("adverse_event_id") REFERENCES "public"."adverse_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_case_complaints" ADD CONSTRAINT "batch_case_complaints_case_id_batch_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."batch_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_case_complaints" ADD CONSTRAINT "batch_case_complaints_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_cases" ADD CONSTRAINT "batch_cases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_signal_counters" ADD CONSTRAINT "batch_signal_counters_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_signal_events" ADD CONSTRAINT "batch_signal_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recall_targets" ADD CONSTRAINT "recall_targets_recall_id_recalls_id_fk" FOREIGN KEY ("recall_id") REFERENCES "public"."recalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_case_id_batch_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."batch_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulator_samplings" ADD CONSTRAINT "regulator_samplings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_tasks" ADD CONSTRAINT "seal_tasks_case_id_batch_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."batch_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adverse_event_decisions_uq" ON "adverse_event_decisions" USING btree ("adverse_event_id","jurisdiction","report_kind");--> statement-breakpoint
CREATE INDEX "adverse_event_decisions_open_due_idx" ON "adverse_event_decisions" USING btree ("due_at") WHERE decided_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "adverse_events_complaint_uq" ON "adverse_events" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "batch_case_complaints_c_idx" ON "batch_case_complaints" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "batch_cases_open_uq" ON "batch_cases" USING btree ("product_id","batch_no","mechanism") WHERE status <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "batch_cases_number_uq" ON "batch_cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "batch_signal_counters_batch_idx" ON "batch_signal_counters" USING btree ("batch_no");--> statement-breakpoint
CREATE INDEX "batch_signal_events_region_idx" ON "batch_signal_events" USING btree ("product_id","batch_no","mechanism","region","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "capa_actions_number_uq" ON "capa_actions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "capa_actions_mechanism_idx" ON "capa_actions" USING btree ("product_id","mechanism") WHERE status in ('done', 'verified');--> statement-breakpoint
CREATE INDEX "capa_actions_open_due_idx" ON "capa_actions" USING btree ("due_at") WHERE status in ('open', 'reopened');--> statement-breakpoint
CREATE UNIQUE INDEX "eight_d_reports_number_uq" ON "eight_d_reports" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "nonconformity_disposals_number_uq" ON "nonconformity_disposals" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_reports_signal_uq" ON "quality_reports" USING btree ("kind","product_id","batch_no","mechanism");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_reports_number_uq" ON "quality_reports" USING btree ("number");--> statement-breakpoint
CREATE INDEX "quality_reports_open_due_idx" ON "quality_reports" USING btree ("due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "recall_targets_recall_idx" ON "recall_targets" USING btree ("recall_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recalls_number_uq" ON "recalls" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_tasks_region_uq" ON "seal_tasks" USING btree ("case_id","region");