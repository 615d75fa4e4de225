package tag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"strings"
)

// The model file (little endian, varints as in encoding/binary):
//
//	"WSPT" version:u8 seed:uvarint keybits:u8
//	nclass:uvarint {len:uvarint name}*        prose's tag strings
//	ndict:uvarint {len word class:uvarint}*   sorted; class 0xff = emoticon (SYM)
//	nfeat:uvarint count:u8*nfeat               weights per feature, sorted by key;
//	                                           bit 7 set: the last weight is implicit
//	class:u8*sum(count)
//	scale:uvarint weight:varint*                weight*scale/1000 = prose's weight; weight fits int16
//	keydelta:uvarint*nfeat                     keybits-bit feature keys, delta coded
//	crc32(IEEE, everything before):u32
//
// Columns rather than records, so brotli finds the repetition in each.
//
// A feature key is the top keybits bits of the feature's 32-bit hash (0
// read as 1). Random keys are the one column brotli cannot shrink: each
// costs about keybits-log2(nfeat)+1.4 bits. Two model features that share
// a key are merged (their weights summed), and a word's feature that the
// model lacks may hit another's key, so build/tagger takes the fewest bits
// (from 20 up, trying the seeds 0..7 at each: Spec.Seed) under which the
// texts it prunes on still tag as with full keys.
const (
	magic      = "WSPT"
	version    = 2
	maxClasses = 64

	minKeyBits, maxKeyBits = 16, 32

	// implicitLast flags a feature whose weights sum to zero, as the
	// perceptron's updates (+1 truth, -1 guess) make most of them: the
	// last weight is then not stored but is minus the sum of the others.
	implicitLast = 0x80
)

// Feature kinds, in the order prose's featurize adds them.
const (
	kBias       = iota // "bias"
	kSuffix            // "i suffix " + last 3 bytes of the raw word
	kPref1             // "i pref1 " + first byte of the raw word
	kTag1              // "i-1 tag " + p1
	kTag2              // "i-2 tag " + p2
	kTag12             // "i tag+i-2 tag " + p1 + " " + p2
	kWord              // "i word " + ctx[i]
	kTag1Word          // "i-1 tag+i word " + p1 + " " + ctx[i]
	kPrevWord          // "i-1 word " + ctx[i-1]
	kPrevSuffix        // "i-1 suffix " + suffix3(ctx[i-1])
	kPrev2Word         // "i-2 word " + ctx[i-2]
	kNextWord          // "i+1 word " + ctx[i+1]
	kNextSuffix        // "i+1 suffix " + suffix3(ctx[i+1])
	kNext2Word         // "i+2 word " + ctx[i+2]
	numKinds
)

// featurePrefix lists prose's feature names; two-argument kinds first so the
// longer "i-1 tag+i word " wins over "i-1 tag ".
var featurePrefix = [numKinds]string{"bias", "i suffix ", "i pref1 ", "i-1 tag ", "i-2 tag ",
	"i tag+i-2 tag ", "i word ", "i-1 tag+i word ", "i-1 word ", "i-1 suffix ", "i-2 word ",
	"i+1 word ", "i+1 suffix ", "i+2 word "}

