package apptest

import (
	"fmt"

	"testing"

	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/store"
)

// Clock is a settable clock for tests.
type Clock = dbtest.Clock

// Engine is the engine this test run uses.
func Engine() string { return dbtest.Engine() }

// DB opens a fresh, migrated database.
func DB(t testing.TB) *store.DB { return dbtest.DB(t) }

// DatabaseURL makes a fresh, empty database for t and returns its URL.
func DatabaseURL(t testing.TB) string { return dbtest.DatabaseURL(t) }

// Describe labels a failure with the engine, so a failure on one engine
// reads as such.
func Describe(format string, args ...any) string {
	return fmt.Sprintf("[%s] ", Engine()) + fmt.Sprintf(format, args...)
}
