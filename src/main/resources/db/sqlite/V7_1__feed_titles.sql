-- Herald schema, version 7.1 (admin): each feed's title as it last read, for /feeds.
ALTER TABLE feeds ADD COLUMN title TEXT;
