package models

import "github.com/google/uuid"

// NewID makes the ID of a new record: a version 7 UUID, whose leading
// 48 bits are the creation time in milliseconds. Time-ordered IDs keep
// every index keyed by an ID (primary keys, events by circuit, audit by
// entity) appending at its right edge instead of writing into random
// pages, which is what lets a 100,000-row import write its indexes at
// sequential speed on both databases. The random 74 bits keep IDs
// unguessable within a millisecond.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }
