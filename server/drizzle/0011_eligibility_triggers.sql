-- Every change to what a person's eligibility rests on queues the person for judging again, whoever makes it
-- (the unit of work, an import, a seed, a hand-written statement). Statement-level triggers with transition
-- tables: one set-based insert per statement, however many rows it touched.
CREATE FUNCTION eligibility_stale_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a bulk load (the demo seed) is judged in full afterwards: nothing to queue one person at a time
  IF current_setting('vinhdanh.bulk_load', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO eligibility_stale (person_id) SELECT DISTINCT person_id FROM new_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a bulk load (the demo seed) is judged in full afterwards: nothing to queue one person at a time
  IF current_setting('vinhdanh.bulk_load', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO eligibility_stale (person_id) SELECT DISTINCT person_id FROM old_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_from_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a bulk load (the demo seed) is judged in full afterwards: nothing to queue one person at a time
  IF current_setting('vinhdanh.bulk_load', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO eligibility_stale (person_id)
    SELECT person_id FROM new_rows WHERE person_id IS NOT NULL
    UNION SELECT person_id FROM old_rows WHERE person_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a bulk load (the demo seed) is judged in full afterwards: nothing to queue one person at a time
  IF current_setting('vinhdanh.bulk_load', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO eligibility_stale (person_id)
    SELECT n.id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR o.started_on IS DISTINCT FROM n.started_on;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION eligibility_stale_people_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a bulk load (the demo seed) is judged in full afterwards: nothing to queue one person at a time
  IF current_setting('vinhdanh.bulk_load', true) = 'on' THEN RETURN NULL; END IF;
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
-- A unit's list is one range of this index; its order's columns ride along so a page is chosen and the
-- list counted without reading the rows.
CREATE INDEX eligibility_verdicts_list_idx ON eligibility_verdicts
  USING btree (year, award_code, org_path text_pattern_ops)
  INCLUDE (unit_sort_key, person_sort_key, person_id, newly_eligible, eligible_since);
--> statement-breakpoint
-- A stored verdict carries the path and collation key of the person's unit today and the person's own
-- collation key: kept when a person moves to another unit or is renamed
CREATE FUNCTION eligibility_copy_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE eligibility_verdicts v SET org_path = u.path, unit_sort_key = u.sort_key, person_sort_key = n.sort_key
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN org_units u ON u.id = n.org_unit_id
    WHERE v.person_id = n.id
      AND (o.org_unit_id IS DISTINCT FROM n.org_unit_id OR o.sort_key IS DISTINCT FROM n.sort_key);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_verdict_copy AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_copy_people();
--> statement-breakpoint
-- ... and when a unit moves in the tree (its path, and its subtree's, change) or is renamed
CREATE FUNCTION eligibility_copy_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE eligibility_verdicts v SET org_path = n.path, unit_sort_key = n.sort_key
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN people p ON p.org_unit_id = n.id
    WHERE (o.path <> n.path OR o.sort_key <> n.sort_key) AND v.person_id = p.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_units_verdict_copy AFTER UPDATE ON org_units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eligibility_copy_units();
--> statement-breakpoint
-- the one row describing the store: nothing judged yet
INSERT INTO eligibility_store (id) VALUES (1);
