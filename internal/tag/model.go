package tag

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sync"
)

// model.bin is written by `go run ./build/tagger` from prose's averaged
// perceptron (MIT licence); see format.go for its layout.
//
//go:embed model.bin
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) { return Load(embedded) })

// Default returns the embedded model, loaded once.
func Default() (*Model, error) { return defaultModel() }

// Model is an averaged-perceptron tagger: immutable after Load, safe for
// concurrent use.
type Model struct {
	classes   []Tag    // class index -> Tag
	classHash []uint64 // class index -> hash of prose's tag string, for the i-1/i-2 tag features
	dict      map[string]uint8
	salt      [numKinds]uint64

	// keyShift turns a 32-bit feature hash into the model's key (keyOf).
	keyShift uint8
	// Open-addressing table of feature keys, linear probing from the key's
	// top bits: keys arrive sorted, so Load fills the table front to back.
	shift uint8
	mask  uint32
	table []entry
	cls   []uint8
	wts   []int16

	bias uint32 // table slot of the bias feature's weights, or noSlot
}

// entry is a table slot: key 0 is empty; val = start<<8 | count into cls/wts.
type entry struct{ key, val uint32 }

const noSlot = ^uint32(0)

// dictSym marks an emoticon in the dictionary: prose tags those SYM before
// looking at links, traces or its tag dictionary.
const dictSym = 0xff

// Load parses a model written by build/tagger.
func Load(data []byte) (*Model, error) {
	if len(data) < len(magic)+1+4 {
		return nil, errors.New("tag: model too short")
	}
	if string(data[:len(magic)]) != magic {
		return nil, errors.New("tag: not a tagger model (bad magic)")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("tag: model checksum mismatch (corrupt data)")
	}
	r := reader{b: body, off: len(magic)}
	if v := r.byte(); v != version {
		if r.err != nil {
			return nil, r.err
		}
		return nil, fmt.Errorf("tag: model version %d, want %d", v, version)
	}
	m := &Model{bias: noSlot}
	seed := r.uvarint()
	if seed > 1<<32-1 {
		return nil, errors.New("tag: bad seed")
	}
	m.salt = salts(uint32(seed))
	kb := int(r.byte())
	if r.err != nil {
		return nil, r.err
	}
	if kb < minKeyBits || kb > maxKeyBits {
		return nil, fmt.Errorf("tag: %d key bits, want %d..%d", kb, minKeyBits, maxKeyBits)
	}
	m.keyShift = uint8(32 - kb)

	nc := r.count(maxClasses)
	if nc == 0 && r.err == nil {
		return nil, errors.New("tag: model has no classes")
	}
	m.classes = make([]Tag, nc)
	m.classHash = make([]uint64, nc)
	for i := range nc {
		name := r.str()
		t := Parse(name)
		if t == Unknown && r.err == nil {
			return nil, fmt.Errorf("tag: model class %q is not a known tag", name)
		}
		m.classes[i] = t
		m.classHash[i] = hashString(name)
	}

	nd := r.count(1 << 20)
	m.dict = make(map[string]uint8, nd)
	for range nd {
		w := r.str()
		c := r.uvarint()
		if c != dictSym && c >= uint64(nc) {
			return nil, errors.New("tag: dictionary class out of range")
		}
		m.dict[w] = uint8(c)
	}

	nf := r.count(1 << 24)
	bits := uint8(1)
	for 1<<bits < 2*nf {
		bits++
	}
	if int(bits) > kb {
		return nil, errors.New("tag: more features than keys")
	}
	m.shift = uint8(kb) - bits
	m.mask = 1<<bits - 1
	m.table = make([]entry, 1<<bits)
	counts := r.bytes(nf)
	total := 0
	for _, c := range counts {
		n := int(c &^ implicitLast)
		if n == 0 || n > nc || (c&implicitLast != 0 && n < 2) {
			return nil, errors.New("tag: bad feature weight count")
		}
		total += n
	}
	if total >= 1<<24 {
		return nil, errors.New("tag: too many weights")
	}
	cls := r.bytes(total)
	for _, c := range cls {
		if int(c) >= nc {
			return nil, errors.New("tag: weight class out of range")
		}
	}
	m.cls = append([]byte(nil), cls...) // do not alias the caller's buffer
	m.wts = make([]int16, total)
	// Scores only need comparing, so weights stay in units of the scale.
	if scale := r.uvarint(); scale == 0 || scale > 1<<16 {
		return nil, errors.New("tag: bad weight scale")
	}
	w := m.wts
	for _, c := range counts {
		n := int(c &^ implicitLast)
		sum := int64(0)
		for j := range n {
			var v int64
			if j == n-1 && c&implicitLast != 0 {
				v = -sum
			} else {
				v = r.varint()
				sum += v
			}
			if v < math.MinInt16 || v > math.MaxInt16 {
				return nil, errors.New("tag: weight out of range")
			}
			w[j] = int16(v)
		}
		w = w[n:]
	}
	var key uint32
	start := 0
	for i := range nf {
		d := r.uvarint()
		if r.err != nil {
			return nil, r.err
		}
		if (d == 0 && i > 0) || uint64(key)+d > 1<<kb-1 {
			return nil, errors.New("tag: feature keys not strictly increasing")
		}
		key += uint32(d)
		if key == 0 {
			return nil, errors.New("tag: zero feature key")
		}
		s := key >> m.shift
		for m.table[s].key != 0 {
			s = (s + 1) & m.mask
		}
		n := counts[i] &^ implicitLast
		m.table[s] = entry{key, uint32(start)<<8 | uint32(n)}
		start += int(n)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(body) {
		return nil, errors.New("tag: trailing bytes in model")
	}
	m.bias = m.slot(keyOf(key32(m.salt[kBias]), m.keyShift))
	return m, nil
}

// slot returns the table slot of key, or noSlot.
func (m *Model) slot(key uint32) uint32 {
	s := key >> m.shift
	for {
		k := m.table[s].key
		if k == key {
			return s
		}
		if k == 0 {
			return noSlot
		}
		s = (s + 1) & m.mask
	}
}

// reader decodes the model; the first error sticks and later reads
// return zero values, so Load checks r.err once per section.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("tag: model truncated or corrupt at byte %d (%s)", r.off, what)
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("byte")
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail("varint")
		return 0
	}
	r.off += n
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.fail("varint")
		return 0
	}
	r.off += n
	return v
}

// count reads a length and checks it against max and the bytes left, so a
// corrupt length cannot make Load allocate gigabytes.
func (r *reader) count(max int) int {
	v := r.uvarint()
	if r.err == nil && (v > uint64(max) || v > uint64(len(r.b)-r.off)) {
		r.fail("count")
	}
	if r.err != nil {
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b)-r.off {
		r.fail("bytes")
		return nil
	}
	r.off += n
	return r.b[r.off-n : r.off]
}

func (r *reader) str() string {
	return string(r.bytes(r.count(1 << 16)))
}
