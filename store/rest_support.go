package store

import (
	"context"
	"slices"
	"strings"

	"github.com/uptrace/bun"
)

// CircuitFacets are the distinct values the live circuits carry, for the
// filter pickers of the map.
type CircuitFacets struct {
	Carriers     []string
	ServiceTypes []string
	Statuses     []string
	States       []string
}

// LiveCircuitFacets reads the distinct carriers, service types, statuses and
// endpoint states of live circuits, each sorted.
func LiveCircuitFacets(ctx context.Context, db bun.IDB) (CircuitFacets, error) {
	var f CircuitFacets
	distinct := func(dst *[]string, q *bun.SelectQuery, what string) error {
		var vals []string
		if err := q.Scan(ctx, &vals); err != nil {
			return translate(err, what)
		}
		*dst = sortedUnique(vals)
		return nil
	}
	live := func() *bun.SelectQuery {
		return db.NewSelect().Table("circuits").Where("deleted_at IS NULL")
	}
	if err := distinct(&f.Carriers, db.NewSelect().Table("service_providers").Column("name").
		Where("deleted_at IS NULL").
		Where("id IN (SELECT carrier_id FROM circuits WHERE deleted_at IS NULL)"), "circuit carriers"); err != nil {
		return f, err
	}
	if err := distinct(&f.ServiceTypes, live().Column("service_type"), "circuit service types"); err != nil {
		return f, err
	}
	if err := distinct(&f.Statuses, live().Column("status"), "circuit statuses"); err != nil {
		return f, err
	}
	var a, z []string
	if err := distinct(&a, live().Column("a_endpoint_state").Where("a_endpoint_state IS NOT NULL"), "circuit states"); err != nil {
		return f, err
	}
	if err := distinct(&z, live().Column("z_endpoint_state").Where("z_endpoint_state IS NOT NULL"), "circuit states"); err != nil {
		return f, err
	}
	f.States = sortedUnique(append(a, z...))
	return f, nil
}

// sortedUnique sorts values and drops blanks and repeats; never nil, so JSON
// shows an empty list rather than null.
func sortedUnique(vals []string) []string {
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
