-- Ad-hoc runs: a lab started outside any booking holds its pool's capacity from its start for a default
-- run time (extendable), like a booking does, and is stopped at its end. Capacity is the reservation's row
-- in the ledger (capacity_reservations, written under the pool's row lock); this table says whose run it
-- is, until when, and what the ad-hoc run reconciler has done about its end.
CREATE TABLE ad_hoc_runs (
    id             uuid        PRIMARY KEY,
    -- the lab module's lab; no foreign key into that module's table
    lab_id         uuid        NOT NULL,
    -- who started it: the end of the run acts as them
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pool_id        uuid        NOT NULL REFERENCES capacity_pools (id),
    reservation_id uuid        REFERENCES capacity_reservations (id) ON DELETE SET NULL,
    started_at     timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    extensions     integer     NOT NULL DEFAULT 0,
    -- how many of the end warnings (labforge.booking.warn-before, longest first) went to the lab's events
    warnings_sent  integer     NOT NULL DEFAULT 0,
    -- stopped by its owner, or by the reconciler at ends_at; set in the same transaction as the stop
    finished_at    timestamptz,
    CONSTRAINT ad_hoc_runs_order CHECK (ends_at > started_at)
);
-- one open run per lab, whatever path writes: a second start of a running lab holds nothing more
CREATE UNIQUE INDEX ad_hoc_runs_open_lab ON ad_hoc_runs (lab_id) WHERE finished_at IS NULL;
-- the reconciler's work list
CREATE INDEX ad_hoc_runs_open_end ON ad_hoc_runs (ends_at) WHERE finished_at IS NULL;
