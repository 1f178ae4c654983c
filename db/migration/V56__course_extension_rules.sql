-- Extension rules per course, as NETLAB+ lets each class set them: how often one booking may be extended and how
-- close to its end. Null follows the service's defaults (labforge.booking.max-extensions, .extend-within), so that a
-- changed default reaches every course that never set its own.
ALTER TABLE courses
    ADD COLUMN max_extensions integer CHECK (max_extensions BETWEEN 0 AND 20),
    ADD COLUMN extend_within_minutes integer CHECK (extend_within_minutes >= 5);
