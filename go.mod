module github.com/redline-diff/redline

go 1.26.0

require golang.org/x/text v0.43.0

require (
	github.com/sergi/go-diff v1.4.0 // indirect
	golang.org/x/net v0.62.0 // indirect
)
