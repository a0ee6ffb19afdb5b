package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// TestInsertManyStoresWhatBunStores inserts the same records through bun,
// through InsertMany and through a BulkWriter in a BulkTx (COPY on
// PostgreSQL), into three fresh databases, and requires every column of
// every row to read back identically: the bulk paths' values must be
// exactly bun's (times, NULLs, custom types, JSON), on the engine under
// test.
func TestInsertManyStoresWhatBunStores(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 4, 5, 6, 7, 891_234_567, time.FixedZone("EST", -5*3600))
	deleted := at.Add(time.Hour)
	money, pct := models.Money(-1250), models.Decimal(3_500_000)
	start, end := models.NewDate(2025, 1, 31), models.NewDate(2028, 1, 30)
	lat, months, mbps := 39.961_234_5, int64(36), int64(10_000)
	carrier := models.ServiceProvider{
		Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: at, Version: 1},
		Name:   "Lumen", NameKey: "lumen", Notes: "it's \"quoted\" — ünïcode",
	}
	circuits := []models.Circuit{
		{
			Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: at, Version: 3},
			Label:  "XIBER-0001", CarrierID: carrier.ID, ServiceType: "wave", Status: "active",
			BandwidthMbps: &mbps, MRC: 250_000, NRC: 0, ETF: &money, ETFPct: &pct, EscalatorPct: &pct,
			TermStart: &start, TermEnd: &end, TermMonths: &months, NoticeDays: 60,
			ALat: &lat, AName: "Columbus DC1", Notes: "line one\nline two",
		},
		{
			Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: deleted, DeletedAt: &deleted, Version: 1},
			Label:  "XIBER-0002", CarrierID: carrier.ID, ServiceType: "dia", Status: "ordered",
		},
	}
	events := []models.CircuitEvent{{
		ID: models.NewID(), CircuitID: circuits[0].ID, EventType: "activated", EventDate: start,
		ToValue: "active", CreatedAt: at,
	}}
	entries := []models.AuditEntry{
		{
			ID: models.NewID(), Seq: 7, At: at, User: "ana@example.com", Role: "admin",
			EventType: "write", Action: "import_commit", EntityType: "circuit", EntityID: circuits[0].ID,
			ChangedFields: models.Changes{
				"mrc_usd":    {After: models.Money(250_000)},
				"notes":      {Before: "<b>&</b>", After: "ünïcode \u2028"},
				"term_end":   {Before: nil, After: end},
				"bandwidth":  {After: mbps},
				"latitude":   {After: lat},
				"is_primary": {After: true},
			},
		},
		{ID: models.NewID(), Seq: 8, At: at, EventType: "request", Action: "request", Status: 204},
	}

	write := func(db bun.IDB, insert func(any) error) {
		t.Helper()
		for _, recs := range []any{&[]models.ServiceProvider{carrier}, &circuits, &events, &entries} {
			if err := insert(recs); err != nil {
				t.Fatalf("insert %T: %v", recs, err)
			}
		}
	}
	viaBun, viaBulk, viaCopy := dbtest.DB(t), dbtest.DB(t), dbtest.DB(t)
	write(viaBun, func(recs any) error {
		_, err := viaBun.NewInsert().Model(recs).Exec(ctx)
		return err
	})
	write(viaBulk, func(recs any) error {
		switch r := recs.(type) {
		case *[]models.ServiceProvider:
			return store.InsertMany(ctx, viaBulk, *r)
		case *[]models.Circuit:
			return store.InsertMany(ctx, viaBulk, *r)
		case *[]models.CircuitEvent:
			return store.InsertMany(ctx, viaBulk, *r)
		case *[]models.AuditEntry:
			return store.InsertMany(ctx, viaBulk, *r)
		}
		return fmt.Errorf("no case for %T", recs)
	})
	err := store.RunInBulkTx(ctx, viaCopy, func(tx store.BulkTx) error {
		in, err := store.NewBulkWriter(tx)
		if err != nil {
			return err
		}
		defer in.Close()
		write(tx, func(recs any) error {
			var rows *store.BulkRows
			var err error
			switch r := recs.(type) {
			case *[]models.ServiceProvider:
				rows, err = store.BulkRowsOf(tx.Dialect(), *r)
			case *[]models.Circuit:
				rows, err = store.BulkRowsOf(tx.Dialect(), *r)
			case *[]models.CircuitEvent:
				rows, err = store.BulkRowsOf(tx.Dialect(), *r)
			case *[]models.AuditEntry:
				rows, err = store.BulkRowsOf(tx.Dialect(), *r)
			}
			if err != nil {
				return err
			}
			return in.Insert(ctx, rows)
		})
		return in.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"service_providers", "circuits", "circuit_events", "audit_entries"} {
		want := rawRows(t, viaBun, table)
		for name, db := range map[string]*store.DB{"InsertMany": viaBulk, "a BulkWriter in a BulkTx": viaCopy} {
			if got := rawRows(t, db, table); len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s through %s:\n%v\nthrough bun:\n%v", table, name, got, want)
			}
		}
	}
}

