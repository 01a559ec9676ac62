package draft

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

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
		{"Article 5 – Scope", "Article 5", "– Scope"},
		{"§ 1 - Zweck", "§ 1", "- Zweck"},
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
		{"第十二條　繁體", "第十二條", "繁體"},
		{"第一編 總則", "第一編", "總則"},
		{"第三節 會議", "第三節", "會議"},
		{"第一万條", "第一万條", ""},
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
		{"J. Smith and\nK. Jones", "", "J. Smith and\nK. Jones"},
		{"J. Smith\net al.", "", "J. Smith\net al."},
		{"§ 5 Abs.\n2 gilt", "", "§ 5 Abs.\n2 gilt"},
		{"J. Smith & K. Jones", "", "J. Smith & K. Jones"},
		{"J. Smith, \"Title\", 2001.", "", "J. Smith, \"Title\", 2001."},
		{"J. Smith et al.", "", "J. Smith et al."},
		{"J. R. R. Tolkien", "", "J. R. R. Tolkien"},
		{"G. van Rossum", "", "G. van Rossum"},
		{"K. Jones. Reading Drafts.", "", "K. Jones. Reading Drafts."},
		{"A. Introduction. States agreed.", "", "A. Introduction. States agreed."},
		{"V. Cerf and", "", "V. Cerf and"},
		{"B. Scope and purpose", "B.", "Scope and purpose"},
		{"A. Background, scope and purpose", "A.", "Background, scope and purpose"},
		{"C. Peace and Security", "C.", "Peace and Security"},
		{"IV. Smith and", "IV.", "Smith and"},
		{"I. INTRODUCTION, SCOPE AND PURPOSE", "I.", "INTRODUCTION, SCOPE AND PURPOSE"},
		{"A. NON-PROLIFERATION", "A.", "NON-PROLIFERATION"},
		{"B. CONCLUSIONS.", "B.", "CONCLUSIONS."},
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

