// Package draft is redline's document model and its readers.
//
// A Document is the sequence of Blocks a reader found in a draft: headings,
// paragraphs, list items, block quotes and table rows, in reading order. A
// leading paragraph label ("12.", "12 bis.", "(a)", "(iv)", "A.", "IV.",
// "OP 7", "PP3") is kept apart from the block's text, so that renumbering a
// paragraph is not a change of its words.
//
// Block text is taken from the source as written (inner line breaks kept,
// surrounding white space trimmed); comparison-time normalization (Unicode
// NFC, white space folding) belongs to package diff, not here.
//
// # Input
//
// Read decodes data that starts with a UTF-16 byte-order mark from UTF-16
// (either byte order; a code unit that is not UTF-16 becomes U+FFFD, with
// one warning), refuses data holding a NUL byte or character (ErrBinary,
// naming the likely cause: UTF-16 without a byte-order mark, a Word
// document read as text, an old .doc), drops a leading byte-order mark,
// repairs invalid UTF-8 (each bad byte becomes U+FFFD, with one warning
// per draft in Document.Warnings) and treats CRLF and lone CR line ends as
// LF. Line numbers are those of the source. Word documents are read as
// told below.
//
// # Labels
//
// A label is recognised at the start of a block (or of a line that starts
// one, see below) when white space or the end of the text follows it, or,
// for the Chinese labels, any text (with or without an ideographic space):
//
//   - paragraph numbers of any length: "12." "12)" "10000." "3.1." "3.1",
//     with letters "31A." "243ZA." "12a.", and insertions "12 bis",
//     "12bis." "12 ter." "12 quater." (up to "decies"); a bare number
//     ("2021 was …") is not a label, nor is a dotted number without final
//     punctuation unless a capital, bracket or quote follows ("3.1 Scope"
//     but not "1.5 million", nor "10.000 Euro", in groups of three), nor an
//     insertion without its full stop unless one follows ("12 bis States"
//     but not "1 bis 2");
//   - section and appendix numbers: "A.1" "C.10." "B.2.3." (as dotted
//     numbers);
//   - sub-paragraphs: "(a)" to "(z)", repeated letters "(aa)", roman
//     numerals "(iv)", numbers "(1)", capitals "(A)" "(IV)", and "a)" "aa)"
//     "iv)";
//   - sections: one capital and a dot "A.", or a roman numeral "I." to "XL.",
//     unless a name follows, which makes the capital an initial: another
//     initial, a name particle, a hyphenated name, a word followed by a
//     comma or a full stop, by "et al." or by "and" and an initial or
//     nothing ("T. Berners-Lee", "J. Smith and", "G. van Rossum");
//   - preambular and operative paragraphs: "PP3" "PP 3." "OP 7" "OP7." also
//     with an insertion ("OP 7 bis");
//   - articles and German paragraphs: "§ 12" "§12" "§ 12a" "§§ 7 bis 9"
//     "§§ 7-9" "Art. 5" "Art 5" "Artikel 5" "Article 5", when what follows
//     starts a heading or sentence (a capital, a bracket, a quote, or
//     nothing) and does not carry the reference on ("§ 5 Abs. 2", "§ 5
//     BGB", "Art. 5 des Vertrags"); a number with a full stop ending the
//     text ("§ 8.") ends a sentence;
//   - Chinese: articles "第十二条" "第12条", chapters and parts "第十二章"
//     "第一编", sections "第二节", also in traditional characters ("第十二條"
//     "第一編" "第三節") (not when a reference goes on:
//     "第十二条规定", "第十二条第二款", "第三条、第四条"), items "（一）" "(一)"
//     "（1）", and numbered sections "一、" "1、".
//
// A line that starts with a label starts a block only after a line that
// ends a clause (. : ; , ? ! or their full-width forms, a dash as in "no
// law providing for—", "and", "or", "und", "oder"), but
// not after one that ends in a word a number follows in a reference
// ("Nr.", "Abs.", "Art.", "§", "No.", "para.", "paragraph", "section"):
// "… nach Nr.\n1 bis 2 …" and "(§ 5 Abs.\n1) …" are one block.
//
// Brackets ("[Alt 1: …]") and a bare "I" are never labels. A block with a
// sub-paragraph label is a Paragraph one level below the numbered paragraph
// or list item it belongs to; under "(a)", a different form such as "(i)"
// goes one level further down. "(i)" is a roman numeral unless it follows
// "(h)"; "(v)" and "(x)" are letters unless they follow "(iv)" and "(ix)";
// "(aa)" continues the letters after "(z)" and goes one level below "(a)"
// otherwise. Laws number the items of a numbered sub-paragraph: under a
// heading or an article ("§ 3", "第三条"), where "(1)" opened the outline,
// "1." is an item one level below "(1)", not a numbered paragraph, and
// "a)" and "aa)" go further down.
//
// In plain text, a heading-like line (see below) that starts with "§ 12",
// "Art. 5" or "第二节" is a heading of level 2, and one that starts with
// "第十二章", "第一编" or "一、" a heading of level 1; "第十二条" is the label
// of a paragraph, never a heading.
//
// # Plain text
//
// Blank lines always separate paragraphs. Within a run of non-blank lines
// the reader decides from the layout of the whole text: the wrap width W is
// the 90th percentile of line widths (in characters); the lines are
// "unwrapped" (each a whole paragraph) when fewer than 40% of them reach
// 3/4 of W; they are "ragged" (broken by hand) when more than one in five
// of the lines that start in lower case could have had their first word on
// the line before; and blank lines "separate paragraphs" when there is at
// least one for every 10 non-blank lines. Then a new paragraph starts at a
// line
//
//  1. after a heading-like line (at most 80 characters, not ending in
//     . ; : or , and starting with a section label or written in
//     capitals), or at one if the line before ends a sentence, the line
//     after is blank or starts with a label, or its first word would have
//     fitted on the line before;
//  2. that starts with a label, if the line before ends a clause
//     (. : ; , ? ! or "and"/"or") or is shorter than 4/5 of W; so
//     "5. States agreed that:" followed by "(a) …" lines gives one block
//     per line, while a wrapped line starting "(a) of resolution …" stays;
//  3. only where blank lines do not separate paragraphs or the lines are
//     unwrapped: never at a line starting with a lower-case letter; at
//     every other line of unwrapped text; nowhere else in ragged text; and
//     in text wrapped to a width where the line's first word would have
//     fitted on the line before (so the break was not made by wrapping)
//     and that line ends a sentence or is shorter than 3/5 of W.
//
// Rule 3 cannot see the end of a paragraph whose last line is full and
// ends a sentence: without a label or a blank line, the next paragraph is
// joined to it.
//
// A block's text keeps its inner line breaks and the indentation of its
// inner lines; each line loses its trailing white space and the block its
// leading and trailing white space. A block of one heading-like line is a
// Heading: level 1 for a roman numeral ("IV.") or capitals, level 2 for a
// letter ("B."; "I.", "V.", "X." after "H.", "U.", "W." are letters). So
// is the first of several blocks if it is one line without a label and does
// not end in . ; : or , (the title, level 1). A numbered paragraph is never
// a heading.
//
// Pages. A paginated draft (an Internet-Draft, text extracted from a PDF)
// is read as the text a reader sees, without its page furniture. Its pages
// are broken by form feeds; in a draft without any, by a page number that
// recurs. A line may carry one if it is at most 80 characters, ends no
// sentence, starts with no label and holds a number in its first or last
// word or in one of at most three words ("12", "- 12 -", "Page 3 of 20",
// "A/HRC/55/L.12 3", "… [Page 12]"); among lines alike but for their
// numbers (and the width of their runs of white space), a chain of at
// least three in which one number counts up by one or two from line to
// line (two: heads alternating between odd and even pages), a median of at
// least 10 lines apart with three gaps in four within half and twice the
// median (the last gap, to a last page that may be short, not counted),
// marks page breaks if the text runs on across one of them in ten
// (and one at least): the line before ends no clause and the line after
// starts in lower case, or the line before is full (4/5 of W) and the line
// after starts with no label. Headings never stand mid-sentence. If the
// first number is not 1 and stands at the foot of its page, the break
// before that page (a first page is often unnumbered) is at its running
// head: a line alike to the first line under another break, found about a
// page (the median gap) above the first number.
//
// At the foot of each page and at its head (the end and the start of the
// draft included), the nearest three lines that are not blank are
// furniture, nearest first, as long as each is alike but for its numbers
// to the line at the same place on at least two pages and a third of
// them, and neither ends a sentence nor starts with a label: the decision
// is made from repetition across pages, never from a list of known
// headers, and a line that occurs once is never furniture. Furniture, form
// feeds and the blank lines about them are left out. A paragraph cut by a
// page break is read whole if the break holds no more blank lines than
// most breaks between two lines of text hold and, where blank lines
// separate paragraphs, the first line of the next page continues
// the last line of the page before: neither is heading-like, the first is
// no bullet ("o  ") and starts in lower case, or does not start with a
// label after the end of a clause, is indented no less, and the line before
// ends no sentence unless the next word would not have fitted on it.
// Otherwise the break ends the paragraph. Document.Warnings says how many
// lines were left out: "NAME: 42 page headers and footers removed".
//
// A table of contents is one block of kind Contents, its lines as written
// (blank lines left out): a run of at least three entries, lines that end
// in a page number of at most four digits after dot leaders (three dots
// or more) or a gap of two spaces or a tab, with at most two blank lines
// or lines of a wrapped title (not ending a sentence) between two entries;
// half the entries or more must have leaders, or, in a paginated draft,
// their page numbers must never decrease.
//
// A word broken across a line end is rejoined where the draft itself shows
// the whole word: its dictionary is the words of its lines (runs of
// letters, marks and digits with single inner hyphens and apostrophes),
// but for the first and last word of each line. A line ending in a letter
// and a hyphen ("Pre-") and the next line's first word ("sident") are
// rejoined without the hyphen ("President") if that word is in the
// dictionary more often than the hyphenated one ("Pre-sident"), with it
// ("well-known") if the hyphenated one is in it at all. In a paginated
// draft, a line ending in a letter ("shal") and a next line starting in
// lower case ("l") are rejoined if the whole word ("shall") is in the
// dictionary and the two parts are not both words of their own ("in⏎to"
// stays). The block's text holds the rejoined word; a Mark of style
// Rejoined at its place (Start == End) holds what the text had there
// before: the hyphen if dropped, the line break and the next line's
// indentation ("-\n   "), so that the text as written is recoverable.
// Line breaks not rejoined stay in the text as they are.
//
// # Markdown
//
// The Markdown reader uses goldmark's CommonMark parser with GitHub tables
// and strikethrough, and reads the document a person sees. Headings keep
// their level; every list item is a ListItem block whose Level is its list
// nesting depth and whose label, for an ordered list, is the number as
// written ("12."); later paragraphs of an item are Paragraph blocks one
// level down; paragraphs in block quotes are Quote blocks; each table row
// (header included) is a TableRow with cells joined by " | ". Lines inside
// a paragraph or item that start with a label, after a line that ends a
// clause or starts with a label, start blocks of their own, as in plain
// text. Inline markup is formatting, not words: a block's Text is the text
// a reader sees (emphasis and code-span markers, link syntax, backslash
// escapes, inline HTML tags and hard-break markers left out, entities
// decoded, an image as its alt text) and its Marks say where it was
// emphasised, strong, code, struck through or linked (and to what). A
// paragraph without a character that can start inline markup ("*", "_",
// "`", "<", "&", "\\", "~" or "](") is taken from the source as written.
// Fenced and indented code blocks are Code blocks, their lines as written
// (indentation and line breaks are part of their text; blank lines at
// either end left out). An HTML block shows what a browser shows of it: a
// heading element is a heading, <pre> a Code block, each other block-level
// element a paragraph of its text, with inline elements as formatting;
// comments, scripts and styles show nothing. YAML front matter ("---",
// lines with a "key:" among them, "---" or "...") and TOML front matter
// ("+++" … "+++") at the start of a draft are one FrontMatter block of the
// lines between the fences; in a draft with front matter, kramdown-rfc's
// section markers are read as it shows them ("--- abstract" a heading
// "Abstract", "--- middle" and "--- back" nothing). Thematic breaks, which hold no words, are
// skipped. Link reference definitions are not recognised, so their text
// stays in the draft ("[Alt 1]: States" is text), and a link by reference
// is its text with its brackets. Markdown that nests list items and block
// quotes more than 32 levels deep outside fenced code (see maxNesting) is
// refused (ErrTooDeep), for goldmark's cost grows with the depth; it can
// be read as plain text.
//
// A part of a draft (see markdownParts) whose every line is flush left and
// an ATX heading, a numbered paragraph ("12. Text"), running text or blank,
// without inline markup — most of a negotiated text — is read without
// goldmark, to the blocks goldmark's tree gives (plain.go); a line that
// could read otherwise leaves its whole part to goldmark.
//
// # Word documents
//
// A .docx file is read from its main document part, with its styles and
// numbering, found through the package's relationships; transitional and
// strict Office Open XML alike. Each paragraph of the body is a block, in
// order, as it reads with its tracked changes accepted (inserted and
// moved-in text kept, deleted and moved-out text left out, a paragraph
// whose mark was deleted run on into the next, a row deleted left out),
// with one warning that says how many changes there were. A paragraph
// with an outline level, its own or its style's (through the styles it is
// based on), or of a style named "heading N" or "Title", is a Heading; a
// paragraph in a numbered list is a ListItem whose label is the number
// Word shows for it ("12.", "(a)", "3.1."), counted as Word counts:
// through the numbering instances of one list, restarted where an
// instance says so (startOverride) and at each use of a higher level
// (unless lvlRestart says otherwise), in decimal, letters ("aa" after
// "z") or roman numerals (other formats as decimal), with its level's
// text ("(%2)") and isLgl honoured, lists defined through numbering
// styles followed, a paragraph whose style a list level names ("heading 2"
// for "A.") taking that level; a bulleted one is a ListItem without a
// label. Other
// paragraphs are running text, a typed label ("12. …") split off as in
// plain text. Tabs and line breaks are kept; field codes, drawings and
// text boxes, note and comment marks are left out, a field's shown result
// kept. Each table row is a TableRow of its cells' texts joined by " | ",
// the paragraphs of a cell, and of any table nested in it, joined by
// spaces. Each footnote and endnote follows the paragraph, heading or row
// that refers to it, as a Paragraph one level down labelled "note N" or
// "endnote N", numbered in the order of the references as Word numbers
// them, its paragraphs joined by line breaks. Headers, footers and
// comments are not read. A block's Line is its paragraph's position among
// the body's paragraphs and table rows (a note's, its referrer's).
//
// ReadTracked reads a document also as it was before its tracked changes,
// every one rejected: deleted and moved-out text kept, inserted and
// moved-in text left out, a paragraph whose mark was inserted run on into
// the next, a paragraph's earlier properties (pPrChange) restored.
//
// # OpenDocument texts
//
// An .odt file (LibreOffice's, pandoc's) is read from content.xml, with
// the styles of styles.xml, as a Word document is: text:h elements are
// headings of their outline level (a paragraph of the style "Title" one of
// level 1); each list item is a ListItem whose Level is its list depth and
// whose label is the number its list style shows ("12.", "(a)", "1.1."),
// counted through the list, restarted by each new list unless it
// continues the one before, and by text:start-value; a list header and a
// bulleted item have no label, and an item's later paragraphs are
// Paragraphs one level down. White space is collapsed as OpenDocument says
// (text:s, text:tab and text:line-break kept). Spans styled italic, bold,
// struck through, superscript or subscript, and links, are Marks. Each
// table row is a TableRow of its cells joined by " | "; each footnote and
// endnote follows the paragraph or row that refers to it as a Paragraph of
// level 1 labelled "note N" or "endnote N"; a table of contents is one
// Contents block of its entries' lines. Tracked changes are read as
// accepted, with one warning that counts them. Annotations, drawings and
// frames are left out. Lists, tables and sections nested more than 64
// deep, and a file that is not an OpenDocument text, are refused with an
// *Error; a space count (text:c) adds at most 256 spaces.
//
// A file that is no zip archive or holds no main document part, XML in
// another encoding than UTF-8, or parts that would expand to more than 64
// times the file's size (plus 64 MiB) are refused with an *Error.
//
// A run's formatting is read as Marks over the block's text: italic
// (Emphasis), bold (Strong), single or double strike (Strikethrough),
// superscript and subscript, set on the run or by its character style
// and the styles it is based on (a run's own setting, "w:b w:val=0",
// wins), but not by a paragraph style (a heading's bold is no mark); a
// hyperlink is a Link mark whose Value is its relationship's target, and
// "#" and its anchor if it has one. Runs of one formatting make one mark.
// A paragraph in a list level that shows nothing (no number, a blank
// bullet: how pandoc writes an item's later paragraphs) is a Paragraph
// one level below the item, as in HTML and Markdown.
//
// # PDF
//
// A PDF is read with Poppler's pdftotext (-bbox-layout: each word with its
// box), run as a program with the PDF on its standard input, killed after
// 60 s, its address space limited to 1 GiB (Linux), its output read as it
// comes and refused past four times the PDF's size plus 48 MiB of words
// (ErrNoPdftotext where it is not installed). The words are laid out as a
// paginated plain text, which is then read as plain text is: lines on one
// baseline are one line; raised, smaller digits or * † ‡ § ¶ are note
// marks, left out of the text; a row of lines at the same place with the
// same text (digits aside) at the head or foot of half the pages is left
// out as a running head or foot; smaller lines at a page's (or column's) foot that start with a
// mark the page refers to are footnotes, each following the block that
// refers to it as a Paragraph one level down labelled "note" and the mark;
// a gap down the middle of a page that at most one line in ten crosses
// makes two columns, read left before right between the lines that span
// it; lines mostly right to left are turned to logical order; ligatures
// (U+FB00–FB06) become letters, soft hyphens and bidi controls are left
// out; a step to the next line of over 1.2 line spacings is a blank line,
// and a heading's lines in larger type are one line; a word hyphenated at
// a line's end in a column is rejoined, without the hyphen if it goes on
// in lower case and the draft does not hold the hyphenated form more
// often. A PDF without text (a scan) is refused with ErrNoTextLayer.
// docs/pdf.md has the measurements and the known limits.
//
// # HTML
//
// An HTML page is parsed as browsers parse it (golang.org/x/net/html)
// and read as the text a reader of the page sees. A page that is not
// valid UTF-8 is decoded from the encoding its meta charset names if that
// is Windows-1252 (or ISO-8859-1, as browsers read it), Windows-1250,
// Windows-1251, ISO-8859-2 or ISO-8859-15; any other is read as UTF-8,
// repaired as Read says. The text is read with runs of white space one space, none at the start or
// end of a line, entities decoded, <br> a line break (a space in a table
// cell). Each h1–h6 (and an element of role "heading", at its aria-level)
// is a Heading of its level; each p, and the text loose in a div,
// section, article and the like, is a Paragraph, a typed label split off
// as in plain text; each dt a Paragraph and each dd one level down; a
// figcaption, a table's caption and an image's alt text are text.
// Each li is a ListItem at its list's nesting depth, labelled with the
// marker the page shows for it in an ol: its number, counted from start
// (down, in a reversed list) and reset by a value, written as its type
// says ("12.", "b.", "iv.", "C."); a bullet, or a list whose style hides
// its markers, gives no label, so that a typed label in the item's text
// is split off. An item's first paragraph is its text; its later
// paragraphs are Paragraphs one level down. Paragraphs in a blockquote
// are Quotes. Each table row is a TableRow of its cells' texts joined by
// " | " (a cell's paragraphs and nested tables run on, spaced); a row of
// empty cells is left out. A table that lays out the page rather than
// holding data (of role "presentation" or "none", or without header
// cells, head or caption and with a cell that holds a heading, a list, a
// table or more than one paragraph) is read as the blocks in its cells. A pre (and listing, xmp, plaintext) is a Code
// block with its line breaks and indentation, each line without trailing
// white space, the block without leading and trailing white space.
//
// Left out: the head, script, style, template, noscript, nav, iframe,
// object, embed, media, svg, form controls (button, select, textarea),
// comments, elements that are hidden (the hidden attribute,
// aria-hidden="true", an inline style display:none or visibility:hidden)
// or of role navigation, banner, contentinfo or search, and the page's own
// header and footer (those not inside an article, aside, main or
// section, as ARIA reads them). Everything else, such as a specification's
// dfn, var, span and abbr, is read as its text.
//
// Inline formatting is read as Marks over the block's text: em and i
// Emphasis, strong and b Strong, code, kbd, samp and tt CodeSpan (but in
// a pre), a with an href Link (Value the href), del, s and strike
// Strikethrough, sup Superscript and sub Subscript; a mark is trimmed of
// the white space at its ends after runs of one style are merged, and
// one that a block boundary cuts goes on in the next block. A block's
// Line is the source line of the last start tag before its text (mostly
// the tag that opens it), never before the previous block's.
//
// Bounds: a page whose elements nest more than 512 deep is refused with
// an *Error (the parser's limit); content nested deeper than 512
// elements in the tree is left out with a warning; at most 16
// formatting elements (b, i, a, font…) left open at once are honoured,
// later ones dropped with their text kept, since the parser opens every
// open one again in each new paragraph.
package draft

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Kind is the kind of a Block.
type Kind uint8

