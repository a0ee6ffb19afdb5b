package documents

import (
	"strings"
	"testing"
)

func TestSanitizeFilename(t *testing.T) {
	cases := map[string]string{
		"report.pdf":                      "report.pdf",
		"../../etc/passwd":                "passwd",
		`C:\Users\x\bill.pdf`:             "bill.pdf",
		"a\x00b\r\nc.txt":                 "abc.txt",
		"\u202Efdp.exe":                   "fdp.exe",
		"...hidden":                       "hidden",
		"":                                "document",
		"/":                               "document",
		strings.Repeat("é", 300) + ".pdf": strings.Repeat("é", 98) + ".pdf",
	}
	for in, want := range cases {
		if got := SanitizeFilename(in); got != want {
			t.Errorf("SanitizeFilename(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContentTypeIsSniffedNotTrusted(t *testing.T) {
	cases := []struct {
		name, filename, head, want string
	}{
		{"a PDF is a PDF whatever its name", "x.exe", "%PDF-1.7\n", "application/pdf"},
		{"a CSV is plain text labelled CSV", "sites.csv", "a,b\n1,2\n", "text/csv; charset=utf-8"},
		{"a docx is a ZIP labelled by extension", "memo.docx", "PK\x03\x04rest", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"a plain ZIP stays a ZIP", "a.zip", "PK\x03\x04rest", "application/zip"},
		{"HTML named .pdf is refused", "x.pdf", "<!DOCTYPE html><html>", ""},
		{"SVG (script-capable XML) is refused", "x.png", "<?xml version=\"1.0\"?><svg>", ""},
		{"unknown binary is refused", "x.bin", "\x00\x01\x02\x03\xff", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := contentType([]byte(tc.head), tc.filename); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}
