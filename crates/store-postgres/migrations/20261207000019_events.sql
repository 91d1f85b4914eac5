-- Events (the "living in the region" track): each event with its schedule as
-- entered, each of its dates with its own capacity, and the registrations for a
-- date with the waiting list. Lists are JSON arrays; flags are 0/1.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    region TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    location_id TEXT,
    online_url TEXT,
    languages TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    topics TEXT NOT NULL,
    -- The first date's local start and end (YYYY-MM-DDTHH:MM, Europe/Amsterdam).
    first_start TEXT NOT NULL,
    first_end TEXT NOT NULL,
    rule TEXT,
    except_days TEXT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    hold_hours BIGINT NOT NULL CHECK (hold_hours > 0),
    sequence BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_organisation ON events (organisation_id);
CREATE TABLE event_dates (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    -- The local start the schedule gave this date; kept when it moves.
    recurrence_id TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    -- Places confirmed or held for an offer; never more than the capacity.
    taken BIGINT NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    -- The last number given to a registration (the order of registering).
    last_position BIGINT NOT NULL DEFAULT 0,
    sequence BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    -- The check-in's counts (people, parties included): kept when the
    -- registrations are deleted after their retention.
    attended BIGINT NOT NULL DEFAULT 0,
    no_shows BIGINT NOT NULL DEFAULT 0,
    UNIQUE (event_id, recurrence_id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_dates_ends ON event_dates (ends_at);
CREATE TABLE event_registrations (
    id TEXT PRIMARY KEY,
    date_id TEXT NOT NULL REFERENCES event_dates (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    party BIGINT NOT NULL CHECK (party > 0),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    -- confirmed | waiting | offered | cancelled | expired
    status TEXT NOT NULL,
    offered_until BIGINT,
    checkin_code TEXT NOT NULL UNIQUE,
    -- After the check-in: 1 present, 0 not; before it NULL.
    attended BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- When the reminders a week and a day before went out (NULL: not yet).
    reminded_week BIGINT,
    reminded_day BIGINT,
    UNIQUE (date_id, position)
);
CREATE INDEX event_registrations_line ON event_registrations (date_id, status, position);
CREATE INDEX event_registrations_offers ON event_registrations (status, offered_until);
-- The link in each mail to a registration (to cancel it or take an offered
-- place), by its SHA-256; the link itself is only in the mail.
CREATE TABLE event_registration_links (
    link_hash TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX event_registration_links_registration ON event_registration_links (registration_id);
