package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// The completion scripts and the man page are written from the commands
// and flags themselves, so that they cannot drift from them. (urfave/cli
// v2 writes a fish script and a man page too, but its fish script offers
// no file names after any flag, and its man page leaves out what each
// command does; its bash and zsh completion runs the command at every
// Tab, which a static script does not need.)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "write the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `Writes a script that completes redline's commands, flags and flag values
(formats, --color modes...) in the shell named, and file names where a
draft or a file is due. Load it:

   bash:  source <(redline completion bash)            # in ~/.bashrc
   zsh:   source <(redline completion zsh)             # in ~/.zshrc, after compinit
          (or: redline completion zsh > "${fpath[1]}/_redline")
   fish:  redline completion fish > ~/.config/fish/completions/redline.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("completion needs one shell: bash, zsh or fish (see 'redline help completion')")
			}
			cmds := completionTree(c.App)
			var script string
			switch c.Args().First() {
			case "bash":
				script = bashCompletion(cmds)
			case "zsh":
				script = zshCompletion(cmds)
			case "fish":
				script = fishCompletion(cmds)
			default:
				return fmt.Errorf("completion: unknown shell %q (want bash, zsh or fish)", c.Args().First())
			}
			_, err := fmt.Fprint(c.App.Writer, script)
			return err
		},
	}
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "write the manual page (roff): redline man | man -l -",
		Description: `Writes redline's manual page, section 1, in roff: every command with what
it does and its flags, the exit statuses and the environment variables.
docs/redline.1 is this page.

Example:

   redline man | man -l -
   redline man > ~/.local/share/man/man1/redline.1`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return fmt.Errorf("man takes no arguments (see 'redline help man')")
			}
			_, err := fmt.Fprint(c.App.Writer, manPage(c.App))
			return err
		},
	}
}

// compCommand is a command as the completion scripts see it.
type compCommand struct {
	name, usage string
	flags       []compFlag
}

// compFlag is a flag as the completion scripts see it.
type compFlag struct {
	names   []string // long name first
	usage   string   // one line, placeholders unquoted
	value   bool     // takes a value
	file    bool     // a file name
	choices []string // the values it takes, if a fixed set
}

// flagChoices are the values of the flags that take one of a set.
func flagChoices(cmd, flag string) []string {
	switch flag {
	case "format":
		if slices.Contains([]string{"history", "trace", "blame"}, cmd) {
			return []string{"html", "text", "json"}
		}
		return strings.Split(strings.NewReplacer(",", "", " or", "").Replace(formatNames), " ")
	case "color":
		return []string{"auto", "always", "never"}
	case "from":
		return []string{"markdown", "text", "docx", "odt", "html"}
	case "brackets":
		return []string{"auto", "on", "off"}
	case "fail-if":
		return []string{"weakened", "strengthened", "reference-dropped", "reference-added"}
	}
	return nil
}

// completionTree returns the app's visible commands and their flags,
// with the app's own flags as the command named "".
func completionTree(app *cli.App) []compCommand {
	top := compCommand{flags: []compFlag{
		{names: []string{"help", "h"}, usage: "show help"},
		{names: []string{"version", "v"}, usage: "print the version"},
	}}
	for _, f := range app.Flags {
		if name := f.Names()[0]; name != "help" && name != "version" { // (added by urfave/cli)
			top.flags = append(top.flags, compFlagOf("", f))
		}
	}
	out := []compCommand{top}
	for _, cmd := range app.Commands {
		if cmd.Hidden || cmd.Name == "help" {
			continue
		}
		cc := compCommand{name: cmd.Name, usage: cmd.Usage}
		for _, f := range cmd.Flags {
			if f.Names()[0] != "help" { // (added by urfave/cli to some)
				cc.flags = append(cc.flags, compFlagOf(cmd.Name, f))
			}
		}
		cc.flags = append(cc.flags, compFlag{names: []string{"help", "h"}, usage: "show help"})
		out = append(out, cc)
	}
	return out
}

func compFlagOf(cmd string, f cli.Flag) compFlag {
	cf := compFlag{names: f.Names()}
	if df, ok := f.(cli.DocGenerationFlag); ok {
		placeholder, usage := unquoteUsage(df.GetUsage())
		cf.usage = usage
		cf.value = df.TakesValue()
		cf.file = placeholder == "FILE" || placeholder == "OUT_DIR"
	}
	if cf.value {
		cf.choices = flagChoices(cmd, cf.names[0])
	}
	return cf
}

