package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst moves the flags of a command line's subcommand ahead of its
// operands, so that "redline compare OLD NEW -o out.html" works as users
// type it: urfave/cli v2 stops reading flags at the first operand. A "--"
// ends the flags; everything after it stays an operand. A flag that takes
// a value but is last, or followed by "--", is an error: moved ahead, it
// would take the first operand as its value ("history a.md b.md -o" would
// write the redline over a.md).
func flagsFirst(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args, nil
	}
	takesValue := valueFlags(cmd)
	var flags, operands []string
	rest := args[2:]
	var gitArgs []string
	if cmd.Name == "git-extdiff" {
		// git's own arguments come last and are operands whatever they
		// start with (a path "-notes.md").
		n := extdiffOperands(rest, func(a string) bool { return isFlagOf(cmd, a) })
		rest, gitArgs = rest[:len(rest)-n], rest[len(rest)-n:]
	}
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			operands = append(operands, rest[i:]...)
			i = len(rest)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && takesValue[name] {
				if i+1 == len(rest) || rest[i+1] == "--" {
					return nil, fmt.Errorf("flag needs an argument: %s (see 'redline help %s')", a, cmd.Name)
				}
				i++
				flags = append(flags, rest[i])
			}
		default:
			operands = append(operands, a)
		}
	}
	if gitArgs != nil {
		ops := []string{"--"}
		for _, a := range operands {
			if a != "--" {
				ops = append(ops, a)
			}
		}
		operands = append(ops, gitArgs...)
	}
	out := append([]string{args[0], args[1]}, flags...)
	return append(out, operands...), nil
}

// valueFlags returns the names (and aliases) of the command's flags that
// take a value.
func valueFlags(cmd *cli.Command) map[string]bool {
	m := make(map[string]bool)
	for _, f := range cmd.Flags {
		if _, isBool := f.(*cli.BoolFlag); isBool {
			continue
		}
		for _, n := range f.Names() {
			m[n] = true
		}
	}
	return m
}

// extdiffOperands returns how many of git-extdiff's arguments are git's,
// at the end: the seven of GIT_EXTERNAL_DIFF (PATH OLD-FILE OLD-HEX
// OLD-MODE NEW-FILE NEW-HEX NEW-MODE, told by their modes), or else the
// one of an unmerged path, unless that is one of the command's flags
// (isFlag).
func extdiffOperands(args []string, isFlag func(string) bool) int {
	isMode := func(s string) bool {
		return s == "." || s != "" && strings.Trim(s, "01234567") == ""
	}
	n := len(args)
	switch {
	case n >= 7 && isMode(args[n-4]) && isMode(args[n-1]):
		return 7
	case n == 0 || isFlag(args[n-1]):
		return 0
	}
	return 1
}

// isFlagOf reports whether a names a flag of cmd ("-o", "--format=json").
func isFlagOf(cmd *cli.Command, a string) bool {
	if !strings.HasPrefix(a, "-") {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}
