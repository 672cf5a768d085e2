// gotlog prints, as one JSON document, reference values computed by golang.org/x/mod's sumdb/tlog and sumdb/note
// (Debian's copy, built in GOPATH mode), so that the C# checksum-database code can be checked against the real thing
// instead of against numbers nobody can justify. Every value comes with the inputs it was computed from.
//
// Usage: gotlog
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type indexCase struct {
	Level int   `json:"level"`
	N     int64 `json:"n"`
	Index int64 `json:"index"`
}

type countCase struct {
	N     int64 `json:"n"`
	Count int64 `json:"count"`
}

type proofCase struct {
	Size  int64    `json:"size"`
	N     int64    `json:"n"`
	Proof []string `json:"proof"`
}

type tileCase struct {
	Height int    `json:"height"`
	Index  int64  `json:"index"`
	Path   string `json:"path"`
}

type newTilesCase struct {
	Height  int      `json:"height"`
	OldSize int64    `json:"oldSize"`
	NewSize int64    `json:"newSize"`
	Paths   []string `json:"paths"`
}

type parseCase struct {
	Path  string `json:"path"`
	Valid bool   `json:"valid"`
	H     int    `json:"h"`
	L     int    `json:"l"`
	N     int64  `json:"n"`
	W     int    `json:"w"`
}

type tileDataCase struct {
	Path string `json:"path"`
	Data string `json:"data"`
}

// tileReadsCase: the tiles tlog.TileHashReader(tree of Size, height Height) asks its TileReader for, in order, to
// return the hashes at Indexes; what the go command's client downloads (with an empty cache) for the same read.
type tileReadsCase struct {
	Height  int      `json:"height"`
	Size    int64    `json:"size"`
	Indexes []int64  `json:"indexes"`
	Paths   []string `json:"paths"`
}

type recordingReader struct {
	height int
	stored hashes
	paths  []string
}

func (r *recordingReader) Height() int { return r.height }

func (r *recordingReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	var data [][]byte
	for _, t := range tiles {
		r.paths = append(r.paths, t.Path())
		d, err := tlog.ReadTileData(t, r.stored)
		if err != nil {
			return nil, err
		}
		data = append(data, d)
	}
	return data, nil
}

func (r *recordingReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

type noteCase struct {
	Name        string `json:"name"`
	Seed        string `json:"seed"`
	SignerKey   string `json:"signerKey"`
	VerifierKey string `json:"verifierKey"`
	Text        string `json:"text"`
	Signed      string `json:"signed"`
}

type output struct {
	Records         []string        `json:"records"`
	RecordHashes    []string        `json:"recordHashes"`
	NodeHashOf01    string          `json:"nodeHashOf01"`
	StoredHashIndex []indexCase     `json:"storedHashIndex"`
	StoredHashCount []countCase     `json:"storedHashCount"`
	StoredHashes    []string        `json:"storedHashes"`
	TreeHashes      []string        `json:"treeHashes"` // TreeHashes[n] is the root of the first n records
	TreeTexts       []string        `json:"treeTexts"`
	RecordProofs    []proofCase     `json:"recordProofs"`
	TreeProofs      []proofCase     `json:"treeProofs"`
	TileForIndex    []tileCase      `json:"tileForIndex"`
	NewTiles        []newTilesCase  `json:"newTiles"`
	ParseTilePath   []parseCase     `json:"parseTilePath"`
	TileData        []tileDataCase  `json:"tileData"`
	TileReads       []tileReadsCase `json:"tileReads"`
	Notes           []noteCase      `json:"notes"`
}

// The records of the reference log: go.sum-like lines, so they look like the database's.
const recordCount = 300

func record(i int) []byte {
	return []byte(fmt.Sprintf("example.com/m%d v1.0.%d h1:%s\nexample.com/m%d v1.0.%d/go.mod h1:%s\n",
		i, i, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{byte(i)}, 32)),
		i, i, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{byte(i + 1)}, 32))))
}

