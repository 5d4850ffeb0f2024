module github.com/backcare/backcare

go 1.26.8

require (
	github.com/kljensen/snowball v0.10.0
	go.yaml.in/yaml/v4 v4.0.0
	golang.org/x/text v0.43.0
)

require (
	github.com/go-telegram-bot-api/telegram-bot-api/v5 v5.5.1 // indirect
	golang.org/x/time v0.16.0 // indirect
)
