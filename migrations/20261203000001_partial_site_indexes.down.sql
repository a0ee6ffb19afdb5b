DROP INDEX circuits_a_infrastructure;
--bun:split
DROP INDEX circuits_z_infrastructure;
--bun:split
DROP INDEX circuits_a_customer;
--bun:split
DROP INDEX circuits_z_customer;
--bun:split
CREATE INDEX circuits_a_infrastructure ON circuits (a_infrastructure_id);
--bun:split
CREATE INDEX circuits_z_infrastructure ON circuits (z_infrastructure_id);
--bun:split
CREATE INDEX circuits_a_customer ON circuits (a_customer_id);
--bun:split
CREATE INDEX circuits_z_customer ON circuits (z_customer_id);