// The kinds of block a reader produces.
const (
	Paragraph Kind = iota // running text, including a sub-paragraph "(a) …"
	Heading               // a section heading ("A. Introduction")
	ListItem              // one item of a Markdown list
	Quote                 // a paragraph inside a block quote
	TableRow              // one row of a table, cells separated by " | "
	// Code is preformatted text: a fenced or indented code block, an ASCII
	// diagram, HTML's <pre>. Its line breaks and indentation are part of
	// its text, and it is compared line by line.
	Code
	// Contents is a table of contents (a page of a paginated draft that
	// lists sections and page numbers), compared line by line.
	Contents
	// FrontMatter is a Markdown draft's YAML or TOML front matter, compared
	// line by line.
	FrontMatter
)

var kindNames = [...]string{"paragraph", "heading", "list item", "quote", "table row", "code", "contents", "front matter"}

// LineByLine reports whether blocks of kind k keep their line layout and
// are compared line by line (code, a table of contents, front matter)
// rather than as running text.
func (k Kind) LineByLine() bool {
	return k == Code || k == Contents || k == FrontMatter
}

// String returns the kind's name in lower case, e.g. "heading".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Style is what a Mark says about a run of a block's text.
type Style uint8

// The styles of a Mark.
const (
	Emphasis      Style = iota + 1 // *text*, <em>, Word's italic
	Strong                         // **text**, <strong>, Word's bold
	CodeSpan                       // `text`, <code>
	Link                           // [text](address), <a href>: Value is the address
	Strikethrough                  // ~~text~~, <del>/<s>
	Superscript                    // <sup>
	Subscript                      // <sub>
	// Rejoined marks where a reader rejoined a word broken across a line
	// end ("Pre-\nsident" read as "President"): Start == End is the place
	// in Text, Value the characters the source had there ("-\n"), so that
	// the source stays recoverable.
	Rejoined
)

