module github.com/redline-diff/redline/scripts/pdfbench

go 1.26.8

require github.com/klippa-app/go-pdfium v1.21.5

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/jolestar/go-commons-pool/v2 v2.1.2 // indirect
	github.com/tetratelabs/wazero v1.12.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

require github.com/redline-diff/redline v0.0.0

replace github.com/redline-diff/redline => ../..
