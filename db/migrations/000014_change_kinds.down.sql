DELETE FROM change_events WHERE kind NOT IN ('article_imported', 'statement_added', 'figure_added');
ALTER TABLE change_events DROP CONSTRAINT change_events_kind_check;
ALTER TABLE change_events ADD CONSTRAINT change_events_kind_check
  CHECK (kind IN ('article_imported', 'statement_added', 'figure_added'));
