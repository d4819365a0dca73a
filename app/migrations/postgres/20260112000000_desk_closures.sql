-- The desk is closed on the national holidays (computed), on the patron
-- saint's day of its comune (MM-DD, empty when not known: La Spezia keeps
-- San Giuseppe, 19 March) and on the days staff close it, with the reason
-- shown to people booking. Nothing here is about a person: who closed a day
-- is in the audit log.
ALTER TABLE desks ADD COLUMN patron_day TEXT NOT NULL DEFAULT '';
UPDATE desks SET patron_day = '03-19' WHERE istat_code = '011015';
CREATE TABLE desk_closures (
    desk_id BIGINT NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
    -- YYYY-MM-DD, the desk's local day.
    day     TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (desk_id, day)
);
