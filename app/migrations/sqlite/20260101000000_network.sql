-- The network's reference data: comuni, member bodies and desks.
CREATE TABLE comuni (
    istat_code     TEXT PRIMARY KEY NOT NULL,
    slug           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    cadastral_code TEXT NOT NULL,
    postal_codes   TEXT NOT NULL, -- space separated, as in the ISTAT data
    population     INTEGER NOT NULL,
    area_km2       REAL NOT NULL,
    latitude       REAL NOT NULL,
    longitude      REAL NOT NULL
);

CREATE TABLE network_comuni (
    istat_code TEXT PRIMARY KEY NOT NULL REFERENCES comuni (istat_code),
    mayor      TEXT NOT NULL
);

CREATE TABLE member_bodies (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    slug     TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL CHECK (category IN ('agenzia_lavoro', 'sindacato', 'associazione_categoria',
        'ente_formazione', 'istruzione', 'ente_pubblico', 'terzo_settore', 'altro'))
);

CREATE TABLE desks (
    id             INTEGER PRIMARY KEY,
    istat_code     TEXT NOT NULL UNIQUE REFERENCES comuni (istat_code),
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    -- 0/1 rather than BOOLEAN: the same column type on both engines.
    by_appointment INTEGER NOT NULL DEFAULT 1 CHECK (by_appointment IN (0, 1))
);

CREATE TABLE desk_hours (
    desk_id INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens   TEXT NOT NULL,
    closes  TEXT NOT NULL,
    PRIMARY KEY (desk_id, weekday, opens)
);
