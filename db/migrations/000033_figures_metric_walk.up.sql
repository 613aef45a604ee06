-- The index a figures page by metric walks (db/figures.go,
-- figuresByMetricSQL), keyed by the metric under the "C" collation, which
-- the walk's condition names. Equality is the same under any
-- deterministic collation, so the walk finds the same figures; but the
-- trigram index on metric (migration 000001), whose collation is the
-- column's, no longer matches that condition. A plan made once for every
-- value (a generic plan) used to prefer it, a bitmap of every figure of the
-- metric and a sort, 90 ms against 1; so the statement was planned again
-- at every request, half of its PostgreSQL CPU. Now it is planned once.
CREATE INDEX figures_metric_walk_idx ON figures ((metric COLLATE "C"), article_id, position, id) INCLUDE (value);
DROP INDEX figures_metric_order_idx;
