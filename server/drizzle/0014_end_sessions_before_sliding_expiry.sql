-- Sessions gain a sliding idle expiry, a last-seen time, the browser and the address (next migration, whose
-- new columns are NOT NULL). Sessions opened before have none of these: they end here, and their users log
-- in again.
DELETE FROM sessions;
