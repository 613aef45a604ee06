CREATE INDEX figures_metric_order_idx ON figures (metric, article_id, position, id) INCLUDE (value);
DROP INDEX figures_metric_walk_idx;
