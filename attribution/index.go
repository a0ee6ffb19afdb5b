package attribution

import (
	"fmt"
	"hash/maphash"
	"math/bits"
)

// idIndex finds records by ID: an open-addressing hash table (linear
// probing, two thirds full) with its own copy of the IDs, laid end to end.
//
// Why not a map[string]int32: resolving a snapshot is some 400,000 lookups
// of random IDs, so the time goes into cache misses, and a map misses more:
// its buckets hold key headers that point at the caller's strings, each in
// a record of its own. Here a slot is one uint64 — the low half of the ID's
// hash (a fingerprint, so that probing seldom compares strings) and the
// record's index + 1 (0: empty) — and a match is confirmed against the
// packed IDs. Nothing in it holds a pointer, so the GC never scans it, and
// it is built several times faster than a map.
type idIndex struct {
	seed  maphash.Seed
	slots []uint64
	ids   []byte   // the IDs, end to end
	ends  []uint32 // ends[i]: where ID i ends in ids
}

// newIDIndex indexes records 0..n-1 by key; it fails, naming what, on a
// duplicate ID.
func newIDIndex(n int, what string, key func(int32) string) (*idIndex, error) {
	x := &idIndex{seed: maphash.MakeSeed(), slots: make([]uint64, n+n/2+1), ends: make([]uint32, n)}
	length := 0
	for i := range int32(n) {
		length += len(key(i))
	}
	x.ids = make([]byte, 0, length)
	for i := range int32(n) {
		x.ids = append(x.ids, key(i)...)
		x.ends[i] = uint32(len(x.ids))
	}
	for i := range int32(n) {
		id := key(i)
		at, fp := x.hash(id)
		for ; x.slots[at] != 0; at = x.next(at) {
			if s := x.slots[at]; s>>32 == fp && string(x.id(int32(s&0xffff_ffff)-1)) == id {
				return nil, fmt.Errorf("%w: duplicate %s id %q", ErrSnapshot, what, id)
			}
		}
		x.slots[at] = fp<<32 | uint64(i+1)
	}
	return x, nil
}

// id is the ID of record i, in the packed bytes.
func (x *idIndex) id(i int32) []byte {
	start := uint32(0)
	if i > 0 {
		start = x.ends[i-1]
	}
	return x.ids[start:x.ends[i]]
}

// hash is the slot where the search for id starts, and its fingerprint.
// The slot comes from the hash's high bits (Lemire's multiply-shift, which
// fits any table size), the fingerprint from its low bits.
func (x *idIndex) hash(id string) (at, fp uint64) {
	h := maphash.String(x.seed, id)
	at, _ = bits.Mul64(h, uint64(len(x.slots)))
	return at, h & 0xffff_ffff
}

func (x *idIndex) next(at uint64) uint64 {
	if at++; at == uint64(len(x.slots)) {
		return 0
	}
	return at
}

// get returns the index of the record with that ID.
func (x *idIndex) get(id string) (int32, bool) {
	at, fp := x.hash(id)
	for ; x.slots[at] != 0; at = x.next(at) {
		if s := x.slots[at]; s>>32 == fp {
			if i := int32(s&0xffff_ffff) - 1; string(x.id(i)) == id {
				return i, true
			}
		}
	}
	return -1, false
}
