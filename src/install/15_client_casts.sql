-- Casts for client libraries that send parameters typed as strings.
--
-- pgJDBC's default setString (and Java tools built on it: DBeaver, Metabase,
-- Pentaho, Spark's JDBC writer) sends every string parameter as varchar.
-- Without a cast, "h = ?" fails with "operator does not exist: holding =
-- character varying", and an INSERT with "column is of type holding but
-- expression is of type character varying".
--
-- varchar -> holding is IMPLICIT, so one cast serves assignment (INSERT,
-- UPDATE, updatable result sets), comparisons and the functions that take a
-- holding (fx_convert(?, 'JPY', ?)). Casts are not looked up on the
-- search_path, so this works whatever schema a tool sets. Why not operator
-- overloads such as holding = varchar: an operator with varchar on one side
-- counts as an exact match for every varchar operand, so "varchar_col = 'x'"
-- would pick it over text = text and parse 'x' as a holding. With an implicit
-- cast, text = text keeps winning (text is the preferred type of the string
-- category); test/regress/sql/client_casts.sql checks these cases.
--
-- text -> holding is an ASSIGNMENT cast only: INSERT ... SELECT text_col and
-- binary-mode clients (psycopg 3 sends str as text) can write holdings, but
-- text arguments never silently become holdings in expressions
-- (sum(text_col) stays an error).
CREATE CAST (varchar AS @extschema@.holding) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.holding) IS
    'Parses the text (as holding_in does); implicit, for clients that send string parameters as varchar (pgJDBC setString)';

CREATE CAST (text AS @extschema@.holding) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.holding) IS
    'Parses the text (as holding_in does); in assignments (INSERT, UPDATE) only';
