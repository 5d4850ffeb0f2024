package triage_test

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// BenchmarkCompile measures compiling the real knowledge base's danger
// signs and safety items, the longest part of a start.
func BenchmarkCompile(b *testing.B) {
	kb, err := knowledge.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	an := analyze.New(kb)
	var rules []triage.Rule
	for _, f := range kb.RedFlags {
		rules = append(rules, triage.Rule{ID: f.ID, Triggers: f.Triggers, Unless: f.Unless, AlsoWith: f.AlsoWith, SelfOnly: true, Reports: true})
	}
	for _, x := range kb.Safety {
		rules = append(rules, triage.Rule{ID: x.ID, Triggers: x.Triggers, Unless: x.Unless, Past: x.Past})
	}
	b.ReportAllocs()
	for b.Loop() {
		stop := an.Memoize()
		if _, err := triage.Compile(an, triage.Config{Rules: rules, Groups: kb.Groups()}); err != nil {
			b.Fatal(err)
		}
		stop()
	}
}
