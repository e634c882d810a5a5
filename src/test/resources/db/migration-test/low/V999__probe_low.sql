-- test-only migration: a lower version that arrives after a higher one was applied
CREATE TABLE probe_low (id INTEGER);
