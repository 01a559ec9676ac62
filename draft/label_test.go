package draft

import "testing"

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		text, label, rest string
	}{
		// paragraph numbers
		{"12. States agreed", "12.", "States agreed"},
		{"12) States agreed", "12)", "States agreed"},
		{"3.1 Scope of the report", "3.1", "Scope of the report"},
		{"3.1. Scope", "3.1.", "Scope"},
		{"3.1.2. Scope", "3.1.2.", "Scope"},
		{"3.1 (a) text", "3.1", "(a) text"},
		{"12 bis. Inserted", "12 bis.", "Inserted"},
		{"12bis. Inserted", "12bis.", "Inserted"},
		{"12 ter. Inserted", "12 ter.", "Inserted"},
		{"12 quater. Inserted", "12 quater.", "Inserted"},
		{"12 bis Inserted", "12 bis", "Inserted"},
		{"12bis Inserted", "12bis", "Inserted"},
		{"7.", "7.", ""},
		{"7.\tTabbed", "7.", "Tabbed"},
		{"7.\u00a0No-break space", "7.", "No-break space"},
		{"7.\nNext line", "7.", "Next line"},
		{"7.   Many spaces", "7.", "Many spaces"},
		{"0012. Leading zeros", "0012.", "Leading zeros"},
		// sub-paragraphs
		{"(a) the Internet", "(a)", "the Internet"},
		{"(z) last", "(z)", "last"},
		{"(aa) after z", "(aa)", "after z"},
		{"(iv) fourth", "(iv)", "fourth"},
		{"(xxiii) roman", "(xxiii)", "roman"},
		{"(i) first", "(i)", "first"},
		{"(1) one", "(1)", "one"},
		{"(12) twelve", "(12)", "twelve"},
		{"(A) capital", "(A)", "capital"},
		{"(IV) capital roman", "(IV)", "capital roman"},
		{"a) closing only", "a)", "closing only"},
		{"iv) closing roman", "iv)", "closing roman"},
		{"(b)", "(b)", ""},
		// sections
		{"A. Introduction", "A.", "Introduction"},
		{"IV. Conclusions", "IV.", "Conclusions"},
		{"XL. Fortieth", "XL.", "Fortieth"},
		{"I. Introduction", "I.", "Introduction"},
		{"B.", "B.", ""},
		// preambular and operative paragraphs
		{"OP 7 Requests", "OP 7", "Requests"},
		{"OP7 Requests", "OP7", "Requests"},
		{"OP 7. Requests", "OP 7.", "Requests"},
		{"PP3 Recalling", "PP3", "Recalling"},
		{"PP 3. Recalling", "PP 3.", "Recalling"},
		{"OP 7 bis. Requests", "OP 7 bis.", "Requests"},

		// not labels
		{"2021 was a year", "", "2021 was a year"},
		{"12 States agreed", "", "12 States agreed"},
		{"1.5 million people", "", "1.5 million people"},
		{"12.5% of States", "", "12.5% of States"},
		{"12.States", "", "12.States"},
		{"(a)glued", "", "(a)glued"},
		{"(see above) text", "", "(see above) text"},
		{"(ab) mixed letters", "", "(ab) mixed letters"},
		{"(A/AC.299/2026/3).", "", "(A/AC.299/2026/3)."},
		{"(a", "", "(a"},
		{"()", "", "()"},
		{"[Alt 1: States agreed]", "", "[Alt 1: States agreed]"},
		{"[12.] bracketed", "", "[12.] bracketed"},
		{"I am not a label", "", "I am not a label"},
		{"I", "", "I"},
		{"A", "", "A"},
		{"AB. two capitals", "", "AB. two capitals"},
		{"Mr. Smith", "", "Mr. Smith"},
		{"U.S. policy", "", "U.S. policy"},
		{"L. fifty is a letter", "L.", "fifty is a letter"},
		{"IIII. not canonical", "", "IIII. not canonical"},
		{"VX. not canonical", "", "VX. not canonical"},
		{"OPEC members", "", "OPEC members"},
		{"OP", "", "OP"},
		{"PP seven", "", "PP seven"},
		{"12345. too long", "", "12345. too long"},
		{"12 bisect", "", "12 bisect"},
		{"States agreed", "", "States agreed"},
		{"", "", ""},
		{"abc) no", "", "abc) no"},
		{"a.b. no", "", "a.b. no"},
		{"- bullet", "", "- bullet"},
		{"12:30 meeting", "", "12:30 meeting"},
	}
	for _, tt := range tests {
		label, rest := splitLabel(tt.text)
		if label != tt.label || rest != tt.rest {
			t.Errorf("splitLabel(%q) = %q, %q; want %q, %q", tt.text, label, rest, tt.label, tt.rest)
		}
	}
}

func TestOutlineDepth(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		depths []int
	}{
		{"letters", []string{"(a)", "(b)", "(c)"}, []int{0, 0, 0}},
		{"roman under letter", []string{"(a)", "(i)", "(ii)", "(b)"}, []int{0, 1, 1, 0}},
		{"i after h is a letter", []string{"(g)", "(h)", "(i)", "(j)"}, []int{0, 0, 0, 0}},
		{"v after iv is roman", []string{"(a)", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(b)"}, []int{0, 1, 1, 1, 1, 1, 0}},
		{"v after u is a letter", []string{"(t)", "(u)", "(v)", "(w)", "(x)"}, []int{0, 0, 0, 0, 0}},
		{"x after ix is roman", []string{"(a)", "(viii)", "(ix)", "(x)"}, []int{0, 1, 1, 1}},
		{"numbers under roman", []string{"(a)", "(i)", "(1)", "(ii)"}, []int{0, 1, 2, 1}},
		{"closing parenthesis", []string{"a)", "i)", "b)"}, []int{0, 1, 0}},
	}
	for _, tt := range tests {
		var o outline
		for i, label := range tt.labels {
			if got := o.depth(label); got != tt.depths[i] {
				t.Errorf("%s: depth of %s (#%d) = %d, want %d", tt.name, label, i, got, tt.depths[i])
			}
		}
	}
}

func TestEndsClause(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"States agreed that:", true},
		{"the Internet;", true},
		{"supply chains; and", true},
		{"supply chains; or", true},
		{"as follows,", true},
		{`he said "yes."`, true},
		{"(see paragraph 5.)", true},
		{"as referred to in paragraph", false},
		{"the island", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsClause(tt.line); got != tt.want {
			t.Errorf("endsClause(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