func TestEndsWithReference(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"gelten die Vorschriften nach Nr.", true},
		{"bekannt zu geben (§ 4 Abs.", true},
		{"nach §", true},
		{"die §§", true},
		{"im Sinne des Art.", true},
		{"as referred to in paragraph", true},
		{"set out in section", true},
		{"the Museum of Modern Art", false},
		{"signed by John S.", false},
		{"States agreed.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsWithReference(tt.line); got != tt.want {
			t.Errorf("endsWithReference(%q) = %v, want %v", tt.line, got, tt.want)
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
		{"gelten die Vorschriften nach Nr.", false},
		{"(§ 5 Abs.", false},
		{"im Sinne des Art.", false},
		{"as set out in No.", false},
		{"signed by John S.", true},
		{"gemäß §", false},
		{"国家保障下列权利：", true},
		{"（一）发展经济；", true},
		{"都有权利。", true},
		{"no law providing for—", true},
		{"Anlagen zur Einleitung von Abwasser in Gewässer und", true},
		{"Anlagen zur Einleitung von Abwasser oder", true},
		{"Anlagen zum Grund", false},
		{"no law providing for--", true},
		{"a well-", false},
		{"the island", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsClause(tt.line); got != tt.want {
			t.Errorf("endsClause(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// lawBlock is a block expected from a draft of testdata/laws: its kind,
// level and label, and how its text starts.
type lawBlock struct {
	kind      Kind
	level     int
	label     string
	textStart string
}

// TestReadLaws reads the drafts of testdata/laws, written in the forms of
// legal traditions, and checks every block's kind, level, label and text.
func TestReadLaws(t *testing.T) {
	tests := []struct {
		file string
		want []lawBlock
	}{
		// a German-style law: § headings, (1) Absätze, 1. Nummern, a) and aa) Buchstaben; "Nr.\n1 bis 2" and "Abs.\n1)" stay in their Absatz
		{"de-v1.txt", []lawBlock{
			{Heading, 1, "", "Gesetz über die Aufsicht"},
			{Paragraph, 0, "", "Abschnitt 1 - Allgemeine"},
			{Heading, 2, "§ 1", "Anwendungsbereich"},
			{Paragraph, 1, "(1)", "Dieses Gesetz gilt für A"},
			{Paragraph, 2, "1.", "Anlagen zur Entnahme von"},
			{Paragraph, 2, "2.", "Anlagen zur Einleitung v"},
			{Paragraph, 2, "3.", "Anlagen, die dem Schutz "},
			{Paragraph, 1, "(2)", "Es gilt nicht für Anlage"},
			{Heading, 2, "§ 2", "Zuständigkeit"},
			{Paragraph, 1, "(1)", "Zuständig ist die Behörd"},
			{Paragraph, 1, "(2)", "Erstreckt sich eine Anla"},
			{Paragraph, 0, "", "Abschnitt 2 - Pflichten "},
			{Heading, 2, "§ 3", "Anzeigepflicht"},
			{Paragraph, 1, "(1)", "Wer eine Anlage errichte"},
			{Paragraph, 2, "1.", "ein Lageplan,"},
			{Paragraph, 2, "2.", "eine Beschreibung der An"},
			{Paragraph, 3, "a)", "ihrer Leistung,"},
			{Paragraph, 3, "b)", "der verwendeten Stoffe, "},
			{Paragraph, 4, "aa)", "der Betriebsstoffe,"},
			{Paragraph, 4, "bb)", "der Hilfsstoffe,"},
			{Paragraph, 3, "c)", "der Maßnahmen zum Schutz"},
			{Paragraph, 2, "3.", "der Nachweis der Sachkun"},
			{Paragraph, 1, "(2)", "Die Behörde bestätigt de"},
			{Heading, 2, "§ 4", "Mitteilungen"},
			{Paragraph, 1, "(1)", "Der Betreiber teilt der "},
			{Paragraph, 1, "(2)", "Die Mitteilung nach Absa"},
			{Heading, 2, "§ 5", "Sachkunde"},
			{Paragraph, 0, "", "Wer eine Anlage betreibt"},
			{Heading, 2, "§ 6", "Überwachung"},
			{Paragraph, 1, "(1)", "Die Behörde überwacht di"},
			{Paragraph, 1, "(2)", "Sie kann Anordnungen tre"},
			{Heading, 2, "§§ 7 bis 7b", "(weggefallen)"},
			{Heading, 2, "§ 8", "Verordnungsermächtigung"},
			{Paragraph, 0, "", "Das Bundesministerium wi"},
			{Heading, 2, "§ 9", "Inkrafttreten"},
			{Paragraph, 0, "", "Dieses Gesetz tritt am T"},
		}},
		// a Chinese-style regulation: 第…章 chapters, 第…条 articles followed by an ideographic space, （一） items
		{"zh-v1.txt", []lawBlock{
			{Heading, 1, "", "水资源保护条例（示例）"},
			{Heading, 1, "第一章", "总则"},
			{Paragraph, 0, "第一条", "为了保护和合理利用水资源，保障用水安全，根据有关"},
			{Paragraph, 0, "第二条", "在本行政区域内开发、利用、节约、保护水资源，适用"},
			{Paragraph, 0, "第三条", "县级以上人民政府应当加强对水资源保护工作的领导，"},
			{Paragraph, 0, "第四条", "国家对水资源实行下列制度："},
			{Paragraph, 1, "（一）", "取水许可制度；"},
			{Paragraph, 1, "（二）", "有偿使用制度；"},
			{Paragraph, 1, "（三）", "用水总量控制制度。"},
			{Heading, 1, "第二章", "水资源规划"},
			{Paragraph, 0, "第五条", "水资源规划应当符合本条例第三条规定的原则，并与国"},
			{Paragraph, 0, "第六条", "编制水资源规划，应当进行科学论证，征求有关部门和"},
			{Paragraph, 0, "第七条", "经批准的水资源规划是开发、利用、节约、保护水资源"},
			{Heading, 1, "第三章", "法律责任"},
			{Paragraph, 0, "第八条", "违反本条例第四条规定，未经许可擅自取水的，责令停"},
			{Paragraph, 0, "第九条", "违反本条例第七条规定，擅自变更水资源规划的，对直"},
			{Paragraph, 0, "第十条", "违反本条例规定，构成犯罪的，依法追究刑事责任。"},
			{Heading, 1, "第四章", "附则"},
			{Paragraph, 0, "第十一条", "本条例具体应用中的问题，由省人民政府水行政主管部"},
			{Paragraph, 0, "第十二条", "本条例自公布之日起施行。本条例第九条、第十条自公"},
		}},
		// an Indian-style constitution: 31A. articles with (1) clauses and (a) sub-clauses after "for—"
		{"in-constitution.txt", []lawBlock{
			{Heading, 1, "", "PART III"},
			{Heading, 1, "", "FUNDAMENTAL RIGHTS"},
			{Paragraph, 0, "", "Saving of Certain Laws"},
			{Paragraph, 0, "31A.", "Saving of laws providing"},
			{Paragraph, 1, "(1)", "Notwithstanding anything"},
			{Paragraph, 2, "(a)", "the acquisition by the S"},
			{Paragraph, 2, "(b)", "the taking over of the m"},
			{Paragraph, 1, "(2)", "In this article, the exp"},
			{Paragraph, 0, "31B.", "Validation of certain Ac"},
			{Paragraph, 0, "31C.", "Saving of laws giving ef"},
			{Heading, 1, "", "PART V"},
			{Heading, 1, "", "THE UNION"},
			{Paragraph, 0, "131A.", "[Exclusive jurisdiction "},
			{Paragraph, 0, "243ZA.", "Elections to the co-oper"},
		}},
		// a reference list: author initials are no section labels, nor a line that ends "J. Smith and"
		{"references.txt", []lawBlock{
			{Heading, 1, "", "References"},
			{Paragraph, 0, "", "The works cited in this "},
			{Paragraph, 0, "1.", "T. Berners-Lee, R. Field"},
			{Paragraph, 0, "2.", "R. Fielding, J. Gettys, "},
			{Paragraph, 0, "3.", "J. Smith and"},
			{Heading, 2, "A.", "Further reading"},
			{Paragraph, 0, "", "G. van Rossum and F. L. "},
			{Paragraph, 0, "", "T. Berners-Lee, \"Weaving"},
		}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "laws", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(tt.file, data, Text)
		if err != nil {
			t.Fatal(err)
		}
		ok := len(d.Blocks) == len(tt.want)
		for i := 0; ok && i < len(d.Blocks); i++ {
			b, w := d.Blocks[i], tt.want[i]
			ok = b.Kind == w.kind && int(b.Level) == w.level && b.Label == w.label && strings.HasPrefix(b.Text, w.textStart)
		}
		if !ok {
			t.Errorf("%s: got%s", tt.file, formatBlocks(d.Blocks))
		}
	}
}

func TestReadTextLabels(t *testing.T) {
	runReadCases(t, Text, []readCase{
		{"chinese, indented with ideographic spaces", "中华人民共和国示例法\n\n第一章　总纲\n\n　　第一条　国家实行下列制度：\n　　（一）第一项；\n　　（二）第二项。\n\n第一节　机构\n\n　　第二条国家机构实行民主集中制的原则。", []Block{
			B(Heading, 1, "", "中华人民共和国示例法", 1),
			B(Heading, 1, "第一章", "总纲", 3),
			B(Paragraph, 0, "第一条", "国家实行下列制度：", 5),
			B(Paragraph, 1, "（一）", "第一项；", 6),
			B(Paragraph, 1, "（二）", "第二项。", 7),
			B(Heading, 2, "第一节", "机构", 9),
			B(Paragraph, 0, "第二条", "国家机构实行民主集中制的原则。", 11),
		}},
		{"chinese numbered sections", "一、总则\n\n为了示例，制定本办法。\n\n二、附则\n\n本办法自发布之日起施行。", []Block{
			B(Heading, 1, "一、", "总则", 1),
			B(Paragraph, 0, "", "为了示例，制定本办法。", 3),
			B(Heading, 1, "二、", "附则", 5),
			B(Paragraph, 0, "", "本办法自发布之日起施行。", 7),
		}},
		{"chinese article text ending in a full stop is no heading", "第一条　国家。\n\n第二条　人民。", []Block{
			B(Paragraph, 0, "第一条", "国家。", 1),
			B(Paragraph, 0, "第二条", "人民。", 3),
		}},
		{"german articles", "Grundgesetz\n\nArt 1\n\n(1) Die Würde des Menschen ist unantastbar.\n\nArt. 2 Persönliche Freiheitsrechte\n\n(1) Jeder hat das Recht auf die freie Entfaltung seiner Persönlichkeit.", []Block{
			B(Heading, 1, "", "Grundgesetz", 1),
			B(Heading, 2, "Art 1", "", 3),
			B(Paragraph, 1, "(1)", "Die Würde des Menschen ist unantastbar.", 5),
			B(Heading, 2, "Art. 2", "Persönliche Freiheitsrechte", 7),
			B(Paragraph, 1, "(1)", "Jeder hat das Recht auf die freie Entfaltung seiner Persönlichkeit.", 9),
		}},
		{"german reference across a line break", "§ 2 Geltung\n\n(1) Für die Anlagen, die der Versorgung dienen, gelten die Vorschriften\ndes Abschnitts 2 sinngemäß; für Anlagen nach Absatz 2 Nr.\n1 bis 2 gelten sie entsprechend, soweit nicht die Behörde im Einzelfall\netwas anderes bestimmt und der Betreiber zugestimmt hat (§ 5 Abs.\n1) oder die Anlage stillgelegt ist.\n\n(2) Anlagen im Sinne dieses Gesetzes sind Einrichtungen, die der\nVersorgung mit Wasser dienen.", []Block{
			B(Heading, 2, "§ 2", "Geltung", 1),
			B(Paragraph, 1, "(1)", "Für die Anlagen, die der Versorgung dienen, gelten die Vorschriften\ndes Abschnitts 2 sinngemäß; für Anlagen nach Absatz 2 Nr.\n1 bis 2 gelten sie entsprechend, soweit nicht die Behörde im Einzelfall\netwas anderes bestimmt und der Betreiber zugestimmt hat (§ 5 Abs.\n1) oder die Anlage stillgelegt ist.", 3),
			B(Paragraph, 1, "(2)", "Anlagen im Sinne dieses Gesetzes sind Einrichtungen, die der\nVersorgung mit Wasser dienen.", 9),
		}},
		{"numbers of any length", "9999. Before.\n\n10000. Ten thousand.\n\n10001. After.", []Block{
			B(Paragraph, 0, "9999.", "Before.", 1),
			B(Paragraph, 0, "10000.", "Ten thousand.", 3),
			B(Paragraph, 0, "10001.", "After.", 5),
		}},
		{"appendix numbers", "Appendix C\n\nC.9. Changes since -08\n\nC.10. Changes since -09", []Block{
			B(Heading, 1, "", "Appendix C", 1),
			B(Paragraph, 0, "C.9.", "Changes since -08", 3),
			B(Paragraph, 0, "C.10.", "Changes since -09", 5),
		}},
		{"an author's initial is no heading", "Acknowledgements\n\nThe authors thank\nT. Berners-Lee\nfor his review.", []Block{
			B(Heading, 1, "", "Acknowledgements", 1),
			B(Paragraph, 0, "", "The authors thank\nT. Berners-Lee\nfor his review.", 3),
		}},
	})
}

func TestReadMarkdownLabels(t *testing.T) {
	runReadCases(t, Markdown, []readCase{
		{"german law as published in Markdown", "# Gesetz\n\n### § 1 Anwendungsbereich\n\n(1) Dieses Gesetz gilt für\n\n1.  Anlagen,\n2.  Einrichtungen.\n\n(2) Es gilt nicht (§ 5 Abs.\n2) für Behörden.\n\n### § 1a Begriffe\n", []Block{
			B(Heading, 1, "", "Gesetz", 1),
			B(Heading, 3, "§ 1", "Anwendungsbereich", 3),
			B(Paragraph, 1, "(1)", "Dieses Gesetz gilt für", 5),
			B(ListItem, 0, "1.", "Anlagen,", 7),
			B(ListItem, 0, "2.", "Einrichtungen.", 8),
			B(Paragraph, 1, "(2)", "Es gilt nicht (§ 5 Abs.\n2) für Behörden.", 10),
			B(Heading, 3, "§ 1a", "Begriffe", 13),
		}},
		{"chinese headings and articles", "## 第一章　总纲\n\n第一条　国家。\n\n（一）第一项；\n", []Block{
			B(Heading, 2, "第一章", "总纲", 1),
			B(Paragraph, 0, "第一条", "国家。", 3),
			B(Paragraph, 1, "（一）", "第一项；", 5),
		}},
		{"indian articles", "31A. Saving of laws.\n\n31B. Validation of certain Acts.\n", []Block{
			B(Paragraph, 0, "31A.", "Saving of laws.", 1),
			B(Paragraph, 0, "31B.", "Validation of certain Acts.", 3),
		}},
	})
}

// benchLines are line starts as a reader meets them, most of them running
// text.
var benchLines = []string{
	"States noted that the misuse of ICTs could erode trust.",
	"12. The Group recommended further study.",
	"(a) the Internet;",
	"the period under review; several described incidents.",
	"2021 was a year of progress.",
	"A. Introduction",
	"In the light of the COVID-19 pandemic, States underscored",
	"of any delegation.",
}

func BenchmarkMatchLabel(b *testing.B) {
	for b.Loop() {
		for _, s := range benchLines {
			matchLabel(s)
		}
	}
}

func TestReadDocxTypedLabels(t *testing.T) {
	// Labels typed in a Word document's text are split off as in plain
	// text, in every tradition.
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	heading := `<w:pStyle w:val="Heading2"/>`
	body := wp(heading, run("§ 12a Anwendungsbereich")) +
		wp("", run("(1) Dieses Gesetz gilt für:")) +
		wp("", run("1. Anlagen, die")) +
		wp("", run("a) der Entnahme,")) +
		wp("", run("aa) von Grundwasser,")) +
		wp("", run("b) der Einleitung dienen.")) +
		wp(heading, run("第二章　水资源规划")) +
		wp("", run("第十二条　国家实行下列制度：")) +
		wp("", run("（一）取水许可制度；")) +
		wp("", run("31A. Saving of laws.")) +
		wp("", run("T. Berners-Lee, R. Fielding, and L. Masinter."))
	data := docxOf(t, docxParts{body: body, styles: headingStyles})
	d, err := Read("laws.docx", data, Docx)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		B(Heading, 2, "§ 12a", "Anwendungsbereich", 1),
		B(Paragraph, 1, "(1)", "Dieses Gesetz gilt für:", 2),
		B(Paragraph, 2, "1.", "Anlagen, die", 3),
		B(Paragraph, 3, "a)", "der Entnahme,", 4),
		B(Paragraph, 4, "aa)", "von Grundwasser,", 5),
		B(Paragraph, 3, "b)", "der Einleitung dienen.", 6),
		B(Heading, 2, "第二章", "水资源规划", 7),
		B(Paragraph, 0, "第十二条", "国家实行下列制度：", 8),
		B(Paragraph, 1, "（一）", "取水许可制度；", 9),
		B(Paragraph, 0, "31A.", "Saving of laws.", 10),
		B(Paragraph, 0, "", "T. Berners-Lee, R. Fielding, and L. Masinter.", 11),
	}
	if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
		t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(want))
	}
}
