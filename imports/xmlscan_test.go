package imports

import (
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// Text decodes as encoding/xml decodes it, or fails where it fails.
func TestAppendTextDecodesAsEncodingXML(t *testing.T) {
	for _, raw := range []string{
		"plain", "", "&amp;&lt;&gt;&quot;&apos;", "&#65;&#x42;&#x1f600;&#X41;", "&#xD800;", "&#0;", "&#x110000;", "&#;", "&#x;",
		"&amp", "&unknown;", "& amp;", "a\r\nb\rc\n\r\n", "&#13;\n", "tab\tok", "bell\a", "café ✓", "bad \xff byte",
		"\uFFFE", "\U0001F600", "&#65 ;", "&#9999999999;", "&#x0041;&#0065;",
	} {
		var want struct {
			V string `xml:",chardata"`
		}
		wantErr := xml.Unmarshal([]byte("<t>"+raw+"</t>"), &want)
		got, gotErr := appendText(nil, []byte(raw), false)
		if (gotErr != nil) != (wantErr != nil) || gotErr == nil && string(got) != want.V {
			t.Errorf("appendText(%q) = %q, %v; encoding/xml reads %q, %v", raw, got, gotErr, want.V, wantErr)
		}
	}
}

// xmlTokens lists a document's tokens as encoding/xml's Decoder.Token
// returns them, comments, processing instructions and directives left out.
func xmlTokens(t *testing.T, doc string) []string {
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("encoding/xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			s := "<" + tok.Name.Local
			for _, a := range tok.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s+">")
		case xml.EndElement:
			out = append(out, "</"+tok.Name.Local+">")
		case xml.CharData:
			out = append(out, fmt.Sprintf("%q", string(tok)))
		}
	}
}

// scannerTokens lists the same with the scanner through a buffer of size
// bytes.
func scannerTokens(t *testing.T, doc string, size int) []string {
	x := newXMLScanner(strings.NewReader(doc), size)
	var out []string
	for {
		if err := x.next(); err != nil {
			t.Fatalf("%d-byte buffer: %v", size, err)
		}
		switch x.kind {
		case tokEOF:
			return out
		case tokStart:
			s := "<" + string(x.name)
			for _, a := range x.attrs {
				v, err := attrValue(a.value)
				if err != nil {
					t.Fatal(err)
				}
				s += fmt.Sprintf(" %s=%q", a.name, v)
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(x.name)+">")
		case tokText:
			text, err := appendText(nil, x.text, x.cdata)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%q", text))
		}
	}
}

// The scanner splits documents into encoding/xml's tokens whatever its
// buffer's size, so that a token cut anywhere by a refill, or a part
// ending right at one, reads the same.
func TestScannerTokensAsEncodingXML(t *testing.T) {
	docs := []string{sharedStringsXML([]string{"a", "b & c", " spaced "}), stylesXML, workbookXML(true, "One", "Two:hidden")}
	for _, c := range handWrittenSheets {
		if strings.HasPrefix(c.sheet, "<?xml") {
			docs = append(docs, c.sheet)
		} else {
			docs = append(docs, sheetXML(c.sheet))
		}
		if c.sst != "" {
			docs = append(docs, c.sst)
		}
	}
	for _, doc := range docs {
		want := xmlTokens(t, doc)
		for size := 16; size <= 80; size++ {
			if got := scannerTokens(t, doc, size); !reflect.DeepEqual(got, want) {
				t.Fatalf("%d-byte buffer:\n got %q\nwant %q\nin %s", size, got, want, doc)
			}
		}
	}
}
