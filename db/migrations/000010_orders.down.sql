DROP INDEX IF EXISTS statements_published_asc_idx, statements_published_desc_idx, statements_speaker_name_idx,
  statements_speaker_published_asc_idx, statements_speaker_published_desc_idx,
  figures_value_asc_idx, figures_value_desc_idx, figures_period_asc_idx, figures_period_desc_idx,
  figures_published_asc_idx, figures_published_desc_idx, figures_subject_period_asc_idx, figures_subject_period_desc_idx,
  articles_published_oldest_idx, articles_title_idx,
  people_name_idx, people_statement_count_idx, organizations_name_idx, organizations_statement_count_idx,
  places_name_idx, places_statement_count_idx, events_name_idx, events_statement_count_idx,
  events_date_asc_idx, events_date_desc_idx, agreements_name_idx, agreements_statement_count_idx,
  agreements_date_asc_idx, agreements_date_desc_idx;
DROP TRIGGER IF EXISTS statement_mentions_counted_insert ON statement_mentions;
DROP TRIGGER IF EXISTS statement_mentions_counted_update ON statement_mentions;
DROP TRIGGER IF EXISTS statement_mentions_counted_delete ON statement_mentions;
DROP TRIGGER IF EXISTS statements_counted_insert ON statements;
DROP TRIGGER IF EXISTS statements_counted_update ON statements;
DROP TRIGGER IF EXISTS statements_counted_delete ON statements;
DROP TRIGGER IF EXISTS speaker_name_changed ON people;
DROP TRIGGER IF EXISTS speaker_name_changed ON organizations;
DROP TRIGGER IF EXISTS article_published_changed ON articles;
DROP TRIGGER IF EXISTS figure_sort_columns ON figures;
DROP TRIGGER IF EXISTS statement_sort_columns ON statements;
DROP FUNCTION IF EXISTS statement_mentions_counted(), statements_counted(), refresh_statement_counts(bigint[]),
  refresh_speaker_counts(bigint[]), refresh_mention_counts(bigint[]), add_statement_counts(jsonb), add_mention_counts(jsonb),
  speaker_name_changed(), article_published_changed(), figure_sort_columns(), statement_sort_columns();
ALTER TABLE agreements DROP COLUMN IF EXISTS statement_count;
ALTER TABLE events DROP COLUMN IF EXISTS statement_count;
ALTER TABLE places DROP COLUMN IF EXISTS statement_count;
ALTER TABLE organizations DROP COLUMN IF EXISTS statement_count;
ALTER TABLE people DROP COLUMN IF EXISTS statement_count;
ALTER TABLE figures DROP COLUMN IF EXISTS published;
ALTER TABLE statements DROP COLUMN IF EXISTS published, DROP COLUMN IF EXISTS speaker_name;
