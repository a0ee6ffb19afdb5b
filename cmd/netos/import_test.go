package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiber/netos/dbtest"
)

func TestImportCircuits(t *testing.T) {
	dbURL, dataDir := dbtest.DatabaseURL(t), t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		var out, errs bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errs}
		args = append([]string{"import", "circuits"}, args...)
		if err := m.Run(context.Background(), append(args, "--database-url", dbURL, "--data-dir", dataDir)); err != nil {
			t.Fatalf("%v\n%s", err, errs.String())
		}
		return out.String()
	}
	file := filepath.Join("..", "..", "examples", "sample_circuits.xlsx")
	out := run(file)
	for _, want := range []string{"sample_circuits.xlsx (xlsx), sheet Circuits, header on row 3", "Circuit Label       xiber_circuit_label",
		"12 total, 12 valid, 0 invalid", "XIB-LUM-0042", "Nothing written"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if out := run("--commit", file); !strings.Contains(out, "Committed: 12 inserted, 0 updated (0 unchanged), 0 invalid") {
		t.Errorf("commit:\n%s", out)
	}
	if out := run(file, "--commit"); !strings.Contains(out, "Committed: 0 inserted, 12 updated (12 unchanged), 0 invalid") {
		t.Errorf("re-import:\n%s", out)
	}
}
