package models_test

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/xiber/netos/models"
)

// TestChangesMarshalLikeEncodingJSON holds the hand-written encoder to
// encoding/json's bytes, over random changes of every value type records
// hold and random strings (control characters, HTML, U+2028, invalid
// UTF-8).
func TestChangesMarshalLikeEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", "0", " ", "\"", "\\", "/", "<", ">", "&", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"é", "ü", "—", "\u2028", "\u2029", "😀", "\xff", "\xc3", "\xe2\x80"}
	str := func() string {
		var b bytes.Buffer
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	floats := []float64{0, -0.5, 1e-7, 123456.789, 1e21, 1e20, -3.2e-9, math.MaxFloat64, math.SmallestNonzeroFloat64, 39.9612345}
	value := func() any {
		switch rng.IntN(11) {
		case 0:
			return nil
		case 1, 2:
			return str()
		case 3:
			return rng.IntN(2) == 0
		case 4:
			return rng.Int64() - rng.Int64()
		case 5:
			return rng.IntN(1000) - 500
		case 6:
			return models.Money(rng.Int64N(1e12) - 5e11)
		case 7:
			return models.Decimal(rng.Int64N(1e9) - 5e8)
		case 8:
			return models.NewDate(2000+rng.IntN(50), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		case 9:
			return floats[rng.IntN(len(floats))]
		}
		return []string{str()} // any other type goes through encoding/json
	}
	for i := range 5_000 {
		c := models.Changes{}
		for range rng.IntN(6) {
			c[str()] = models.FieldChange{Before: value(), After: value()}
		}
		if i == 0 {
			c = nil
		}
		got, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(models.Changes(c))
		if err != nil {
			t.Fatal(err)
		}
		direct, _ := c.MarshalJSON()
		if !bytes.Equal(got, want) || !bytes.Equal(direct, want) {
			t.Fatalf("changes %#v:\n got    %s\n direct %s\n want   %s", c, got, direct, want)
		}
	}
}
