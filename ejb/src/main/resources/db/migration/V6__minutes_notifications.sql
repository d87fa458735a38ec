-- A notification about minutes leads to those minutes, which are addressed by their meeting.
ALTER TABLE notification ADD COLUMN meeting_id BIGINT REFERENCES meeting (id);
