CREATE TABLE "audit_chain_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"checked" integer NOT NULL,
	"up_to_seq" bigint NOT NULL,
	"first_broken_seq" bigint,
	"problems" jsonb NOT NULL,
	"problem_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_unit_seq_idx" ON "audit_log" USING btree ("org_unit_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_seq_idx" ON "audit_log" USING btree ("actor_username","seq");--> statement-breakpoint
CREATE INDEX "audit_log_person_seq_idx" ON "audit_log" USING btree ((coalesce("after" ->> 'personId', "before" ->> 'personId')),"seq");