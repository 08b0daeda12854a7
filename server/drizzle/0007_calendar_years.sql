CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"holidays" jsonb NOT NULL,
	"working_saturdays" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_status_ck" CHECK ("calendar_years"."status" in ('decided', 'provisional')),
	CONSTRAINT "calendar_years_year_ck" CHECK ("calendar_years"."year" between 2000 and 2100),
	CONSTRAINT "calendar_years_lists_ck" CHECK (jsonb_typeof("calendar_years"."holidays") = 'array' and jsonb_typeof("calendar_years"."working_saturdays") = 'array')
);
