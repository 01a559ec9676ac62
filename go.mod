module github.com/redline-diff/redline

go 1.26.0

require golang.org/x/text v0.43.0
