package export

import (
	"encoding/hex"
	"fmt"
	"hash/fnv"
)

// Annotations and JSON-LD nodes must have IRIs, and an article pasted as
// text has none. We give it a name-based UUID derived from the text itself,
// so the same article always gets the same IRIs and two exports of it can
// be merged. A consumer who knows the article's URL can replace them.
//
// The digest is FNV-1a (128 bits), not SHA: the ids only need to be stable
// and unlikely to collide between articles, not to resist an adversary,
// and the crypto packages would add to every wasm build (the Worker must
// fit Cloudflare's 3 MiB). A UUID from a non-SHA-1 hash is RFC 9562's
// version 8 ("custom"), not version 5.

// uuidNamespaceURL is the RFC 9562 namespace for URL names.
const uuidNamespaceURL = "\x6b\xa7\xb8\x11\x9d\xad\x11\xd1\x80\xb4\x00\xc0\x4f\xd4\x30\xc8"

// textID is a short, stable digest of the article text.
func textID(text string) string {
	h := fnv.New128a()
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))
}

// nameUUID is the version 8 UUID of name in the URL namespace, as a URN.
func nameUUID(name string) string {
	h := fnv.New128a()
	h.Write([]byte(uuidNamespaceURL))
	h.Write([]byte(name))
	u := h.Sum(nil)
	u[6] = u[6]&0x0f | 0x80 // version 8
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// iris names the article and what is in it. The text is digested once: an
// export names every claim, and hashing the whole text for each would cost
// the text's length times the claims.
type iris struct{ base string }

func newIRIs(text string) iris {
	return iris{"https://github.com/whosaid/whosaid#text=" + textID(text)}
}

// of is the IRI of fragment ("" for the article itself).
func (x iris) of(fragment string) string {
	name := x.base
	if fragment != "" {
		name += "/" + fragment
	}
	return nameUUID(name)
}
