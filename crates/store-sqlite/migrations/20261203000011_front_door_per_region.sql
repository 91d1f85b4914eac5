-- Front-door counts and feedback per front door: a labour-market region's (its
-- code) or the deployment's own (empty), so that a region's coordinator sees the
-- routings of its own front door. Existing counts were all the deployment's.
CREATE TABLE front_door_routes_per_door (
    day TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT '',
    combination TEXT NOT NULL,
    fell_back INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, region, combination)
);
INSERT INTO front_door_routes_per_door (day, region, combination, fell_back, count)
    SELECT day, '', combination, fell_back, count FROM front_door_routes;
DROP TABLE front_door_routes;
ALTER TABLE front_door_routes_per_door RENAME TO front_door_routes;
ALTER TABLE front_door_feedback ADD COLUMN region TEXT NOT NULL DEFAULT '';
