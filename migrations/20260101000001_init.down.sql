DROP TABLE import_jobs;
--bun:split
DROP TABLE feedback_comments;
--bun:split
DROP TABLE feedback;
--bun:split
DROP TABLE audit_entries;
--bun:split
DROP TABLE documents;
--bun:split
DROP TABLE subtended_links;
--bun:split
DROP TABLE electrical_services;
--bun:split
DROP TABLE rf_links;
--bun:split
DROP TABLE rf_systems;
--bun:split
DROP TABLE circuit_events;
--bun:split
DROP TABLE circuits;
--bun:split
DROP TABLE customers;
--bun:split
DROP TABLE infrastructure_assets;
--bun:split
DROP TABLE service_providers;
