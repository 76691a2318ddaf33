-- A reader: one holder checked in one statement (READ COMMITTED).
\set h random(1, 40)
INSERT INTO stress_mismatch (holder, what, ext, plain) SELECT * FROM stress_check(:h);
