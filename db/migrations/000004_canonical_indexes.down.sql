CREATE INDEX IF NOT EXISTS statements_speaker_id_idx ON statements (speaker_id);
DROP INDEX IF EXISTS statements_speaker_order_idx;
DROP INDEX IF EXISTS articles_published_newest_idx;
