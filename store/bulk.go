package store

import (
	"bytes"
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

	"github.com/xiber/netos/models"
)

// InsertMany stores new records of one type in bulk: BulkRowsOf, then a
// BulkWriter.
func InsertMany[T any](ctx context.Context, db bun.IDB, recs []T) (err error) {
	rows, err := BulkRowsOf(db.Dialect(), recs)
	if err != nil {
		return err
	}
	w, err := NewBulkWriter(db)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	return w.Insert(ctx, rows)
}

// BulkRows are records of one type converted to column values, ready for
// a BulkWriter. Making them needs no database, so a bulk writer can convert
// the next batch while the database stores the last.
//
// bun would format every value into the text of one huge INSERT that the
// database then parses again; at 100,000 rows building and parsing that
// text cost more than the writing. A BulkWriter instead prepares INSERTs
// with placeholders and executes them with the rows' values as arguments.
// The values are what bun itself would write (times as bun's UTC text,
// nullzero fields as NULL, values of driver.Valuer types through Value,
// maps and structs as JSON), so a row reads back exactly as if bun had
// inserted it; a test holds the two paths to that on both engines.
type BulkRows struct {
	plan *bulkTable
	args []any // len(plan.fields) a row
	n    int
	// changed is, for an Update, the columns each row changes (see
	// BulkChangesOf); nil when an Update sets every column.
	changed []columnSet
}

// columnSet is a set of a table's columns, bit i for plan.fields[i]; the
// empty set stands for all of them.
type columnSet uint64

// has reports whether an UPDATE of the set writes column i; it never
// writes pk, the key.
func (s columnSet) has(i, pk int) bool {
	return i != pk && (s == 0 || s&(1<<i) != 0)
}

// BulkRowsOf converts recs, a slice of one record type, for dialect d.
func BulkRowsOf[T any](d schema.Dialect, recs []T) (*BulkRows, error) {
	plan := newBulkTable(d, reflect.TypeFor[T]())
	rows := &BulkRows{plan: plan, args: make([]any, 0, len(recs)*len(plan.fields)), n: len(recs)}
	var err error
	for i := range recs {
		if rows.args, err = plan.appendArgs(rows.args, reflect.ValueOf(&recs[i]).Elem()); err != nil {
			return nil, fmt.Errorf("insert %s: %w", plan.table, err)
		}
	}
	return rows, nil
}

// BulkChangesOf converts after, new versions of stored records, for an
// Update that sets only the columns that changed: before[i] is after[i]
// as stored. An UPDATE that sets an indexed column rewrites its index
// entries even when the value is the same, so on SQLite a re-import that
// changes one amount would otherwise rewrite every index of every row.
func BulkChangesOf[T any](d schema.Dialect, before, after []T) (*BulkRows, error) {
	if len(before) != len(after) {
		return nil, fmt.Errorf("store: %d records before, %d after", len(before), len(after))
	}
	rows, err := BulkRowsOf(d, after)
	if err != nil {
		return nil, err
	}
	width := len(rows.plan.fields)
	if width > 64 || rows.plan.version < 0 {
		return rows, nil
	}
	old, err := BulkRowsOf(d, before)
	if err != nil {
		return nil, err
	}
	rows.changed = make([]columnSet, rows.n)
	for i := range rows.n {
		set := columnSet(1) << rows.plan.version
		for c := range width {
			if !sameArg(old.args[i*width+c], rows.args[i*width+c]) {
				set |= 1 << c
			}
		}
		rows.changed[i] = set
	}
	return rows, nil
}

// sameArg reports whether two column values from bulkArg are equal.
func sameArg(a, b any) bool {
	switch x := a.(type) {
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	}
	return a == b // the other driver values are comparable
}

// BulkWriter stores BulkRows on one database handle (a transaction, a
// connection or the pool): new records with Insert, new versions of stored
// ones with Update. In a BulkTx on PostgreSQL it streams rows with COPY.
// Otherwise it prepares each statement once for all the batches that use
// it (PostgreSQL plans a prepared statement's first executions one by one,
// so preparing per batch cost more than the writing); an INSERT holds a
// power of two rows up to the dialect's limit, so a few statements serve
// batches of any size. Either way the writes run on the database/sql
// handle under bun, so bun's query hooks do not see them. Close the
// BulkWriter before its transaction ends.
type BulkWriter struct {
	raw     sqlHandle
	copy    *sql.Conn // the BulkTx's connection, on PostgreSQL
	stmts   map[stmtKey]*sql.Stmt
	staged  map[string]bool // tables with a staging table for updates (COPY)
	pg      bool
	wrote   map[string]int // rows written, by quoted table name
	updates int            // UPDATE statements prepared
}

