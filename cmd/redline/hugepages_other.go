//go:build !linux

package main

// newInputBuffer returns a buffer of n bytes for a draft (see the Linux
// version, which asks for huge pages).
func newInputBuffer(n int) []byte { return make([]byte, n) }

// primeHeap does nothing here (see the Linux version).
func primeHeap(n int64) {}
