-- The register lists decisions newest first (decided_on, then the minutes and the position in them). With an index
-- in that order the database reads a page's rows in order and stops after them, instead of sorting every decision
-- the viewer may see on each request (thousands in a network of some years).
CREATE INDEX decision_order ON decision (decided_on DESC, minutes_id DESC, position, id);
