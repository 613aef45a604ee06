DROP FUNCTION IF EXISTS organizations_like(text);
DROP FUNCTION IF EXISTS people_like(text);
DROP INDEX IF EXISTS people_full_name_trgm_idx;
DROP FUNCTION IF EXISTS person_full_name(text[], text);
