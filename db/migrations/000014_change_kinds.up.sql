-- Change events for updates and deletions, and for entities: a kind is now
-- <type>_<action>, the type an article, statement, figure or entity kind
-- (person, organization, place, event, project, agreement), the action
-- imported (articles), added, updated or deleted. A deletion's subject_id
-- names a row that no longer exists. The kinds of migration 3 keep their
-- meaning.
ALTER TABLE change_events DROP CONSTRAINT change_events_kind_check;
ALTER TABLE change_events ADD CONSTRAINT change_events_kind_check CHECK (
  kind IN ('article_imported', 'article_deleted')
  OR kind ~ '^(statement|figure|person|organization|place|event|project|agreement)_(added|updated|deleted)$');

