package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/store"
)

func TestMigrationsGoUpDownAndUpAgain(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(dbtest.DatabaseURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	steps := []struct {
		name string
		run  func(context.Context) (string, error)
		want string
	}{
		{"the first up applies the schema", db.MigrateUp, "migrated to"},
		{"a second up has nothing to do", db.MigrateUp, "no new migrations"},
		{"down rolls the schema back", db.MigrateDown, "rolled back"},
		{"up applies it again", db.MigrateUp, "migrated to"},
	}
	for _, s := range steps {
		out, err := s.run(ctx)
		if err != nil || !strings.HasPrefix(out, s.want) {
			t.Fatalf("%s: %q, %v", s.name, out, err)
		}
	}
	status, err := db.MigrationStatus(ctx)
	if err != nil || !strings.Contains(status, "applied") {
		t.Fatalf("status = %q, %v", status, err)
	}
	if empty, err := store.IsEmpty(ctx, db); err != nil || !empty {
		t.Fatalf("fresh schema empty = %v, %v", empty, err)
	}
}
