package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/schema"
)

// InsertMany stores new records of one type in bulk: BulkRowsOf, then an
// Inserter.
func InsertMany[T any](ctx context.Context, db bun.IDB, recs []T) (err error) {
	rows, err := BulkRowsOf(db.Dialect(), recs)
	if err != nil {
		return err
	}
	in, err := NewInserter(db)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := in.Close(); err == nil {
			err = cerr
		}
	}()
	return in.Insert(ctx, rows)
}

// BulkRows are records of one type converted to column values, ready for
// an Inserter. Making them needs no database, so a bulk writer can convert
// the next batch while the database stores the last.
//
// bun would format every value into the text of one huge INSERT that the
// database then parses again; at 100,000 rows building and parsing that
// text cost more than the writing. An Inserter instead prepares INSERTs
// with placeholders and executes them with the rows' values as arguments.
// The values are what bun itself would write (times as bun's UTC text,
// nullzero fields as NULL, values of driver.Valuer types through Value,
// maps and structs as JSON), so a row reads back exactly as if bun had
// inserted it; a test holds the two paths to that on both engines.
type BulkRows struct {
	plan *bulkInsert
	args []any // len(plan.fields) a row
	n    int
}

// BulkRowsOf converts recs, a slice of one record type, for dialect d.
func BulkRowsOf[T any](d schema.Dialect, recs []T) (*BulkRows, error) {
	plan := newBulkInsert(d, reflect.TypeFor[T]())
	rows := &BulkRows{plan: plan, args: make([]any, 0, len(recs)*len(plan.fields)), n: len(recs)}
	var err error
	for i := range recs {
		if rows.args, err = plan.appendArgs(rows.args, reflect.ValueOf(&recs[i]).Elem()); err != nil {
			return nil, fmt.Errorf("insert %s: %w", plan.table, err)
		}
	}
	return rows, nil
}

// Inserter stores BulkRows on one database handle (a transaction, a
// connection or the pool). In a BulkTx on PostgreSQL it streams them with
// COPY. Otherwise it prepares each INSERT once for all the batches that
// use it (PostgreSQL plans a prepared statement's first executions one by
// one, so preparing per batch cost more than the inserting); a statement
// inserts a power of two rows up to the dialect's limit, so a few
// statements serve batches of any size. Either way the writes run on the
// database/sql handle under bun, so bun's query hooks do not see them.
// Close the Inserter before its transaction ends.
type Inserter struct {
	raw   sqlHandle
	copy  *sql.Conn // the BulkTx's connection, on PostgreSQL
	stmts map[stmtKey]*sql.Stmt
}

type stmtKey struct {
	table string
	rows  int
}

// NewInserter returns an Inserter on db.
func NewInserter(db bun.IDB) (*Inserter, error) {
	raw, err := sqlHandleOf(db)
	if err != nil {
		return nil, err
	}
	in := &Inserter{raw: raw, stmts: map[stmtKey]*sql.Stmt{}}
	if tx, ok := db.(BulkTx); ok && db.Dialect().Name() == dialect.PG {
		in.copy = tx.conn.Conn
	}
	return in, nil
}

// Insert stores rows.
func (in *Inserter) Insert(ctx context.Context, rows *BulkRows) error {
	if in.copy != nil {
		return in.copyRows(ctx, rows)
	}
	plan, width := rows.plan, len(rows.plan.fields)
	for start := 0; start < rows.n; {
		n := plan.rows
		for n > rows.n-start {
			n /= 2
		}
		stmt, err := in.stmt(ctx, plan, n)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, rows.args[start*width:(start+n)*width]...); err != nil {
			return translate(err, "insert "+plan.table)
		}
		start += n
	}
	return nil
}

// copyRows streams rows with PostgreSQL's COPY on the transaction's own
// connection: no statement to parse or plan, values in binary.
func (in *Inserter) copyRows(ctx context.Context, rows *BulkRows) error {
	plan, width := rows.plan, len(rows.plan.fields)
	err := in.copy.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs a pgx connection, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{plan.name}, plan.columnNames, pgx.CopyFromSlice(rows.n, func(i int) ([]any, error) {
			return rows.args[i*width : (i+1)*width], nil
		}))
		return err
	})
	return translate(err, "copy into "+plan.table)
}

func (in *Inserter) stmt(ctx context.Context, plan *bulkInsert, rows int) (*sql.Stmt, error) {
	key := stmtKey{plan.table, rows}
	if stmt, ok := in.stmts[key]; ok {
		return stmt, nil
	}
	stmt, err := in.raw.PrepareContext(ctx, plan.query(rows))
	if err != nil {
		return nil, translate(err, "prepare the insert of "+plan.table)
	}
	in.stmts[key] = stmt
	return stmt, nil
}

// Close releases the prepared statements.
func (in *Inserter) Close() error {
	var errs []error
	for key, stmt := range in.stmts {
		errs = append(errs, stmt.Close())
		delete(in.stmts, key)
	}
	return errors.Join(errs...)
}

// BulkTx is a transaction on a connection of its own, which lets an
// Inserter use COPY on PostgreSQL. Use it wherever a bun.Tx goes.
type BulkTx struct {
	bun.Tx
	conn bun.Conn
}