type stmtKey struct {
	table  string
	rows   int       // an INSERT's rows
	update bool      // a one-row UPDATE…
	sets   columnSet // …of these columns
}

// maxUpdateStmts bounds the UPDATE statements a BulkWriter prepares for
// rows that change different columns; past it, rows set every column.
const maxUpdateStmts = 64

// NewBulkWriter returns a BulkWriter on db.
func NewBulkWriter(db bun.IDB) (*BulkWriter, error) {
	raw, err := sqlHandleOf(db)
	if err != nil {
		return nil, err
	}
	w := &BulkWriter{raw: raw, stmts: map[stmtKey]*sql.Stmt{}, staged: map[string]bool{},
		pg: db.Dialect().Name() == dialect.PG, wrote: map[string]int{}}
	if tx, ok := db.(BulkTx); ok && w.pg {
		w.copy = tx.conn.Conn
	}
	return w, nil
}

// Insert stores rows as new records.
func (w *BulkWriter) Insert(ctx context.Context, rows *BulkRows) error {
	plan := rows.plan
	if rows.n == 0 {
		return nil
	}
	w.wrote[plan.table] += rows.n
	if w.copy != nil {
		return translate(w.copyInto(ctx, plan.name, rows), "copy into "+plan.table)
	}
	width := len(plan.fields)
	for start := 0; start < rows.n; {
		n := plan.rows
		for n > rows.n-start {
			n /= 2
		}
		stmt, err := w.prepared(ctx, stmtKey{table: plan.table, rows: n}, func() string { return plan.insertQuery(n) })
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

// Update stores rows over the live records with the same IDs, as
// store.Update does: every column, or for rows from BulkChangesOf the
// changed ones (except through a staging table, which sets them all). The
// caller has bumped each row's Version, and a record whose stored version
// is not the one before it, or that is gone, makes the whole call
// ErrStale.
func (w *BulkWriter) Update(ctx context.Context, rows *BulkRows) error {
	plan := rows.plan
	if plan.pk < 0 || plan.version < 0 || plan.deletedAt < 0 {
		return fmt.Errorf("store: %s has no key and version to update by", plan.table)
	}
	if rows.n == 0 {
		return nil
	}
	w.wrote[plan.table] += rows.n
	if w.copy != nil {
		return w.copyUpdate(ctx, rows)
	}
	width := len(plan.fields)
	args := make([]any, 0, width+1)
	for i := range rows.n {
		var sets columnSet
		if rows.changed != nil {
			sets = rows.changed[i]
		}
		stmt, sets, err := w.updateStmt(ctx, plan, sets)
		if err != nil {
			return err
		}
		row := rows.args[i*width : (i+1)*width]
		if args, err = plan.updateArgs(args[:0], row, sets); err != nil {
			return err
		}
		res, err := stmt.ExecContext(ctx, args...)
		if err != nil {
			return translate(err, "update "+plan.table)
		}
		if err := oneRow(res, fmt.Sprintf("update %s %v", plan.table, row[plan.pk])); err != nil {
			return err
		}
	}
	return nil
}

// updateStmt is the prepared UPDATE of the columns in sets, or of all of
// them (sets 0) once maxUpdateStmts are prepared; it answers which.
func (w *BulkWriter) updateStmt(ctx context.Context, plan *bulkTable, sets columnSet) (*sql.Stmt, columnSet, error) {
	key := stmtKey{table: plan.table, update: true, sets: sets}
	if _, ok := w.stmts[key]; !ok {
		if w.updates >= maxUpdateStmts {
			key.sets = 0
		}
		w.updates++
	}
	stmt, err := w.prepared(ctx, key, func() string { return plan.updateQuery(key.sets) })
	return stmt, key.sets, err
}

// copyUpdate updates through a staging table: COPY the rows in, one
// UPDATE … FROM joins them to the table, and the staging table is emptied
// for the next batch (it is dropped when the transaction ends).
func (w *BulkWriter) copyUpdate(ctx context.Context, rows *BulkRows) error {
	plan := rows.plan
	staging := "bulk_" + plan.name
	if !w.staged[plan.name] {
		q := fmt.Sprintf("CREATE TEMP TABLE IF NOT EXISTS %q (LIKE %s) ON COMMIT DROP", staging, plan.table)
		if _, err := w.raw.ExecContext(ctx, q); err != nil {
			return translate(err, "stage the update of "+plan.table)
		}
		w.staged[plan.name] = true
	}
	if err := w.copyInto(ctx, staging, rows); err != nil {
		return translate(err, "stage the update of "+plan.table)
	}
	res, err := w.raw.ExecContext(ctx, plan.updateFromQuery(fmt.Sprintf("%q", staging)))
	if err != nil {
		return translate(err, "update "+plan.table)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return translate(err, "update "+plan.table)
	}
	if _, err := w.raw.ExecContext(ctx, fmt.Sprintf("TRUNCATE %q", staging)); err != nil {
		return translate(err, "stage the update of "+plan.table)
	}
	if int(n) != rows.n {
		return fmt.Errorf("update %s: %d of %d records changed or deleted meanwhile: %w", plan.table, rows.n-int(n), rows.n, models.ErrStale)
	}
	return nil
}

// copyInto streams rows into table with PostgreSQL's COPY on the
// transaction's own connection: no statement to parse or plan, values in
// binary.
func (w *BulkWriter) copyInto(ctx context.Context, table string, rows *BulkRows) error {
	plan, width := rows.plan, len(rows.plan.fields)
	return w.copy.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs a pgx connection, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, plan.columnNames, pgx.CopyFromSlice(rows.n, func(i int) ([]any, error) {
			return rows.args[i*width : (i+1)*width], nil
		}))
		return err
	})
}

