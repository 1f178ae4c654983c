-- Shared segments (LANs) live in the topology document beside nodes and links; lab lists show their count as they
-- show the others', without reading the document.
ALTER TABLE labs ADD COLUMN segment_count integer NOT NULL DEFAULT 0;
UPDATE labs SET segment_count = coalesce(jsonb_array_length(topology -> 'segments'), 0)
    WHERE jsonb_typeof(topology -> 'segments') = 'array';
