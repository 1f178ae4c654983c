-- A course may follow an identity-provider group, as teams do: whoever signs in with the group in their
-- groups claim is enrolled as a student, and dropped at a sign-in whose claim no longer has it.
ALTER TABLE courses ADD COLUMN idp_group text;
-- several courses may follow one group (a cohort takes more than one course), hence no uniqueness
CREATE INDEX courses_idp_group ON courses (idp_group) WHERE idp_group IS NOT NULL;

-- 'idp': enrolled because of the course's group, and dropped by a sign-in without it;
-- 'manual': added in LabForge (roster, join code), never touched by what a sign-in says
ALTER TABLE course_members ADD COLUMN source text NOT NULL DEFAULT 'manual';
ALTER TABLE course_members ADD CONSTRAINT course_members_source CHECK (source IN ('manual', 'idp'));
