package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/schema"

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
// store.Update and through a BulkWriter, with every column (BulkRowsOf) or
// only the changed ones (BulkChangesOf), in a plain transaction and in a
// BulkTx (a staging table and COPY on PostgreSQL), and requires every
// database to read back as bun's does; a row at the wrong version, or of
// a deleted record, makes the update ErrStale on every path.
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
	// The new versions change different columns: an amount, the notes and
	// a cleared term end, the status and a cleared bandwidth; one
	// circuit is left out.
	changed := make([]models.Circuit, 0, len(circuits)-1)
	for i, c := range circuits[:len(circuits)-1] {
		switch i % 3 {
		case 0:
			c.MRC += 1
		case 1:
			c.Notes = fmt.Sprintf("renegotiated\n%d", i)
			c.TermEnd = nil
		case 2:
			c.Status = "pending_disconnect"
			c.BandwidthMbps = nil
		}
		c.Version++
		c.UpdatedAt = later
		changed = append(changed, c)
	}

	viaBun := seed()
	for i := range changed {
		if err := store.Update(ctx, viaBun, &changed[i]); err != nil {
			t.Fatal(err)
		}
	}
	type rowsOf func(schema.Dialect) (*store.BulkRows, error)
	bulkUpdate := func(tx bun.IDB, rows rowsOf) error {
		w, err := store.NewBulkWriter(tx)
		if err != nil {
			return err
		}
		defer w.Close()
		r, err := rows(tx.Dialect())
		if err != nil {
			return err
		}
		if err := w.Update(ctx, r); err != nil {
			return err
		}
		return w.Close()
	}
	everyColumn := func(_, after []models.Circuit) rowsOf {
		return func(d schema.Dialect) (*store.BulkRows, error) { return store.BulkRowsOf(d, after) }
	}
	changedColumns := func(before, after []models.Circuit) rowsOf {
		return func(d schema.Dialect) (*store.BulkRows, error) { return store.BulkChangesOf(d, before, after) }
	}
	inTx := func(db *store.DB, f func(bun.IDB) error) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return f(tx) })
	}
	inBulkTx := func(db *store.DB, f func(bun.IDB) error) error {
		return store.RunInBulkTx(ctx, db, func(tx store.BulkTx) error { return f(tx) })
	}
	paths := []struct {
		name string
		run  func(*store.DB, func(bun.IDB) error) error
		rows func(before, after []models.Circuit) rowsOf
	}{
		{"every column, in a transaction", inTx, everyColumn},
		{"every column, in a BulkTx", inBulkTx, everyColumn},
		{"the changed columns, in a transaction", inTx, changedColumns},
		{"the changed columns, in a BulkTx", inBulkTx, changedColumns},
	}
	want := rawRows(t, viaBun, "circuits")
	dbs := make([]*store.DB, len(paths))
	for i, p := range paths {
		dbs[i] = seed()
		if err := p.run(dbs[i], func(tx bun.IDB) error { return bulkUpdate(tx, p.rows(circuits[:len(changed)], changed)) }); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if got := rawRows(t, dbs[i], "circuits"); !reflect.DeepEqual(got, want) {
			t.Errorf("circuits updated through %s:\n%v\nthrough bun:\n%v", p.name, got, want)
		}
	}

	// Each path again, on its updated database: a row at the wrong version
	// or of a deleted record fails the call.
	next, behind := changed[1], changed[0] // stored at changed[i].Version
	next.Version++
	gone := deleted
	gone.Version++
	stale := []struct {
		name          string
		before, after []models.Circuit
	}{
		{"a version behind", []models.Circuit{changed[1], changed[0]}, []models.Circuit{next, behind}},
		{"deleted", []models.Circuit{deleted}, []models.Circuit{gone}},
	}
	for i, p := range paths {
		for _, st := range stale {
			err := p.run(dbs[i], func(tx bun.IDB) error { return bulkUpdate(tx, p.rows(st.before, st.after)) })
			if !errors.Is(err, models.ErrStale) {
				t.Errorf("%s through %s: err = %v, want ErrStale", st.name, p.name, err)
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
