-- Curating through the API: optimistic-concurrency versions, an audit log
-- of who wrote what, and the outbox of change events that subscriptions
-- deliver.

-- version counts the changes to a row; an update that carries a stale
-- version changes nothing. updated_by is the name of the API token that made
-- the last change (NULL for the seed loader).
ALTER TABLE articles      ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text;
ALTER TABLE statements    ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text;
ALTER TABLE figures       ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text;
ALTER TABLE topics        ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text;
ALTER TABLE entities      ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text;

-- Every successful write through the API or the import command.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL CHECK (actor <> ''),
  action      text NOT NULL CHECK (action ~ '^[a-z_]+$'),
  target_type text NOT NULL,
  target_id   bigint,
  detail      jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Change events, written in the transaction of the change they describe and
-- announced with NOTIFY newsgraph_events (payload: the event id) on commit.
-- A rolled-back write leaves neither row nor notification; a listener that
-- missed notifications catches up by id.
CREATE TABLE change_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('article_imported', 'statement_added', 'figure_added')),
  subject_id bigint NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
