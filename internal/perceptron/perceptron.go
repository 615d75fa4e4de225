// Package perceptron is a multiclass averaged perceptron over hashed
// features: a Trainer for build-time training and a compact Model (int8
// weights, open-addressing table) for run time.
//
// Features are uint64 hashes built with Hash; callers never build feature
// strings, so extracting features allocates nothing. The Model's binary form
// carries a JSON header saying what data and settings produced it.
package perceptron

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// FNV-1a, 64 bit.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash starts a feature hash from a template number (one per feature kind).
func Hash(template uint64) uint64 { return mix(offset64, template) }

// Lower adds a string to a feature hash as if lower-cased (ASCII letters;
// other bytes as they are), without building the lower-cased string:
// features of words are hashed for every token at run time.
func Lower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= lowerByte(s[i])
		h *= prime64
	}
	h ^= 0xff // separator, so ("ab","c") != ("a","bc")
	h *= prime64
	return h
}

// Lower2, Lower3 and Lower5 are Lower for one string under several
// hashes at once, each result the same as Lower's. A word is read by
// several feature templates; one pass lower-cases each byte once and
// keeps independent multiplies in flight, where each of Lower's waits on
// the last (the README gives what this saves the engine).
func Lower2(a, b uint64, s string) (uint64, uint64) {
	for i := 0; i < len(s); i++ {
		c := lowerByte(s[i])
		a = (a ^ c) * prime64
		b = (b ^ c) * prime64
	}
	return (a ^ 0xff) * prime64, (b ^ 0xff) * prime64
}

// Lower3 is Lower2 for three hashes.
func Lower3(a, b, c uint64, s string) (uint64, uint64, uint64) {
	for i := 0; i < len(s); i++ {
		x := lowerByte(s[i])
		a = (a ^ x) * prime64
		b = (b ^ x) * prime64
		c = (c ^ x) * prime64
	}
	return (a ^ 0xff) * prime64, (b ^ 0xff) * prime64, (c ^ 0xff) * prime64
}

// Lower5 is Lower2 for five hashes.
func Lower5(a, b, c, d, e uint64, s string) (uint64, uint64, uint64, uint64, uint64) {
	for i := 0; i < len(s); i++ {
		x := lowerByte(s[i])
		a = (a ^ x) * prime64
		b = (b ^ x) * prime64
		c = (c ^ x) * prime64
		d = (d ^ x) * prime64
		e = (e ^ x) * prime64
	}
	return (a ^ 0xff) * prime64, (b ^ 0xff) * prime64, (c ^ 0xff) * prime64,
		(d ^ 0xff) * prime64, (e ^ 0xff) * prime64
}

// lowerByte is Lower's ASCII lower-casing of one byte.
func lowerByte(c byte) uint64 {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return uint64(c)
}

// Int adds an integer to a feature hash.
func Int(h uint64, v uint64) uint64 { return mix(h, v) }

// Flag is a yes or no as a feature value (1 or 0), for the templates
// that the rankers fill with small integers.
func Flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// mix is one multiply and a shift, not FNV's eight byte steps: features
// are hashed for every token at run time, and this was half of the
// labeller's time.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// Trainer learns weights. It is not safe for concurrent use.
type Trainer struct {
	nclass int
	rows   map[uint64]*row
	tick   int // updates seen, for averaging
	// keyBits, when not 0, is the model's key size already in training
	// (NewHashedTrainer): features whose keys collide share one row.
	keyBits int
}

type row struct {
	w, total []float64
	stamp    []int
	seen     int // how many training instances had this feature
}

// NewTrainer starts training a model with nclass classes.
func NewTrainer(nclass int) *Trainer {
	return &Trainer{nclass: nclass, rows: map[uint64]*row{}}
}

// NewHashedTrainer is NewTrainer for a model of keyBits-bit keys
// (MinKeyBits..32): features whose keys collide share one weight row from
// the start, so training sees the collisions and learns around them (the
// hashing trick) instead of having them merged after training by Compact.
// Compact then keeps keyBits unless told otherwise.
func NewHashedTrainer(nclass, keyBits int) *Trainer {
	t := NewTrainer(nclass)
	t.keyBits = min(max(keyBits, MinKeyBits), 32)
	return t
}

// key is the row that feature hash f trains: f itself, or with keyBits a
// hash whose key at keyBits bits is f's and whose other bits are zero.
func (t *Trainer) key(f uint64) uint64 {
	if t.keyBits == 0 {
		return f
	}
	shift := uint8(32 - t.keyBits)
	return uint64(keyOf(f, shift) << shift)
}

