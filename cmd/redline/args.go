package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst moves the flags of a command line's subcommand ahead of its
// operands, so that "redline compare OLD NEW -o out.html" works as users
// type it: urfave/cli v2 stops reading flags at the first operand. A "--"
// ends the flags; everything after it stays an operand.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	takesValue := valueFlags(cmd)
	var flags, operands []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			operands = append(operands, rest[i:]...)
			i = len(rest)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && takesValue[name] && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		default:
			operands = append(operands, a)
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	return append(out, operands...)
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
