package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/xiber/netos/models"
)

// SQLite extended result codes (sqlite3.h) for constraint failures.
const (
	sqliteConstraintUnique     = 2067
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintForeignKey = 787
	sqliteConstraintCheck      = 275
	sqliteConstraintNotNull    = 1299
)

// translate maps a driver error to the error vocabulary, once for both
// engines, so no raw driver error travels up. what names the operation.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, models.ErrNotFound)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505":
			return fmt.Errorf("%s: %w", what, models.Conflict("a record with the same unique value already exists"))
		case "23503":
			return fmt.Errorf("%s: %w", what, models.Invalid("", "reference", "refers to a record that does not exist"))
		case "23514", "23502", "22P02", "22003":
			return fmt.Errorf("%s: %w", what, models.Invalid("", "value_error", "violates a database constraint"))
		}
	}
	var sqErr *sqlite.Error
	if errors.As(err, &sqErr) {
		switch sqErr.Code() {
		case sqliteConstraintUnique, sqliteConstraintPrimaryKey:
			return fmt.Errorf("%s: %w", what, models.Conflict("a record with the same unique value already exists"))
		case sqliteConstraintForeignKey:
			return fmt.Errorf("%s: %w", what, models.Invalid("", "reference", "refers to a record that does not exist"))
		case sqliteConstraintCheck, sqliteConstraintNotNull:
			return fmt.Errorf("%s: %w", what, models.Invalid("", "value_error", "violates a database constraint"))
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}
