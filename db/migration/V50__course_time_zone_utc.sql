-- Courses created without a time zone were stored with the offset id "Z"; they are in UTC, named as the region "UTC"
-- that the API now reports for them.
UPDATE courses SET time_zone = 'UTC' WHERE time_zone = 'Z';
