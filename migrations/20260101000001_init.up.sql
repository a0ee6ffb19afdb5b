-- NetOS schema. One file for SQLite and PostgreSQL: portable types only.
-- IDs are UUID text made in Go; money is integer cents (BIGINT); decimals
-- (weights, percentages) are integer millionths; dates are 'YYYY-MM-DD' text;
-- timestamps are set in Go, in UTC. Soft delete is deleted_at; "live" uniqueness
-- uses partial indexes (WHERE deleted_at IS NULL), which both engines support.

CREATE TABLE service_providers (
    id             VARCHAR(36) PRIMARY KEY,
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    provider_type  TEXT,
    noc_phone      TEXT,
    noc_email      TEXT,
    portal_url     TEXT,
    account_number TEXT,
    notes          TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    deleted_at     TIMESTAMPTZ,
    version        BIGINT NOT NULL
);
--bun:split
CREATE UNIQUE INDEX service_providers_live_name ON service_providers (name_key) WHERE deleted_at IS NULL;
--bun:split

CREATE TABLE infrastructure_assets (
    id                  VARCHAR(36) PRIMARY KEY,
    name                TEXT NOT NULL,
    site_type           TEXT NOT NULL,
    status              TEXT NOT NULL,
    provider_id         VARCHAR(36) REFERENCES service_providers (id),
    address             TEXT,
    city                TEXT,
    state               TEXT,
    postal_code         TEXT,
    lat                 DOUBLE PRECISION,
    lng                 DOUBLE PRECISION,
    mrc_cents           BIGINT NOT NULL,
    nrc_cents           BIGINT NOT NULL,
    price_escalator_pct BIGINT,
    term_start_date     VARCHAR(10),
    term_end_date       VARCHAR(10),
    renewal_type        TEXT,
    monitoring_url      TEXT,
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    deleted_at          TIMESTAMPTZ,
    version             BIGINT NOT NULL
);
--bun:split
CREATE INDEX infrastructure_assets_provider ON infrastructure_assets (provider_id);
--bun:split

CREATE TABLE customers (
    id               VARCHAR(36) PRIMARY KEY,
    name             TEXT NOT NULL,
    customer_type    TEXT,
    status           TEXT NOT NULL,
    address          TEXT,
    city             TEXT,
    state            TEXT,
    postal_code      TEXT,
    lat              DOUBLE PRECISION,
    lng              DOUBLE PRECISION,
    mrr_cents        BIGINT NOT NULL,
    sonar_account_id TEXT,
    notes            TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    deleted_at       TIMESTAMPTZ,
    version          BIGINT NOT NULL
);
--bun:split

CREATE TABLE circuits (
    id                       VARCHAR(36) PRIMARY KEY,
    xiber_circuit_label      TEXT NOT NULL,
    carrier_circuit_id       TEXT,
    carrier_id               VARCHAR(36) NOT NULL REFERENCES service_providers (id),
    service_type             TEXT NOT NULL,
    bandwidth_mbps           BIGINT,
    status                   TEXT NOT NULL,
    mrc_cents                BIGINT NOT NULL,
    nrc_cents                BIGINT NOT NULL,
    monitoring_url           TEXT,
    notes                    TEXT,
    contract_term_start_date VARCHAR(10),
    contract_term_end_date   VARCHAR(10),
    contract_term_months     BIGINT,
    renewal_type             TEXT,
    notice_days              BIGINT NOT NULL,
    etf_cents                BIGINT,
    etf_pct                  BIGINT,
    escalator_pct            BIGINT,
    renewal_state            TEXT,
    a_endpoint_name          TEXT,
    a_endpoint_address       TEXT,
    a_endpoint_state         TEXT,
    a_endpoint_lat           DOUBLE PRECISION,
    a_endpoint_lng           DOUBLE PRECISION,
    a_infrastructure_id      VARCHAR(36) REFERENCES infrastructure_assets (id),
    a_customer_id            VARCHAR(36) REFERENCES customers (id),
    z_endpoint_name          TEXT,
    z_endpoint_address       TEXT,
    z_endpoint_state         TEXT,
    z_endpoint_lat           DOUBLE PRECISION,
    z_endpoint_lng           DOUBLE PRECISION,
    z_infrastructure_id      VARCHAR(36) REFERENCES infrastructure_assets (id),
    z_customer_id            VARCHAR(36) REFERENCES customers (id),
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    deleted_at               TIMESTAMPTZ,
    version                  BIGINT NOT NULL
);
--bun:split
CREATE UNIQUE INDEX circuits_live_label ON circuits (xiber_circuit_label) WHERE deleted_at IS NULL;
--bun:split
CREATE INDEX circuits_carrier ON circuits (carrier_id);
--bun:split
CREATE INDEX circuits_status ON circuits (status);
--bun:split
CREATE INDEX circuits_term_end ON circuits (contract_term_end_date);
--bun:split
CREATE INDEX circuits_a_infrastructure ON circuits (a_infrastructure_id);
--bun:split
CREATE INDEX circuits_z_infrastructure ON circuits (z_infrastructure_id);
--bun:split
CREATE INDEX circuits_a_customer ON circuits (a_customer_id);
--bun:split
CREATE INDEX circuits_z_customer ON circuits (z_customer_id);
--bun:split

