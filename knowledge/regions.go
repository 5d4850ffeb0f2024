package knowledge

import (
	"fmt"
	"strings"
)

// Elsewhere is the id of the region that stands in for helplines a region
// does not list; it is shown last when every region is shown.
const Elsewhere = "elsewhere"

// AllRegions selects every region.
const AllRegions = ""

// RegionAll is the region setting that shows every region's numbers.
const RegionAll = "all"

// SelectRegion turns a region setting (--region) into the region that
// Localize takes: "all" or "" selects every region (AllRegions), and a
// region the knowledge base defines ("uk", "us") selects that one, in
// any case. Anything else is an error that names the valid settings.
func (b *Base) SelectRegion(setting string) (string, error) {
	id := strings.ToLower(strings.TrimSpace(setting))
	if id == "" || id == RegionAll {
		return AllRegions, nil
	}
	if _, ok := b.Region(id); ok {
		return id, nil
	}
	valid := b.RegionIDs()
	if len(valid) == 0 {
		return "", fmt.Errorf("region %q: the knowledge base defines no regions; use %s", setting, RegionAll)
	}
	return "", fmt.Errorf("region %q is not defined in the knowledge base; use one of %s, or %s", setting, strings.Join(valid, ", "), RegionAll)
}

// RegionIDs returns the ids of the regions, in knowledge-base order.
func (b *Base) RegionIDs() []string {
	ids := make([]string, len(b.Regions))
	for i, r := range b.Regions {
		ids[i] = r.ID
	}
	return ids
}

// Localize replaces {emergency} and helpline names in text (an answer,
// the disclaimer) with the numbers of region, or of every region when
// region is AllRegions. A line that is just "- {name}" (quoted or not)
// becomes one bullet per region; elsewhere, the regions' texts are joined
// into the sentence.
// An unknown region is treated as AllRegions.
func (b *Base) Localize(text, region string) string {
	if !strings.Contains(text, "{") || len(b.Regions) == 0 {
		return text
	}
	if _, ok := b.Region(region); !ok {
		region = AllRegions
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for _, line := range lines {
		if name, ok := placeholderItem(line); ok {
			for _, item := range b.helpline(name, region) {
				out = append(out, "- "+item)
			}
			continue
		}
		out = append(out, b.inline(line, region))
	}
	return strings.Join(out, "\n")
}

// placeholderItem reports whether line is a bullet that is just a
// helpline's placeholder, "- {name}", and returns the name. The
// placeholder may be quoted ("- \"{name}\""), as writers used to YAML's
// flow style tend to write it.
func placeholderItem(line string) (string, bool) {
	item, ok := strings.CutPrefix(strings.TrimSpace(line), "- ")
	if !ok {
		return "", false
	}
	item = strings.TrimSpace(item)
	if len(item) > 2 && (item[0] == '"' || item[0] == '\'') && item[len(item)-1] == item[0] {
		item = item[1 : len(item)-1]
	}
	name, ok := strings.CutPrefix(item, "{")
	if !ok || !strings.HasSuffix(name, "}") || strings.ContainsAny(name[:len(name)-1], "{}") {
		return "", false
	}
	return name[:len(name)-1], true
}

// inline replaces every {name} in one line.
func (b *Base) inline(line, region string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(line, '{')
		j := strings.IndexByte(line[max(i, 0):], '}')
		if i < 0 || j < 0 {
			sb.WriteString(line)
			return sb.String()
		}
		name := line[i+1 : i+j]
		sb.WriteString(line[:i])
		if name == "emergency" {
			sb.WriteString(b.emergency(region))
		} else {
			sb.WriteString(strings.Join(b.helpline(name, region), "; "))
		}
		line = line[i+j+1:]
	}
}

// emergency names the emergency number: "999" for one region, "999 in the
// UK, 911 in the US, 112 in the EU and Ireland" for all of them.
func (b *Base) emergency(region string) string {
	if r, ok := b.Region(region); ok {
		return r.Emergency
	}
	var numbers []string
	where := map[string][]string{}
	for _, r := range b.Regions {
		if r.ID == Elsewhere || r.Emergency == "" {
			continue
		}
		if _, seen := where[r.Emergency]; !seen {
			numbers = append(numbers, r.Emergency)
		}
		where[r.Emergency] = append(where[r.Emergency], r.Name)
	}
	parts := make([]string, len(numbers))
	for i, n := range numbers {
		parts[i] = n + " in " + joinAnd(where[n])
	}
	if e, ok := b.Region(Elsewhere); ok && e.Emergency != "" {
		return e.Emergency + " (" + strings.Join(parts, ", ") + ")"
	}
	return strings.Join(parts, ", ")
}

// helpline returns the texts of one helpline: the region's own (or the
// stand-in's, when the region has none), or every region's, each named.
func (b *Base) helpline(name, region string) []string {
	if r, ok := b.Region(region); ok {
		if t, ok := r.Helplines[name]; ok {
			return []string{t}
		}
		if e, ok := b.Region(Elsewhere); ok {
			if t, ok := e.Helplines[name]; ok {
				return []string{t}
			}
		}
		return nil
	}
	var texts []string
	where := map[string][]string{}
	var fallback string
	for _, r := range b.Regions {
		t, ok := r.Helplines[name]
		switch {
		case !ok:
		case r.ID == Elsewhere:
			fallback = capitalize(r.Name) + ": " + t
		default:
			if _, seen := where[t]; !seen {
				texts = append(texts, t)
			}
			where[t] = append(where[t], r.Name)
		}
	}
	out := make([]string, 0, len(texts)+1)
	for _, t := range texts {
		out = append(out, fmt.Sprintf("In %s: %s", joinAnd(where[t]), t))
	}
	if fallback != "" {
		out = append(out, fallback)
	}
	return out
}

func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
