-- The vocabulary of name words, kept by the database: every statement that inserts or updates people adds
-- the words of their names (once per statement, in word order so that concurrent writers never deadlock).
CREATE FUNCTION name_vocabulary_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_vocabulary (word)
    SELECT DISTINCT w FROM changed_people, unnest(changed_people.search_words) AS w ORDER BY w
    ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_name_vocabulary_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS changed_people
  FOR EACH STATEMENT EXECUTE FUNCTION name_vocabulary_add();
--> statement-breakpoint
CREATE TRIGGER people_name_vocabulary_update AFTER UPDATE ON people
  REFERENCING NEW TABLE AS changed_people
  FOR EACH STATEMENT EXECUTE FUNCTION name_vocabulary_add();
--> statement-breakpoint
INSERT INTO name_vocabulary (word)
  SELECT DISTINCT w FROM people, unnest(people.search_words) AS w ORDER BY w
  ON CONFLICT (word) DO NOTHING;
