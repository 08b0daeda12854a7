-- Login attempts are counted atomically per key (replaces the failure log).
DROP TABLE "login_failures" CASCADE;--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);--> statement-breakpoint
-- Exact duplicates of record entries become impossible; any stored before are removed first (one copy kept).
DELETE FROM "initiatives" a USING "initiatives" b WHERE a.ctid > b.ctid AND (a.person_id, a.year, a.kind, a.scope, a.title) IS NOT DISTINCT FROM (b.person_id, b.year, b.kind, b.scope, b.title);--> statement-breakpoint
DELETE FROM "disciplines" a USING "disciplines" b WHERE a.ctid > b.ctid AND (a.person_id, a.year, a.form, a.decided_on, a.reason) IS NOT DISTINCT FROM (b.person_id, b.year, b.form, b.decided_on, b.reason);--> statement-breakpoint
DELETE FROM "award_records" a USING "award_records" b WHERE a.ctid > b.ctid AND (a.person_id, a.org_unit_id, a.award_code, a.year, a.type, a.decision_no, a.decision_date, a.issuer) IS NOT DISTINCT FROM (b.person_id, b.org_unit_id, b.award_code, b.year, b.type, b.decision_no, b.decision_date, b.issuer);--> statement-breakpoint
CREATE UNIQUE INDEX "disciplines_exact_uq" ON "disciplines" USING btree ("person_id","year","form",coalesce("decided_on", '0001-01-01'::date),md5(coalesce("reason", '')));--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_exact_uq" ON "initiatives" USING btree ("person_id","year","kind","scope","title");--> statement-breakpoint
ALTER TABLE "award_records" ADD CONSTRAINT "award_records_exact_uq" UNIQUE NULLS NOT DISTINCT("person_id","org_unit_id","award_code","year","type","decision_no","decision_date","issuer");
