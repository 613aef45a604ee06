-- The figures filter's metric (a case-insensitive substring, figures(filter:
-- {metric: ...})) read by metric: figure_metrics holds every distinct metric
-- of a figure (and may hold some no figure has any more), kept by triggers,
-- so that a listing matches the substring against the few metrics first
-- and then walks, for each matching metric, figures_metric_order_idx in
-- the listing's order (article, position, id), the value in the index to
-- test a value range without reading the row. The listing then reads
-- about the rows it returns, where walking the order's index and testing
-- every figure's metric read 2,508 figures to return 52 (BENCHMARKS.md,
-- issue 13's fourth pass).
CREATE TABLE figure_metrics (metric text PRIMARY KEY);
CREATE TRIGGER figure_metrics_changed AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON figure_metrics
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE INDEX figure_metrics_metric_trgm_idx ON figure_metrics USING gin (metric gin_trgm_ops);
INSERT INTO figure_metrics (metric) SELECT DISTINCT metric FROM figures;

CREATE INDEX figures_metric_order_idx ON figures (metric, article_id, position, id) INCLUDE (value);

-- Per statement: a COPY of many figures adds each new metric once (the
-- corpus generator sets the insert trigger aside and fills the table after
-- its load, bench/corpus).
CREATE FUNCTION figure_metrics_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figure_metrics (metric) SELECT DISTINCT n.metric FROM new_rows n ON CONFLICT (metric) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER figure_metrics_insert AFTER INSERT ON figures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_metrics_add();
CREATE TRIGGER figure_metrics_update AFTER UPDATE ON figures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_metrics_add();
