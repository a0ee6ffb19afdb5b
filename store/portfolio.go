package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// The portfolio aggregates of the dashboard. Each is one grouped query over
// live rows; "billing" is status active or pending_disconnect
// (models.CircuitBills), written here as SQL.
const billingSQL = "status IN ('active', 'pending_disconnect')"

// PortfolioCounts are the counting KPIs of the dashboard.
type PortfolioCounts struct {
	// TotalCircuits counts live circuits.
	TotalCircuits int `bun:"total_circuits"`
	// ActiveCircuits counts live circuits with status active.
	ActiveCircuits int `bun:"active_circuits"`
	// InfrastructureCount counts live infrastructure assets.
	InfrastructureCount int `bun:"infrastructure_count"`
	// CircuitMRC is Σ MRC of live billing circuits.
	CircuitMRC models.Money `bun:"circuit_mrc"`
}

// LoadPortfolioCounts reads the counting KPIs in one query: one pass over
// the live circuits (conditional aggregates) and a count of the assets.
func LoadPortfolioCounts(ctx context.Context, db bun.IDB) (PortfolioCounts, error) {
	var out PortfolioCounts
	err := db.NewRaw(`SELECT COUNT(*) AS total_circuits,
		COALESCE(SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END), 0) AS active_circuits,
		(SELECT COUNT(*) FROM infrastructure_assets WHERE deleted_at IS NULL) AS infrastructure_count,
		COALESCE(SUM(CASE WHEN `+billingSQL+` THEN mrc_cents END), 0) AS circuit_mrc
		FROM circuits WHERE deleted_at IS NULL`).
		Scan(ctx, &out)
	return out, translate(err, "portfolio counts")
}

// CarrierSpend is one row of spend_by_carrier.
type CarrierSpend struct {
	CarrierID    string       `bun:"carrier_id"`
	Carrier      string       `bun:"carrier"`
	MRC          models.Money `bun:"mrc"`
	CircuitCount int          `bun:"circuit_count"`
}

// SpendByCarrier sums the MRC of live billing circuits per carrier, most
// spend first, then by carrier name.
func SpendByCarrier(ctx context.Context, db bun.IDB) ([]CarrierSpend, error) {
	out := []CarrierSpend{}
	// Group the circuits by carrier alone, then name the few groups: the
	// join then touches one row per carrier, not one per circuit.
	err := db.NewRaw(`SELECT s.carrier_id AS carrier_id, COALESCE(p.name, '') AS carrier,
			s.mrc AS mrc, s.circuit_count AS circuit_count
		FROM (SELECT carrier_id, SUM(mrc_cents) AS mrc, COUNT(*) AS circuit_count
			FROM circuits WHERE deleted_at IS NULL AND `+billingSQL+`
			GROUP BY carrier_id) s
		LEFT JOIN service_providers p ON p.id = s.carrier_id
		ORDER BY mrc DESC, carrier, carrier_id`).Scan(ctx, &out)
	return out, translate(err, "spend by carrier")
}

// KeyCount is a value and how many live circuits carry it.
type KeyCount struct {
	Key   string `bun:"k"`
	Count int    `bun:"n"`
}

// CircuitServiceMix counts live circuits per service type, most first, then
// by service type.
func CircuitServiceMix(ctx context.Context, db bun.IDB) ([]KeyCount, error) {
	out := []KeyCount{}
	err := db.NewRaw(`SELECT service_type AS k, COUNT(*) AS n FROM circuits
		WHERE deleted_at IS NULL GROUP BY service_type ORDER BY n DESC, k`).Scan(ctx, &out)
	return out, translate(err, "service mix")
}

// CircuitStateMix counts live circuits per endpoint state: the A end's,
// else the Z end's, else "unknown"; most first, then by state. Blank
// states count as none.
func CircuitStateMix(ctx context.Context, db bun.IDB) ([]KeyCount, error) {
	out := []KeyCount{}
	err := db.NewRaw(`SELECT k, COUNT(*) AS n FROM (
			SELECT COALESCE(NULLIF(TRIM(a_endpoint_state), ''), NULLIF(TRIM(z_endpoint_state), ''), 'unknown') AS k
			FROM circuits WHERE deleted_at IS NULL) s
		GROUP BY k ORDER BY n DESC, k`).Scan(ctx, &out)
	return out, translate(err, "state mix")
}

// contractColumns are the columns LiveCircuitContracts reads: what the
// renewal, ETF, escalator and ranking arithmetic needs, and no more.
const contractColumns = `c.id, c.version, c.xiber_circuit_label, c.carrier_id, c.service_type, c.status,
	c.mrc_cents, c.contract_term_start_date, c.contract_term_end_date, c.contract_term_months,
	c.renewal_type, c.notice_days, c.etf_cents, c.etf_pct, c.escalator_pct, c.renewal_state`

