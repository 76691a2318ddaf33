-- Two helpers of the loaders (47_loaders.sql), released with 0.2.0:
-- document_failure, which loader SQL calls to refuse a document, and
-- load_staging, the temporary table LIKE a target that load_stage_merge
-- (46_load_helpers.sql) stages rows in.

-- Raises 22P02 "<what>, line <n>: <message>"; declared boolean so that SQL can
-- call it in a CASE, and VOLATILE so that the planner never folds a call with
-- constant arguments (it would raise while planning).
CREATE FUNCTION @extschema@.document_failure(what text, line bigint, message text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RAISE EXCEPTION '%, line %: %', what, line, message USING ERRCODE = 'invalid_text_representation';
END
$fn$;
COMMENT ON FUNCTION @extschema@.document_failure(text, bigint, text) IS
    'Parser helper: raises 22P02 naming the document and line (never returns)';

-- A fresh staging table LIKE target, dropped at the end of the transaction.
CREATE FUNCTION @extschema@.load_staging(target regclass, name text) RETURNS regclass
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(name)) IS NOT NULL THEN
        EXECUTE format('DROP TABLE pg_temp.%I', name);
    END IF;
    EXECUTE format('CREATE TEMPORARY TABLE %I (LIKE %s INCLUDING DEFAULTS) ON COMMIT DROP', name, target);
    RETURN pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(name));
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_staging(regclass, text) IS 'Loader helper: an empty temporary table LIKE target';
