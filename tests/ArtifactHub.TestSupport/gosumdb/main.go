// gosumdb serves a real, signed checksum database (golang.org/x/mod/sumdb's test server) for the modules of a
// GOPROXY tree on disk, so that tests can run the go command's checksum verification without the internet.
//
// Usage: gosumdb <name> <source>
//
// The source is a GOPROXY tree on disk or a GOPROXY base URL (http:// or https://): the hashes of a module
// version are computed from its .zip and .mod there, when the version is first looked up. It listens on a free loopback port and prints two lines to stdout: the verifier key (for GOSUMDB="<key>")
// and the base URL. Each request it answers is logged to stderr as "GET <path> <status>".
// Records are added when first looked up, as sum.golang.org does.
package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/sumdb/note"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gosumdb <name> <proxy-tree-dir | proxy-url>")
		os.Exit(2)
	}
	name, source := os.Args[1], os.Args[2]
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	check(err)

	gosum := func(path, vers string) ([]byte, error) {
		escPath, err := module.EscapePath(path)
		if err != nil {
			return nil, err
		}
		escVers, err := module.EscapeVersion(vers)
		if err != nil {
			return nil, err
		}
		zipFile, mod, cleanup, err := fetch(source, escPath+"/@v/"+escVers)
		if err != nil {
			return nil, err // not there is os.ErrNotExist: the server answers 404
		}
		defer cleanup()
		zipHash, err := dirhash.HashZip(zipFile, dirhash.Hash1)
		if err != nil {
			return nil, err
		}
		modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(mod)), nil
		})
		if err != nil {
			return nil, err
		}
		return []byte(fmt.Sprintf("%s %s %s\n%s %s/go.mod %s\n", path, vers, zipHash, path, vers, modHash)), nil
	}

	server := sumdb.NewServer(sumdb.NewTestServer(skey, gosum))
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, vkey)
	fmt.Fprintf(out, "http://%s\n", listener.Addr())
	check(out.Flush())

	check(http.Serve(listener, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recorder := &statusRecorder{ResponseWriter: w, status: 200}
		server.ServeHTTP(recorder, r)
		fmt.Fprintf(os.Stderr, "%s %s %d\n", r.Method, r.URL.Path, recorder.status)
	})))
}

// fetch finds <base>.zip and <base>.mod in the source: the zip as a file (dirhash reads zips from files), the go.mod as bytes.
func fetch(source, base string) (zipFile string, mod []byte, cleanup func(), err error) {
	cleanup = func() {}
	if !strings.HasPrefix(source, "http://") && !strings.HasPrefix(source, "https://") {
		file := filepath.Join(source, filepath.FromSlash(base))
		mod, err = os.ReadFile(file + ".mod")
		return file + ".zip", mod, cleanup, err
	}
	url := strings.TrimSuffix(source, "/") + "/" + base
	mod, err = get(url + ".mod")
	if err != nil {
		return "", nil, cleanup, err
	}
	zip, err := get(url + ".zip")
	if err != nil {
		return "", nil, cleanup, err
	}
	tmp, err := os.CreateTemp("", "gosumdb-*.zip")
	if err != nil {
		return "", nil, cleanup, err
	}
	cleanup = func() { os.Remove(tmp.Name()) }
	_, err = tmp.Write(zip)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	return tmp.Name(), mod, cleanup, err
}

func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
		return nil, os.ErrNotExist // as is: the sumdb server tells not-found by os.IsNotExist, which does not unwrap
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gosumdb:", err)
		os.Exit(1)
	}
}
