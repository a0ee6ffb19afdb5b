// Package store is the only place SQL lives. Its functions take a bun.IDB so
// they run inside or outside a transaction; the domain services own the
// transactions. It speaks one set of queries to SQLite and PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"
)

// Dialect names the database engine behind a DB.
type Dialect string

// The two engines NetOS runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the database handle: bun plus what the dialect needs to know, and a
// count of every query run (for /metrics and for tests that prove there is
// no N+1).
type DB struct {
	*bun.DB
	Engine  Dialect
	queries atomic.Int64
}

// Open connects to a sqlite://PATH or postgres:// URL. A SQLite file's
// directory is created if missing.
func Open(rawURL string) (*DB, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("database url: %w", err)
	}
	var db *DB
	switch u.Scheme {
	case "sqlite":
		db, err = openSQLite(strings.TrimPrefix(rawURL, "sqlite://"))
	case "postgres", "postgresql":
		db, err = openPostgres(rawURL)
	default:
		return nil, fmt.Errorf("database url: scheme %q is not sqlite:// or postgres://", u.Scheme)
	}
	if err != nil {
		return nil, err
	}
	db.AddQueryHook(&countingHook{db: db})
	return db, nil
}

// sqliteParams make SQLite safe under concurrent writers: foreign keys on
// every connection, WAL, a busy timeout, and BEGIN IMMEDIATE so two
// read-then-write transactions never deadlock into "database is locked".
const sqliteParams = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_txlock=immediate"

func openSQLite(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("database url: sqlite:// needs a file path")
	}
	dsn := path
	if path == ":memory:" || strings.HasPrefix(path, "file::memory:") {
		return nil, errors.New("database url: in-memory SQLite is not supported; use a file (tests use a temp dir)")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	sqldb, err := sql.Open(sqliteshim.ShimName, "file:"+dsn+sep+sqliteParams)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	return &DB{DB: bun.NewDB(sqldb, sqlitedialect.New()), Engine: SQLite}, nil
}

func openPostgres(dsn string) (*DB, error) {
	sqldb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sqldb.SetMaxOpenConns(20)
	return &DB{DB: bun.NewDB(sqldb, pgdialect.New()), Engine: Postgres}, nil
}

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.PingContext(ctx) }

// QueryCount is the number of queries run since the DB was opened.
func (db *DB) QueryCount() int64 { return db.queries.Load() }

type countingHook struct{ db *DB }

func (h *countingHook) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}

func (h *countingHook) AfterQuery(context.Context, *bun.QueryEvent) { h.db.queries.Add(1) }

// ilike is the case-insensitive LIKE of the dialect: ILIKE on PostgreSQL,
// LIKE (ASCII case-insensitive) on SQLite.
func ilike(db bun.IDB) string {
	if db.Dialect().Name() == dialect.PG {
		return "ILIKE"
	}
	return "LIKE"
}

// likePattern escapes s for LIKE ... ESCAPE '\' and wraps it in wildcards.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// IsEmpty reports whether the network holds no records at all (the demo
// network only loads into an empty database).
func IsEmpty(ctx context.Context, db bun.IDB) (bool, error) {
	var n int
	err := db.NewRaw(`SELECT (SELECT COUNT(*) FROM service_providers) + (SELECT COUNT(*) FROM circuits) +
		(SELECT COUNT(*) FROM infrastructure_assets) + (SELECT COUNT(*) FROM customers)`).Scan(ctx, &n)
	return n == 0, translate(err, "count records")
}