// Mark says something about a run of a block's text that is not its
// words: formatting the reader saw (emphasis, a link's address), or
// characters of the source a reader left out of the text. Text holds the
// words a reader sees; marks never change what is compared as words.
type Mark struct {
	Start, End int32 // byte offsets in Block.Text, Start <= End
	Style      Style
	Value      string // a link's address; a Rejoined mark's source characters
}

// Block is one paragraph-level unit of a draft.
//
// Its fields are laid out in 48 bytes: a draft of a million paragraphs
// holds a million blocks. The marks, which most blocks lack, are held
// behind a pointer (see Marks, SetMarks and WithMarks), which took the
// block from 64 bytes to 48: 43 MB less on three drafts of 900,000
// one-word paragraphs.
type Block struct {
	// Label is the leading paragraph label exactly as written, without the
	// white space after it ("12.", "12 bis.", "(a)", "OP 7"); empty if none.
	Label string
	// Text is the block's text after the label, from the source as written:
	// inner line breaks kept, leading and trailing white space trimmed.
	Text string
	// Line is the 1-based source line on which the block starts, at most
	// math.MaxInt32 (for a Word document, its paragraph's position).
	Line int32
	// Level is the heading level (1–6) for a heading; for other blocks the
	// nesting depth (0 at top level, 1 for a sub-paragraph "(a)" or a nested
	// list item, and so on).
	Level int16
	Kind  Kind
	// marks lists the block's formatting and rejoined words (see Marks);
	// nil for most blocks.
	marks *[]Mark
}

