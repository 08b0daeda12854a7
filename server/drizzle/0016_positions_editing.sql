ALTER TABLE "positions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "person_units_one_open_idx" ON "person_units" USING btree ("person_id") WHERE "person_units"."to_date" is null;--> statement-breakpoint
CREATE INDEX "positions_org_unit_idx" ON "positions" USING btree ("org_unit_id");--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_valid_range" CHECK ("positions"."to_date" is null or "positions"."to_date" >= "positions"."from_date");