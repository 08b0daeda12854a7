-- Every change to what a person's eligibility rests on queues the person for judging again, whoever makes it
-- (the unit of work, an import, a seed, a hand-written statement). Statement-level triggers with transition
-- tables: one set-based insert per statement, however many rows it touched.
CREATE FUNCTION eligibility_stale_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO eligibility_stale (person_id) SELECT DISTINCT person_id FROM new_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO eligibility_stale (person_id) SELECT DISTINCT person_id FROM old_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_from_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO eligibility_stale (person_id)
    SELECT person_id FROM new_rows WHERE person_id IS NOT NULL
    UNION SELECT person_id FROM old_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO eligibility_stale (person_id)
    SELECT n.id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR o.started_on IS DISTINCT FROM n.started_on;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_people_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO eligibility_stale (person_id) SELECT id FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_stale_ins AFTER INSERT ON ratings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER ratings_stale_upd AFTER UPDATE ON ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_both();
--> statement-breakpoint
CREATE TRIGGER ratings_stale_del AFTER DELETE ON ratings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER award_records_stale_ins AFTER INSERT ON award_records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER award_records_stale_upd AFTER UPDATE ON award_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_both();
--> statement-breakpoint
CREATE TRIGGER award_records_stale_del AFTER DELETE ON award_records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER initiatives_stale_ins AFTER INSERT ON initiatives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER initiatives_stale_upd AFTER UPDATE ON initiatives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_both();
--> statement-breakpoint
CREATE TRIGGER initiatives_stale_del AFTER DELETE ON initiatives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER disciplines_stale_ins AFTER INSERT ON disciplines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER disciplines_stale_upd AFTER UPDATE ON disciplines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_both();
--> statement-breakpoint
CREATE TRIGGER disciplines_stale_del AFTER DELETE ON disciplines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER people_stale_ins AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_people_insert();
--> statement-breakpoint
CREATE TRIGGER people_stale_upd AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_stale_people();
--> statement-breakpoint
-- the one row describing the store: nothing judged yet
INSERT INTO eligibility_store (id) VALUES (1);