// Marks returns the block's formatting and rejoined words, in order of
// Start; nil for most blocks. The slice is the block's own: change it
// only through SetMarks.
func (b Block) Marks() []Mark {
	if b.marks == nil {
		return nil
	}
	return *b.marks
}

// SetMarks sets the block's marks (nil or empty for none).
func (b *Block) SetMarks(marks []Mark) {
	if len(marks) == 0 {
		b.marks = nil
		return
	}
	b.marks = &marks
}

// WithMarks returns the block with its marks set to marks.
func (b Block) WithMarks(marks []Mark) Block {
	b.SetMarks(marks)
	return b
}

// newBlock returns a block, its line and level clamped to their fields.
func newBlock(kind Kind, level int, label, text string, line int) Block {
	return Block{Kind: kind, Level: int16(min(level, math.MaxInt16)), Label: label, Text: text,
		Line: int32(min(line, math.MaxInt32))}
}

// Document is a draft read into blocks.
type Document struct {
	// Name identifies the draft in messages and output (a file name or "-").
	Name string
	// Blocks holds the draft's blocks in reading order.
	Blocks []Block
	// Warnings lists problems that were repaired while reading, such as
	// invalid UTF-8 replaced by U+FFFD. Each names the draft.
	Warnings []string
}

// Equal reports whether b and c are the same block: the same kind, level,
// line, label, text and marks.
func (b Block) Equal(c Block) bool {
	return b.Kind == c.Kind && b.Level == c.Level && b.Line == c.Line && b.Label == c.Label &&
		b.Text == c.Text && slices.Equal(b.Marks(), c.Marks())
}

