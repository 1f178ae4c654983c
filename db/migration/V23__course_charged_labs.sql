-- A lab made for a course student is owned by the student but charged to the course: its runs take
-- capacity from the course's pool through bookings, so it counts against no owner's quota, and its
-- owner's rank on it comes from grants alone (a student gets edit, the course's staff admin or operate),
-- not from owning it. NULL for every other lab: charged to its owner, as before.
ALTER TABLE labs ADD COLUMN charged_to text;
ALTER TABLE labs ADD CONSTRAINT labs_charged_to_format CHECK (charged_to IS NULL OR charged_to ~ '^course:[0-9a-f-]{36}$');
