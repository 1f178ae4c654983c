-- Console transcripts: what a node's serial console printed and the keystrokes sent to it, per console session (one
-- upstream connection, however many viewers), kept only where switched on for the lab or its course.

-- Switched on for one lab (the console module's own setting, keyed by the lab; no foreign key into that module)
CREATE TABLE console_transcript_settings (
    lab_id     uuid        PRIMARY KEY,
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Switched on for a course: its students' labs inherit it
ALTER TABLE courses ADD COLUMN console_transcripts boolean NOT NULL DEFAULT false;

CREATE TABLE console_transcripts (
    id          uuid        PRIMARY KEY,
    lab_id      uuid        NOT NULL,
    node        text        NOT NULL,
    started_at  timestamptz NOT NULL,
    -- null while the session is open (or its replica died with it open: purged by started_at then)
    ended_at    timestamptz,
    started_by  text        NOT NULL,
    -- bytes kept, output and input together; at labforge.console.transcript-limit the rest is dropped
    bytes       bigint      NOT NULL DEFAULT 0,
    truncated   boolean     NOT NULL DEFAULT false
);
CREATE INDEX console_transcripts_lab ON console_transcripts (lab_id, started_at DESC);
CREATE INDEX console_transcripts_age ON console_transcripts ((coalesce(ended_at, started_at)));

-- Appended in batches (every labforge.console.transcript-flush), never a row per keystroke: each chunk holds
-- asciicast v2 event lines, [seconds since start, "o" or "i", text]
CREATE TABLE console_transcript_chunks (
    transcript_id uuid    NOT NULL REFERENCES console_transcripts (id) ON DELETE CASCADE,
    seq           integer NOT NULL,
    events        text    NOT NULL,
    PRIMARY KEY (transcript_id, seq)
);
