package imports

import "testing"

func TestAppendUnescaped(t *testing.T) {
	tests := map[string]string{
		"_x0041_": "A", "_x005F_x0041_": "_x0041_", "_x005f_": "_", "a_x00e9_b": "aéb", "_xD800_": "", "_x004G_": "_x004G_",
		"_X0041_": "_X0041_", "_x0041": "_x0041", "__x0041__": "_A_", "_x000D__x000A_": "\r\n", "no escapes": "no escapes",
	}
	for in, want := range tests {
		if got := string(appendUnescaped(nil, []byte(in))); got != want {
			t.Errorf("appendUnescaped(%q) = %q; want %q", in, got, want)
		}
	}
}
