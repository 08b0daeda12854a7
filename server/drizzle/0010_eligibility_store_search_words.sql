CREATE TABLE "name_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_stale" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"tx" bigint DEFAULT txid_current() NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_store" (
	"id" integer PRIMARY KEY NOT NULL,
	"considered_on" date,
	"settings_fingerprint" text,
	"rules_fingerprint" text,
	"years" jsonb,
	"awards" jsonb,
	"built_at" timestamp with time zone,
	"last_report" jsonb,
	"lease_by" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "eligibility_verdicts" (
	"person_id" uuid NOT NULL,
	"award_code" text NOT NULL,
	"year" integer NOT NULL,
	"newly_eligible" boolean NOT NULL,
	"summary" text NOT NULL,
	"basis" text NOT NULL,
	"eligible_since" timestamp with time zone NOT NULL,
	"judged_at" timestamp with time zone NOT NULL,
	"org_path" text NOT NULL,
	"unit_sort_key" text NOT NULL,
	"person_sort_key" text NOT NULL,
	CONSTRAINT "eligibility_verdicts_person_id_award_code_year_pk" PRIMARY KEY("person_id","award_code","year")
);
--> statement-breakpoint
DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
DROP INDEX "people_sort_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_words" text[] GENERATED ALWAYS AS (string_to_array(search_name, ' ')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "eligibility_verdicts" ADD CONSTRAINT "eligibility_verdicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eligibility_stale_tx_idx" ON "eligibility_stale" USING btree ("tx");--> statement-breakpoint
CREATE INDEX "eligibility_stale_person_idx" ON "eligibility_stale" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_search_words_idx" ON "people" USING gin ("search_words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "people_sort_idx" ON "people" USING btree ("sort_key" collate "C","id");