// prepared is the statement for key, prepared from query on first use.
func (w *BulkWriter) prepared(ctx context.Context, key stmtKey, query func() string) (*sql.Stmt, error) {
	if stmt, ok := w.stmts[key]; ok {
		return stmt, nil
	}
	stmt, err := w.raw.PrepareContext(ctx, query())
	if err != nil {
		return nil, translate(err, "prepare a bulk write of "+key.table)
	}
	w.stmts[key] = stmt
	return stmt, nil
}

// analyzeAfter is how many rows a BulkWriter writes to a table before it
// has PostgreSQL refresh the table's statistics.
const analyzeAfter = 1_000

// Close releases the prepared statements. On PostgreSQL it first refreshes
// the statistics of every table it wrote many rows to: until autovacuum
// gets to them (after the commit, and only then), the planner goes on
// believing the table holds what it held before, and a table thought tiny
// gets scanned through a partial index instead of looked up by key: that
// made each lookup of the next import's batch 40 ms instead of 2.
func (w *BulkWriter) Close() error {
	var errs []error
	for table, n := range w.wrote {
		if w.pg && n >= analyzeAfter {
			_, err := w.raw.ExecContext(context.Background(), "ANALYZE "+table)
			errs = append(errs, translate(err, "analyze "+table))
		}
		delete(w.wrote, table)
	}
	for key, stmt := range w.stmts {
		errs = append(errs, stmt.Close())
		delete(w.stmts, key)
	}
	return errors.Join(errs...)
}

// BulkTx is a transaction on a connection of its own, which lets an
// BulkWriter use COPY on PostgreSQL. Use it wherever a bun.Tx goes.
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

// bulkTable is how to write one record type: the table, its columns, the
// most rows an INSERT holds and how to write placeholders.
type bulkTable struct {
	name        string // the table's name, unquoted (COPY)
	table       string // quoted, for SQL
	columnNames []string
	columns     string // quoted, for SQL
	fields      []*schema.Field
	rows        int
	pg          bool // PostgreSQL: $1, $2… placeholders and times as time.Time
	// The indexes in fields of the primary key (one column) and of the
	// version and deleted_at columns that Update goes by; -1 when absent.
	pk, version, deletedAt int
}

