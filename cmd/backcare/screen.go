package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/screen"
)

// cmdTrainScreen learns the knowledge base's screens from labelled
// messages and writes them as a YAML file.
func cmdTrainScreen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kb train-screen", `kb train-screen [--kb PATH] [--safety ID=THRESHOLD,...] [--out FILE] DATA.tsv...

Learns a screen for each named safety item from labelled messages and writes
them as a knowledge-base file (to standard output, or FILE). DATA lines are
"label<TAB>author<TAB>message" (labels joined by "+", as in "abuse+fall"; "\n"
a line break in a message) or a conversation's typed turns ("> message =>
label"); "#" starts a comment. A message is a positive example of an
item when one of its labels is the item's id. THRESHOLD is the log-odds at
which the screen fires: raise it for fewer false alarms, lower it for fewer
misses. Train only on the tune split, never on the held-out one.

With --cv K, nothing is written: each screen is measured instead by K-fold
cross-validation (learned K times, each time without every K-th message,
and scored on those), which says what it catches and raises on messages it
never saw, triggers aside.`, stderr)
	kbPath := fs.String("kb", "", "knowledge base `PATH` whose spelling and lemmas read the messages; default: the embedded one")
	defIDs, defThresholds := screen.Defaults()
	var defaults []string
	for _, id := range defIDs {
		defaults = append(defaults, fmt.Sprintf("%s=%g", id, defThresholds[id]))
	}
	items := fs.String("safety", strings.Join(defaults, ","), "the safety items to learn, each `ID=THRESHOLD`")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	cv := fs.Int("cv", 0, "measure each screen by `K`-fold cross-validation instead of writing them")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitError{2}
	}
	var ids []string
	thresholds := map[string]float64{}
	for _, f := range strings.Split(*items, ",") {
		id, t, ok := strings.Cut(strings.TrimSpace(f), "=")
		th, err := strconv.ParseFloat(t, 64)
		if !ok || err != nil || id == "" {
			return fmt.Errorf("kb train-screen: --safety %q: want ID=THRESHOLD, such as crisis=0", f)
		}
		ids, thresholds[id] = append(ids, id), th
	}
	kb, err := loadKB(*kbPath)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := kb.SafetyRule(id); !ok {
			return fmt.Errorf("kb train-screen: the knowledge base has no safety item %q", id)
		}
	}
	a := analyze.New(kb)
	data, err := screen.ReadFiles(a, paths...)
	if err != nil {
		return fmt.Errorf("kb train-screen: %w", err)
	}
	if *cv > 0 {
		if *cv < 2 {
			return fmt.Errorf("kb train-screen: --cv %d: want 2 folds or more", *cv)
		}
		for _, m := range screen.CrossValidate(data, ids, thresholds, *cv) {
			fmt.Fprintf(stdout, "%s at %g, out of fold: caught %d of %d (%.1f%%), fired on %d of %d safe messages (%.2f%%)\n",
				m.Safety, m.Threshold, m.Caught, m.Positives, pct(m.Caught, m.Positives), m.Fired, m.Safe, pct(m.Fired, m.Safe))
		}
		return nil
	}
	all := screen.TrainAll(data, ids, thresholds)
	var learned []string
	for _, m := range all {
		learned = append(learned, fmt.Sprintf("%s (%d weights)", m.Safety, len(m.Weights)))
	}
	var b bytes.Buffer
	if err := screen.Write(&b, all, screen.Note(paths)); err != nil {
		return err
	}
	if *out == "" {
		_, err = stdout.Write(b.Bytes())
		return err
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("kb train-screen: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %s: %s from %d messages\n", *out, strings.Join(learned, ", "), len(data))
	return nil
}

// pct is n of total as a percentage, 0 when total is.
func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}
