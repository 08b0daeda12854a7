-- Extensions used by the schema (pg_trgm: trigram index for accent-insensitive name search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