func newBulkTable(d schema.Dialect, typ reflect.Type) *bulkTable {
	t := d.Tables().Get(typ)
	b := &bulkTable{
		name:        t.Name,
		table:       string(t.SQLName),
		columnNames: make([]string, len(t.Fields)),
		fields:      t.Fields,
		rows:        powerOfTwoAtMost(min(bulkRows, maxBindArgs[d.Name().String()]/len(t.Fields))),
		pg:          d.Name() == dialect.PG,
		pk:          -1, version: -1, deletedAt: -1,
	}
	quoted := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		b.columnNames[i], quoted[i] = f.Name, string(f.SQLName)
		switch {
		case len(t.PKs) == 1 && f == t.PKs[0]:
			b.pk = i
		case f.Name == "version":
			b.version = i
		case f.Name == "deleted_at":
			b.deletedAt = i
		}
	}
	b.columns = strings.Join(quoted, ", ")
	return b
}

// powerOfTwoAtMost is the largest power of two not above n, 1 at least.
func powerOfTwoAtMost(n int) int {
	p := 1
	for p*2 <= n {
		p *= 2
	}
	return p
}

// placeholder writes the n-th (from 1) placeholder.
func (b *bulkTable) placeholder(q *strings.Builder, n int) {
	if b.pg {
		q.WriteByte('$')
		q.WriteString(strconv.Itoa(n))
		return
	}
	q.WriteByte('?')
}

// insertQuery is the INSERT of n rows.
func (b *bulkTable) insertQuery(n int) string {
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
			b.placeholder(&q, arg)
		}
		q.WriteByte(')')
	}
	return q.String()
}

// updateQuery is the UPDATE of one live record at a version: the columns
// in sets (0: every column but the key), then the key and the version it
// must be at (updateArgs).
func (b *bulkTable) updateQuery(sets columnSet) string {
	var q strings.Builder
	fmt.Fprintf(&q, "UPDATE %s SET ", b.table)
	arg := 0
	for i, f := range b.fields {
		if !sets.has(i, b.pk) {
			continue
		}
		if arg > 0 {
			q.WriteString(", ")
		}
		arg++
		q.WriteString(string(f.SQLName) + " = ")
		b.placeholder(&q, arg)
	}
	fmt.Fprintf(&q, " WHERE %s = ", b.fields[b.pk].SQLName)
	b.placeholder(&q, arg+1)
	fmt.Fprintf(&q, " AND %s = ", b.fields[b.version].SQLName)
	b.placeholder(&q, arg+2)
	fmt.Fprintf(&q, " AND %s IS NULL", b.fields[b.deletedAt].SQLName)
	return q.String()
}

// updateArgs appends updateQuery(sets)'s arguments for one row's values.
func (b *bulkTable) updateArgs(args, row []any, sets columnSet) ([]any, error) {
	for i, v := range row {
		if sets.has(i, b.pk) {
			args = append(args, v)
		}
	}
	version, ok := row[b.version].(int64)
	if !ok {
		return nil, fmt.Errorf("store: %s version %v is not an integer", b.table, row[b.version])
	}
	return append(args, row[b.pk], version-1), nil
}

// updateFromQuery is the UPDATE of the live records at the version before
// the one of their rows in staging, a table of the same columns.
func (b *bulkTable) updateFromQuery(staging string) string {
	var q strings.Builder
	fmt.Fprintf(&q, "UPDATE %s AS t SET ", b.table)
	sep := ""
	for i, f := range b.fields {
		if i != b.pk {
			fmt.Fprintf(&q, "%s%s = s.%s", sep, f.SQLName, f.SQLName)
			sep = ", "
		}
	}
	pk, version := b.fields[b.pk].SQLName, b.fields[b.version].SQLName
	fmt.Fprintf(&q, " FROM %s AS s WHERE t.%s = s.%s AND t.%s = s.%s - 1 AND t.%s IS NULL",
		staging, pk, pk, version, version, b.fields[b.deletedAt].SQLName)
	return q.String()
}

// appendArgs appends the column values of one record, as bun would write
// them.
func (b *bulkTable) appendArgs(args []any, strct reflect.Value) ([]any, error) {
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
	ExecContext(context.Context, string, ...any) (sql.Result, error)
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
