//go:build !linux

package draft

// limitMemory does nothing here: pdftotext is bounded by time and output
// only.
func limitMemory(pid, n int) {}
