package knowledge

import "time"

// ParseAt is Parse at a given time, for tests with a fixed clock.
func ParseAt(name string, data []byte, now time.Time) (*Base, error) {
	return parseFiles([]namedFile{{name, data}}, now)
}

// LoadAt is Load at a given time, for tests with a fixed clock.
func LoadAt(now time.Time, paths ...string) (*Base, error) { return load(now, paths...) }
