-- A course's settings change over PATCH /api/v1/courses/{c}: the version is its ETag, so that an instructor's
-- If-Match refuses a change made on settings someone else changed since they read them.
ALTER TABLE courses ADD COLUMN version bigint NOT NULL DEFAULT 1;