// dashed returns a flag name as typed: "-o", "--output".
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// bashCompletion is the bash script: commands, then each command's flags
// when the word starts with "-", a flag's values after it, and file names
// otherwise (complete -o default).
func bashCompletion(cmds []compCommand) string {
	var b strings.Builder
	b.WriteString(`# bash completion for redline, written by "redline completion bash".
# Load it with: source <(redline completion bash)
_redline() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i words=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case $cmd in
`)
	var names []string
	for _, c := range cmds[1:] {
		names = append(names, c.name)
	}
	for _, c := range cmds {
		pattern := c.name
		if c.name == "" {
			pattern = `""`
		}
		fmt.Fprintf(&b, "        %s)\n            case $prev in\n", pattern)
		var flags []string
		for _, f := range c.flags {
			var alts []string
			for _, n := range f.names {
				alts = append(alts, dashed(n))
			}
			flags = append(flags, alts...)
			switch {
			case !f.value:
			case f.choices != nil:
				fmt.Fprintf(&b, "                %s) words=%q ;;\n", strings.Join(alts, "|"), strings.Join(f.choices, " "))
			default: // a file name, or a value to type
				fmt.Fprintf(&b, "                %s) return ;;\n", strings.Join(alts, "|"))
			}
		}
		all := strings.Join(flags, " ")
		switch c.name {
		case "":
			fmt.Fprintf(&b, "                *) words=%q ;;\n", strings.Join(names, " ")+" help "+all)
		case "completion":
			fmt.Fprintf(&b, "                *) [[ $cur == -* ]] && words=%q || words=\"bash zsh fish\" ;;\n", all)
		default:
			fmt.Fprintf(&b, "                *) [[ $cur == -* ]] && words=%q ;;\n", all)
		}
		b.WriteString("            esac ;;\n")
	}
	fmt.Fprintf(&b, `        help) words=%q ;;
    esac
    [[ -n $words ]] && COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return 0
}
complete -o default -F _redline redline
`, strings.Join(names, " "))
	return b.String()
}

// zshQuote quotes s for zsh in single quotes.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshDescription makes a usage line safe in an _arguments or _describe
// spec: on one line, no brackets.
func zshDescription(s string) string {
	return strings.NewReplacer("[", "(", "]", ")", "\n", " ").Replace(s)
}

// zshCompletion is the zsh script, with _arguments: commands described,
// flags described, flag values and file names.
func zshCompletion(cmds []compCommand) string {
	var b strings.Builder
	b.WriteString(`#compdef redline
# zsh completion for redline, written by "redline completion zsh".
# Load it with: source <(redline completion zsh)   (after compinit)
# or save it as _redline in a folder of $fpath.
_redline() {
    local curcontext=$curcontext state line
    local -a commands
    commands=(
`)
	for _, c := range cmds[1:] {
		fmt.Fprintf(&b, "        %s\n", zshQuote(c.name+":"+zshDescription(c.usage)))
	}
	b.WriteString("        'help:show the commands, or help for one command'\n    )\n")
	b.WriteString("    _arguments -C \\\n")
	for _, f := range cmds[0].flags {
		fmt.Fprintf(&b, "        %s \\\n", zshFlagSpecs(f))
	}
	b.WriteString("        '1: :->command' \\\n        '*:: :->args'\n")
	b.WriteString(`    case $state in
        command) _describe -t commands 'redline command' commands ;;
        args)
            case $words[1] in
`)
	for _, c := range cmds[1:] {
		fmt.Fprintf(&b, "                %s)\n                    _arguments \\\n", c.name)
		for _, f := range c.flags {
			fmt.Fprintf(&b, "                        %s \\\n", zshFlagSpecs(f))
		}
		switch c.name {
		case "completion":
			b.WriteString("                        '1:shell:(bash zsh fish)' ;;\n")
		case "man":
			b.WriteString("                        ;;\n")
		default:
			b.WriteString("                        '*:draft or revision:_files' ;;\n")
		}
	}
	b.WriteString(`                help) _describe -t commands 'redline command' commands ;;
            esac ;;
    esac
}
if [[ $funcstack[1] == _redline ]]; then
    _redline "$@"
else
    compdef _redline redline
fi
`)
	return b.String()
}

