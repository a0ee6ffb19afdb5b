package documents

import (
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFilenameBytes caps the stored original file name.
const MaxFilenameBytes = 200

// Accepted content types, by what http.DetectContentType sniffs from the
// bytes (the client's Content-Type and extension are not trusted to allow a
// type). Office documents (xlsx, docx) sniff as ZIP archives; the extension
// then only refines the stored label. Anything sniffed as HTML, XML, script
// or unknown binary (application/octet-stream) is refused with 415, so a
// stored document can never be active content even if a browser ignored
// the attachment and nosniff headers.
var accepted = map[string]bool{
	"application/pdf":           true,
	"image/png":                 true,
	"image/jpeg":                true,
	"image/gif":                 true,
	"image/webp":                true,
	"text/plain; charset=utf-8": true,
	"application/zip":           true,
}

// zipKinds label ZIP-based office files by extension.
var zipKinds = map[string]string{
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// contentType sniffs head and returns the type to store, or "" when the
// type is not accepted.
func contentType(head []byte, filename string) (sniffed, stored string) {
	sniffed = http.DetectContentType(head)
	if !accepted[sniffed] {
		return sniffed, ""
	}
	ext := strings.ToLower(path.Ext(filename))
	switch sniffed {
	case "application/zip":
		if k, ok := zipKinds[ext]; ok {
			return sniffed, k
		}
	case "text/plain; charset=utf-8":
		if ext == ".csv" {
			return sniffed, "text/csv; charset=utf-8"
		}
	}
	return sniffed, sniffed
}

// SanitizeFilename keeps only the base name of what a client called its
// file: no directories (either slash), no control or format characters, no
// leading dots, valid UTF-8, at most MaxFilenameBytes bytes. An empty result
// becomes "document".
func SanitizeFilename(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	name = strings.TrimSpace(name)
	if len(name) > MaxFilenameBytes {
		cut := MaxFilenameBytes
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		ext := path.Ext(name)
		if len(ext) > 0 && len(ext) <= 10 && cut > len(ext) {
			base := name[:cut-len(ext)]
			for len(base) > 0 && !utf8.ValidString(base) {
				base = base[:len(base)-1]
			}
			name = base + ext
		} else {
			name = name[:cut]
		}
	}
	if name == "" {
		return "document"
	}
	return name
}
