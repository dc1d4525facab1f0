-- workbench schema version 2: an annotation's provenance, the suggestion shown when it
-- was saved (Annotation.suggestion; docs/SUGGESTIONS.md). Rows from before have none
-- (NULL: not shown). The record function and the apply function are those of version 1
-- with the column added.

ALTER TABLE annotations ADD COLUMN suggestion jsonb;

-- An annotation row as Annotation.to_record() writes it (same keys, same order).
CREATE OR REPLACE FUNCTION workbench_record(a annotations) RETURNS json
LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'article_id', a.article_id, 'article_sha256', a.article_sha256,
        'index', a.sentence, 'start', a.start_offset, 'end', a.end_offset,
        'quote', a.quote, 'prefix', a.prefix, 'suffix', a.suffix,
        'tags', to_json(string_to_array(a.tags, ',')), 'source', a.source, 'note', a.note, 'status', a.status,
        'annotator', a.annotator, 'created_at', a.created_at,
        'updated_at', a.updated_at, 'anchor_state', a.anchor_state,
        'suggestion', CASE WHEN a.suggestion IS NOT NULL THEN json_build_object(
            'version', a.suggestion->'version', 'tags', a.suggestion->'tags',
            'source', a.suggestion->'source',
            'resolved_source', a.suggestion->'resolved_source',
            'scores', json_build_object(
                'claim', a.suggestion->'scores'->'claim',
                'attribution', a.suggestion->'scores'->'attribution',
                'denial', a.suggestion->'scores'->'denial'),
            'outcome', a.suggestion->'outcome') END)
$$;

-- Apply annotation changes as one transaction, each with its history record, and tell
-- the other sessions (NOTIFY on p_channel, delivered at commit).
--
-- Each change (a JSON object): "id" (the row, when known) or "key" ([annotator,
-- article_id, index]: the placed row there, if any); "expected" (the version this
-- session last saw; null: it saw none); "own" (a row this session wrote last counts as
-- seen); "after" (the record to store, null to delete); "keep_created" (keep the
-- stored created_at); "skip_unchanged" (write nothing if only updated_at differs);
-- "history_key". A row not as expected raises SQLSTATE WB001 (DETAIL: the change's
-- number and the stored record); two placed annotations of one analyst on one
-- sentence, WB002 (DETAIL: the key). Returns, per change, the row, its version, the
-- stored record before and after, and whether anything was written.
CREATE OR REPLACE FUNCTION workbench_apply(
    p_session uuid, p_annotator text, p_action text, p_at text, p_changes jsonb,
    p_articles jsonb, p_channel text, p_notify boolean
) RETURNS TABLE (n integer, row_id bigint, row_version bigint, before json, after json,
                 written boolean)
LANGUAGE plpgsql AS $$
DECLARE
    c jsonb;
    a jsonb;
    stored annotations;
    changed annotations;
    found_row boolean;
    touched bigint[] := '{}';
    article_ids text[] := '{}';
    annotators text[] := '{}';
    clash record;