// Scores adds the current weights of feats into out (len nclass).
func (t *Trainer) Scores(feats []uint64, out []float64) {
	clear(out)
	for _, f := range feats {
		if r := t.rows[t.key(f)]; r != nil {
			for c, w := range r.w {
				out[c] += w
			}
		}
	}
}

// Predict returns the best class for feats under the current weights; ties
// go to the lowest class number, so training is deterministic.
func (t *Trainer) Predict(feats []uint64, scratch []float64) int {
	t.Scores(feats, scratch)
	return argmax(scratch)
}

// Update moves the weights after one instance whose true class is truth
// and predicted class guess.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	t.tick++
	t.update(feats, truth, guess)
}

// Tick starts a new training instance for averaging; structured training
// calls it once a sequence and then Add for each update in it.
func (t *Trainer) Tick() { t.tick++ }

// Add moves the weights of feats for one class by delta, within the
// current instance.
func (t *Trainer) Add(feats []uint64, class int, delta float64) {
	for _, f := range feats {
		t.bump(t.row(f), class, delta)
	}
}

func (t *Trainer) row(f uint64) *row {
	f = t.key(f)
	r := t.rows[f]
	if r == nil {
		r = &row{w: make([]float64, t.nclass), total: make([]float64, t.nclass), stamp: make([]int, t.nclass)}
		t.rows[f] = r
	}
	return r
}

// Saw counts feats as seen once more, for Options.MinSeen.
func (t *Trainer) Saw(feats []uint64) {
	for _, f := range feats {
		t.row(f).seen++
	}
}

func (t *Trainer) update(feats []uint64, truth, guess int) {
	for _, f := range feats {
		r := t.row(f)
		r.seen++
		if truth == guess {
			continue
		}
		t.bump(r, truth, 1)
		t.bump(r, guess, -1)
	}
}

func (t *Trainer) bump(r *row, c int, d float64) {
	r.total[c] += float64(t.tick-r.stamp[c]) * r.w[c]
	r.stamp[c] = t.tick
	r.w[c] += d
}

// averaged is row r's weight for class c averaged over every update so far.
func (t *Trainer) averaged(r *row, c int) float64 {
	return (r.total[c] + float64(t.tick-r.stamp[c])*r.w[c]) / float64(max(t.tick, 1))
}

// Merge averages trainers of the same classes and key size: the result
// holds, for every feature, the mean of their averaged weights and of how
// often they saw it, ready for Compact. Training on with it is not
// supported. Features are merged in the trainers' order, so the result does
// not depend on map order.
func Merge(ts ...*Trainer) *Trainer {
	m := NewTrainer(ts[0].nclass)
	m.keyBits = ts[0].keyBits
	m.tick = 1 // Compact reads total/tick: total holds the mean itself
	n := float64(len(ts))
	for _, t := range ts {
		for k, r := range t.rows {
			mr := m.row(k) // k is a key already: row keeps it
			for c := range mr.total {
				mr.total[c] += t.averaged(r, c) / n
			}
			mr.seen += r.seen
		}
	}
	for _, r := range m.rows {
		r.seen = int(math.Round(float64(r.seen) / n))
	}
	return m
}

// FromWeights is a trainer holding weights learned some other way (one
// row per feature hash, nclass long) and how many training instances saw
// each feature, ready for Compact or Merge as if they were a perceptron's
// averaged weights. Training on with it is not supported.
func FromWeights(nclass int, w map[uint64][]float64, seen map[uint64]int) *Trainer {
	t := NewTrainer(nclass)
	t.tick = 1 // Compact reads total/tick: total holds the weight itself
	for f, ws := range w {
		r := t.row(f)
		copy(r.total, ws)
		r.seen = seen[f]
	}
	return t
}

// Options control how a trained model is made compact.
type Options struct {
	MinSeen   int    // drop features seen in fewer training instances
	MinWeight int    // drop features whose largest quantised weight is smaller (in absolute value)
	Header    []byte // JSON recorded in the model: data and settings
	// KeyBits is how many bits of a feature's hash the model keeps
	// (MinKeyBits..32; 0 means DefaultKeyBits).
	KeyBits int
	// WeightBits is how many bits a weight is quantised to, sign
	// included (2..8; 0 means DefaultWeightBits). MinWeight still counts
	// in units of 8-bit weights, so pruning does not depend on it.
	WeightBits int
}

