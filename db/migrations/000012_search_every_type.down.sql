DROP FUNCTION IF EXISTS places_like(text);
DROP INDEX IF EXISTS topics_search_idx;
ALTER TABLE topics DROP COLUMN IF EXISTS search;
DROP INDEX IF EXISTS projects_search_idx;
ALTER TABLE projects DROP COLUMN IF EXISTS search;
DROP INDEX IF EXISTS events_search_idx;
