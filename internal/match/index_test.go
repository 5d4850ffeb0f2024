package match

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByImpact: the counting sort orders postings exactly as the
// comparison it stands for (more occurrences, shorter documents, earlier
// documents first), for short lists and long ones, and the comparison
// sort takes over when occurrences or lengths are not whole numbers.
func TestSortByImpact(t *testing.T) {
	tests := []struct {
		name      string
		lists     int
		size      int
		fractions bool
	}{
		{"short lists", 200, 12, false},
		{"long lists", 20, 500, false},
		{"fractions", 20, 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			docLen := make([]float32, 1000)
			for d := range docLen {
				docLen[d] = float32(1 + rng.IntN(30))
				if tt.fractions {
					docLen[d] += 0.5
				}
			}
			var got, want [][]posting
			for range tt.lists {
				var ps []posting
				for d := int32(0); d < int32(len(docLen)) && len(ps) < tt.size; d++ {
					if rng.IntN(2) == 0 {
						ps = append(ps, posting{doc: d, tf: float32(1 + rng.IntN(3)*rng.IntN(2))})
					}
				}
				got, want = append(got, slices.Clone(ps)), append(want, ps)
			}
			sortByImpact(got, docLen)
			for _, ps := range want {
				slices.SortFunc(ps, func(p, q posting) int {
					if c := cmp.Compare(q.tf, p.tf); c != 0 {
						return c
					}
					if c := cmp.Compare(docLen[p.doc], docLen[q.doc]); c != 0 {
						return c
					}
					return cmp.Compare(p.doc, q.doc)
				})
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("orders differ:\n%v\n%v", got[0], want[0])
			}
		})
	}
}
