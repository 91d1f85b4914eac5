-- Front-door counts and feedback per front door: a labour-market region's (its
-- code) or the deployment's own (empty), so that a region's coordinator sees the
-- routings of its own front door. Existing counts were all the deployment's.
ALTER TABLE front_door_routes ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE front_door_routes DROP CONSTRAINT front_door_routes_pkey;
ALTER TABLE front_door_routes ADD PRIMARY KEY (day, region, combination);
ALTER TABLE front_door_feedback ADD COLUMN region TEXT NOT NULL DEFAULT '';
