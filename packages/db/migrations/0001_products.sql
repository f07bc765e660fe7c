CREATE TABLE "billing_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"org_id" uuid,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_invoice_id" text NOT NULL,
	"payment_id" uuid,
	"number" text NOT NULL,
	"plan_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"hosted_url" text,
	"pdf_url" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"account" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount" <> 0),
	CONSTRAINT "ledger_entries_currency" CHECK ("ledger_entries"."currency" in ('INR', 'USD'))
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"payment_id" uuid,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text,
	"provider_order_id" text,
	"subscription_id" uuid,
	"plan_id" text NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"amount" bigint NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"captured_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_nonnegative" CHECK ("payments"."amount" >= 0 and "payments"."amount_refunded" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_subscription_id" text,
	"provider_customer_id" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"job_finished" boolean DEFAULT true NOT NULL,
	"job_failed" boolean DEFAULT true NOT NULL,
	"invitation" boolean DEFAULT true NOT NULL,
	"quota_nearly_reached" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"trigger" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"response_code" integer,
	"latency_ms" integer NOT NULL,
	"response_body" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_types" jsonb NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"secret_prefix" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_actors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attack_id" text,
	"stix_id" text,
	"description" text DEFAULT '' NOT NULL,
	"confidence" integer NOT NULL,
	"tlp" text NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"sightings" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("attack_id", '') || ' ' || coalesce("aliases"::text, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_attack_objects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"attack_id" text NOT NULL,
	"stix_id" text NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tactics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_id" text,
	"platforms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"software_kind" text,
	"url" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("attack_id", '') || ' ' || coalesce("name", '')), 'A') || setweight(to_tsvector('english', left(coalesce("description", ''), 20000)), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_attack_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"type" text NOT NULL,
	"source_ref" text NOT NULL,
	"target_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_attack_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"version" text NOT NULL,
	"sha256" text NOT NULL,
	"counts" jsonb NOT NULL,
	"imported_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"review_item_id" uuid,
	"sentence" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"confidence" integer NOT NULL,
	"tlp" text NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"sightings" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "type" || ' ' || "value" || ' ' || translate("value", './:@\-_[]', '           '))) STORED,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_relationships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_ref" text NOT NULL,
	"type" text NOT NULL,
	"target_type" text NOT NULL,
	"target_ref" text NOT NULL,
	"confidence" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"sightings" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"source_url" text,
	"filename" text,
	"declared_type" text,
	"size_bytes" bigint,
	"storage_key" text,
	"format" text,
	"status" text NOT NULL,
	"error" text,
	"tlp" text DEFAULT 'amber' NOT NULL,
	"body" text,
	"method" text,
	"stats" jsonb,
	"job_id" uuid,
	"created_by" text,
	"processed_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', left(coalesce("body", ''), 300000)), 'D')) STORED,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_review_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"name" text,
	"attack_id" text,
	"confidence" integer NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"defanged" boolean DEFAULT false NOT NULL,
	"sentence" text NOT NULL,
	"occurrences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"edited_value" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"merged_id" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"auto_accept_threshold" integer,
	"publisher_domains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_tlp" text DEFAULT 'amber' NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_agent_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid NOT NULL,
	"method" text,
	"llm_calls" integer DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"error" text,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_agents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"schedule" text,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_artifacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"agent_id" uuid,
	"run_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"storage_key" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"method" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_feed_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"feed_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"published_at" timestamp with time zone,
	"report_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"kind" text,
	"last_fetched_at" timestamp with time zone,
	"last_status" text,
	"last_error" text,
	"items_ingested" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_yara_rule_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"sha256" text NOT NULL,
	"rules" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_yara_scans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"rule_set_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filename" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"matches" jsonb,
	"match_count" integer,
	"error" text,
	"job_id" uuid,
	"created_by" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_knowledge_pages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body_md" text DEFAULT '' NOT NULL,
	"json_ld" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"json_ld_mode" text DEFAULT 'auto' NOT NULL,
	"product" jsonb,
	"page_type" text DEFAULT 'WebPage' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"generation" text DEFAULT 'done' NOT NULL,
	"method" text DEFAULT 'manual' NOT NULL,
	"job_id" uuid,
	"error" text,
	"health_score" integer,
	"health" jsonb,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_knowledge_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"http_status" integer,
	"error" text,
	"title" text,
	"content" jsonb,
	"content_chars" integer,
	"fetched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"run_id" uuid,
	"prompt_id" uuid,
	"prompt_text" text NOT NULL,
	"topic" text,
	"model" text NOT NULL,
	"sample" integer DEFAULT 1 NOT NULL,
	"text" text NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_micros" bigint,
	"latency_ms" integer,
	"web_search" boolean DEFAULT false NOT NULL,
	"provider_citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	"import_label" text,
	"extraction" jsonb NOT NULL,
	"sentiment_method" text NOT NULL,
	"negative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_brands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"domains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owned" boolean DEFAULT false NOT NULL,
	"ambiguous" boolean,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_citations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"url" text NOT NULL,
	"domain" text NOT NULL,
	"title" text,
	"class" text NOT NULL,
	"brand_id" uuid,
	"sources" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_mentions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"count" integer NOT NULL,
	"spans" jsonb NOT NULL,
	"rank" integer,
	"rank_method" text,
	"rank_confidence" real,
	"sentiment_score" real,
	"sentiment_label" text,
	"sentiment_method" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_model_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"models" jsonb NOT NULL,
	"samples_per_prompt" integer DEFAULT 1 NOT NULL,
	"web_search" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_prompts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"text" text NOT NULL,
	"topic" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text,
	"country" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_scan_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"model_set_id" uuid,
	"schedule_id" uuid,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"total_calls" integer NOT NULL,
	"completed_calls" integer DEFAULT 0 NOT NULL,
	"failed_calls" integer DEFAULT 0 NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"methodology" jsonb NOT NULL,
	"error" text,
	"job_id" uuid,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visibility_scan_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"model_set_id" uuid NOT NULL,
	"cron" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_run_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_settings" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "llm_usage" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "audit_logs" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "plans" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "usage_events" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "job_schedules" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "compliance_assessments" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "compliance_documents" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "compliance_frameworks" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "compliance_share_links" ALTER COLUMN "created_at" SET DEFAULT date_trunc('milliseconds', now());--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "prices" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "seats" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_attack_objects" ADD CONSTRAINT "intel_attack_objects_version_id_intel_attack_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."intel_attack_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_attack_relations" ADD CONSTRAINT "intel_attack_relations_version_id_intel_attack_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."intel_attack_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_evidence" ADD CONSTRAINT "intel_evidence_report_id_intel_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."intel_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_reports" ADD CONSTRAINT "intel_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_review_items" ADD CONSTRAINT "intel_review_items_report_id_intel_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."intel_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_agent_runs" ADD CONSTRAINT "intel_agent_runs_agent_id_intel_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."intel_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_agents" ADD CONSTRAINT "intel_agents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_artifacts" ADD CONSTRAINT "intel_artifacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_artifacts" ADD CONSTRAINT "intel_artifacts_agent_id_intel_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."intel_agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_artifacts" ADD CONSTRAINT "intel_artifacts_run_id_intel_agent_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."intel_agent_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_feed_items" ADD CONSTRAINT "intel_feed_items_feed_id_intel_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."intel_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_feeds" ADD CONSTRAINT "intel_feeds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_yara_rule_sets" ADD CONSTRAINT "intel_yara_rule_sets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_yara_scans" ADD CONSTRAINT "intel_yara_scans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_knowledge_pages" ADD CONSTRAINT "visibility_knowledge_pages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_knowledge_sources" ADD CONSTRAINT "visibility_knowledge_sources_page_id_visibility_knowledge_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."visibility_knowledge_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_answers" ADD CONSTRAINT "visibility_answers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_answers" ADD CONSTRAINT "visibility_answers_run_id_visibility_scan_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."visibility_scan_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_answers" ADD CONSTRAINT "visibility_answers_prompt_id_visibility_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."visibility_prompts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_brands" ADD CONSTRAINT "visibility_brands_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_citations" ADD CONSTRAINT "visibility_citations_answer_id_visibility_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."visibility_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_mentions" ADD CONSTRAINT "visibility_mentions_answer_id_visibility_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."visibility_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_mentions" ADD CONSTRAINT "visibility_mentions_brand_id_visibility_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."visibility_brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_model_sets" ADD CONSTRAINT "visibility_model_sets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_prompts" ADD CONSTRAINT "visibility_prompts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_scan_runs" ADD CONSTRAINT "visibility_scan_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_scan_runs" ADD CONSTRAINT "visibility_scan_runs_model_set_id_visibility_model_sets_id_fk" FOREIGN KEY ("model_set_id") REFERENCES "public"."visibility_model_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_scan_schedules" ADD CONSTRAINT "visibility_scan_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visibility_scan_schedules" ADD CONSTRAINT "visibility_scan_schedules_model_set_id_visibility_model_sets_id_fk" FOREIGN KEY ("model_set_id") REFERENCES "public"."visibility_model_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_events_provider_event_key" ON "billing_events" USING btree ("provider","event_id");--> statement-breakpoint
