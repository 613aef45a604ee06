-- Change events for topics: created, updated and deleted (through the
-- API), announced to the changed subscription like the other types.
ALTER TABLE change_events DROP CONSTRAINT change_events_kind_check;
ALTER TABLE change_events ADD CONSTRAINT change_events_kind_check CHECK (
  kind IN ('article_imported', 'article_deleted')
  OR kind ~ '^(statement|figure|person|organization|place|event|project|agreement|topic)_(added|updated|deleted)$');
