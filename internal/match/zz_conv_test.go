package match_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// go test -run ZZConv with ZZ=/tmp/pairs.txt: lines "prev<TAB>message".
func TestZZConv(t *testing.T) {
	m := embeddedMatcher(t)
	f, err := os.Open(os.Getenv("ZZ"))
	if err != nil {
		t.Skip()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		prev, msg, _ := strings.Cut(sc.Text(), "\t")
		c := m.Classify(msg, prev)
		t.Logf("%s | %q => follows=%v followup=%v small=%v off=%.2f %v", prev, msg, c.FollowsOn, c.FollowUp, c.SmallTalk.TopicID, c.OffTopic, c.Candidates)
	}
}
