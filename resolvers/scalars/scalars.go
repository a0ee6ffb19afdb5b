// Package scalars binds NetOS's exact number and date types to the GraphQL
// scalars Money, Decimal and Date. Output is always a string so no client
// rounds money through a float; input takes a string or a number.
package scalars

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/xiber/netos/models"
)

// MarshalMoney writes dollars with two decimals as a string ("2500.00").
func MarshalMoney(m models.Money) graphql.Marshaler {
	return quoted(m.String())
}

// UnmarshalMoney reads a decimal string or number with at most two decimals.
func UnmarshalMoney(v any) (models.Money, error) {
	s, err := numberText(v)
	if err != nil {
		return 0, err
	}
	m, err := models.ParseMoney(s)
	return m, invalid(err)
}

// MarshalDecimal writes the decimal as a string ("3.5").
func MarshalDecimal(d models.Decimal) graphql.Marshaler {
	return quoted(d.String())
}

// UnmarshalDecimal reads a decimal string or number with at most six decimals.
func UnmarshalDecimal(v any) (models.Decimal, error) {
	s, err := numberText(v)
	if err != nil {
		return 0, err
	}
	d, err := models.ParseDecimal(s)
	return d, invalid(err)
}

// MarshalDate writes "YYYY-MM-DD".
func MarshalDate(d models.Date) graphql.Marshaler {
	return quoted(d.String())
}

// UnmarshalDate reads "YYYY-MM-DD".
func UnmarshalDate(v any) (models.Date, error) {
	s, ok := v.(string)
	if !ok {
		return models.Date{}, invalid(fmt.Errorf("must be a date string YYYY-MM-DD"))
	}
	d, err := models.ParseDate(s)
	return d, invalid(err)
}

// invalid makes a scalar's parse error a validation error, so the error
// presenter shows it (code INVALID) instead of hiding it as internal.
func invalid(err error) error {
	if err == nil {
		return nil
	}
	return models.Invalid("", "value_error", "%s", err.Error())
}

func quoted(s string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(s)) })
}

// numberText turns the forms a number arrives in (a string literal, a JSON
// number from variables, an integer or float literal) into text to parse
// exactly.
func numberText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	}
	return "", invalid(fmt.Errorf("must be a decimal number or string"))
}
