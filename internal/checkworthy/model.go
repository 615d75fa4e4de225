package checkworthy

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"sort"
	"sync"
)

// model.bin is written by `make train` (build/traincw); see Encode for its
// layout.
//
//go:embed model.bin
var embedded []byte

// Default is the embedded model, loaded once per process.
var Default = sync.OnceValues(func() (*Model, error) { return Load(embedded) })

// magic starts every model file.
const magic = "whosaid-checkworthy 1\n"

// Header is the model file's JSON header: how the weights become a
// probability, and what they were trained from.
type Header struct {
	Bits  int     `json:"bits"`
	Scale float64 `json:"scale"` // weight = int8 × Scale
	// The calibrated score is σ(A·z + B) for the sum of weights z: A and B
	// are fit on out-of-fold scores of the training data, B then moved so
	// that the threshold with the best F1 there is 0.5.
	A float64 `json:"a"`
	B float64 `json:"b"`
	// What the model was trained from and how (recorded, not read).
	DataSHA256 string            `json:"data_sha256,omitempty"`
	Settings   map[string]string `json:"settings,omitempty"`
	CV         map[string]string `json:"cv,omitempty"`
}

// Model is a trained, pruned and quantised logistic regression. It is
// immutable once loaded and safe for concurrent use.
type Model struct {
	h    Header
	keys []uint32 // sorted
	w    []int8
	// dense holds every key's weight, 0 for the keys pruned: one index per
	// feature instead of a search (1 MiB, and scoring stays a small part
	// of the pipeline).
	dense []int8
}

// Len is the number of weights kept.
func (m *Model) Len() int { return len(m.keys) }

// Encode writes a model file: magic, the JSON header and a newline, the
// number of weights (uvarint), the sorted keys as uvarint deltas, one int8
// per weight, and a CRC-32 of all before it. Keys ascending make the
// deltas small, which is what keeps the file compact.
func Encode(h Header, keys []uint32, w []int8) ([]byte, error) {
	if len(keys) != len(w) {
		return nil, errors.New("checkworthy: keys and weights differ in length")
	}
	if !slices.IsSorted(keys) {
		return nil, errors.New("checkworthy: keys must be sorted")
	}
	hj, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(hj)
	b.WriteByte('\n')
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	prev := uint32(0)
	for i, k := range keys {
		if i > 0 && k == prev {
			return nil, errors.New("checkworthy: duplicate key")
		}
		b.Write(binary.AppendUvarint(nil, uint64(k-prev)))
		prev = k
	}
	for _, x := range w {
		b.WriteByte(byte(x))
	}
	b.Write(binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(b.Bytes())))
	return b.Bytes(), nil
}

// Load parses a model file written by Encode.
func Load(data []byte) (*Model, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, errors.New("checkworthy: not a check-worthiness model (bad magic)")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("checkworthy: model file is corrupt (checksum)")
	}
	rest := body[len(magic):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, errors.New("checkworthy: model header has no end")
	}
	m := &Model{}
	var err error
	if m.h, err = decodeHeader(rest[:nl]); err != nil {
		return nil, fmt.Errorf("checkworthy: model header: %w", err)
	}
	if m.h.Bits != Bits {
		return nil, fmt.Errorf("checkworthy: model has %d-bit keys, this build reads %d", m.h.Bits, Bits)
	}
	if math.IsNaN(m.h.Scale) || math.IsNaN(m.h.A) || math.IsNaN(m.h.B) || math.IsInf(m.h.Scale, 0) || math.IsInf(m.h.A, 0) || math.IsInf(m.h.B, 0) {
		return nil, errors.New("checkworthy: model header holds a number out of range")
	}
	rest = rest[nl+1:]
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > uint64(len(rest)) {
		return nil, errors.New("checkworthy: bad weight count")
	}
	rest = rest[k:]
	m.keys = make([]uint32, n)
	key := uint64(0)
	for i := range m.keys {
		d, k := binary.Uvarint(rest)
		if k <= 0 || (i > 0 && d == 0) {
			return nil, errors.New("checkworthy: bad key")
		}
		key += d
		if key > keyMask {
			return nil, errors.New("checkworthy: key out of range")
		}
		m.keys[i] = uint32(key)
		rest = rest[k:]
	}
	if uint64(len(rest)) != n {
		return nil, errors.New("checkworthy: weights do not match the keys")
	}
	m.w = make([]int8, n)
	m.dense = make([]int8, keyMask+1)
	for i, b := range rest {
		m.w[i] = int8(b)
		m.dense[m.keys[i]] = int8(b)
	}
	return m, nil
}

func (m *Model) weight(k uint32) float64 { return float64(m.dense[k&keyMask]) * m.h.Scale }

// Score is a claim's check-worthiness and the strongest signs behind it.
type Score struct {
	P       float64  // in [0, 1]; 0.5 and above: worth checking
	Reasons []string // the reasons' names, strongest first
}

// maxReasons is how many signs a reader is shown.
const maxReasons = 3

// Score scores a claim given as its tokens, in text order.
func (m *Model) Score(toks []Token, sc *Scratch) Score {
	if sc == nil {
		sc = &Scratch{}
	}
	s := keysOf(toks, sc)
	p := m.Calibrated(m.Raw(sc.keys))
	var r []string
	if s&(1<<nReasons-1) != 0 {
		type rw struct {
			g Sign
			w float64
		}
		var buf [nReasons]rw
		cand := buf[:0]
		for g := Sign(0); g < nReasons; g++ {
			// a sign the model learnt nothing against is still a reason
			if w := m.weight(signKey(g)); s.Has(g) && w >= 0 {
				cand = append(cand, rw{g, w})
			}
		}
		// strongest first; equal weights in the signs' order
		// sort.SliceStable, which the page links anyway, not an
		// instantiation of slices.SortStableFunc for rw: 8 KB of code.
		sort.SliceStable(cand, func(i, j int) bool { return cand[i].w > cand[j].w })
		r = make([]string, 0, min(len(cand), maxReasons))
		for _, c := range cand[:min(len(cand), maxReasons)] {
			r = append(r, signNames[c.g])
		}
	}
	return Score{P: p, Reasons: r}
}

// keysOf reads toks' features into sc.keys without repeats (the features
// are binary), in the order they first come.
func keysOf(toks []Token, sc *Scratch) Signs {
	s := features(toks, sc)
	sc.dedupe()
	return s
}

// dedupe drops repeated keys with a small open-addressing set: cheaper
// than sorting, which scoring does not need.
func (sc *Scratch) dedupe() {
	size := 64
	for size < 2*len(sc.keys) {
		size *= 2
	}
	if cap(sc.set) < size {
		sc.set = make([]uint32, size)
	} else {
		sc.set = sc.set[:size]
		clear(sc.set)
	}
	mask := uint32(size - 1)
	out := sc.keys[:0]
	for _, k := range sc.keys {
		for h := (k * 2654435761) >> 12 & mask; ; h = (h + 1) & mask {
			if sc.set[h] == 0 {
				sc.set[h] = k + 1 // 0 marks an empty slot
				out = append(out, k)
				break
			}
			if sc.set[h] == k+1 {
				break
			}
		}
	}
	sc.keys = out
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
