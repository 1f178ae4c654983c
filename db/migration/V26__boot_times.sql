-- Boot durations the booking reconciler saw, per router image: from a booking's start request to its lab
-- RUNNING with every node READY. The lead time of a booking is learned from them (a configured default
-- until an image has any).
CREATE TABLE image_boot_times (
    image       text        NOT NULL,
    seconds     integer     NOT NULL,
    observed_at timestamptz NOT NULL,
    booking_id  uuid        NOT NULL,
    CONSTRAINT image_boot_times_positive CHECK (seconds >= 0)
);
CREATE INDEX image_boot_times_recent ON image_boot_times (image, observed_at DESC);

-- when the reconciler first saw the booking's lab ready; null until then (and for labs never started)
ALTER TABLE bookings ADD COLUMN ready_at timestamptz;
