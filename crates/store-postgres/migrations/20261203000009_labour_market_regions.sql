-- Labour-market regions (the tenants of a deployment): each record kept whole as a
-- JSON document with its menu, look and status. Their changes travel on the
-- catalogue's change feed, so every node serves a new or changed region within seconds.
CREATE TABLE labour_market_regions (
    code TEXT PRIMARY KEY,
    doc JSONB NOT NULL
);
