package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/store"
)

// BenchmarkLoadSnapshot times reading the live graph of the spec's scale
// (10,000 assets, 100,000 customers, 150,000 links) from the database the
// test run uses (make bench runs it on SQLite; NETOS_TEST_ENGINE=postgres
// on PostgreSQL).
func BenchmarkLoadSnapshot(b *testing.B) {
	db := dbtest.DB(b)
	ctx := context.Background()
	snap := attribution.SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	if err := dbtest.SyntheticRecords(snap, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)).Insert(ctx, db); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		got, err := store.LoadSnapshot(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if len(got.Customers) != len(snap.Customers) {
			b.Fatalf("loaded %d customers, want %d", len(got.Customers), len(snap.Customers))
		}
	}
}
