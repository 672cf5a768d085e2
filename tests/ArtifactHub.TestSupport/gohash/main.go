// Command gohash prints go.sum hashes computed by golang.org/x/mod itself, so that tests can check
// ArtifactHub's own implementation against the real one.
//
//	gohash zip FILE.zip   the h1: hash of a module zip (the go.sum line "M V h1:...")
//	gohash mod FILE       the h1: hash of a go.mod (the go.sum line "M V/go.mod h1:...")
//	gohash dir DIR MODULE VERSION OUT.zip
//	                      writes the module zip of DIR as zip.CreateFromDir makes it, then prints its h1: hash
//
// Built in GOPATH mode against Debian's golang-golang-x-mod-dev:
// GO111MODULE=off GOPATH=/usr/share/gocode go build -o gohash main.go
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) < 2 || (os.Args[1] == "dir") != (len(os.Args) == 6) || (os.Args[1] != "dir" && len(os.Args) != 3) {
		fmt.Fprintln(os.Stderr, "usage: gohash zip FILE.zip | gohash mod FILE | gohash dir DIR MODULE VERSION OUT.zip")
		os.Exit(2)
	}

	var sum string
	var err error
	switch os.Args[1] {
	case "zip":
		sum, err = dirhash.HashZip(os.Args[2], dirhash.Hash1)
	case "mod":
		var data []byte
		data, err = os.ReadFile(os.Args[2])
		if err == nil {
			// As cmd/go/internal/modfetch goModSum does.
			sum, err = dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(data)), nil
			})
		}
	case "dir":
		sum, err = createFromDir(os.Args[2], module.Version{Path: os.Args[3], Version: os.Args[4]}, os.Args[5])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}

	if err != nil {
		fmt.Fprintln(os.Stderr, "gohash:", err)
		os.Exit(1)
	}

	fmt.Println(sum)
}

func createFromDir(dir string, m module.Version, out string) (string, error) {
	f, err := os.Create(out)
	if err != nil {
		return "", err
	}
	err = zip.CreateFromDir(f, m, dir)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(out)
		return "", err
	}
	return dirhash.HashZip(out, dirhash.Hash1)
}