// zshFlagSpecs is the _arguments spec of a flag and its aliases.
func zshFlagSpecs(f compFlag) string {
	var dashedNames []string
	for _, n := range f.names {
		dashedNames = append(dashedNames, dashed(n))
	}
	desc := "[" + zshDescription(f.usage) + "]"
	value := ""
	switch {
	case !f.value:
	case f.choices != nil:
		value = ":" + f.names[0] + ":(" + strings.Join(f.choices, " ") + ")"
	case f.file:
		value = ":file:_files"
	default:
		value = ":" + f.names[0] + ": "
	}
	if len(dashedNames) == 1 {
		return zshQuote(dashedNames[0] + desc + value)
	}
	return zshQuote("("+strings.Join(dashedNames, " ")+")") + "{" + strings.Join(dashedNames, ",") + "}" + zshQuote(desc+value)
}

// fishCompletion is the fish script.
func fishCompletion(cmds []compCommand) string {
	var b strings.Builder
	b.WriteString("# fish completion for redline, written by \"redline completion fish\".\n")
	b.WriteString("# Save it as ~/.config/fish/completions/redline.fish\n")
	var names []string
	for _, c := range cmds[1:] {
		names = append(names, c.name)
	}
	names = append(names, "help")
	fishFlag := func(cond string, f compFlag) {
		fmt.Fprintf(&b, "complete -c redline -n %s", fishQuote(cond))
		for _, n := range f.names {
			if len(n) == 1 {
				fmt.Fprintf(&b, " -s %s", n)
			} else {
				fmt.Fprintf(&b, " -l %s", n)
			}
		}
		switch {
		case !f.value:
		case f.choices != nil:
			fmt.Fprintf(&b, " -x -a %s", fishQuote(strings.Join(f.choices, " ")))
		case f.file:
			b.WriteString(" -r -F")
		default:
			b.WriteString(" -x")
		}
		fmt.Fprintf(&b, " -d %s\n", fishQuote(f.usage))
	}
	for _, f := range cmds[0].flags {
		fishFlag("__fish_use_subcommand", f)
	}
	for _, c := range cmds[1:] {
		fmt.Fprintf(&b, "complete -c redline -n __fish_use_subcommand -f -a %s -d %s\n", c.name, fishQuote(c.usage))
	}
	b.WriteString("complete -c redline -n __fish_use_subcommand -f -a help -d 'show the commands, or help for one command'\n")
	for _, c := range cmds[1:] {
		for _, f := range c.flags {
			fishFlag("__fish_seen_subcommand_from "+c.name, f)
		}
	}
	fmt.Fprintf(&b, "complete -c redline -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'\n")
	fmt.Fprintf(&b, "complete -c redline -n '__fish_seen_subcommand_from help' -f -a %s\n", fishQuote(strings.Join(names, " ")))
	return b.String()
}

// fishQuote quotes s for fish in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`, "\n", " ").Replace(s) + "'"
}

