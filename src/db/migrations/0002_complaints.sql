CREATE TABLE "complaint_communications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"summary" text NOT NULL,
	"next_step" text,
	"contact_person" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_deadlines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"opens_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"late" boolean,
	"cancelled_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"paused" boolean DEFAULT false NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"similarity_pct" integer,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone,
	"reporter_id" uuid,
	"intake_department_id" uuid,
	"received_outside_cs" boolean DEFAULT false NOT NULL,
	"after_hours" jsonb,
	"customer_id" uuid,
	"customer_name" text NOT NULL,
	"customer_phone" text,
	"customer_phone_norm" text,
	"customer_email" text,
	"customer_address" text,
	"customer_type" text NOT NULL,
	"customer_tier" text DEFAULT 'standard' NOT NULL,
	"customer_special_group" text,
	"customer_locale" text DEFAULT 'zh-CN' NOT NULL,
	"product_id" uuid,
	"product_name" text,
	"product_model" text,
	"product_code" text,
	"batch_no" text,
	"serial_no" text,
	"production_date" date,
	"ship_date" date,
	"purchase_date" date,
	"purchase_place" text,
	"proof_of_purchase" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"symptom" text,
	"affected_part" text,
	"scope" text DEFAULT 'single_unit' NOT NULL,
	"demands" text[] DEFAULT '{}'::text[] NOT NULL,
	"claimed_amount_fen" bigint,
	"injury" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"suggestion" jsonb,
	"classification" jsonb,
	"nature" text,
	"severity" text,
	"major" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'pending' NOT NULL,
	"department_id" uuid,
	"assignee_id" uuid,
	"review_level" integer DEFAULT 0 NOT NULL,
	"proposers" text[] DEFAULT '{}'::text[] NOT NULL,
	"waiting_on_customer" boolean DEFAULT false NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"proposal" jsonb,
	"agreement" jsonb,
	"resolution" jsonb,
	"follow_up" jsonb,
	"closure" jsonb,
	"linked_from_id" uuid,
	"duplicate_of_id" uuid,
	"tracking_token_hash" text,
	"search_vector" "tsvector",
	"next_due_at" timestamp with time zone,
	"breached" boolean DEFAULT false NOT NULL,
	"event_times" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaints_injury_ck" CHECK ("complaints"."injury" in ('none', 'minor', 'serious', 'death'))
);
--> statement-breakpoint
CREATE TABLE "kpi_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid,
	"complaint_id" uuid NOT NULL,
	"deadline_id" uuid,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"rule" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"batch_no" text NOT NULL,
	"production_date" date,
	"quantity" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"tier" text DEFAULT 'standard' NOT NULL,
	"special_group" text,
	"phone" text,
	"phone_norm" text,
	"email" text,
	"address" text,
	"region" text,
	"company" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"model" text,
	"category" text,
	"price_fen" bigint,
	"warranty_months" integer,
	"medical_device" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"region" text NOT NULL,
	"quantity" integer NOT NULL,
	"shipped_on" date NOT NULL,
	"customer_id" uuid,
	"reference" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"make_up_day_hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"papers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"day_count" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text
);
--> statement-breakpoint
CREATE TABLE "complaint_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"caption" text,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"width" integer,
	"height" integer,
	"thumbnail_sha256" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "complaint_communications" ADD CONSTRAINT "complaint_communications_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_deadlines" ADD CONSTRAINT "complaint_deadlines_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_links" ADD CONSTRAINT "complaint_links_from_id_complaints_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_links" ADD CONSTRAINT "complaint_links_to_id_complaints_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_evidence" ADD CONSTRAINT "complaint_evidence_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_evidence" ADD CONSTRAINT "complaint_evidence_sha256_evidence_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communications_complaint_idx" ON "complaint_communications" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "deadlines_complaint_idx" ON "complaint_deadlines" USING btree ("complaint_id","kind");--> statement-breakpoint
CREATE INDEX "deadlines_breach_due_idx" ON "complaint_deadlines" USING btree ("due_at") WHERE met_at is null and cancelled_at is null and breached_at is null and not paused;--> statement-breakpoint
CREATE INDEX "deadlines_warn_due_idx" ON "complaint_deadlines" USING btree ("warn_at") WHERE met_at is null and cancelled_at is null and warned_at is null and breached_at is null and not paused;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_links_pair_uq" ON "complaint_links" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "complaint_links_to_idx" ON "complaint_links" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_uq" ON "complaints" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_year_seq_uq" ON "complaints" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_uq" ON "complaints" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "complaints_open_due_idx" ON "complaints" USING btree ("next_due_at","id") WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');--> statement-breakpoint
CREATE INDEX "complaints_dept_due_idx" ON "complaints" USING btree ("department_id","next_due_at") WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');--> statement-breakpoint
CREATE INDEX "complaints_intake_dept_due_idx" ON "complaints" USING btree ("intake_department_id","next_due_at") WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');--> statement-breakpoint
CREATE INDEX "complaints_assignee_due_idx" ON "complaints" USING btree ("assignee_id","next_due_at") WHERE status not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened');--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "complaints_severity_idx" ON "complaints" USING btree ("severity","received_at");--> statement-breakpoint
CREATE INDEX "complaints_batch_idx" ON "complaints" USING btree ("batch_no","received_at");--> statement-breakpoint
CREATE INDEX "complaints_product_idx" ON "complaints" USING btree ("product_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_phone_idx" ON "complaints" USING btree ("customer_phone_norm","received_at");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "kpi_events_dept_at_idx" ON "kpi_events" USING btree ("department_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_events_deadline_uq" ON "kpi_events" USING btree ("deadline_id","kind") WHERE deadline_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "batches_product_batch_uq" ON "batches" USING btree ("product_id","batch_no");--> statement-breakpoint
CREATE INDEX "batches_batch_no_idx" ON "batches" USING btree ("batch_no");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_code_uq" ON "customers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "customers_phone_norm_idx" ON "customers" USING btree ("phone_norm");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "products" USING btree ("code");--> statement-breakpoint
CREATE INDEX "shipments_batch_idx" ON "shipments" USING btree ("batch_id","region");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_reference_uq" ON "shipments" USING btree ("reference") WHERE reference is not null;--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "calendar_days" USING btree ("year");--> statement-breakpoint
CREATE INDEX "complaint_evidence_complaint_idx" ON "complaint_evidence" USING btree ("complaint_id","uploaded_at");