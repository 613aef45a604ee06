DROP TRIGGER figure_metrics_update ON figures;
DROP TRIGGER figure_metrics_insert ON figures;
DROP FUNCTION figure_metrics_add();
DROP INDEX figures_metric_order_idx;
DROP TRIGGER figure_metrics_changed ON figure_metrics;
DROP TABLE figure_metrics;
