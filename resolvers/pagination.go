package resolvers

import (
	"context"
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Connections page by offset: a cursor is the opaque base64 of an item's
// position in the ordered list. Without first or last a page holds
// defaultPage items; no page holds more than maxPage.
const (
	defaultPage = 100
	maxPage     = 1000
	cursorTag   = "offset:"
)

// pageArgs are the Relay arguments of a connection field.
type pageArgs struct {
	first, last   *int64
	after, before *string
}

func cursorFor(offset int) string {
	return base64.StdEncoding.EncodeToString([]byte(cursorTag + strconv.Itoa(offset)))
}

func decodeCursor(field, c string) (int, error) {
	raw, err := base64.StdEncoding.DecodeString(c)
	if err == nil && strings.HasPrefix(string(raw), cursorTag) {
		if n, err := strconv.Atoi(strings.TrimPrefix(string(raw), cursorTag)); err == nil && n >= 0 {
			return n, nil
		}
	}
	return 0, models.Invalid(field, "value_error", "is not a cursor of this connection")
}

func checkSize(field string, n *int64) error {
	if n != nil && (*n < 0 || *n > maxPage) {
		return models.Invalid(field, "value_error", "must be between 0 and %d", maxPage)
	}
	return nil
}

// bounds answers the window [start, end) of a list of total items.
func (a pageArgs) bounds(total int) (start, end int, err error) {
	if err := checkSize("first", a.first); err != nil {
		return 0, 0, err
	}
	if err := checkSize("last", a.last); err != nil {
		return 0, 0, err
	}
	end = total
	if a.after != nil {
		n, err := decodeCursor("after", *a.after)
		if err != nil {
			return 0, 0, err
		}
		start = min(n+1, total)
	}
	if a.before != nil {
		n, err := decodeCursor("before", *a.before)
		if err != nil {
			return 0, 0, err
		}
		end = min(end, n)
	}
	start = min(start, end)
	if a.first != nil {
		end = min(end, start+int(*a.first))
	}
	if a.last != nil {
		start = max(start, end-int(*a.last))
	}
	if a.first == nil && a.last == nil {
		end = min(end, start+defaultPage)
	}
	return start, end, nil
}

// pageOf is one page of a list: its items, where it starts and how many
// items the whole list has.
type pageOf[T any] struct {
	items []*T
	start int
	total int
}

// listPage pages a list the store windows: fetch answers one window and the
// count of all matches. Counting from the end (last without before) needs
// the total first, so costs one more query.
func listPage[T any](a pageArgs, fetch func(store.Page) ([]T, int, error)) (pageOf[T], error) {
	total := math.MaxInt32
	if a.last != nil && a.before == nil {
		if _, _, err := a.bounds(0); err != nil {
			return pageOf[T]{}, err
		}
		_, n, err := fetch(store.Page{Limit: 1})
		if err != nil {
			return pageOf[T]{}, err
		}
		total = n
	}
	start, end, err := a.bounds(total)
	if err != nil {
		return pageOf[T]{}, err
	}
	if end <= start {
		_, n, err := fetch(store.Page{Limit: 1})
		return pageOf[T]{start: min(start, n), total: n}, err
	}
	items, n, err := fetch(store.Page{Offset: start, Limit: end - start})
	if err != nil {
		return pageOf[T]{}, err
	}
	out := make([]*T, len(items))
	for i := range items {
		out[i] = &items[i]
	}
	return pageOf[T]{items: out, start: start, total: n}, nil
}

// slicePage pages a list already in memory (a has-many relation the
// dataloader fetched whole).
func slicePage[T any](a pageArgs, all []*T) (pageOf[T], error) {
	start, end, err := a.bounds(len(all))
	if err != nil {
		return pageOf[T]{}, err
	}
	return pageOf[T]{items: all[start:end], start: start, total: len(all)}, nil
}

// loadPage loads a has-many relation through load and pages it in memory.
func loadPage[T any](ctx context.Context, a pageArgs, load func(context.Context, string) ([]*T, error), key string) (pageOf[T], error) {
	all, err := load(ctx, key)
	if err != nil {
		return pageOf[T]{}, err
	}
	return slicePage(a, all)
}

func (p pageOf[T]) info() *model.PageInfo {
	info := &model.PageInfo{HasPreviousPage: p.start > 0, HasNextPage: p.start+len(p.items) < p.total}
	if len(p.items) > 0 {
		s, e := cursorFor(p.start), cursorFor(p.start+len(p.items)-1)
		info.StartCursor, info.EndCursor = &s, &e
	}
	return info
}

// edges builds a connection's edges with mk.
func edges[T, E any](p pageOf[T], mk func(cursor string, node *T) *E) []*E {
	out := make([]*E, len(p.items))
	for i, n := range p.items {
		out[i] = mk(cursorFor(p.start+i), n)
	}
	return out
}

// pageSize is the most items a connection field can answer, for the
// complexity estimate.
func pageSize(first, last *int64) int {
	n := defaultPage
	if first != nil {
		n = int(*first)
	}
	if last != nil && (first == nil || int(*last) < n) {
		n = int(*last)
	}
	return max(1, min(n, maxPage))
}
