package triage

import "github.com/backcare/backcare/knowledge"

// SafetyConfig returns the Config that compiles kb's danger signs (each
// SelfOnly and Reports) and safety items (crisis, abuse, loss), with its
// word groups, history and asking patterns.
func SafetyConfig(kb *knowledge.Base) Config {
	rules := make([]Rule, 0, len(kb.RedFlags)+len(kb.Safety))
	for _, f := range kb.RedFlags {
		rules = append(rules, Rule{ID: f.ID, Triggers: f.Triggers, Firm: f.Firm, Preterm: f.Preterm, From20Weeks: f.From20Weeks, BeforeBirth: f.BeforeBirth, Lochia: f.Lochia, Show: f.Show, Unless: f.Unless, Averted: f.Averted, Explained: f.Explained, AlsoWith: f.AlsoWith, ReopenedBy: f.ReopenedBy, SelfOnly: true, Reports: true})
	}
	for _, x := range kb.Safety {
		rules = append(rules, Rule{ID: x.ID, Triggers: x.Triggers, Firm: x.Firm, Unless: x.Unless, History: x.History, Past: x.Past, ScreenUnless: x.ScreenUnless,
			Agents: x.Kind == knowledge.Abuse})
	}
	h, q := kb.History, kb.Asking
	return Config{Rules: rules, Groups: kb.Groups(),
		History: History{Past: h.Past, PastAfter: h.PastAfter, Recent: h.Recent, Earlier: h.Earlier, Now: h.Now,
			Today: h.Today, Visits: h.Visits,
			Settled: h.Settled, Checked: h.Checked, Again: h.Again},
		Asking: Asking{Frames: q.Frames, Unreal: q.Unreal, Disclaimers: q.Disclaimers, Disclosures: q.Disclosures, Instructions: q.Instructions}}
}
