// Command oddinput writes the large odd inputs of redline's robustness
// checks into a folder, each as an OLD and NEW pair:
//
//	bigpara       one 10 MB paragraph, no line break, sentences; 5% edited
//	nopunct       one 10 MB paragraph, no line break, no full stop; 2% of words edited
//	million       one million one-word paragraphs; one in a thousand changed
//	identical     ten thousand identical paragraphs; one inserted in the middle
//
// Usage: go run ./scripts/oddinput DIR
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var words = strings.Fields(`States agreed concluded norms law Charter security ICT
infrastructure healthcare supply chains vulnerabilities electoral Internet capacity
building dialogue confidence measures cooperation sovereignty obligations`)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: oddinput DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string]func(*rand.Rand) (string, string){
		"bigpara": bigPara, "nopunct": noPunct, "million": million, "identical": identical,
	}
	for name, gen := range cases {
		old, new := gen(rng)
		write(filepath.Join(dir, name+"-old.txt"), old)
		write(filepath.Join(dir, name+"-new.txt"), new)
	}
}

func write(path, text string) {
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "oddinput:", err)
		os.Exit(1)
	}
}

func word(rng *rand.Rand) string {
	return fmt.Sprintf("%s%d", words[rng.IntN(len(words))], rng.IntN(1000))
}

func bigPara(rng *rand.Rand) (string, string) {
	var a, b strings.Builder
	for a.Len() < 10<<20 {
		s := make([]string, 8+rng.IntN(22))
		for i := range s {
			s[i] = word(rng)
		}
		a.WriteString(strings.Join(s, " ") + ". ")
		if rng.IntN(20) == 0 {
			s[rng.IntN(len(s))] = "amended"
		}
		b.WriteString(strings.Join(s, " ") + ". ")
	}
	return a.String() + "\n", b.String() + "\n"
}

func noPunct(rng *rand.Rand) (string, string) {
	var a, b strings.Builder
	for a.Len() < 10<<20 {
		w := word(rng)
		a.WriteString(w + " ")
		if rng.IntN(50) == 0 {
			w = "amended"
		}
		b.WriteString(w + " ")
	}
	return a.String() + "\n", b.String() + "\n"
}

func million(rng *rand.Rand) (string, string) {
	a, b := make([]string, 1_000_000), make([]string, 1_000_000)
	for i := range a {
		a[i] = words[rng.IntN(len(words))]
		b[i] = a[i]
		if i%1000 == 500 {
			b[i] = "changed"
		}
	}
	return strings.Join(a, "\n\n") + "\n", strings.Join(b, "\n\n") + "\n"
}

func identical(*rand.Rand) (string, string) {
	p := "States reaffirmed that international law, and in particular the Charter of the United Nations, is applicable."
	a := strings.Repeat(p+"\n\n", 10000)
	b := strings.Repeat(p+"\n\n", 5000) + "A new paragraph in the middle.\n\n" + strings.Repeat(p+"\n\n", 5000)
	return a, b
}
