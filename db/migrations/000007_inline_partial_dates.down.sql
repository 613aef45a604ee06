CREATE OR REPLACE FUNCTION partial_date_json(y smallint, m smallint, d smallint, p date_precision,
                                             wording text, inferred date_part[], basis text)
RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p IS NULL THEN NULL ELSE jsonb_build_object(
    'year', y, 'month', m, 'day', d, 'precision', upper(p::text), 'text', wording,
    'inferred', (SELECT coalesce(jsonb_agg(upper(x::text)), '[]'::jsonb) FROM unnest(inferred) x),
    'basis', basis) END
$$;