CREATE TABLE circuit_events (
    id          VARCHAR(36) PRIMARY KEY,
    circuit_id  VARCHAR(36) NOT NULL REFERENCES circuits (id),
    event_type  TEXT NOT NULL,
    event_date  VARCHAR(10) NOT NULL,
    from_value  TEXT,
    to_value    TEXT,
    notes       TEXT,
    created_by  TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX circuit_events_circuit ON circuit_events (circuit_id, event_date);
--bun:split

CREATE TABLE rf_systems (
    id                         VARCHAR(36) PRIMARY KEY,
    name                       TEXT NOT NULL,
    description                TEXT,
    frequency_band             TEXT,
    frequency_mhz              BIGINT,
    capacity_mbps              BIGINT,
    monthly_cost_cents         BIGINT NOT NULL,
    equipment_cost_cents       BIGINT NOT NULL,
    link_type                  TEXT NOT NULL,
    equipment_role             TEXT NOT NULL,
    compatible_base_system_ids TEXT NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    deleted_at                 TIMESTAMPTZ,
    version                    BIGINT NOT NULL
);
--bun:split

CREATE TABLE rf_links (
    id                  VARCHAR(36) PRIMARY KEY,
    name                TEXT NOT NULL,
    topology            TEXT NOT NULL,
    link_kind           TEXT NOT NULL,
    status              TEXT NOT NULL,
    rf_system_id        VARCHAR(36) NOT NULL REFERENCES rf_systems (id),
    a_infrastructure_id VARCHAR(36) NOT NULL REFERENCES infrastructure_assets (id),
    z_infrastructure_id VARCHAR(36) REFERENCES infrastructure_assets (id),
    z_customer_id       VARCHAR(36) REFERENCES customers (id),
    ptmp_source_id      VARCHAR(36) REFERENCES rf_links (id),
    frequency_mhz       BIGINT,
    capacity_mbps       BIGINT,
    mrc_cents           BIGINT NOT NULL,
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    deleted_at          TIMESTAMPTZ,
    version             BIGINT NOT NULL
);
--bun:split
CREATE INDEX rf_links_system ON rf_links (rf_system_id);
--bun:split
CREATE INDEX rf_links_a_infrastructure ON rf_links (a_infrastructure_id);
--bun:split
CREATE INDEX rf_links_z_infrastructure ON rf_links (z_infrastructure_id);
--bun:split
CREATE INDEX rf_links_z_customer ON rf_links (z_customer_id);
--bun:split

CREATE TABLE electrical_services (
    id                     VARCHAR(36) PRIMARY KEY,
    infrastructure_id      VARCHAR(36) REFERENCES infrastructure_assets (id),
    customer_id            VARCHAR(36) REFERENCES customers (id),
    provider_id            VARCHAR(36) REFERENCES service_providers (id),
    service_type           TEXT,
    account_number         TEXT,
    meter_number           TEXT,
    voltage                BIGINT,
    amperage               BIGINT,
    phase                  TEXT,
    delivery_location      TEXT,
    service_address        TEXT,
    avg_monthly_cost_cents BIGINT NOT NULL,
    start_date             VARCHAR(10),
    monitoring_url         TEXT,
    notes                  TEXT,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    deleted_at             TIMESTAMPTZ,
    version                BIGINT NOT NULL,
    CHECK ((infrastructure_id IS NULL) <> (customer_id IS NULL))
);
--bun:split
CREATE INDEX electrical_services_infrastructure ON electrical_services (infrastructure_id);
--bun:split
CREATE INDEX electrical_services_customer ON electrical_services (customer_id);
--bun:split

CREATE TABLE subtended_links (
    id                       VARCHAR(36) PRIMARY KEY,
    parent_infrastructure_id VARCHAR(36) NOT NULL REFERENCES infrastructure_assets (id),
    child_kind               TEXT NOT NULL,
    child_id                 VARCHAR(36) NOT NULL,
    transport_kind           TEXT,
    transport_id             VARCHAR(36),
    allocation_weight        BIGINT NOT NULL,
    notes                    TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    deleted_at               TIMESTAMPTZ,
    version                  BIGINT NOT NULL,
    CHECK (allocation_weight >= 0),
    CHECK ((transport_kind IS NULL) = (transport_id IS NULL))
);
--bun:split
CREATE UNIQUE INDEX subtended_links_live_pair ON subtended_links (parent_infrastructure_id, child_kind, child_id) WHERE deleted_at IS NULL;
--bun:split
CREATE INDEX subtended_links_child ON subtended_links (child_id);
--bun:split
CREATE INDEX subtended_links_transport ON subtended_links (transport_id);
--bun:split

CREATE TABLE documents (
    id           VARCHAR(36) PRIMARY KEY,
    owner_type   TEXT NOT NULL,
    owner_id     VARCHAR(36) NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL,
    uploaded_by  TEXT NOT NULL,
    deleted_at   TIMESTAMPTZ
);
--bun:split
CREATE INDEX documents_owner ON documents (owner_type, owner_id);
--bun:split

CREATE TABLE audit_entries (
    id             VARCHAR(36) PRIMARY KEY,
    seq            BIGINT NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    user_name      TEXT,
    role           TEXT,
    ip             TEXT,
    request_id     TEXT,
    event_type     TEXT NOT NULL,
    action         TEXT NOT NULL,
    entity_type    TEXT,
    entity_id      VARCHAR(36),
    changed_fields TEXT,
    method         TEXT,
    path           TEXT,
    status         INTEGER
);
--bun:split
CREATE INDEX audit_entries_at ON audit_entries (at, seq);
--bun:split
CREATE INDEX audit_entries_entity ON audit_entries (entity_type, entity_id);
--bun:split

CREATE TABLE feedback (
    id              VARCHAR(36) PRIMARY KEY,
    title           TEXT NOT NULL,
    description     TEXT,
    priority        TEXT NOT NULL,
    status          TEXT NOT NULL,
    requester_name  TEXT,
    requester_email TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ,
    version         BIGINT NOT NULL
);
--bun:split

CREATE TABLE feedback_comments (
    id              VARCHAR(36) PRIMARY KEY,
    feedback_id     VARCHAR(36) NOT NULL REFERENCES feedback (id),
    body            TEXT NOT NULL,
    public          BOOLEAN NOT NULL,
    author          TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    notify_state    TEXT,
    notify_attempts INTEGER NOT NULL,
    notify_error    TEXT,
    notified_at     TIMESTAMPTZ
);
--bun:split
CREATE INDEX feedback_comments_feedback ON feedback_comments (feedback_id, created_at);
--bun:split

CREATE TABLE import_jobs (
    id             VARCHAR(36) PRIMARY KEY,
    owner          TEXT NOT NULL,
    filename       TEXT NOT NULL,
    file_type      TEXT NOT NULL,
    sheet          TEXT,
    blob_key       TEXT NOT NULL,
    column_mapping TEXT,
    status         TEXT NOT NULL,
    total_rows     INTEGER NOT NULL,
    valid_rows     INTEGER NOT NULL,
    invalid_rows   INTEGER NOT NULL,
    inserted       INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    committed_at   TIMESTAMPTZ
);
