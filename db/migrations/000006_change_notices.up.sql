-- Every committed change to the data sends a notice on the channel
-- newsgraph_changes (db.ChangeChannel); each server's response cache
-- (graph/cache.go) forgets what it holds when one arrives. The triggers are
-- per statement, so a COPY of a million rows calls notify_change once, and
-- PostgreSQL folds the identical notices of one transaction into one, sent
-- when it commits.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('newsgraph_changes', '');
  RETURN NULL;
END $$;

-- Every table but schema_migrations; a table added later needs its own
-- trigger (TestEveryTableNotifiesChanges checks).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['entities', 'topics', 'places', 'organizations', 'people', 'affiliations',
      'articles', 'paragraphs', 'credits', 'events', 'event_participants', 'projects', 'agreements',
      'agreement_parties', 'agreement_places', 'agreement_projects', 'statements',
      'statement_affiliations', 'statement_mentions', 'figures', 'article_topics', 'statement_topics',
      'figure_topics', 'agreement_topics', 'event_topics', 'evidence', 'audit_log', 'change_events'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_change()', t || '_changed', t);
  END LOOP;
END $$;
