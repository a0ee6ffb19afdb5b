package rest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/xiber/netos/models"
)

// maxJSONBody caps a JSON request body (bulk requests of 1,000 IDs fit easily).
const maxJSONBody = 1 << 20

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// readBody reads a capped request body; too large is ErrTooLarge.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, fmt.Errorf("request body is over %d bytes: %w", maxJSONBody, models.ErrTooLarge)
	}
	if err != nil {
		return nil, models.Invalid("", "value_error", "could not read the request body")
	}
	return body, nil
}

// decodeObject reads a JSON object into its raw members, so each field can
// be decoded by its schema and unknown ones reported.
func decodeObject(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, error) {
	body, err := readBody(w, r)
	if err != nil {
		return nil, err
	}
	return parseObject(body)
}

func parseObject(body []byte) (map[string]json.RawMessage, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return nil, models.Invalid("", "type_error", "the body must be a JSON object")
	}
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil {
		return nil, models.Invalid("", "json_invalid", "the body is not valid JSON: %s", jsonProblem(err))
	}
	if dec.More() {
		return nil, models.Invalid("", "json_invalid", "the body has data after the JSON object")
	}
	return raw, nil
}

// decodeStrict decodes a JSON body into v, refusing unknown fields.
func decodeStrict(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := readBody(w, r)
	if err != nil {
		return err
	}
	return parseStrict(body, v)
}

func parseStrict(body []byte, v any) error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return models.Invalid("", "type_error", "the body must be a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return models.Invalid(strings.Trim(name, `"`), "extra_forbidden", "is not an accepted field")
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return models.Invalid(te.Field, "type_error", "must be of type %s", jsonTypeName(te.Type.Kind().String()))
		}
		return models.Invalid("", "json_invalid", "the body is not valid JSON: %s", jsonProblem(err))
	}
	if dec.More() {
		return models.Invalid("", "json_invalid", "the body has data after the JSON object")
	}
	return nil
}

func jsonTypeName(kind string) string {
	switch kind {
	case "slice", "array":
		return "array"
	case "map", "struct":
		return "object"
	case "int", "int64", "float64":
		return "number"
	}
	return kind
}

// jsonProblem words a decoder error without Go type names.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input"
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s has the wrong type", te.Field)
	}
	return "malformed"
}
