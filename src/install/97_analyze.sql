-- Statistics for the tables the flow views join (issue 20): without them, the
-- first query after CREATE EXTENSION plans monthly_flows' joins blind and can
-- take seconds instead of milliseconds, until autovacuum analyzes the tables.
ANALYZE @extschema@.position, @extschema@.position_vintage, @extschema@.position_comparison,
        @extschema@.transaction, @extschema@.treasury_yield;