// NormalizeMarks puts marks in their one canonical form, so that the same
// formatting read from different sources (Word splits a run of italics
// wherever it likes) compares equal: marks sorted by start, longer first,
// then by style and value; runs of one style and value that touch or
// overlap merged into one; empty marks dropped but for Rejoined ones. It
// may reuse marks' storage, and returns nil for no marks.
func NormalizeMarks(marks []Mark) []Mark {
	sortMarks := func() {
		slices.SortFunc(marks, func(a, b Mark) int {
			if a.Start != b.Start {
				return cmp.Compare(a.Start, b.Start)
			}
			if a.End != b.End {
				return cmp.Compare(b.End, a.End)
			}
			if a.Style != b.Style {
				return cmp.Compare(a.Style, b.Style)
			}
			return strings.Compare(a.Value, b.Value)
		})
	}
	sortMarks()
	out := marks[:0]
	for _, m := range marks {
		if m.Start == m.End && m.Style != Rejoined || m.Start > m.End {
			continue
		}
		merged := false
		if m.Style != Rejoined {
			// The last mark of the same style and value, if it reaches m.
			for k := len(out) - 1; k >= 0; k-- {
				o := &out[k]
				if o.Style == m.Style && o.Value == m.Value && o.Start <= m.Start && m.Start <= o.End {
					o.End = max(o.End, m.End)
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	marks = out
	sortMarks()
	return marks
}