// TestBulkUpdateStoresWhatBunStores updates the same circuits through
// store.Update, through a BulkWriter in a plain transaction and through one
// in a BulkTx (a staging table and COPY on PostgreSQL), and requires the
// three databases to read back identically; a row at the wrong version,
// or of a deleted record, makes the update ErrStale on every path.
func TestBulkUpdateStoresWhatBunStores(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 4, 5, 6, 7, 891_234_000, time.UTC)
	later := at.Add(36 * time.Hour)
	end, mbps := models.NewDate(2028, 1, 30), int64(10_000)
	carrier := models.ServiceProvider{Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: at, Version: 1}, Name: "Zayo", NameKey: "zayo"}
	circuits := make([]models.Circuit, 5)
	for i := range circuits {
		circuits[i] = models.Circuit{
			Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: at, Version: int64(1 + i)},
			Label:  fmt.Sprintf("XIBER-%04d", i), CarrierID: carrier.ID, ServiceType: "wave", Status: "active",
			MRC: models.Money(100_000 * (i + 1)), TermEnd: &end, BandwidthMbps: &mbps, NoticeDays: 60,
		}
	}
	deleted := models.Circuit{
		Record: models.Record{ID: models.NewID(), CreatedAt: at, UpdatedAt: at, DeletedAt: &at, Version: 2},
		Label:  "XIBER-GONE", CarrierID: carrier.ID, ServiceType: "dia", Status: "cancelled",
	}
	seed := func() *store.DB {
		db := dbtest.DB(t)
		for _, recs := range []any{&[]models.ServiceProvider{carrier}, &circuits, &[]models.Circuit{deleted}} {
			if _, err := db.NewInsert().Model(recs).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		return db
	}
	// The new versions: changed amounts and notes, a term end cleared, a
	// status moved on, one circuit left out.
	changed := make([]models.Circuit, 0, len(circuits)-1)
	for i, c := range circuits[:len(circuits)-1] {
		c.MRC += 1
		c.Notes = fmt.Sprintf("renegotiated\n%d", i)
		c.TermEnd, c.BandwidthMbps = nil, nil
		c.Status = "pending_disconnect"
		c.Version++
		c.UpdatedAt = later
		changed = append(changed, c)
	}

	viaBun, viaTx, viaBulkTx := seed(), seed(), seed()
	for i := range changed {
		if err := store.Update(ctx, viaBun, &changed[i]); err != nil {
			t.Fatal(err)
		}
	}
	bulkUpdate := func(tx bun.IDB, recs []models.Circuit) error {
		w, err := store.NewBulkWriter(tx)
		if err != nil {
			return err
		}
		defer w.Close()
		rows, err := store.BulkRowsOf(tx.Dialect(), recs)
		if err != nil {
			return err
		}
		if err := w.Update(ctx, rows); err != nil {
			return err
		}
		return w.Close()
	}
	if err := viaTx.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return bulkUpdate(tx, changed) }); err != nil {
		t.Fatal(err)
	}
	if err := store.RunInBulkTx(ctx, viaBulkTx, func(tx store.BulkTx) error { return bulkUpdate(tx, changed) }); err != nil {
		t.Fatal(err)
	}
	want := rawRows(t, viaBun, "circuits")
	for name, db := range map[string]*store.DB{"a transaction": viaTx, "a BulkTx": viaBulkTx} {
		if got := rawRows(t, db, "circuits"); !reflect.DeepEqual(got, want) {
			t.Errorf("circuits updated in bulk in %s:\n%v\nthrough bun:\n%v", name, got, want)
		}
	}

	next, behind := changed[1], changed[0] // stored at changed[i].Version
	next.Version++
	gone := deleted
	gone.Version++
	for name, recs := range map[string][]models.Circuit{"a version behind": {next, behind}, "deleted": {gone}} {
		for path, run := range map[string]func(func(bun.IDB) error) error{
			"a transaction": func(f func(bun.IDB) error) error {
				return viaTx.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return f(tx) })
			},
			"a BulkTx": func(f func(bun.IDB) error) error {
				return store.RunInBulkTx(ctx, viaBulkTx, func(tx store.BulkTx) error { return f(tx) })
			},
		} {
			err := run(func(tx bun.IDB) error { return bulkUpdate(tx, recs) })
			if !errors.Is(err, models.ErrStale) {
				t.Errorf("%s, in %s: err = %v, want ErrStale", name, path, err)
			}
		}
	}
}

// TestInsertManySplitsIntoStatements inserts more rows than one statement
// holds, a remainder included, and counts them back.
func TestInsertManySplitsIntoStatements(t *testing.T) {
	ctx := context.Background()
	db := dbtest.DB(t)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	entries := make([]models.AuditEntry, 1_000)
	for i := range entries {
		entries[i] = models.AuditEntry{ID: models.NewID(), Seq: int64(i), At: at, EventType: "request", Action: "request"}
	}
	if err := store.InsertMany(ctx, db, entries); err != nil {
		t.Fatal(err)
	}
	n, err := db.NewSelect().Table("audit_entries").Count(ctx)
	if err != nil || n != int64(len(entries)) {
		t.Fatalf("count = %d, %v; want %d", n, err, len(entries))
	}
}

// rawRows reads every row of table, ordered by id, as the driver returns
// the columns.
func rawRows(t *testing.T, db *store.DB, table string) [][]any {
	t.Helper()
	rows, err := db.DB.DB.QueryContext(context.Background(), "SELECT * FROM "+table+" ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