type hashes []tlog.Hash

func (h hashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		out[i] = h[x]
	}
	return out, nil
}

func strs(list []tlog.Hash) []string {
	out := make([]string, len(list))
	for i, h := range list {
		out[i] = h.String()
	}
	return out
}

func main() {
	var out output

	var stored hashes
	for i := 0; i < recordCount; i++ {
		data := record(i)
		out.Records = append(out.Records, string(data))
		out.RecordHashes = append(out.RecordHashes, tlog.RecordHash(data).String())
		added, err := tlog.StoredHashes(int64(i), data, stored)
		check(err)
		stored = append(stored, added...)
	}
	out.StoredHashes = strs(stored)
	out.NodeHashOf01 = tlog.NodeHash(tlog.RecordHash(record(0)), tlog.RecordHash(record(1))).String()

	for level := 0; level <= 9; level++ {
		for _, n := range []int64{0, 1, 2, 3, 5, 7, 8, 100, 255, 256, 1000, 123456789} {
			out.StoredHashIndex = append(out.StoredHashIndex, indexCase{level, n, tlog.StoredHashIndex(level, n)})
		}
	}
	for _, n := range []int64{0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 255, 256, 257, 1 << 20, 1<<20 + 1, 123456789} {
		out.StoredHashCount = append(out.StoredHashCount, countCase{n, tlog.StoredHashCount(n)})
	}

	for n := int64(0); n <= recordCount; n++ {
		h, err := tlog.TreeHash(n, stored)
		check(err)
		out.TreeHashes = append(out.TreeHashes, h.String())
		out.TreeTexts = append(out.TreeTexts, string(tlog.FormatTree(tlog.Tree{N: n, Hash: h})))
	}

	for _, size := range []int64{1, 2, 3, 7, 8, 9, 13, 100, 256, 257, 300} {
		for _, n := range []int64{0, 1, 2, 5, 8, 12, 99, 255, 256, 299} {
			if n >= size {
				continue
			}
			p, err := tlog.ProveRecord(size, n, stored)
			check(err)
			out.RecordProofs = append(out.RecordProofs, proofCase{size, n, strs(p)})
		}
		for _, n := range []int64{1, 2, 3, 4, 5, 7, 8, 9, 13, 100, 256, 257, 300} {
			if n > size {
				continue
			}
			p, err := tlog.ProveTree(size, n, stored)
			check(err)
			out.TreeProofs = append(out.TreeProofs, proofCase{size, n, strs(p)})
		}
	}

	for _, h := range []int{1, 2, 3, 8} {
		for _, index := range []int64{0, 1, 2, 3, 4, 6, 7, 10, 14, 100, 509, 510, 511, 598, 12345, 1234567} {
			out.TileForIndex = append(out.TileForIndex, tileCase{h, index, tlog.TileForIndex(h, index).Path()})
		}
	}

	for _, c := range [][3]int64{{2, 0, 1}, {2, 0, 13}, {2, 5, 13}, {2, 13, 17}, {8, 0, 5}, {8, 5, 300}, {8, 255, 257}, {3, 10, 100}} {
		var paths []string
		for _, t := range tlog.NewTiles(int(c[0]), c[1], c[2]) {
			paths = append(paths, t.Path())
		}
		out.NewTiles = append(out.NewTiles, newTilesCase{int(c[0]), c[1], c[2], paths})
	}

	for _, path := range []string{
		"tile/8/0/000", "tile/8/0/001.p/5", "tile/8/1/x001/234", "tile/3/4/x001/x234/067.p/1", "tile/8/data/000.p/3",
		"tile/8/data/x123/x456/789", "tile/30/63/999", "tile/1/0/000.p/1",
		"tile/8/0/0", "tile/8/0/0000", "tile/8/0/x000/123", "tile/8/0/000.p/256", "tile/8/0/000.p/0", "tile/8/0/000.p/05",
		"tile/08/0/000", "tile/8/00/000", "tile/0/0/000", "tile/31/0/000", "tile/8/-1/000", "tile/8/0/123/x456",
		"tile/8/0/x1/234", "tile/8/0/x001/234.p", "tile/8/0", "tiles/8/0/000", "tile/8/0/abc", "tile/8/0/000.p/5/6",
		"tile/8/0/x001/x002", "tile/8/data/000.p/-1", "tile/2/0/000.p/4", "tile/2/0/000.p/3",
		"tile/2/63/x009/x223/x372/x036/x854/x775/807", "tile/2/63/x009/x223/x372/x036/x854/x775/808", "tile/30/0/000.p/1073741823",
		"tile/30/0/000.p/1073741824", "tile/8/64/000", "tile/8/0/000.p/+5", "tile/+8/0/000",
	} {
		t, err := tlog.ParseTilePath(path)
		out.ParseTilePath = append(out.ParseTilePath, parseCase{path, err == nil, t.H, t.L, t.N, t.W})
	}

	for _, t := range []tlog.Tile{{H: 2, L: 0, N: 0, W: 4}, {H: 2, L: 0, N: 74, W: 3}, {H: 2, L: 1, N: 4, W: 4}, {H: 2, L: 2, N: 1, W: 2}, {H: 8, L: 0, N: 1, W: 44}, {H: 8, L: 1, N: 0, W: 1}} {
		data, err := tlog.ReadTileData(t, stored)
		check(err)
		out.TileData = append(out.TileData, tileDataCase{t.Path(), base64.StdEncoding.EncodeToString(data)})
	}

	for _, h := range []int{2, 3, 8} {
		for _, size := range []int64{1, 2, 5, 13, 16, 17, 64, 100, 256, 257, 300} {
			for _, ids := range [][]int64{{0}, {size - 1}, {size / 2}, {1, 4, 12, 63, 64, 65, 99, 255, 256, 299}} {
				var indexes []int64
				for _, id := range ids {
					if id < size {
						indexes = append(indexes, tlog.StoredHashIndex(0, id))
					}
				}
				if len(indexes) == 0 {
					continue
				}
				reader := &recordingReader{height: h, stored: stored}
				tree := tlog.Tree{N: size}
				tree.Hash, _ = tlog.TreeHash(size, stored)
				_, err := tlog.TileHashReader(tree, reader).ReadHashes(indexes)
				check(err)
				out.TileReads = append(out.TileReads, tileReadsCase{h, size, indexes, reader.paths})
			}
			// The client's consistency check: the older tree's root from the newer tree's tiles.
			for _, old := range []int64{1, 3, 5, 13, 64, 100, 256} {
				if old > size {
					continue
				}
				reader := &recordingReader{height: h, stored: stored}
				tree := tlog.Tree{N: size}
				tree.Hash, _ = tlog.TreeHash(size, stored)
				indexes := []int64{}
				_, err := tlog.TreeHash(old, tlog.HashReaderFunc(func(x []int64) ([]tlog.Hash, error) {
					indexes = x
					return tlog.TileHashReader(tree, reader).ReadHashes(x)
				}))
				check(err)
				out.TileReads = append(out.TileReads, tileReadsCase{h, size, indexes, reader.paths})
			}
		}
	}

	for i, name := range []string{"example.com/db", "sum.example"} {
		seed := make([]byte, 32)
		for j := range seed {
			seed[j] = byte(i*32 + j)
		}
		skey, vkey, err := note.GenerateKey(bytes.NewReader(seed), name)
		check(err)
		signer, err := note.NewSigner(skey)
		check(err)
		text := out.TreeTexts[37+i]
		signed, err := note.Sign(&note.Note{Text: text}, signer)
		check(err)
		out.Notes = append(out.Notes, noteCase{name, base64.StdEncoding.EncodeToString(seed), skey, vkey, text, string(signed)})
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	check(enc.Encode(out))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotlog:", err)
		os.Exit(1)
	}
}
