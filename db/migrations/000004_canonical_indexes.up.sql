-- Indexes for the canonical read operations (bench/operations, measured in
-- BENCHMARKS.md), each found missing by EXPLAIN on a generated corpus of
-- 100,000 articles. IF (NOT) EXISTS: a database may hold them already.

-- Articles newest first, the default order of the articles listing (the
-- front page): its sort key, so that a page reads its rows off the index
-- instead of sorting every article. The expression must stay the one the
-- listing orders by (byDate and newestFirst in package db);
-- bench.TestCanonicalPlans fails if the front page scans articles again.
CREATE INDEX IF NOT EXISTS articles_published_newest_idx
  ON articles ((coalesce(lower(published_range), '-infinity'::date)), id);

-- A person's statements in article order (Person.statements): a page reads
-- its rows off the index instead of sorting all of the person's statements
-- (10,000 for the most prolific speaker). It leads with speaker_id, so it
-- replaces the index on speaker_id alone.
CREATE INDEX IF NOT EXISTS statements_speaker_order_idx ON statements (speaker_id, article_id, position, id);
DROP INDEX IF EXISTS statements_speaker_id_idx;
