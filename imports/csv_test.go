package imports

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xiber/netos/models"
)

// records opens data and returns its headers and data records.
func records(t *testing.T, data []byte, filename string, opts Options) ([]string, []Record) {
	t.Helper()
	src, err := Open(bytes.NewReader(data), filename, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer src.Close()
	var recs []Record
	for src.Next() {
		rec := src.Record()
		rec.Cells = append([]string(nil), rec.Cells...)
		recs = append(recs, rec)
	}
	if err := src.Err(); err != nil {
		t.Fatalf("Next: %v", err)
	}
	return src.Headers(), recs
}

func TestCSVReading(t *testing.T) {
	tests := []struct {
		name        string
		data        string
		wantHeaders string // joined with |
		wantRows    string // each record "number:cell|cell", joined with ;
	}{
		{"comma", "Label,Carrier\nX-1,Lumen\nX-2,Zayo\n", "Label|Carrier", "2:X-1|Lumen;3:X-2|Zayo"},
		{"semicolon", "Label;Carrier;MRC\nX-1;Lumen;2,500.00\n", "Label|Carrier|MRC", "2:X-1|Lumen|2,500.00"},
		{"tab", "Label\tCarrier\tNotes\nX-1\tLumen\tCleveland, OH\n", "Label|Carrier|Notes", "2:X-1|Lumen|Cleveland, OH"},
		{"pipe", "Label|Carrier\nX-1|Lumen\n", "Label|Carrier", "2:X-1|Lumen"},
		{"CRLF line ends", "Label,Carrier\r\nX-1,Lumen\r\n", "Label|Carrier", "2:X-1|Lumen"},
		{"classic Mac CR line ends", "Label,Carrier\rX-1,Lumen\r", "Label|Carrier", "2:X-1|Lumen"},
		{"UTF-8 byte-order mark", "\xEF\xBB\xBFLabel,Carrier\nX-1,Lumen\n", "Label|Carrier", "2:X-1|Lumen"},
		{"Excel's sep= line", "sep=;\nLabel;Carrier\nX-1;Lumen, Inc\n", "Label|Carrier", "3:X-1|Lumen, Inc"},
		{
			"an embedded newline: a record is numbered by the line it starts on",
			"Label,Notes,Carrier\nX-1,\"two\nlines\",Lumen\nX-2,\"three\r\nline\r\nnote\",Zayo\nX-3,,Cogent\n",
			"Label|Notes|Carrier", "2:X-1|two\nlines|Lumen;4:X-2|three\nline\nnote|Zayo;7:X-3||Cogent",
		},
		{
			"delimiters inside quotes do not sway the guess",
			"Label;Notes\nX-1;\"a,b,c,d\"\nX-2;\"e,f,g,h\"\n", "Label|Notes", "2:X-1|a,b,c,d;3:X-2|e,f,g,h",
		},
		{
			"title and blank lines above the header count in row numbers",
			"Xiber circuits\n\nexported 2025-01-06\nLabel,Carrier,Service\n\nX-1,Lumen,wave\n,,\nX-2,Zayo,dia\n",
			"Label|Carrier|Service", "6:X-1|Lumen|wave;8:X-2|Zayo|dia",
		},
		{
			"a stray quote inside a field is text",
			"Label,Notes\nX-1,19\" rack in MMR\n", "Label|Notes", "2:X-1|19\" rack in MMR",
		},
		{
			"doubled quotes in a quoted field",
			"Label,Notes\nX-1,\"say \"\"hi\"\"\"\n", "Label|Notes", "2:X-1|say \"hi\"",
		},
		{
			"ragged rows and trailing padding",
			"Label,Carrier,,,\nX-1\nX-2,Zayo,extra,more\n", "Label|Carrier", "2:X-1;3:X-2|Zayo|extra|more",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			headers, recs := records(t, []byte(tt.data), "circuits.csv", Options{})
			if got := strings.Join(headers, "|"); got != tt.wantHeaders {
				t.Errorf("headers = %q; want %q", got, tt.wantHeaders)
			}
			var rows []string
			for _, r := range recs {
				rows = append(rows, fmt.Sprintf("%d:%s", r.Number, strings.Join(r.Cells, "|")))
			}
			if got := strings.Join(rows, ";"); got != tt.wantRows {
				t.Errorf("rows = %q; want %q", got, tt.wantRows)
			}
		})
	}
}

func TestCSVUTF16(t *testing.T) {
	text := "Label\tCarrier\r\nXIB-É-1\tLumen\r\n"
	for _, bigEndian := range []bool{false, true} {
		t.Run(fmt.Sprintf("big endian %v", bigEndian), func(t *testing.T) {
			data := []byte{0xFF, 0xFE}
			if bigEndian {
				data = []byte{0xFE, 0xFF}
			}
			for _, u := range utf16.Encode([]rune(text)) {
				if bigEndian {
					data = append(data, byte(u>>8), byte(u))
				} else {
					data = append(data, byte(u), byte(u>>8))
				}
			}
			_, recs := records(t, data, "circuits.txt", Options{})
			if len(recs) != 1 || recs[0].Cells[0] != "XIB-É-1" {
				t.Errorf("records = %v", recs)
			}
		})
	}
}

func TestCSVRefusals(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr string
	}{
		{"invalid UTF-8 names its line", "Label,Carrier\nX-1,Lumen\nX-2,Soci\xe9t\xe9\n", `line 3 is not valid UTF-8 (byte 0xE9)`},
		{"a quote never closed names the line it opens on", "Label,Notes\nX-1,ok\nX-2,\"runs on\nX-3,and on\n", `line 3 opens a quoted field that is never closed`},
		{"an empty file", "", "the file is empty"},
		{"only white space", " \r\n\n", "the file is empty"},
		{"only blank records", ",,\n , ,\n", "the file has no rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(strings.NewReader(tt.data), "circuits.csv", Options{})
			if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v; want ErrInvalid with %q", err, tt.wantErr)
			}
		})
	}
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name string
		data string
		want rune
	}{
		{"commas", "a,b,c\n1,2,3\n", ','},
		{"semicolons with decimal commas", "a;b;c\n1,5;2;3\n4;5,25;6\n", ';'},
		{"tabs with commas in addresses", "a\tb\tc\nx\tCleveland, OH\tz\ny\tAkron, OH\tw\n", '\t'},
		{"pipes under a title", "Circuit report\na|b|c\n1|2|3\n4|5|6\n", '|'},
		{"a single column", "label\nX-1\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter([]byte(tt.data)); got != tt.want {
				t.Errorf("sniffDelimiter = %q; want %q", got, tt.want)
			}
		})
	}
}
