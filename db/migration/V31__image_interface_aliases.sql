-- Other names an image's kind accepts for its data ports, each a pattern with {n} like interface_pattern:
-- containerlab takes SR Linux's ethernet-1/{n} for e1-{n}. A containerlab import maps them to the pattern.
ALTER TABLE images ADD COLUMN interface_aliases text[] NOT NULL DEFAULT '{}';