// DefaultWeightBits is the weight size of a model compacted without
// WeightBits.
const DefaultWeightBits = 8

// DefaultKeyBits is the key size of a model compacted without KeyBits.
// A random key costs about KeyBits-log2(features)+1.4 bits of the file,
// whatever the compressor, so it is the size's biggest lever: at 24 bits
// the attribution model's 61,000 cue features share a key in about 110
// pairs (merged) and a feature the model lacks hits a kept one's key 0.4%
// of the time, which left PolNeAR dev's figures where 32 bits had them.
const DefaultKeyBits = 24

// MinKeyBits is the smallest key size a model may have.
const MinKeyBits = 16

// fold shortens a feature hash to 32 bits; the model keeps the top bits
// of that (keyOf).
func fold(h uint64) uint32 { return uint32(h ^ h>>32) }

// keyOf is the key of feature hash h in a model whose keys are 32-shift bits.
func keyOf(h uint64, shift uint8) uint32 { return fold(h) >> shift }

// Compact averages the weights, prunes and quantises them to int8.
func (t *Trainer) Compact(opt Options) *Model {
	bits := opt.KeyBits
	if bits == 0 {
		bits = cmp.Or(t.keyBits, DefaultKeyBits)
	}
	bits = min(max(bits, MinKeyBits), 32)
	shift := uint8(32 - bits)
	avg := map[uint32][]float64{}
	for k, r := range t.rows {
		if r.seen < opt.MinSeen {
			continue
		}
		a := avg[keyOf(k, shift)]
		if a == nil {
			a = make([]float64, t.nclass)
			avg[keyOf(k, shift)] = a
		}
		for c := 0; c < t.nclass; c++ {
			a[c] += t.averaged(r, c)
		}
	}
	keys := make([]uint32, 0, len(avg))
	maxAbs := 0.0
	for k, a := range avg {
		keys = append(keys, k)
		for _, v := range a {
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	slices.Sort(keys) // map order is random; the model bytes must not be
	scale := maxAbs / 127
	if scale == 0 {
		scale = 1
	}
	wb := opt.WeightBits
	if wb == 0 {
		wb = DefaultWeightBits
	}
	wb = min(max(wb, 2), 8)
	// Weights are stored in units of step; pruning counts in units of scale.
	step := maxAbs / float64(int(1)<<(wb-1)-1)
	if step == 0 {
		step = 1
	}
	m := &Model{nclass: t.nclass, scale: float32(step), header: slices.Clone(opt.Header), keyShift: shift}
	minW := max(opt.MinWeight, 1)
	q := make([]int8, t.nclass)
	for _, k := range keys {
		keep := false
		a := avg[k]
		for c, v := range a {
			q8 := int(math.Round(v / scale))
			keep = keep || q8 >= minW || q8 <= -minW
			q[c] = int8(math.Round(v / step))
		}
		if !keep {
			continue
		}
		zs := zeroSum(a, maxAbs)
		if zs {
			roundZeroSum(a, step, q)
		}
		m.keys = append(m.keys, k)
		m.zeroSum = append(m.zeroSum, zs)
		m.w = append(m.w, q...)
	}
	m.index()
	return m
}

// zeroSum reports whether a feature's weights sum to zero, as those of
// every feature that Update, or Add in +1/-1 pairs, moves do: the model
// then stores one weight fewer for it.
func zeroSum(a []float64, maxAbs float64) bool {
	s := 0.0
	for _, v := range a {
		s += v
	}
	return len(a) >= 2 && math.Abs(s) <= 1e-9*max(maxAbs, 1)
}

// roundZeroSum quantises weights that sum to zero so that the int8s do
// too (largest remainders first), each within one unit of its weight.
func roundZeroSum(a []float64, scale float64, q []int8) {
	sum := 0
	for c, v := range a {
		q[c] = int8(math.Floor(v / scale))
		sum += int(q[c])
	}
	// -sum units must go up by one: to the weights that lost the most,
	// the lower class first on ties, so the result is deterministic.
	for ; sum < 0; sum++ {
		best, bestRem := -1, -1.0
		for c, v := range a {
			if rem := v/scale - float64(q[c]); rem > bestRem && q[c] < math.MaxInt8 {
				best, bestRem = c, rem
			}
		}
		if best < 0 {
			return
		}
		q[best]++
	}
}

// Model is a trained, quantised model. It is immutable and safe for
// concurrent use.
type Model struct {
	nclass   int
	scale    float32
	header   []byte
	keyShift uint8    // keys are the top 32-keyShift bits of fold(hash)
	keys     []uint32 // sorted; row i's weights are w[i*nclass:(i+1)*nclass]
	zeroSum  []bool   // row i's weights sum to zero: the file stores all but the last
	w        []int8
	// table is open addressing over the keys: each slot holds its key
	// beside the row index+1 (0 = empty), so a lookup that misses, as most
	// do, touches one cache line. With at most four classes (inline), the
	// slot holds the row's weights themselves, one in each byte, and a hit
	// touches no other line; an all-zero row, which adds nothing, is left
	// out, so 0 still means empty.
	table  []slot
	mask   uint64
	inline bool
	// packed is w with each row's weights in the bytes of one word, when
	// the classes fit in eight: Scores then reads a row in one load and
	// sums it in registers (in wasm, about 5% of the whole extract).
	packed []uint64
}

type slot struct {
	key uint32
	row int32 // index+1, or the row's weights when the model is inline
}

// Classes is the number of classes.
func (m *Model) Classes() int { return m.nclass }

// Features is the number of features kept.
func (m *Model) Features() int { return len(m.keys) }

// Header is the JSON the model was written with.
func (m *Model) Header() []byte { return m.header }

func (m *Model) index() {
	size := 1
	for size < 2*len(m.keys)+1 {
		size <<= 1
	}
	m.table = make([]slot, size)
	m.mask = uint64(size - 1)
	m.inline = m.nclass <= 4
	for i, k := range m.keys {
		v := int32(i + 1)
		if m.inline {
			var x uint32
			for c, w := range m.w[i*m.nclass : (i+1)*m.nclass] {
				x |= uint32(uint8(w)) << (8 * c)
			}
			if x == 0 {
				continue
			}
			v = int32(x)
		}
		j := uint64(k) & m.mask
		for m.table[j].row != 0 {
			j = (j + 1) & m.mask
		}
		m.table[j] = slot{k, v}
	}
	m.packed = nil
	if m.nclass <= 8 && !m.inline {
		m.packed = make([]uint64, len(m.keys))
		for i := range m.packed {
			var x uint64
			for c, v := range m.w[i*m.nclass : (i+1)*m.nclass] {
				x |= uint64(uint8(v)) << (8 * c)
			}
			m.packed[i] = x
		}
	}
}

// Scores writes the score of every class for feats into out (len Classes).
func (m *Model) Scores(feats []uint64, out []float32) {
	if m.inline {
		m.scoresInline(feats, out)
		return
	}
	if m.packed == nil {
		m.scoresRows(feats, out)
		return
	}
	// The packed rows: the same integer sums, so the same scores.
	sum := m.packedSums(feats)
	for c := range m.nclass {
		out[c] = float32(sum[c]) * m.scale
	}
}

// inlineSums sums the rows of feats, class by class, for a model of at
// most four classes, whose weights sit in the table's slots: a hit reads
// one slot.
func (m *Model) inlineSums(feats []uint64) [4]int32 {
	var s0, s1, s2, s3 int32
	table, mask, shift := m.table, m.mask, m.keyShift
	for _, f := range feats {
		k := keyOf(f, shift)
		j := uint64(k) & mask
		for {
			e := table[j]
			if e.row == 0 {
				break
			}
			if e.key == k {
				x := uint32(e.row)
				s0 += int32(int8(x))
				s1 += int32(int8(x >> 8))
				s2 += int32(int8(x >> 16))
				s3 += int32(int8(x >> 24))
				break
			}
			j = (j + 1) & mask
		}
	}
	return [4]int32{s0, s1, s2, s3}
}

// scoresInline is Scores for at most four classes, whose weights are in
// the table: the same integer sums, so the same scores.
func (m *Model) scoresInline(feats []uint64, out []float32) {
	sum := m.inlineSums(feats)
	for c := range m.nclass {
		out[c] = float32(sum[c]) * m.scale
	}
}

// scoresRows is Scores for models of more than eight classes.
func (m *Model) scoresRows(feats []uint64, out []float32) {
	var acc [16]int32 // on the stack for the usual handful of classes
	var sum []int32
	if m.nclass <= len(acc) {
		sum = acc[:m.nclass]
	} else {
		sum = make([]int32, m.nclass)
	}
	for _, f := range feats {
		k := keyOf(f, m.keyShift)
		j := uint64(k) & m.mask
		for {
			e := m.table[j]
			if e.row == 0 {
				break
			}
			if e.key == k {
				i := e.row
				row := m.w[int(i-1)*m.nclass : int(i)*m.nclass]
				for c, v := range row {
					sum[c] += int32(v)
				}
				break
			}
			j = (j + 1) & m.mask
		}
	}
	for c, v := range sum {
		out[c] = float32(v) * m.scale
	}
}

// AddRow adds feature f's integer weights to sum (len Classes), nothing
// when the model does not hold f. Scores of some features is Finish of
// their rows added up, in any order and split between calls as the caller
// likes, so a caller may add ahead the features that take few values.
func (m *Model) AddRow(f uint64, sum []int32) {
	k := keyOf(f, m.keyShift)
	j := uint64(k) & m.mask
	for {
		e := m.table[j]
		if e.row == 0 {
			return
		}
		if e.key == k {
			switch {
			case m.inline:
				x := uint32(e.row)
				for c := range sum {
					sum[c] += int32(int8(x >> (8 * c)))
				}
			case m.packed != nil && len(sum) <= 8:
				x := m.packed[e.row-1]
				for c := range sum {
					sum[c] += int32(int8(x >> (8 * c)))
				}
			default:
				for c, v := range m.w[int(e.row-1)*m.nclass : int(e.row)*m.nclass] {
					sum[c] += int32(v)
				}
			}
			return
		}
		j = (j + 1) & m.mask
	}
}

// packedSums sums the packed rows of feats, class by class: a row of up
// to eight classes is one load, summed in registers.
func (m *Model) packedSums(feats []uint64) [8]int32 {
	var s0, s1, s2, s3, s4, s5, s6, s7 int32
	table, mask, packed, shift := m.table, m.mask, m.packed, m.keyShift
	for _, f := range feats {
		k := keyOf(f, shift)
		j := uint64(k) & mask
		for {
			e := table[j]
			if e.row == 0 {
				break
			}
			if e.key == k {
				x := packed[e.row-1]
				s0 += int32(int8(x))
				s1 += int32(int8(x >> 8))
				s2 += int32(int8(x >> 16))
				s3 += int32(int8(x >> 24))
				s4 += int32(int8(x >> 32))
				s5 += int32(int8(x >> 40))
				s6 += int32(int8(x >> 48))
				s7 += int32(int8(x >> 56))
				break
			}
			j = (j + 1) & mask
		}
	}
	return [8]int32{s0, s1, s2, s3, s4, s5, s6, s7}
}

// AddRows is AddRow for each of feats.
func (m *Model) AddRows(feats []uint64, sum []int32) {
	if m.inline && len(sum) <= 4 {
		m.addRowsInline(feats, sum)
		return
	}
	if m.packed == nil || len(sum) > 8 {
		for _, f := range feats {
			m.AddRow(f, sum)
		}
		return
	}
	acc := m.packedSums(feats)
	for c := range sum {
		sum[c] += acc[c]
	}
}

// addRowsInline is AddRows for at most four classes, as scoresInline.
func (m *Model) addRowsInline(feats []uint64, sum []int32) {
	acc := m.inlineSums(feats)
	for c := range sum {
		sum[c] += acc[c]
	}
}

// Finish writes into out the scores of the integer sums AddRow made: the
// numbers Scores writes for the same features.
func (m *Model) Finish(sum []int32, out []float32) {
	for c, v := range sum {
		out[c] = float32(v) * m.scale
	}
}

// Predict returns the best class for feats.
func (m *Model) Predict(feats []uint64, scratch []float32) int {
	m.Scores(feats, scratch)
	best := 0
	for c, v := range scratch {
		if v > scratch[best] {
			best = c
		}
	}
	return best
}

func argmax(s []float64) int {
	best := 0
	for c, v := range s {
		if v > s[best] {
			best = c
		}
	}
	return best
}

const magic = "WSPM\x03"

// MarshalBinary writes the model, little endian, in columns so that brotli
// finds the repetition in each:
//
//	"WSPM\x03" headerlen:u32 header nclass:u32 nkeys:u32 scale:f32 keybits:u8
//	keydelta:uvarint*nkeys           sorted keys, delta coded
//	zerosum:bitmap(nkeys)            bit i (byte i/8, bit i%8): row i sums to zero
//	weight:i8*                       row after row: nclass weights, or
//	                                 nclass-1 for a zero-sum row (the last
//	                                 is minus the sum of the others)
//
// A weight is its int8 times scale.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, len(magic)+17+len(m.header)+len(m.keys)*3+len(m.w))
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.header)))
	b = append(b, m.header...)
	b = binary.LittleEndian.AppendUint32(b, uint32(m.nclass))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.keys)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	b = append(b, 32-m.keyShift)
	prev := uint32(0)
	for _, k := range m.keys {
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
	}
	bits := make([]byte, (len(m.keys)+7)/8)
	for i, z := range m.zeroSum {
		if z {
			bits[i/8] |= 1 << (i % 8)
		}
	}
	b = append(b, bits...)
	for i, z := range m.zeroSum {
		row := m.w[i*m.nclass : (i+1)*m.nclass]
		if z {
			row = row[:m.nclass-1]
		}
		for _, v := range row {
			b = append(b, byte(v))
		}
	}
	return b, nil
}

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a whosaid perceptron model")

