-- Counterpoint project file, schema version 1.
-- Each table has a label column (name or title) and explicit foreign keys, so Datasette can browse it.

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT,                 -- ISO date
    retrieved TEXT,                 -- ISO timestamp, UTC
    content TEXT,                   -- frozen copy of the document's text
    sha256 TEXT
);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    role TEXT NOT NULL DEFAULT '',  -- the speaker's role when speaking (roles change)
    said_on TEXT,                   -- ISO date
    occasion TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    source_start INTEGER,           -- offsets of the statement in sources.content, code points
    source_end INTEGER,
    language TEXT NOT NULL DEFAULT 'en',
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX statements_speaker ON statements(speaker_id);
CREATE INDEX statements_said_on ON statements(said_on);
-- The library's order (dated first, by date, then id): a search with many hits walks this index and
-- stops at the first page instead of sorting every hit.
CREATE INDEX statements_order ON statements(said_on IS NULL, said_on, id);
CREATE INDEX statements_source ON statements(source_id);

CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE comparison_statements (
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (comparison_id, statement_id)
);
CREATE INDEX comparison_statements_statement ON comparison_statements(statement_id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    colour TEXT NOT NULL DEFAULT '#7f8c8d',
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    comparison_id INTEGER REFERENCES comparisons(id) ON DELETE CASCADE,
    relation TEXT CHECK (relation IN ('contradicts', 'walks_back', 'clarifies', 'consistent_with')),
    verdict TEXT CHECK (verdict IN ('consistent', 'partly_inconsistent', 'contradiction', 'unverifiable')),
    note TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'engine')),
    kind TEXT,                      -- the engine's contrast kind, when the annotation came from a suggestion
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX annotations_comparison ON annotations(comparison_id);

-- One row per annotated span: a W3C TextQuoteSelector (exact, prefix, suffix) and a
-- TextPositionSelector (start, end; code points), so the span re-anchors when the text is corrected.
CREATE TABLE annotation_targets (
    id INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    anchored INTEGER NOT NULL DEFAULT 1 CHECK (anchored IN (0, 1))  -- 0: the quote no longer matches the text
);
CREATE INDEX annotation_targets_annotation ON annotation_targets(annotation_id);
CREATE INDEX annotation_targets_statement ON annotation_targets(statement_id);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
);
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);

-- Full-text search, in the shape sqlite-utils' enable_fts(create_triggers=True) makes, so
-- sqlite-utils' Table.search / detect_fts and Datasette see it.
-- prefix: the last word of a query is matched as typed so far; indexes of 2- and 3-letter prefixes
-- keep that fast.
CREATE VIRTUAL TABLE [statements_fts] USING FTS5 (
    [text], content=[statements], tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER [statements_ai] AFTER INSERT ON [statements] BEGIN
  INSERT INTO [statements_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
CREATE TRIGGER [statements_ad] AFTER DELETE ON [statements] BEGIN
  INSERT INTO [statements_fts] ([statements_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END;
CREATE TRIGGER [statements_au] AFTER UPDATE ON [statements] BEGIN
  INSERT INTO [statements_fts] ([statements_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [statements_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;

CREATE VIRTUAL TABLE [speakers_fts] USING FTS5 (
    [name], [role], [organisation], content=[speakers], tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER [speakers_ai] AFTER INSERT ON [speakers] BEGIN
  INSERT INTO [speakers_fts] (rowid, [name], [role], [organisation])
  VALUES (new.rowid, new.[name], new.[role], new.[organisation]);
END;
CREATE TRIGGER [speakers_ad] AFTER DELETE ON [speakers] BEGIN
  INSERT INTO [speakers_fts] ([speakers_fts], rowid, [name], [role], [organisation])
  VALUES('delete', old.rowid, old.[name], old.[role], old.[organisation]);
END;
CREATE TRIGGER [speakers_au] AFTER UPDATE ON [speakers] BEGIN
  INSERT INTO [speakers_fts] ([speakers_fts], rowid, [name], [role], [organisation])
  VALUES('delete', old.rowid, old.[name], old.[role], old.[organisation]);
  INSERT INTO [speakers_fts] (rowid, [name], [role], [organisation])
  VALUES (new.rowid, new.[name], new.[role], new.[organisation]);
END;

CREATE VIRTUAL TABLE [annotations_fts] USING FTS5 (
    [note], content=[annotations], tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER [annotations_ai] AFTER INSERT ON [annotations] BEGIN
  INSERT INTO [annotations_fts] (rowid, [note]) VALUES (new.rowid, new.[note]);
END;
CREATE TRIGGER [annotations_ad] AFTER DELETE ON [annotations] BEGIN
  INSERT INTO [annotations_fts] ([annotations_fts], rowid, [note]) VALUES('delete', old.rowid, old.[note]);
END;
CREATE TRIGGER [annotations_au] AFTER UPDATE ON [annotations] BEGIN
  INSERT INTO [annotations_fts] ([annotations_fts], rowid, [note]) VALUES('delete', old.rowid, old.[note]);
  INSERT INTO [annotations_fts] (rowid, [note]) VALUES (new.rowid, new.[note]);
END;

-- Marks the file as a Counterpoint project (checked on open), with the schema's origin.
CREATE TABLE project_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO project_info (key, value) VALUES ('application', 'counterpoint');
