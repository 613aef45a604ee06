DELETE FROM change_events WHERE kind LIKE 'topic\_%';
ALTER TABLE change_events DROP CONSTRAINT change_events_kind_check;
ALTER TABLE change_events ADD CONSTRAINT change_events_kind_check CHECK (
  kind IN ('article_imported', 'article_deleted')
  OR kind ~ '^(statement|figure|person|organization|place|event|project|agreement)_(added|updated|deleted)$');
