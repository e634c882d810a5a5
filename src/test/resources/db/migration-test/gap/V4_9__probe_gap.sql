-- test-only migration: a version below the highest one an earlier Herald applied, which it never saw
CREATE TABLE probe_gap (id INTEGER);