// RunInBulkTx runs f in a BulkTx, committing when f returns nil and
// rolling back otherwise.
func RunInBulkTx(ctx context.Context, db *DB, f func(tx BulkTx) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return translate(err, "take a connection")
	}
	defer conn.Close()
	return conn.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return f(BulkTx{Tx: tx, conn: conn})
	})
}

// bulkRows is the most rows one statement inserts, a power of two: past a
// few hundred, larger statements stop paying for themselves.
const bulkRows = 256

// maxBindArgs is the most arguments one statement takes. PostgreSQL
// allows 65,535. The pure-Go SQLite driver matches every placeholder
// against the argument list (quadratic in a statement's arguments), so
// its statements stay small; preparing once is what saves the time there.
var maxBindArgs = map[string]int{dialect.PG.String(): 32_000, dialect.SQLite.String(): 1}

// bulkInsert is how to insert one record type: the table, its columns,
// the most rows a statement holds and how to write placeholders.
type bulkInsert struct {
	name        string // the table's name, unquoted (COPY)
	table       string // quoted, for SQL
	columnNames []string
	columns     string // quoted, for SQL
	fields      []*schema.Field
	rows        int
	pg          bool // PostgreSQL: $1, $2… placeholders and times as time.Time
}

func newBulkInsert(d schema.Dialect, typ reflect.Type) *bulkInsert {
	t := d.Tables().Get(typ)
	names, quoted := make([]string, len(t.Fields)), make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i], quoted[i] = f.Name, string(f.SQLName)
	}
	return &bulkInsert{
		name:        t.Name,
		table:       string(t.SQLName),
		columnNames: names,
		columns:     strings.Join(quoted, ", "),
		fields:      t.Fields,
		rows:        powerOfTwoAtMost(min(bulkRows, maxBindArgs[d.Name().String()]/len(t.Fields))),
		pg:          d.Name() == dialect.PG,
	}
}

// powerOfTwoAtMost is the largest power of two not above n, 1 at least.
func powerOfTwoAtMost(n int) int {
	p := 1
	for p*2 <= n {
		p *= 2
	}
	return p
}

// query is the INSERT of n rows.
func (b *bulkInsert) query(n int) string {
	var q strings.Builder
	q.Grow(64 + len(b.columns) + n*len(b.fields)*6)
	fmt.Fprintf(&q, "INSERT INTO %s (%s) VALUES ", b.table, b.columns)
	arg := 0
	for r := range n {
		if r > 0 {
			q.WriteString(", ")
		}
		q.WriteByte('(')
		for c := range b.fields {
			if c > 0 {
				q.WriteString(", ")
			}
			arg++
			if b.pg {
				q.WriteByte('$')
				q.WriteString(strconv.Itoa(arg))
			} else {
				q.WriteByte('?')
			}
		}
		q.WriteByte(')')
	}
	return q.String()
}

// appendArgs appends the column values of one record, as bun would write
// them.
func (b *bulkInsert) appendArgs(args []any, strct reflect.Value) ([]any, error) {
	for _, f := range b.fields {
		if (f.IsPtr && f.HasNilValue(strct)) || (f.NullZero && f.HasZeroValue(strct)) {
			args = append(args, nil)
			continue
		}
		v, err := bulkArg(f.Value(strct), b.pg)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", f.Name, err)
		}
		args = append(args, v)
	}
	return args, nil
}

// bunTime is how bun writes a time on both dialects. PostgreSQL gets the
// time itself (COPY's binary format takes no text): pgx sends it truncated
// to the microsecond, the instant bun's text names.
const bunTime = "2006-01-02 15:04:05.999999-07:00"

var valuerType = reflect.TypeFor[driver.Valuer]()

// bulkArg converts one field value the way bun's appenders do.
func bulkArg(v reflect.Value, pg bool) (any, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, nil
		}
		if !v.Type().Implements(valuerType) {
			v = v.Elem()
		}
	}
	switch x := v.Interface().(type) {
	case time.Time:
		if pg {
			return x, nil
		}
		return x.UTC().Format(bunTime), nil
	case driver.Valuer:
		return x.Value()
	case json.Marshaler:
		// Its bytes as they are: models.Changes writes exactly what
		// encoding/json would, without the pass that re-checks them.
		raw, err := x.MarshalJSON()
		return string(raw), err
	case []byte:
		return x, nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	case reflect.Map, reflect.Slice, reflect.Struct, reflect.Array, reflect.Interface:
		raw, err := json.Marshal(v.Interface())
		return string(raw), err
	}
	return nil, fmt.Errorf("no database value for %s", v.Type())
}

// sqlHandle is a database/sql transaction, connection or pool.
type sqlHandle interface {
	PrepareContext(context.Context, string) (*sql.Stmt, error)
}

// sqlHandleOf is the database/sql handle under a bun one.
func sqlHandleOf(db bun.IDB) (sqlHandle, error) {
	switch d := db.(type) {
	case BulkTx:
		return d.Tx.Tx, nil
	case bun.Tx:
		return d.Tx, nil
	case *bun.Tx:
		return d.Tx, nil
	case *bun.DB:
		return d.DB, nil
	case *DB:
		return d.DB.DB, nil
	case bun.Conn:
		return d.Conn, nil
	}
	return nil, fmt.Errorf("store: no database/sql handle under %T", db)
}
