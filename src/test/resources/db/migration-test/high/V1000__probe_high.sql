-- test-only migration: a version above every real one
CREATE TABLE probe_high (id INTEGER);