// Load reads a model written by MarshalBinary.
func Load(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	p := b[len(magic):]
	u32 := func(what string) (uint32, error) {
		if len(p) < 4 {
			return 0, fmt.Errorf("%w: truncated at %s", ErrFormat, what)
		}
		v := binary.LittleEndian.Uint32(p)
		p = p[4:]
		return v, nil
	}
	hl, err := u32("header length")
	if err != nil {
		return nil, err
	}
	if uint64(hl) > uint64(len(p)) {
		return nil, fmt.Errorf("%w: truncated header", ErrFormat)
	}
	m := &Model{header: slices.Clone(p[:hl])}
	p = p[hl:]
	nc, err := u32("class count")
	if err != nil {
		return nil, err
	}
	nk, err := u32("feature count")
	if err != nil {
		return nil, err
	}
	sc, err := u32("scale")
	if err != nil {
		return nil, err
	}
	if nc < 1 || nc > 256 { // one class: a ranker (internal/edges)
		return nil, fmt.Errorf("%w: %d classes", ErrFormat, nc)
	}
	if len(p) < 1 {
		return nil, fmt.Errorf("%w: truncated at key bits", ErrFormat)
	}
	kb := int(p[0])
	p = p[1:]
	if kb < MinKeyBits || kb > 32 {
		return nil, fmt.Errorf("%w: %d key bits", ErrFormat, kb)
	}
	// Each feature takes a key byte and a weight byte at least.
	if uint64(nk) > uint64(len(p))/2 {
		return nil, fmt.Errorf("%w: %d features in %d bytes", ErrFormat, nk, len(p))
	}
	m.nclass, m.scale, m.keyShift = int(nc), math.Float32frombits(sc), uint8(32-kb)
	if math.IsNaN(float64(m.scale)) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: bad scale", ErrFormat)
	}
	m.keys = make([]uint32, nk)
	prev := uint64(0)
	for i := range m.keys {
		d, n := binary.Uvarint(p)
		if n <= 0 || (i > 0 && d == 0) || prev+d >= 1<<kb {
			return nil, fmt.Errorf("%w: bad key %d", ErrFormat, i)
		}
		prev += d
		m.keys[i] = uint32(prev)
		p = p[n:]
	}
	nb := (int(nk) + 7) / 8
	if len(p) < nb {
		return nil, fmt.Errorf("%w: truncated at the zero-sum bitmap", ErrFormat)
	}
	bits := p[:nb]
	p = p[nb:]
	m.zeroSum = make([]bool, nk)
	stored := 0
	for i := range m.zeroSum {
		m.zeroSum[i] = bits[i/8]>>(i%8)&1 != 0
		stored += m.nclass
		if m.zeroSum[i] {
			stored--
		}
	}
	if len(p) != stored {
		return nil, fmt.Errorf("%w: %d bytes of weights, want %d", ErrFormat, len(p), stored)
	}
	m.w = make([]int8, int(nk)*m.nclass)
	for i, z := range m.zeroSum {
		row := m.w[i*m.nclass : (i+1)*m.nclass]
		n := m.nclass
		if z {
			n--
		}
		sum := 0
		for c := range n {
			row[c] = int8(p[c])
			sum += int(row[c])
		}
		if z {
			if sum < -math.MaxInt8 || sum > -math.MinInt8 {
				return nil, fmt.Errorf("%w: zero-sum row %d out of range", ErrFormat, i)
			}
			row[n] = int8(-sum)
		}
		p = p[n:]
	}
	m.index()
	return m, nil
}
