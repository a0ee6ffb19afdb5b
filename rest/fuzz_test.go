package rest

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/xiber/netos/models"
)

// The JSON decoders face every client: whatever the bytes, they answer a
// value or an ErrInvalid (a 422), never a panic or another error.

func FuzzParseObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"a":`, `[1]`, `"x"`, ``, `{} {}`, `{"a":{"b":[1,2,{"c":null}]}}`, "\xff{", `{"a":1e999}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		raw, err := parseObject(body)
		if err != nil {
			if !errors.Is(err, models.ErrInvalid) {
				t.Fatalf("error outside the vocabulary: %v", err)
			}
			return
		}
		for _, v := range raw {
			if !json.Valid(v) {
				t.Fatalf("member is not valid JSON: %s", v)
			}
		}
	})
}

// strictTarget has the member kinds REST bodies use.
type strictTarget struct {
	EventType string   `json:"event_type"`
	EventDate *string  `json:"event_date"`
	IDs       []string `json:"circuit_ids"`
	Count     int64    `json:"count"`
	Nested    struct {
		Flag bool `json:"flag"`
	} `json:"nested"`
}

func FuzzParseStrict(f *testing.F) {
	for _, s := range []string{`{"event_type":"x"}`, `{"event_type":1}`, `{"who":1}`, `{"circuit_ids":["a",2]}`, `{"count":1.5}`, `{"nested":{"flag":"no"}}`, `{`, `null`, `{"event_date":null} x`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var v strictTarget
		if err := parseStrict(body, &v); err != nil && !errors.Is(err, models.ErrInvalid) {
			t.Fatalf("error outside the vocabulary: %v", err)
		}
	})
}
