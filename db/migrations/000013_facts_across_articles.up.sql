-- Facts across articles (db/facts.go): the figures that state the same
-- fact (the same metric, case aside, of the same subject for the same
-- period) and the statements that make the same claim (the same words,
-- case and punctuation aside, by the same named speaker).

-- figure_claim_month is a part of a figure's period for comparison: 0 when
-- it is unknown, so that "2024" and "2024-01" differ and both compare.
CREATE FUNCTION figure_claim_month(m smallint) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN coalesce(m, 0);

CREATE INDEX IF NOT EXISTS figures_claim_idx ON figures
  (lower(metric), subject_id, period_year, figure_claim_month(period_month), figure_claim_month(period_day))
  WHERE period_year IS NOT NULL;

-- claim_text is a statement's words for comparison: lower case, every run
-- of characters other than letters and digits one space, trimmed.
CREATE FUNCTION claim_text(content text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(lower(regexp_replace(content, '[^[:alnum:]]+', ' ', 'g')));

CREATE INDEX IF NOT EXISTS statements_claim_idx ON statements (speaker_id, claim_text(content))
  WHERE speaker_id IS NOT NULL;
