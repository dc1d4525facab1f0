-- workbench schema version 3: readings, what the summary read in annotated text (a
-- quote's figures and words, a pronoun's speaker), kept so that it is not read again.
-- Never data of record: a missing one is recomputed, so rows are added outside any
-- change of annotations, without waiting for the disk, and never replaced (the same
-- key under the same fingerprint always holds the same value). A writer drops the
-- rows of other fingerprints (an analyser no longer run) when it first adds its own.
-- Key and value are stored as their JSON text, exactly as the file store writes them,
-- so that a read is one document parsed once (store/postgres/readings.py).

CREATE TABLE readings (
    fingerprint text NOT NULL,
    key_json text NOT NULL,
    value_json text NOT NULL,
    PRIMARY KEY (fingerprint, key_json)
);