// roff escapes s for the body of a roff page: backslashes doubled, a
// line starting with "." or "'" protected, hyphens of options kept as
// minus signs, characters beyond ASCII as \[uXXXX].
func roff(s string) string {
	s = strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
	if strings.IndexFunc(s, func(r rune) bool { return r > 0x7e }) >= 0 {
		var b strings.Builder
		for _, r := range s {
			if r > 0x7e {
				fmt.Fprintf(&b, `\[u%04X]`, r) // any roff, any locale
				continue
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}

// manPage is redline's manual page in roff (man macros), written from the
// commands: their usage, descriptions (examples as unfilled blocks) and
// flags, then the exit statuses and the environment.
func manPage(app *cli.App) string {
	var b strings.Builder
	b.WriteString(`.\" redline(1), written by "redline man"; do not edit.
.TH REDLINE 1 "" "redline" "User Commands"
.SH NAME
redline \- ` + roff(app.Usage) + `
.SH SYNOPSIS
.B redline
.I command
[\fIflags\fR] [\fIarguments\fR]
.br
.B redline
.RB [ \-\-no\-pager ]
.RB [ \-\-help | \-\-version ]
.SH DESCRIPTION
redline compares drafts of a negotiated text: it aligns their paragraphs
(renumbered, moved, split and merged ones too) and diffs their words, and
writes a redline: an HTML page for people, text, JSON, CriticMarkup or a
Word document with tracked changes for scripts and editors.
Flags may come before or after the operands.
.SH COMMANDS
`)
	for _, cmd := range app.Commands {
		if cmd.Hidden || cmd.Name == "help" {
			continue
		}
		fmt.Fprintf(&b, ".SS \"redline %s %s\"\n%s\n", cmd.Name, strings.TrimSpace("[flags] "+cmd.ArgsUsage), roff(cmd.Usage+"."))
		manDescription(&b, cmd.Description)
		var flags []cli.Flag
		for _, f := range cmd.Flags {
			if vf, ok := f.(cli.VisibleFlag); ok && vf.IsVisible() {
				flags = append(flags, f)
			}
		}
		if len(flags) > 0 {
			b.WriteString(".PP\nFlags:\n")
		}
		for _, f := range flags {
			df := f.(cli.DocGenerationFlag)
			placeholder, usage := unquoteUsage(df.GetUsage())
			var names []string
			for _, n := range f.Names() {
				names = append(names, `\fB`+roff(dashed(n))+`\fR`)
			}
			head := strings.Join(names, ", ")
			if df.TakesValue() {
				if placeholder == "" {
					placeholder = "value"
				}
				head += ` \fI` + roff(placeholder) + `\fR`
			}
			fmt.Fprintf(&b, ".TP\n%s\n%s", head, roff(usage))
			if v := df.GetDefaultText(); df.TakesValue() && v != "" && v != `""` {
				fmt.Fprintf(&b, " (default: %s)", roff(v))
			} else if v := df.GetValue(); df.TakesValue() && v != "" && v != `""` {
				fmt.Fprintf(&b, " (default: %s)", roff(v))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(`.SH EXIT STATUS
As diff(1): 0 when the drafts do not differ, 1 when they differ, 2 on
trouble (a missing, binary or oversized file, a bad flag, an unknown
command), with one line on standard error naming the file at fault.
\fB\-\-fail\-if\fR, \fB\-\-fail\-if\-open\fR and \fB\-\-fail\-if\-removed\fR make
the status their condition's.
.SH ENVIRONMENT
.TP
.B NO_COLOR
when set and not empty, no colour under \fB\-\-color auto\fR.
.TP
.BR CLICOLOR_FORCE ", " FORCE_COLOR
colour standard output under \fB\-\-color auto\fR even when it is not a
terminal (\fBFORCE_COLOR=0\fR: no colour).
.TP
.B TERM
\fBdumb\fR: no colour under \fB\-\-color auto\fR.
.TP
.B GIT_PAGER_IN_USE
set by git when it pages: colour under \fB\-\-color auto\fR, and no pager of
redline's own.
.TP
.BR REDLINE_PAGER ", " PAGER
the pager for output to a terminal, run by sh \-c (default \fBless\fR); empty
or \fBcat\fR, no pager.
.TP
.B LESS
the options of less; \fBFRX\fR when not set, as git sets it.
.SH SEE ALSO
.BR git (1),
.BR diff (1),
.BR less (1)
`)
	return b.String()
}

// manDescription writes a command's description: paragraphs filled,
// indented lines (examples, commands to type) as unfilled blocks.
func manDescription(b *strings.Builder, desc string) {
	if desc == "" {
		return
	}
	for _, para := range strings.Split(strings.TrimSpace(desc), "\n\n") {
		lines := strings.Split(para, "\n")
		var text, example []string
		flush := func() {
			if len(text) > 0 {
				fmt.Fprintf(b, ".PP\n%s\n", roff(strings.Join(text, "\n")))
				text = nil
			}
			if len(example) > 0 {
				fmt.Fprintf(b, ".PP\n.RS 4\n.nf\n%s\n.fi\n.RE\n", roff(strings.Join(example, "\n")))
				example = nil
			}
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "   ") {
				if len(text) > 0 {
					flush()
				}
				example = append(example, strings.TrimSpace(l))
				continue
			}
			if len(example) > 0 {
				flush()
			}
			text = append(text, l)
		}
		flush()
	}
}

// unquoteUsage returns the placeholder of a flag's usage (the word in
// back quotes: "FILE") and the usage without the quotes, as urfave/cli's
// help shows them.
func unquoteUsage(usage string) (placeholder, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "", usage
	}
	return name, before + name + after
}
