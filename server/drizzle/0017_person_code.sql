ALTER TABLE "people" ADD COLUMN "code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "people_code_uq" ON "people" USING btree (lower("code")) WHERE "people"."code" is not null;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_code_check" CHECK ("people"."code" is null or (char_length("people"."code") between 1 and 30 and "people"."code" = btrim("people"."code")));