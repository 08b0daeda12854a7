CREATE TABLE "name_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
DROP INDEX "people_sort_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_words" text[] GENERATED ALWAYS AS (string_to_array(search_name, ' ')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "people_search_words_idx" ON "people" USING gin ("search_words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "people_sort_idx" ON "people" USING btree ("sort_key" collate "C","id");