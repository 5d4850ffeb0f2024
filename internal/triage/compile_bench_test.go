package triage_test

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/startup"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// BenchmarkCompile measures compiling the real knowledge base's danger
// signs and safety items, the longest part of a start, with the
// collector paced as at a start (see internal/startup).
func BenchmarkCompile(b *testing.B) {
	kb, err := knowledge.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	an := analyze.New(kb)
	cfg := triage.SafetyConfig(kb)
	b.ReportAllocs()
	for b.Loop() {
		restore := startup.Pace(startup.DefaultLimit)
		stop := an.Memoize()
		if _, err := triage.Compile(an, cfg); err != nil {
			b.Fatal(err)
		}
		stop()
		restore()
	}
}
