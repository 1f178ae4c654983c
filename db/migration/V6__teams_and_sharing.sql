-- Teams: groups of users with a role each. A lab is owned by a user or by a team.
CREATE TABLE teams (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    display_name text,
    -- an identity provider group whose members join this team as members (OIDC groups claim)
    idp_group    text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_name_unique UNIQUE (name),
    CONSTRAINT teams_idp_group_unique UNIQUE (idp_group),
    CONSTRAINT teams_name_format CHECK (name ~ '^[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?$')
);

CREATE TABLE team_members (
    team_id  uuid        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id  uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     text        NOT NULL,
    -- 'manual' rows are managed over the API; 'idp' rows follow the identity provider's groups claim
    source   text        NOT NULL DEFAULT 'manual',
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT team_members_role CHECK (role IN ('owner', 'maintainer', 'member')),
    CONSTRAINT team_members_source CHECK (source IN ('manual', 'idp'))
);
CREATE INDEX team_members_user ON team_members (user_id);

-- A lab belongs to exactly one user or one team; names are unique per owner.
ALTER TABLE labs ALTER COLUMN owner_id DROP NOT NULL;
ALTER TABLE labs ADD COLUMN owner_team_id uuid REFERENCES teams (id);
ALTER TABLE labs ADD CONSTRAINT labs_one_owner CHECK ((owner_id IS NULL) <> (owner_team_id IS NULL));
ALTER TABLE labs ADD CONSTRAINT labs_team_name_unique UNIQUE (owner_team_id, name);
CREATE INDEX labs_team_created ON labs (owner_team_id, created_at DESC, id);

-- Per-lab grants to a user or a team. Levels include the ones before: view < operate < edit < admin.
CREATE TABLE lab_grants (
    lab_id     uuid        NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    user_id    uuid        REFERENCES users (id) ON DELETE CASCADE,
    team_id    uuid        REFERENCES teams (id) ON DELETE CASCADE,
    level      text        NOT NULL,
    rank       smallint    GENERATED ALWAYS AS (CASE level WHEN 'view' THEN 1 WHEN 'operate' THEN 2
                                                WHEN 'edit' THEN 3 WHEN 'admin' THEN 4 END) STORED,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lab_grants_level CHECK (level IN ('view', 'operate', 'edit', 'admin')),
    CONSTRAINT lab_grants_one_grantee CHECK ((user_id IS NULL) <> (team_id IS NULL)),
    CONSTRAINT lab_grants_user_unique UNIQUE (lab_id, user_id),
    CONSTRAINT lab_grants_team_unique UNIQUE (lab_id, team_id)
);
CREATE INDEX lab_grants_user ON lab_grants (user_id);
CREATE INDEX lab_grants_team ON lab_grants (team_id);
