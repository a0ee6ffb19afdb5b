package attribution

import (
	"errors"
	"strings"
)

var (
	// ErrCycle means the site links of a snapshot form a cycle, which the
	// write path should have refused. Compute returns a *CycleError that
	// matches it with errors.Is.
	ErrCycle = errors.New("attribution: cycle in subtended links")
	// ErrSnapshot means a snapshot cannot be computed at all: duplicate IDs,
	// or amounts so large that exact sums would overflow.
	ErrSnapshot = errors.New("attribution: unusable snapshot")
)

// CycleError names the assets of one cycle, in link order (each is the
// parent of the next, and the last is the parent of the first).
type CycleError struct {
	Path []string
}

// Error lists the cycle.
func (e *CycleError) Error() string {
	if len(e.Path) == 0 {
		return ErrCycle.Error()
	}
	return ErrCycle.Error() + ": " + strings.Join(append(append([]string(nil), e.Path...), e.Path[0]), " → ")
}

// Is makes errors.Is(err, ErrCycle) true.
func (e *CycleError) Is(target error) bool { return target == ErrCycle }