BEGIN
    n := 0;
    FOR c IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
        n := n + 1;
        found_row := false;
        IF c->>'id' IS NOT NULL THEN
            SELECT * INTO stored FROM annotations t WHERE t.id = (c->>'id')::bigint FOR UPDATE;
            found_row := FOUND;
        ELSIF jsonb_typeof(c->'key') = 'array' THEN
            SELECT * INTO stored FROM annotations t
            WHERE t.annotator = c->'key'->>0 AND t.article_id = c->'key'->>1
              AND t.sentence = (c->'key'->>2)::integer AND t.anchor_state <> 'orphaned'
            FOR UPDATE;
            found_row := FOUND;
        END IF;
        IF found_row THEN
            IF stored.version IS DISTINCT FROM (c->>'expected')::bigint
               AND NOT (coalesce((c->>'own')::boolean, false) AND stored.written_by = p_session)
            THEN
                RAISE EXCEPTION 'changed in another session' USING ERRCODE = 'WB001',
                    DETAIL = json_build_object('n', n, 'current', workbench_record(stored))::text;
            END IF;
        ELSIF c->>'expected' IS NOT NULL THEN
            RAISE EXCEPTION 'deleted in another session' USING ERRCODE = 'WB001',
                DETAIL = json_build_object('n', n, 'current', NULL)::text;
        END IF;
        a := c->'after';
        IF jsonb_typeof(a) IS DISTINCT FROM 'object' THEN
            a := NULL;
        END IF;
        IF a IS NOT NULL AND found_row AND coalesce((c->>'keep_created')::boolean, false) THEN
            a := jsonb_set(a, '{created_at}', to_jsonb(stored.created_at));
        END IF;
        before := CASE WHEN found_row THEN workbench_record(stored) END;
        IF (a IS NULL AND NOT found_row) OR (
            a IS NOT NULL AND found_row AND coalesce((c->>'skip_unchanged')::boolean, false)
            AND (before::jsonb - 'updated_at') = (a - 'updated_at')
        ) THEN
            row_id := stored.id;
            row_version := stored.version;
            after := before;
            written := false;
            RETURN NEXT;
            CONTINUE;
        END IF;
        IF a IS NULL THEN
            DELETE FROM annotations t WHERE t.id = stored.id;
            row_id := stored.id;
            row_version := stored.version + 1;
            after := NULL;
        ELSIF found_row THEN
            UPDATE annotations t SET
                article_id = a->>'article_id', article_sha256 = a->>'article_sha256',
                sentence = (a->>'index')::integer, start_offset = (a->>'start')::integer,
                end_offset = (a->>'end')::integer, quote = a->>'quote', prefix = a->>'prefix',
                suffix = a->>'suffix', annotator = a->>'annotator',
                tags = array_to_string(ARRAY(SELECT jsonb_array_elements_text(a->'tags')), ','),
                source = a->>'source', note = a->>'note', status = a->>'status',
                created_at = a->>'created_at', updated_at = a->>'updated_at',
                anchor_state = a->>'anchor_state',
                suggestion = nullif(a->'suggestion', 'null'::jsonb), version = t.version + 1,
                written_by = p_session
            WHERE t.id = stored.id
            RETURNING * INTO changed;
            row_id := changed.id;
            row_version := changed.version;
            after := workbench_record(changed);
        ELSE
            INSERT INTO annotations (
                article_id, article_sha256, sentence, start_offset, end_offset, quote,
                prefix, suffix, annotator, tags, source, note, status, created_at,
                updated_at, anchor_state, suggestion, written_by)
            VALUES (
                a->>'article_id', a->>'article_sha256', (a->>'index')::integer,
                (a->>'start')::integer, (a->>'end')::integer, a->>'quote', a->>'prefix',
                a->>'suffix', a->>'annotator',
                array_to_string(ARRAY(SELECT jsonb_array_elements_text(a->'tags')), ','),
                a->>'source',
                a->>'note', a->>'status', a->>'created_at', a->>'updated_at',
                a->>'anchor_state', nullif(a->'suggestion', 'null'::jsonb), p_session)
            RETURNING * INTO changed;
            row_id := changed.id;
            row_version := changed.version;
            after := workbench_record(changed);
        END IF;
        -- A row found by id may have moved onto a sentence another annotation holds
        -- (one found at its sentence, or put there, was checked by that look-up).
        IF c->>'id' IS NOT NULL AND a IS NOT NULL AND a->>'anchor_state' <> 'orphaned' THEN
            touched := touched || row_id;
        END IF;
        INSERT INTO history (at, annotator, action, key_annotator, key_article_id, key_index,
                             before, after)
        VALUES (p_at, p_annotator, p_action, c->'history_key'->>0, c->'history_key'->>1,
                (c->'history_key'->>2)::integer, before, after);
        article_ids := article_ids || (c->'history_key'->>1);
        annotators := annotators || (c->'history_key'->>0);
        written := true;
        RETURN NEXT;
    END LOOP;
    IF cardinality(touched) > 0 THEN
    SELECT t.annotator, t.article_id, t.sentence INTO clash
    FROM annotations t
    WHERE t.anchor_state <> 'orphaned' AND (t.annotator, t.article_id, t.sentence) IN (
        SELECT u.annotator, u.article_id, u.sentence FROM annotations u WHERE u.id = ANY(touched))
    GROUP BY t.annotator, t.article_id, t.sentence
    HAVING count(*) > 1
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'two annotations on one sentence' USING ERRCODE = 'WB002',
            DETAIL = json_build_array(clash.annotator, clash.article_id, clash.sentence)::text;
    END IF;
    END IF;
    FOR a IN SELECT value FROM jsonb_array_elements(coalesce(p_articles, '[]')) LOOP
        PERFORM workbench_remember_article(
            a->>'article_id', a->>'title', a->>'sha256', (a->>'sentences')::integer,
            a->>'segmenter', p_at, p_session, CASE WHEN p_notify THEN p_channel END);
    END LOOP;
    IF p_notify AND cardinality(article_ids) > 0 THEN
        PERFORM pg_notify(p_channel, json_build_object(
            'session', p_session, 'kind', 'annotations',
            'annotator', CASE WHEN cardinality(ARRAY(SELECT DISTINCT unnest(annotators))) = 1
                              THEN annotators[1] ELSE '' END,
            'articles', CASE WHEN cardinality(ARRAY(SELECT DISTINCT unnest(article_ids))) <= 50
                             THEN to_json(ARRAY(SELECT DISTINCT unnest(article_ids)))
                             ELSE '[]'::json END)::text);
    END IF;
END
$$;

