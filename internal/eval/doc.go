// Package eval measures how well Backcare reads messages written the way
// pregnancy support-group members write them. It has no code of its own,
// only tests over labelled sets in testdata/:
//
//   - safety-*.tsv: danger signs, crisis, abuse and pregnancy loss in many
//     phrasings, and messages that must not alarm;
//   - messages-*.tsv: questions to answer with the right topic, off-topic
//     questions to turn down, medicine questions to decline, small talk;
//   - conversations-*.txt: multi-turn conversations with follow-ups,
//     button presses and danger signs arriving mid-conversation.
//
// Each set has a tune split, used while improving the knowledge base and
// the mechanism, and a holdout split that is never read while doing so:
// tests print the misses of the tune split only, and the figures of both.
// The messages were drafted by helper sessions that had not read the
// knowledge base, in members' voices, and split at random.
package eval

// The knowledge base's learned screens are trained on the tune split only,
// never on the held-out one (see internal/screen):
//
//go:generate go run ../../cmd/backcare kb train-screen --out ../../knowledge/kb/screens.yaml testdata/safety-tune.tsv testdata/messages-tune.tsv testdata/conversations-tune.txt
