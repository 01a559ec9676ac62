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
		// numbers of any length (issue 16: five digits and more were text)
		{"12345. long", "12345.", "long"},
		{"10000. Ten thousand", "10000.", "Ten thousand"},
		{"1234567890123. Any length", "1234567890123.", "Any length"},
		// article numbers with letters (India; German laws in running numbers)
		{"31A. Saving of laws", "31A.", "Saving of laws"},
		{"31B. Validation of certain Acts", "31B.", "Validation of certain Acts"},
		{"131A. Exclusive jurisdiction", "131A.", "Exclusive jurisdiction"},
		{"243ZA. Elections to Municipalities", "243ZA.", "Elections to Municipalities"},
		{"12a. Inserted", "12a.", "Inserted"},
		{"12a) Inserted", "12a)", "Inserted"},
		// appendix and section numbers with a letter
		{"A.1 Scope", "A.1", "Scope"},
		{"A.1. Scope", "A.1.", "Scope"},
		{"C.10. Changes since -09", "C.10.", "Changes since -09"},
		{"F.18 Registration", "F.18", "Registration"},
		{"B.2.3. Deeper", "B.2.3.", "Deeper"},
		// German: paragraphs and articles (headings), Absätze, Nummern, Buchstaben
		{"§ 12 Anwendungsbereich", "§ 12", "Anwendungsbereich"},
		{"§ 12", "§ 12", ""},
		{"§12 Glued", "§12", "Glued"},
		{"§ 12a Übergangsvorschrift", "§ 12a", "Übergangsvorschrift"},
		{"§ 74e Verfahren", "§ 74e", "Verfahren"},
		{"§ 12. Mit Punkt", "§ 12.", "Mit Punkt"},
		{"§ 12 No-break space", "§ 12", "No-break space"},
		{"§ 12 (weggefallen)", "§ 12", "(weggefallen)"},
		{"§§ 12 bis 14 (weggefallen)", "§§ 12 bis 14", "(weggefallen)"},
		{"§§ 12-14 (weggefallen)", "§§ 12-14", "(weggefallen)"},
		{"Art. 5 Meinungsfreiheit", "Art. 5", "Meinungsfreiheit"},
		{"Art 5 Ohne Punkt", "Art 5", "Ohne Punkt"},
		{"Art. 16a Asylrecht", "Art. 16a", "Asylrecht"},
		{"Artikel 5", "Artikel 5", ""},
		{"Artikel 5 Inkrafttreten", "Artikel 5", "Inkrafttreten"},
		{"Article 5 Scope", "Article 5", "Scope"},
		{"Article 5", "Article 5", ""},
		{"aa) Doppelbuchstabe", "aa)", "Doppelbuchstabe"},
		// Chinese: articles, chapters, sections, items, numbered sections
		{"第十二条 国家保护", "第十二条", "国家保护"},
		{"第十二条　国家保护", "第十二条", "国家保护"},
		{"第十二条国家保护", "第十二条", "国家保护"},
		{"第一百三十四条　中华人民共和国", "第一百三十四条", "中华人民共和国"},
		{"第12条 阿拉伯数字", "第12条", "阿拉伯数字"},
		{"第十二章 附则", "第十二章", "附则"},
		{"第一编　总则", "第一编", "总则"},
		{"第二节　全国人民代表大会", "第二节", "全国人民代表大会"},
		{"第十二条", "第十二条", ""},
		{"（一）发展社会主义", "（一）", "发展社会主义"},
		{"（二十）其他职权", "（二十）", "其他职权"},
		{"（一） 有空格", "（一）", "有空格"},
		{"(一) half-width", "(一)", "half-width"},
		{"（1）数字", "（1）", "数字"},
		{"一、总则", "一、", "总则"},
		{"十二、附则", "十二、", "附则"},
		{"1、总则", "1、", "总则"},
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
		{"12 bisect", "", "12 bisect"},
		{"States agreed", "", "States agreed"},
		{"", "", ""},
		{"abc) no", "", "abc) no"},
		{"a.b. no", "", "a.b. no"},
		{"- bullet", "", "- bullet"},
		{"12:30 meeting", "", "12:30 meeting"},
		{"12 bis 14", "", "12 bis 14"},
		{"1 bis 2 gelten entsprechend", "", "1 bis 2 gelten entsprechend"},
		{"10.000 Euro", "", "10.000 Euro"},
		{"1.000.000 Euro", "", "1.000.000 Euro"},
		{"5th. fifth", "", "5th. fifth"},
		{"12abc. letters", "", "12abc. letters"},
		{"A.1 of the annex", "", "A.1 of the annex"},
		{"A.b. no", "", "A.b. no"},
		// German running text
		{"§ 5 Abs. 2 gilt entsprechend.", "", "§ 5 Abs. 2 gilt entsprechend."},
		{"§ 5 gilt entsprechend.", "", "§ 5 gilt entsprechend."},
		{"§ 5 BGB gilt entsprechend.", "", "§ 5 BGB gilt entsprechend."},
		{"§ 12 bis 14", "", "§ 12 bis 14"},
		{"§ 5 Satz 1", "", "§ 5 Satz 1"},
		{"§ Paragraph", "", "§ Paragraph"},
		{"§5th", "", "§5th"},
		{"§ 8.", "", "§ 8."},
		{"Art. 8.", "", "Art. 8."},
		{"Art. 5 des Vertrags", "", "Art. 5 des Vertrags"},
		{"Art. 5 Abs. 3 GG", "", "Art. 5 Abs. 3 GG"},
		{"Article 5 of the Convention", "", "Article 5 of the Convention"},
		{"Artist 5 Painter", "", "Artist 5 Painter"},
		{"Art. Five", "", "Art. Five"},
		{"Nr. 1 bis 2", "", "Nr. 1 bis 2"},
		{"Abs. 1 Satz 2", "", "Abs. 1 Satz 2"},
		{"No. 5 Street", "", "No. 5 Street"},
		// initials of names
		{"T. Berners-Lee", "", "T. Berners-Lee"},
		{"T. Berners-Lee, R. Fielding, and L. Masinter", "", "T. Berners-Lee, R. Fielding, and L. Masinter"},
		{"J. Smith and", "", "J. Smith and"},
		{"J. Smith and T. Jones", "", "J. Smith and T. Jones"},
		{"J. Smith & K. Jones", "", "J. Smith & K. Jones"},
		{"J. Smith, \"Title\", 2001.", "", "J. Smith, \"Title\", 2001."},
		{"J. Smith et al.", "", "J. Smith et al."},
		{"J. R. R. Tolkien", "", "J. R. R. Tolkien"},
		{"G. van Rossum", "", "G. van Rossum"},
		{"V. Cerf and", "", "V. Cerf and"},
		{"B. Scope and purpose", "B.", "Scope and purpose"},
		{"A. Background, scope and purpose", "A.", "Background, scope and purpose"},
		{"C. Peace and Security", "C.", "Peace and Security"},
		{"IV. Smith and", "IV.", "Smith and"},
		// Chinese running text
		{"第十二条规定的权利", "", "第十二条规定的权利"},
		{"第十二条第二款", "", "第十二条第二款"},
		{"第三条、第四条", "", "第三条、第四条"},
		{"第十二个", "", "第十二个"},
		{"第条", "", "第条"},
		{"一些国家", "", "一些国家"},
		{"（注）", "", "（注）"},
		{"（一", "", "（一"},
		{"国家", "", "国家"},
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
		{"aa after z continues the letters", []string{"(y)", "(z)", "(aa)", "(bb)"}, []int{0, 0, 0, 0}},
		{"aa under a goes down", []string{"a)", "aa)", "bb)", "b)", "aa)"}, []int{0, 1, 1, 0, 1}},
		{"law: numbers under (1) under a heading", []string{"(1)", "1.", "a)", "aa)", "bb)", "b)", "2.", "(2)"}, []int{0, 1, 2, 3, 3, 2, 1, 0}},
		{"chinese items", []string{"（一）", "（二）", "（二十）"}, []int{0, 0, 0}},
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

func TestOutlineNumberedParagraph(t *testing.T) {
	// Under a numbered paragraph ("5."), "(1)" holds no items: "6." is the
	// next paragraph, not an item of "(1)".
	var o outline
	o.start("5.")
	if d := o.depth("(1)"); d != 0 {
		t.Errorf("depth of (1) under 5. = %d, want 0", d)
	}
	if o.isSub("6.") {
		t.Errorf("6. after 5. (1) read as an item")
	}
	// Under an article, it does.
	o.start("§ 5")
	o.depth("(1)")
	if !o.isSub("1.") {
		t.Errorf("1. after § 5 (1) not read as an item")
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
		{"gelten die Vorschriften nach Nr.", false},
		{"(§ 5 Abs.", false},
		{"im Sinne des Art.", false},
		{"as set out in No.", false},
		{"gemäß §", false},
		{"国家保障下列权利：", true},
		{"（一）发展经济；", true},
		{"都有权利。", true},
		{"the island", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsClause(tt.line); got != tt.want {
			t.Errorf("endsClause(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
