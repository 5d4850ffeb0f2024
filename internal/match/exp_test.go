package match

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

func TestExperimentRankers(t *testing.T) {
	if os.Getenv("BACKCARE_EXP") == "" {
		t.Skip()
	}
	kb, _ := knowledge.Embedded()
	m := Must(New(kb))
	ix := m.ix
	nt := m.topicCount
	// topic-level counts
	cnt := make([]map[int32]float32, nt)
	tot := make([]float32, nt)
	for i := range cnt {
		cnt[i] = map[int32]float32{}
	}
	for d, ids := range ix.docTerms {
		c := ix.docClass[d]
		if int(c) >= nt {
			continue
		}
		for _, id := range ids {
			cnt[c][id]++
			tot[c]++
		}
	}
	V := float32(len(ix.postings))
	f, _ := os.Open("../eval/testdata/messages-tune.tsv")
	sc := bufio.NewScanner(f)
	var n, knn, nb, comb int
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.SplitN(line, "\t", 3)
		label := p[0]
		if label == "out" || label == "chat" || label == "decline" {
			continue
		}
		want := map[string]bool{}
		for _, l := range strings.Split(label, "|") {
			want[l] = true
		}
		text := strings.ReplaceAll(p[2], `\n`, "\n")
		c := m.Classify(text, "")
		if len(c.Safety) > 0 || c.Decline != "" {
			continue
		}
		n++
		if len(c.Candidates) > 0 && want[c.Candidates[0].TopicID] {
			knn++
		}
		var an analyze.Analysis
		m.an.Analyze(text, &an)
		var q []int32
		for _, tk := range an.Terms {
			if tk.Flags&(analyze.Stop|analyze.Break) != 0 {
				continue
			}
			if id, ok := ix.terms[tk.Term]; ok {
				q = append(q, id)
			}
		}
		alpha := float32(alphaExp)
		bestT, bestS := -1, float32(math.Inf(-1))
		scores := make([]float32, nt)
		for ti := 0; ti < nt; ti++ {
			var s float32
			for _, id := range q {
				s += float32(math.Log(float64((cnt[ti][id] + alpha) / (tot[ti] + alpha*V))))
			}
			scores[ti] = s
			if s > bestS {
				bestS, bestT = s, ti
			}
		}
		if bestT >= 0 && want[m.classIDs[bestT]] {
			nb++
		}
		// softmax
		var z float64
		for _, s := range scores {
			z += math.Exp(float64(s - bestS))
		}
		bestC, bestCT := -1.0, -1
		for ti := 0; ti < nt; ti++ {
			p := math.Exp(float64(scores[ti]-bestS)) / z
			k := 0.0
			for _, cd := range c.Candidates {
				if cd.TopicID == m.classIDs[ti] {
					k = cd.Confidence
				}
			}
			v := mixExp*k + (1-mixExp)*p
			if v > bestC {
				bestC, bestCT = v, ti
			}
		}
		if bestCT >= 0 && want[m.classIDs[bestCT]] {
			comb++
		}
	}
	t.Logf("n=%d knn top1 %d (%.1f%%) nb top1 %d (%.1f%%) comb %d (%.1f%%)", n, knn, 100*float64(knn)/float64(n), nb, 100*float64(nb)/float64(n), comb, 100*float64(comb)/float64(n))
}

var alphaExp, mixExp = 1.0, 0.5
