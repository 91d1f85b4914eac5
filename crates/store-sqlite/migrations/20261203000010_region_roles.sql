-- A coordinator's or funder's role may be tied to one labour-market region.
ALTER TABLE memberships ADD COLUMN region TEXT;
DROP INDEX memberships_unique;
CREATE UNIQUE INDEX memberships_unique
    ON memberships (account_id, COALESCE(organization_id, ''), role, COALESCE(region, ''));
