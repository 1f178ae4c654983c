-- Practice time students book on their own lab. Capacity is held by the booking's reservation in the
-- ledger (from its lead time to its end); this table says whose booking it is and for what.
CREATE TABLE bookings (
    id             uuid        PRIMARY KEY,
    course_id      uuid        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the student's lab (the lab module's); no foreign key into that module's table
    lab_id         uuid        NOT NULL,
    -- released (deleted from the ledger, set null) when the booking is cancelled before it starts
    reservation_id uuid        REFERENCES capacity_reservations (id) ON DELETE SET NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    -- when the lab is started so that it is ready at starts_at (the lead time), and capacity held from
    lab_from       timestamptz NOT NULL,
    -- what the booking reconciler has done, in the same transaction as the request it made: after a
    -- restart it neither repeats a start nor misses an end
    started_at     timestamptz,
    finished_at    timestamptz,
    extensions     integer     NOT NULL DEFAULT 0,
    cancelled_at   timestamptz,
    created_at     timestamptz NOT NULL,
    CONSTRAINT bookings_order CHECK (ends_at > starts_at AND lab_from <= starts_at),
    -- one student has one lab per course, so their bookings in it never overlap; the member's row lock
    -- decides first with a clear answer, this makes it hold whatever path writes
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (course_id WITH =, user_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&) WHERE (cancelled_at IS NULL)
);
CREATE INDEX bookings_user_start ON bookings (user_id, starts_at DESC);
-- the booking reconciler's work list: bookings not finished yet, by when something is due
CREATE INDEX bookings_unfinished ON bookings (lab_from) WHERE finished_at IS NULL;
