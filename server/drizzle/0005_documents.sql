CREATE TABLE "document_counters" (
	"issuer_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_counters_issuer_org_unit_id_year_pk" PRIMARY KEY("issuer_org_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"issuer_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"notation" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"document_date" date NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('commendation_record','eligible_list')),
	CONSTRAINT "documents_subject_type_check" CHECK ("documents"."subject_type" in ('person','org_unit')),
	CONSTRAINT "documents_number_check" CHECK ("documents"."number" >= 1),
	CONSTRAINT "documents_size_check" CHECK ("documents"."size_bytes" = octet_length("documents"."content"))
);
--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_issuer_org_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_org_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_issuer_year_number_uq" ON "documents" USING btree ("issuer_org_unit_id","year","number");--> statement-breakpoint
CREATE INDEX "documents_org_unit_idx" ON "documents" USING btree ("org_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_subject_idx" ON "documents" USING btree ("subject_type","subject_id");