package eval

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/screen"
	"github.com/backcare/backcare/knowledge"
)

// screenData are the files the knowledge base's screens are learned from,
// as the go:generate line in doc.go names them: the tune split only.
var screenData = []string{"testdata/safety-tune.tsv", "testdata/messages-tune.tsv", "testdata/conversations-tune.txt"}

// The embedded screens are exactly what training on the tune split gives:
// a model that was learned from anything else (the held-out split, an
// older tune split) or edited by hand fails here.
func TestScreensAreCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("retrains the screens")
	}
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	data, err := screen.ReadFiles(a, screenData...)
	if err != nil {
		t.Fatal(err)
	}
	ids, thresholds := screen.Defaults()
	var want bytes.Buffer
	if err := screen.Write(&want, screen.TrainAll(data, ids, thresholds), screen.Note(screenData)); err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(knowledge.EmbeddedFS(), "kb/screens.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("knowledge/kb/screens.yaml is not what the tune split trains: run go generate ./internal/eval")
	}
}
