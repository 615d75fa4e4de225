package wordshape

import "testing"

func TestShapes(t *testing.T) {
	tests := []struct {
		w                    string
		lower                string
		capitalised, acronym bool
		alnum                bool
	}{
		{"said", "said", false, false, true},
		{"Bali", "bali", true, false, true},
		{"AFP", "afp", true, true, true},
		{"U.S.", "u.s.", true, true, true},
		{"I", "i", true, false, true},
		{"Élysée", "élysée", true, false, true},
		{"”", "”", false, false, false},
		{"2,000", "2,000", false, false, true},
		{"", "", false, false, false},
	}
	for _, tt := range tests {
		if got := Lower(tt.w); got != tt.lower {
			t.Errorf("Lower(%q) = %q, want %q", tt.w, got, tt.lower)
		}
		if got := Capitalised(tt.w); got != tt.capitalised {
			t.Errorf("Capitalised(%q) = %v", tt.w, got)
		}
		if got := Acronym(tt.w); got != tt.acronym {
			t.Errorf("Acronym(%q) = %v", tt.w, got)
		}
		if got := HasAlnum(tt.w); got != tt.alnum {
			t.Errorf("HasAlnum(%q) = %v", tt.w, got)
		}
	}
}

func TestLowerDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Lower("already") }); n != 0 {
		t.Errorf("Lower on a lower-case word allocates %v times", n)
	}
}
