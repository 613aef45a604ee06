CREATE INDEX figures_subject_id_idx ON figures (subject_id);
DROP INDEX figures_subject_metric_idx;
