-- Each annotation gets a UUID of its own, kept for ever: W3C Web Annotation exports name annotations by
-- urn:uuid, so a re-export names the same annotation the same way, and merging a dossier twice finds it.
ALTER TABLE annotations ADD COLUMN uuid TEXT;
UPDATE annotations SET uuid = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
);
CREATE UNIQUE INDEX annotations_uuid ON annotations(uuid);