// ContractFilter narrows LiveCircuitContracts.
type ContractFilter struct {
	// CarrierID keeps one carrier's circuits.
	CarrierID string
	// IDs keeps the listed circuits.
	IDs []string
	// WithTermEnd keeps circuits that have a term end.
	WithTermEnd bool
}

// LiveCircuitContracts reads the contract columns of live circuits into
// circuits whose other fields are left empty. It scans by hand rather than
// through bun's reflection: the dashboard reads every live circuit.
func LiveCircuitContracts(ctx context.Context, db bun.IDB, f ContractFilter) ([]*models.Circuit, error) {
	q := db.NewSelect().TableExpr("circuits AS c").ColumnExpr(contractColumns).Where("c.deleted_at IS NULL")
	if f.CarrierID != "" {
		q = q.Where("c.carrier_id = ?", f.CarrierID)
	}
	if f.IDs != nil {
		q = q.Where("c.id IN (?)", bun.List(append(f.IDs, "")))
	}
	if f.WithTermEnd {
		q = q.Where("c.contract_term_end_date IS NOT NULL")
	}
	rows, err := q.Rows(ctx)
	if err != nil {
		return nil, translate(err, "circuit contracts")
	}
	defer rows.Close()
	// Circuits and their optional fields are allocated a block at a time:
	// the dashboard reads every live circuit, and one allocation per row
	// (six with the optional fields) is most of the cost of the read.
	const blockSize = 1024
	var (
		out    []*models.Circuit
		block  []models.Circuit
		extras []contractExtras
	)
	for rows.Next() {
		if len(block) == 0 {
			block, extras = make([]models.Circuit, blockSize), make([]contractExtras, blockSize)
		}
		c, x := &block[0], &extras[0]
		block, extras = block[1:], extras[1:]
		var (
			start, end                sql.Null[models.Date]
			months, etf, etfPct, esc  sql.NullInt64
			renewalType, renewalState sql.NullString
		)
		if err := rows.Scan(&c.ID, &c.Version, &c.Label, &c.CarrierID, &c.ServiceType, &c.Status,
			&c.MRC, &start, &end, &months, &renewalType, &c.NoticeDays, &etf, &etfPct, &esc, &renewalState); err != nil {
			return nil, translate(err, "circuit contracts")
		}
		if start.Valid {
			x.start = start.V
			c.TermStart = &x.start
		}
		if end.Valid {
			x.end = end.V
			c.TermEnd = &x.end
		}
		if months.Valid {
			x.months = months.Int64
			c.TermMonths = &x.months
		}
		if etf.Valid {
			x.etf = models.Money(etf.Int64)
			c.ETF = &x.etf
		}
		if etfPct.Valid {
			x.etfPct = models.Decimal(etfPct.Int64)
			c.ETFPct = &x.etfPct
		}
		if esc.Valid {
			x.esc = models.Decimal(esc.Int64)
			c.EscalatorPct = &x.esc
		}
		c.RenewalType, c.RenewalState = renewalType.String, renewalState.String
		out = append(out, c)
	}
	return out, translate(rows.Err(), "circuit contracts")
}

// contractExtras holds the optional contract fields of a circuit read by
// LiveCircuitContracts, which point into it.
type contractExtras struct {
	start, end  models.Date
	months      int64
	etf         models.Money
	etfPct, esc models.Decimal
}

// ActiveAssetPrices reads the live active infrastructure assets with only
// the columns their escalated price needs (the cost forecast).
func ActiveAssetPrices(ctx context.Context, db bun.IDB) ([]*models.InfrastructureAsset, error) {
	var out []*models.InfrastructureAsset
	err := db.NewSelect().Model(&out).Column("id", "status", "mrc_cents", "price_escalator_pct", "term_start_date").
		Where("deleted_at IS NULL").Where("status = 'active'").Scan(ctx)
	return out, translate(err, "asset prices")
}

// ProviderNames maps every provider's ID to its name (deleted ones
// included: a live circuit may still name one).
func ProviderNames(ctx context.Context, db bun.IDB) (map[string]string, error) {
	var rows []struct {
		ID   string `bun:"id"`
		Name string `bun:"name"`
	}
	if err := db.NewSelect().Table("service_providers").Column("id", "name").Scan(ctx, &rows); err != nil {
		return nil, translate(err, "provider names")
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

// SetRenewalState stores a circuit's renewal state when the circuit is
// still live at version (bumping it). It reports false when another writer
// changed or deleted the circuit first, so the caller skips it.
func SetRenewalState(ctx context.Context, db bun.IDB, id string, version int64, state string, at time.Time) (bool, error) {
	var v any
	if state != "" {
		v = state
	}
	res, err := db.NewUpdate().Table("circuits").
		Set("renewal_state = ?", v).Set("version = version + 1").Set("updated_at = ?", at).
		Where("id = ?", id).Where("version = ?", version).Where("deleted_at IS NULL").Exec(ctx)
	if err != nil {
		return false, translate(err, "set renewal state")
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, translate(err, "set renewal state")
	}
	return n == 1, nil
}