CREATE INDEX "billing_events_org_id_idx" ON "billing_events" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "billing_events_created_at_idx" ON "billing_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "invoices_org_id_idx" ON "invoices" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "invoices_org_created_idx" ON "invoices" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_created_at_idx" ON "invoices" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_provider_ref_key" ON "invoices" USING btree ("provider","provider_invoice_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_id_idx" ON "ledger_entries" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_account_idx" ON "ledger_entries" USING btree ("org_id","account","currency");--> statement-breakpoint
CREATE INDEX "ledger_transactions_org_id_idx" ON "ledger_transactions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_created_at_idx" ON "ledger_transactions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_reference_key" ON "ledger_transactions" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "ledger_transactions_payment_idx" ON "ledger_transactions" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payments_org_id_idx" ON "payments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "payments_org_created_idx" ON "payments" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_payment_key" ON "payments" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_order_key" ON "payments" USING btree ("provider","provider_order_id");--> statement-breakpoint
CREATE INDEX "subscriptions_org_id_idx" ON "subscriptions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "subscriptions_created_at_idx" ON "subscriptions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_provider_ref_key" ON "subscriptions" USING btree ("provider","provider_subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_status_end_idx" ON "subscriptions" USING btree ("status","current_period_end");--> statement-breakpoint
CREATE INDEX "notification_preferences_org_id_idx" ON "notification_preferences" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "notification_preferences_created_at_idx" ON "notification_preferences" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_org_user_key" ON "notification_preferences" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_org_id_idx" ON "webhook_attempts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_created_at_idx" ON "webhook_attempts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_org_id_idx" ON "webhook_deliveries" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_event_key" ON "webhook_deliveries" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_org_id_idx" ON "webhook_endpoints" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_created_at_idx" ON "webhook_endpoints" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_org_id_idx" ON "webhook_events" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "webhook_events_created_at_idx" ON "webhook_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_dedupe_key" ON "webhook_events" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "intel_actors_org_id_idx" ON "intel_actors" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_actors_created_at_idx" ON "intel_actors" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_actors_search_idx" ON "intel_actors" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_attack_objects_version_stix_key" ON "intel_attack_objects" USING btree ("version_id","stix_id");--> statement-breakpoint
CREATE INDEX "intel_attack_objects_version_attack_idx" ON "intel_attack_objects" USING btree ("version_id","attack_id");--> statement-breakpoint
CREATE INDEX "intel_attack_objects_version_kind_idx" ON "intel_attack_objects" USING btree ("version_id","kind");--> statement-breakpoint
CREATE INDEX "intel_attack_objects_search_idx" ON "intel_attack_objects" USING gin ("search");--> statement-breakpoint
CREATE INDEX "intel_attack_relations_source_idx" ON "intel_attack_relations" USING btree ("version_id","source_ref");--> statement-breakpoint
CREATE INDEX "intel_attack_relations_target_idx" ON "intel_attack_relations" USING btree ("version_id","target_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_attack_versions_sha_key" ON "intel_attack_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "intel_attack_versions_domain_idx" ON "intel_attack_versions" USING btree ("domain","created_at");--> statement-breakpoint
CREATE INDEX "intel_evidence_org_id_idx" ON "intel_evidence" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_evidence_created_at_idx" ON "intel_evidence" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_evidence_report_entity_key" ON "intel_evidence" USING btree ("report_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "intel_evidence_entity_idx" ON "intel_evidence" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "intel_indicators_org_id_idx" ON "intel_indicators" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_indicators_created_at_idx" ON "intel_indicators" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_indicators_org_value_key" ON "intel_indicators" USING btree ("org_id","type","value");--> statement-breakpoint
CREATE INDEX "intel_indicators_org_type_idx" ON "intel_indicators" USING btree ("org_id","type","created_at");--> statement-breakpoint
CREATE INDEX "intel_indicators_search_idx" ON "intel_indicators" USING gin ("search");--> statement-breakpoint
CREATE INDEX "intel_relationships_org_id_idx" ON "intel_relationships" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_relationships_created_at_idx" ON "intel_relationships" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_relationships_source_idx" ON "intel_relationships" USING btree ("org_id","source_type","source_ref");--> statement-breakpoint
CREATE INDEX "intel_relationships_target_idx" ON "intel_relationships" USING btree ("org_id","target_type","target_ref");--> statement-breakpoint
CREATE INDEX "intel_reports_org_id_idx" ON "intel_reports" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_reports_created_at_idx" ON "intel_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_reports_org_status_idx" ON "intel_reports" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "intel_reports_search_idx" ON "intel_reports" USING gin ("search");--> statement-breakpoint
CREATE INDEX "intel_review_items_org_id_idx" ON "intel_review_items" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_review_items_created_at_idx" ON "intel_review_items" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_review_items_report_idx" ON "intel_review_items" USING btree ("report_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_review_items_report_key" ON "intel_review_items" USING btree ("report_id","kind","type","value");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_settings_org_key" ON "intel_settings" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_settings_created_at_idx" ON "intel_settings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_agent_runs_org_id_idx" ON "intel_agent_runs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_agent_runs_created_at_idx" ON "intel_agent_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_agent_runs_agent_idx" ON "intel_agent_runs" USING btree ("agent_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_agent_runs_job_key" ON "intel_agent_runs" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "intel_agents_org_id_idx" ON "intel_agents" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_agents_created_at_idx" ON "intel_agents" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_agents_org_project_idx" ON "intel_agents" USING btree ("org_id","project_id");--> statement-breakpoint
CREATE INDEX "intel_artifacts_org_id_idx" ON "intel_artifacts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_artifacts_created_at_idx" ON "intel_artifacts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_artifacts_org_project_idx" ON "intel_artifacts" USING btree ("org_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "intel_feed_items_org_id_idx" ON "intel_feed_items" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_feed_items_created_at_idx" ON "intel_feed_items" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_feed_items_feed_key" ON "intel_feed_items" USING btree ("feed_id","key_hash");--> statement-breakpoint
CREATE INDEX "intel_feeds_org_id_idx" ON "intel_feeds" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_feeds_created_at_idx" ON "intel_feeds" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_feeds_project_url_key" ON "intel_feeds" USING btree ("org_id","project_id","url");--> statement-breakpoint
CREATE INDEX "intel_yara_rule_sets_org_id_idx" ON "intel_yara_rule_sets" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_yara_rule_sets_created_at_idx" ON "intel_yara_rule_sets" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_yara_rule_sets_project_name_key" ON "intel_yara_rule_sets" USING btree ("org_id","project_id","name");--> statement-breakpoint
CREATE INDEX "intel_yara_scans_org_id_idx" ON "intel_yara_scans" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "intel_yara_scans_created_at_idx" ON "intel_yara_scans" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intel_yara_scans_org_project_idx" ON "intel_yara_scans" USING btree ("org_id","project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visibility_knowledge_pages_org_slug_key" ON "visibility_knowledge_pages" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_pages_org_id_idx" ON "visibility_knowledge_pages" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_pages_created_at_idx" ON "visibility_knowledge_pages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_pages_org_status_idx" ON "visibility_knowledge_pages" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_sources_org_id_idx" ON "visibility_knowledge_sources" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_sources_created_at_idx" ON "visibility_knowledge_sources" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_knowledge_sources_page_idx" ON "visibility_knowledge_sources" USING btree ("page_id","position");--> statement-breakpoint
CREATE INDEX "visibility_answers_org_id_idx" ON "visibility_answers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_answers_created_at_idx" ON "visibility_answers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_answers_org_project_sampled_idx" ON "visibility_answers" USING btree ("org_id","project_id","sampled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visibility_answers_run_call_key" ON "visibility_answers" USING btree ("run_id","prompt_id","model","sample");--> statement-breakpoint
CREATE INDEX "visibility_brands_org_id_idx" ON "visibility_brands" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_brands_created_at_idx" ON "visibility_brands" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_brands_project_idx" ON "visibility_brands" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "visibility_citations_org_id_idx" ON "visibility_citations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_citations_created_at_idx" ON "visibility_citations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_citations_answer_idx" ON "visibility_citations" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "visibility_mentions_org_id_idx" ON "visibility_mentions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_mentions_created_at_idx" ON "visibility_mentions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_mentions_answer_idx" ON "visibility_mentions" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "visibility_mentions_brand_idx" ON "visibility_mentions" USING btree ("brand_id","sentiment_label");--> statement-breakpoint
CREATE INDEX "visibility_model_sets_org_id_idx" ON "visibility_model_sets" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_model_sets_created_at_idx" ON "visibility_model_sets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_model_sets_project_idx" ON "visibility_model_sets" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "visibility_prompts_org_id_idx" ON "visibility_prompts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_prompts_created_at_idx" ON "visibility_prompts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_prompts_project_idx" ON "visibility_prompts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "visibility_scan_runs_org_id_idx" ON "visibility_scan_runs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_scan_runs_created_at_idx" ON "visibility_scan_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visibility_scan_runs_org_project_idx" ON "visibility_scan_runs" USING btree ("org_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "visibility_scan_schedules_org_id_idx" ON "visibility_scan_schedules" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "visibility_scan_schedules_created_at_idx" ON "visibility_scan_schedules" USING btree ("created_at");