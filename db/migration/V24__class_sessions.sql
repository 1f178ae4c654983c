-- Class sessions: an instructor books the course's labs for the roster at set times, once or recurring.
-- Every occurrence holds its capacity from booking time (one reservation of seats x one run, from its lead
-- time to its end); at its lead time the booking reconciler seats it: one booking per student on the
-- roster then (up to the seats), on their own lab, which the existing booking duties start and end.
CREATE TABLE class_sessions (
    id               uuid        PRIMARY KEY,
    course_id        uuid        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    first_start      timestamptz NOT NULL,
    duration_minutes integer     NOT NULL,
    -- an RFC 5545 RRULE as the instructor gave it, expanded in the course's time zone; null: once
    recurrence       text,
    seats            integer     NOT NULL,
    created_by       uuid        NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    cancelled_at     timestamptz,
    CONSTRAINT class_sessions_seats CHECK (seats > 0),
    CONSTRAINT class_sessions_duration CHECK (duration_minutes BETWEEN 15 AND 1440)
);
CREATE INDEX class_sessions_course ON class_sessions (course_id, first_start);

CREATE TABLE session_occurrences (
    id             uuid        PRIMARY KEY,
    session_id     uuid        NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
    course_id      uuid        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    -- 1-based, in time order: what a refusal and a cancellation name
    seq            integer     NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    lab_from       timestamptz NOT NULL,
    reservation_id uuid        REFERENCES capacity_reservations (id) ON DELETE SET NULL,
    -- when the reconciler made its bookings for the roster
    seated_at      timestamptz,
    cancelled_at   timestamptz,
    CONSTRAINT session_occurrences_seq UNIQUE (session_id, seq),
    CONSTRAINT session_occurrences_order CHECK (ends_at > starts_at AND lab_from <= starts_at),
    -- the roster has one lab each: two sessions of a course never overlap
    CONSTRAINT session_occurrences_no_overlap EXCLUDE USING gist (course_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&) WHERE (cancelled_at IS NULL)
);
CREATE INDEX session_occurrences_unseated ON session_occurrences (lab_from)
    WHERE seated_at IS NULL AND cancelled_at IS NULL;

-- a booking made by seating an occurrence: its capacity is the occurrence's reservation (reservation_id
-- stays null until an extension reserves the extra time)
ALTER TABLE bookings ADD COLUMN occurrence_id uuid REFERENCES session_occurrences (id) ON DELETE CASCADE;
CREATE INDEX bookings_occurrence ON bookings (occurrence_id) WHERE occurrence_id IS NOT NULL;
