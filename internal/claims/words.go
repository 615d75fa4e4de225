package claims

// isVerb reports a lower-case auxiliary or common verb that a missing or
// wrong tag would leave unseen. A switch keeps the list immutable and the
// lookup allocation-free.
func isVerb(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
		"do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
		"says", "said", "told", "made", "took", "went", "came", "gave", "got", "left", "stood", "fled",
		"began", "held", "kept", "lost", "won", "ran", "saw", "sent", "fell", "rose", "led", "fought",
		"struck", "hit", "killed", "remains", "remain", "retains", "controls", "continues", "seems",
		"knew", "built", "brought", "found", "paid", "spent", "met", "became", "grew", "drove":
		return true
	}
	return false
}
