package imports

import (
	"errors"
	"strings"
	"unicode"

	"github.com/xiber/netos/models"
)

// normalizeEnum reduces an enum spelling to letters and digits, so case,
// spaces, hyphens and underscores do not matter ("Month-to-Month" and
// "month_to_month" are both "monthtomonth").
func normalizeEnum(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupEnum is lookup[normalizeEnum(s)] without allocating for the short
// ASCII spellings that fill real columns.
func lookupEnum(lookup map[string]string, s string) (string, bool) {
	var buf [48]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || n == len(buf):
			v, ok := lookup[normalizeEnum(s)]
			return v, ok
		case 'A' <= c && c <= 'Z':
			buf[n] = c + 'a' - 'A'
			n++
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			buf[n] = c
			n++
		}
	}
	v, ok := lookup[string(buf[:n])]
	return v, ok
}

// enumIndex maps normalised spellings of an enum's values to the values.
type enumIndex struct {
	values []string
	lookup map[string]string
}

func newEnumIndex(values []string, synonyms []synonymList) enumIndex {
	idx := enumIndex{values: values, lookup: map[string]string{}}
	for _, v := range values {
		idx.lookup[normalizeEnum(v)] = v
	}
	for _, s := range synonyms {
		for _, syn := range s.synonyms {
			idx.lookup[normalizeEnum(syn)] = s.canonical
		}
	}
	return idx
}

var (
	statusEnum      = newEnumIndex(models.CircuitStatuses, statusSynonyms)
	serviceTypeEnum = newEnumIndex(models.ServiceTypes, serviceTypeSynonyms)
	renewalEnum     = newEnumIndex(models.RenewalTypes, renewalSynonyms)
)

// parse finds the enum value a cell spells.
func (e enumIndex) parse(s string) (string, error) {
	if v, ok := lookupEnum(e.lookup, s); ok {
		return v, nil
	}
	return "", errors.New("is not one of " + strings.Join(e.values, ", "))
}

// stateIndex maps lower-cased state names and codes to USPS codes.
var stateIndex = func() map[string]string {
	idx := make(map[string]string, 2*len(usStates))
	for code, name := range usStates {
		idx[strings.ToLower(code)] = code
		idx[strings.ToLower(name)] = code
	}
	return idx
}()

// normalizeState turns a US state name or code into its USPS code and keeps
// anything else (a province, a typo) as written.
func normalizeState(s string) string {
	if _, ok := usStates[s]; ok {
		return s
	}
	if code, ok := stateIndex[strings.ToLower(strings.Join(strings.Fields(s), " "))]; ok {
		return code
	}
	return s
}
