package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
)

// StatFile is one file of a Stat listing.
type StatFile struct {
	// Name is the file as listed, e.g. its path in a folder.
	Name string
	// Stats are the counts of its comparison (diff.Result.Stats).
	Stats diff.Stats
	// Differs says whether its drafts differ (diff.Result.Differs); files
	// that do not differ are left out of the listing.
	Differs bool
	// Skipped, when not empty, is why the file was not compared, e.g.
	// "binary file"; it is listed with the reason.
	Skipped string
}

// statBarWidth is the widest +/- bar of a Stat line.
const statBarWidth = 40

// Stat writes a summary in the manner of git diff --stat: a line per file
// that differs or was skipped,
//
//	final.md | 19 changed, 8 inserted, 9 deleted, 8 moved | +380 -290 ++++++++----
//
// counting paragraphs (alignment steps; "split" and "merged" added when
// there are any) and words inserted (+) and deleted (-), with a bar of at
// most 40 characters scaled to the file with the most words changed; then
// a summary line, "1 file changed: 19 changed, 8 inserted, 9 deleted, 8
// moved paragraphs; 380 words inserted (+), 290 deleted (-)", and "; 1
// file skipped" when files were skipped. When no file differs and none was
// skipped, Stat writes nothing.
func Stat(w io.Writer, files []StatFile) error {
	listed := statListed(files)
	if len(listed) == 0 {
		return nil
	}
	width, most := statWidths(listed)
	vw := visible.NewWriter(w)
	bw := bufio.NewWriter(vw)
	var total diff.Stats
	changed, skipped := 0, 0
	for _, f := range listed {
		bw.WriteString(" " + statPad(fileName(f.Name), width) + " | ")
		if f.Skipped != "" {
			skipped++
			bw.WriteString("skipped: " + f.Skipped + "\n")
			continue
		}
		changed++
		statAdd(&total, f.Stats)
		bw.WriteString(statParagraphs(f.Stats) + " | " + statWords(f.Stats) + " " + statBar(f.Stats, most) + "\n")
	}
	bw.WriteString(" " + statSummary(changed, skipped, total) + "\n")
	return flushVisible(bw, vw)
}

// statListed returns the files that differ or were skipped.
func statListed(files []StatFile) []StatFile {
	var out []StatFile
	for _, f := range files {
		if f.Differs || f.Skipped != "" {
			out = append(out, f)
		}
	}
	return out
}

// statWidths returns the widest file name (in runes) and the most words
// changed in one file.
func statWidths(files []StatFile) (width, most int) {
	for _, f := range files {
		width = max(width, utf8.RuneCountInString(fileName(f.Name)))
		most = max(most, f.Stats.WordsInserted+f.Stats.WordsDeleted)
	}
	return width, most
}

func statPad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

// statParagraphs is "19 changed, 8 inserted, 9 deleted, 8 moved", with
// ", 1 split" and ", 2 merged" when there are any.
func statParagraphs(s diff.Stats) string {
	out := strconv.Itoa(s.Changed) + " changed, " + strconv.Itoa(s.Inserted) + " inserted, " +
		strconv.Itoa(s.Deleted) + " deleted, " + strconv.Itoa(s.Moved) + " moved"
	if s.Split > 0 {
		out += ", " + strconv.Itoa(s.Split) + " split"
	}
	if s.Merged > 0 {
		out += ", " + strconv.Itoa(s.Merged) + " merged"
	}
	if s.Formatted > 0 {
		out += ", " + strconv.Itoa(s.Formatted) + " formatted"
	}
	return out
}

// statWords is "+380 -290".
func statWords(s diff.Stats) string {
	return "+" + strconv.Itoa(s.WordsInserted) + " -" + strconv.Itoa(s.WordsDeleted)
}

// statBar is the +/- bar of a file, scaled so that the file with most
// words changed gets statBarWidth characters; a file with any change gets
// at least one.
func statBar(s diff.Stats, most int) string {
	ins, del := s.WordsInserted, s.WordsDeleted
	if most > statBarWidth {
		ins, del = statScale(ins, most), statScale(del, most)
	}
	return strings.Repeat("+", ins) + strings.Repeat("-", del)
}

// statScale scales n of most to statBarWidth, rounding up so that no
// change vanishes.
func statScale(n, most int) int {
	return (n*statBarWidth + most - 1) / most
}

// statAdd adds the counts of s to t.
func statAdd(t *diff.Stats, s diff.Stats) {
	t.Equal += s.Equal
	t.Changed += s.Changed
	t.Inserted += s.Inserted
	t.Deleted += s.Deleted
	t.Moved += s.Moved
	t.Split += s.Split
	t.Merged += s.Merged
	t.Renumbered += s.Renumbered
	t.Reformatted += s.Reformatted
	t.Formatted += s.Formatted
	t.WordsInserted += s.WordsInserted
	t.WordsDeleted += s.WordsDeleted
}

// statSummary is the last line of Stat.
func statSummary(changed, skipped int, t diff.Stats) string {
	out := statPlural(changed, "file") + " changed: " + statParagraphs(t) + " paragraphs; " +
		statPlural(t.WordsInserted, "word") + " inserted (+), " + strconv.Itoa(t.WordsDeleted) + " deleted (-)"
	if skipped > 0 {
		out += "; " + statPlural(skipped, "file") + " skipped"
	}
	return out
}

// statPlural is "1 file" or "2 files".
func statPlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