// FNV-1a 64.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// fmix64 is MurmurHash3's finaliser: it spreads the combined hashes so the
// low 32 bits make a good table key.
func fmix64(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

func salts(seed uint32) (s [numKinds]uint64) {
	for i := range s {
		s[i] = fmix64(uint64(seed)<<8 | uint64(i+1))
	}
	return s
}

// key32 truncates a feature hash to 32 bits; keyOf shortens that to the
// model's key.
func key32(h uint64) uint32 { return uint32(fmix64(h)) }

// keyOf keeps the top 32-shift bits of a 32-bit feature hash; 0 marks an
// empty slot, so it reads as 1.
func keyOf(k uint32, shift uint8) uint32 {
	k >>= shift
	if k == 0 {
		k = 1
	}
	return k
}

func key1(salt, a uint64) uint32    { return key32(salt ^ a) }
func key2(salt, a, b uint64) uint32 { return key32(fmix64(salt^a) ^ b) }

// featureKey hashes one of prose's feature strings as the tagger will.
func featureKey(salt *[numKinds]uint64, feat string) (uint32, error) {
	if feat == "bias" {
		return key32(salt[kBias]), nil
	}
	for _, k := range []int{kTag12, kTag1Word, kSuffix, kPref1, kTag1, kTag2, kWord, kPrevWord,
		kPrevSuffix, kPrev2Word, kNextWord, kNextSuffix, kNext2Word} {
		rest, ok := strings.CutPrefix(feat, featurePrefix[k])
		if !ok {
			continue
		}
		if k == kTag12 || k == kTag1Word {
			a, b, ok := strings.Cut(rest, " ")
			if !ok {
				return 0, fmt.Errorf("tag: feature %q lacks its second part", feat)
			}
			return key2(salt[k], hashString(a), hashString(b)), nil
		}
		return key1(salt[k], hashString(rest)), nil
	}
	return 0, fmt.Errorf("tag: unknown feature %q", feat)
}

// FeatureHash is the 32-bit hash under m's seed of one of prose's feature
// strings ("i word the"), as TagTrace reports it.
func (m *Model) FeatureHash(feature string) (uint32, error) {
	return featureKey(&m.salt, feature)
}

// Spec is a model to encode: prose's classes, tag dictionary, emoticons and
// (already pruned) weights.
type Spec struct {
	Classes   []string
	Dict      map[string]string // word -> class
	Emoticons []string
	Weights   map[string]map[string]float64 // feature -> class -> weight
	Scale     int                           // weights are stored in units of Scale/1000
	KeyBits   int                           // bits of a feature key, 16..32
	// Seed, when not nil, is the hash seed to use; otherwise Encode takes
	// the seed (of 0..63) under which the fewest features share a key.
	Seed *uint32
}

// Encode writes spec in the model format. The output depends only on spec.
func Encode(spec *Spec) ([]byte, error) {
	if len(spec.Classes) == 0 || len(spec.Classes) > maxClasses {
		return nil, fmt.Errorf("tag: %d classes, want 1..%d", len(spec.Classes), maxClasses)
	}
	if spec.Scale <= 0 || spec.Scale > 1<<16 {
		return nil, errors.New("tag: scale out of range")
	}
	classIdx := map[string]int{}
	for i, c := range spec.Classes {
		if Parse(c) == Unknown {
			return nil, fmt.Errorf("tag: class %q is not a known tag", c)
		}
		classIdx[c] = i
	}
	if spec.KeyBits < minKeyBits || spec.KeyBits > maxKeyBits {
		return nil, fmt.Errorf("tag: %d key bits, want %d..%d", spec.KeyBits, minKeyBits, maxKeyBits)
	}
	shift := uint8(32 - spec.KeyBits)
	feats := make([]string, 0, len(spec.Weights))
	for f := range spec.Weights {
		feats = append(feats, f)
	}
	slices.Sort(feats)

	// Find the seed under which the fewest features share a key (none, at
	// 32 bits); those that still do are merged.
	seed, fewest := uint32(0), len(feats)+1
	keyed := make(map[uint32]bool, len(feats))
	for s := uint32(0); s < 64 && fewest > 0 && spec.Seed == nil; s++ {
		salt := salts(s)
		clear(keyed)
		n := 0
		for _, f := range feats {
			k, err := featureKey(&salt, f)
			if err != nil {
				return nil, err
			}
			k = keyOf(k, shift)
			if keyed[k] {
				n++
			}
			keyed[k] = true
		}
		if n < fewest {
			seed, fewest = s, n
		}
	}
	if spec.Seed != nil {
		seed = *spec.Seed
	}
	salt := salts(seed)
	merged := make(map[uint32]map[string]float64, len(feats))
	for _, f := range feats {
		k, _ := featureKey(&salt, f)
		k = keyOf(k, shift)
		ws := merged[k]
		if ws == nil {
			ws = map[string]float64{}
			merged[k] = ws
		}
		for c, w := range spec.Weights[f] {
			ws[c] += w
		}
	}
	sorted := make([]uint32, 0, len(merged))
	for k := range merged {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	if 2*len(sorted) > 1<<spec.KeyBits {
		return nil, fmt.Errorf("tag: %d features need more than %d key bits", len(sorted), spec.KeyBits)
	}

	b := []byte(magic)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(seed))
	b = append(b, byte(spec.KeyBits))
	b = binary.AppendUvarint(b, uint64(len(spec.Classes)))
	for _, c := range spec.Classes {
		b = appendString(b, c)
	}

	dict := map[string]uint64{}
	for w, c := range spec.Dict {
		i, ok := classIdx[c]
		if !ok {
			return nil, fmt.Errorf("tag: dictionary tag %q of %q is not a class", c, w)
		}
		dict[w] = uint64(i)
	}
	for _, w := range spec.Emoticons {
		dict[w] = dictSym
	}
	words := make([]string, 0, len(dict))
	for w := range dict {
		words = append(words, w)
	}
	slices.Sort(words)
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = appendString(b, w)
		b = binary.AppendUvarint(b, dict[w])
	}

	b = binary.AppendUvarint(b, uint64(len(sorted)))
	var cls []byte
	var wts []int64
	for _, k := range sorted {
		ws := merged[k]
		labels := make([]string, 0, len(ws))
		for c := range ws {
			labels = append(labels, c)
		}
		slices.SortFunc(labels, func(x, y string) int { return classIdx[x] - classIdx[y] })
		if len(labels) == 0 {
			return nil, fmt.Errorf("tag: feature key %#x has no weights", k)
		}
		qs := make([]int64, len(labels))
		sum := int64(0)
		for j, c := range labels {
			i, ok := classIdx[c]
			if !ok {
				return nil, fmt.Errorf("tag: weight class %q is not a class", c)
			}
			cls = append(cls, byte(i))
			q := int64(math.Round(ws[c] * 1000 / float64(spec.Scale)))
			if q < math.MinInt16 || q > math.MaxInt16 {
				return nil, fmt.Errorf("tag: weight %g of key %#x does not fit 16 bits; raise the scale", ws[c], k)
			}
			qs[j] = q
			sum += q
		}
		n := len(qs)
		// Only an exact zero: build/tagger prunes on the weights as stored
		// (it folds version 1's rounding, which took a sum a unit off zero
		// for zero, into them before).
		if n >= 2 && sum == 0 {
			b = append(b, byte(n)|implicitLast)
			wts = append(wts, qs[:n-1]...)
		} else {
			b = append(b, byte(n))
			wts = append(wts, qs...)
		}
	}
	b = append(b, cls...)
	b = binary.AppendUvarint(b, uint64(spec.Scale))
	for _, w := range wts {
		b = binary.AppendVarint(b, w)
	}
	var prev uint32
	for _, k := range sorted {
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
