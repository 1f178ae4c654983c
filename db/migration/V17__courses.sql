-- Courses: a template lab, a pool students' runs reserve from, booking rules, and a roster.
CREATE TABLE courses (
    id                       uuid        PRIMARY KEY,
    name                     text        NOT NULL,
    title                    text,
    -- a lab of the lab module, read through its public API; no foreign key into that module's table
    template_lab_id          uuid        NOT NULL,
    pool_id                  uuid        NOT NULL REFERENCES capacity_pools (id),
    max_slot_minutes         integer     NOT NULL,
    booking_window_days      integer     NOT NULL,
    weekly_allowance_minutes integer     NOT NULL,
    end_action               text        NOT NULL,
    -- a region (Europe/Zurich), never a fixed offset: weeks and local times follow its DST changes
    time_zone                text        NOT NULL,
    join_code                text,
    -- owns the students' labs, so their lab count is this user's
    created_by               uuid        NOT NULL REFERENCES users (id),
    created_at               timestamptz NOT NULL,
    CONSTRAINT courses_name_unique UNIQUE (name),
    CONSTRAINT courses_join_code_unique UNIQUE (join_code),
    CONSTRAINT courses_name_format CHECK (name ~ '^[a-z0-9]([-a-z0-9]{0,22}[a-z0-9])?$'),
    CONSTRAINT courses_slot CHECK (max_slot_minutes BETWEEN 30 AND 1440 AND max_slot_minutes % 15 = 0),
    CONSTRAINT courses_window CHECK (booking_window_days BETWEEN 1 AND 365),
    CONSTRAINT courses_allowance CHECK (weekly_allowance_minutes BETWEEN 30 AND 10080),
    CONSTRAINT courses_end_action CHECK (end_action IN ('stop', 'destroy', 'reset'))
);

CREATE TABLE course_members (
    course_id uuid        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      text        NOT NULL,
    -- a student's own lab, a copy of the template made when they joined; kept when they leave
    lab_id    uuid,
    added_at  timestamptz NOT NULL,
    PRIMARY KEY (course_id, user_id),
    CONSTRAINT course_members_role CHECK (role IN ('instructor', 'assistant', 'student'))
);
CREATE INDEX course_members_user ON course_members (user_id);
