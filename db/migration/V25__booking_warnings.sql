-- How many of the end-of-slot warnings (labforge.booking.warn-before, 10 and 2 minutes by default) the booking
-- reconciler has written to the lab's event log for the booking's current end; an extension starts them over.
ALTER TABLE bookings ADD COLUMN warnings_sent integer NOT NULL DEFAULT 0;
