package api

import (
	"mime"
	"sort"
	"strconv"
	"strings"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
	"github.com/whosaid/whosaid/internal/export"
)

// chooseFormat picks the export format: the JSON body's "format", else the
// ?format= query, else the first Accept media type an export format has,
// else json. An unknown name is an error; an Accept header naming nothing
// we have is not (browsers send broad ones), it just gets json.
func chooseFormat(r *http.Request, fromBody string) (string, *apiError) {
	f := fromBody
	if f == "" {
		f = r.URL.Query().Get("format")
	}
	if f == "" {
		f = negotiate(r.Header.Values("Accept"))
	}
	if _, ok := export.ContentType(f); !ok {
		return "", &apiError{http.StatusBadRequest, "unsupported_format",
			"unsupported format " + strconv.Quote(f) + ": use one of " + strings.Join(supportedFormats(), ", ")}
	}
	return f, nil
}

// negotiate reads Accept values (possibly split over several header lines,
// as the Worker runtime hands them over) and returns the format of the most
// preferred media type we can produce, or "json".
func negotiate(accept []string) string {
	type choice struct {
		mediaType string
		q         float64
	}
	var cs []choice
	for _, v := range accept {
		for part := range strings.SplitSeq(v, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := 1.0
			if s, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(s, 64); err != nil {
					continue
				}
			}
			if q > 0 {
				cs = append(cs, choice{mt, q})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].q > cs[j].q })
	byType := map[string]string{}
	for _, f := range supportedFormats() {
		ct, _ := export.ContentType(f)
		if mt, _, err := mime.ParseMediaType(ct); err == nil {
			if _, dup := byType[mt]; !dup {
				byType[mt] = f
			}
		}
	}
	for _, c := range cs {
		if f, ok := byType[c.mediaType]; ok {
			return f
		}
		if c.mediaType == "*/*" || c.mediaType == "application/*" {
			return "json"
		}
	}
	return "json"
}
