package discord

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// SetAPIBase points discordgo at a Discord-compatible server, such as
// "http://127.0.0.1:8080/". discordgo computes its endpoint variables once,
// when the package is initialised, so every variable derived from the base
// is reassigned here; the endpoint functions read them at call time. The
// gateway URL then comes from GET {base}api/v9/gateway.
//
// The variables are global to the process: call SetAPIBase once, from
// main, before any session starts.
func SetAPIBase(base string) {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	d := discordgo.APIVersion
	discordgo.EndpointDiscord = base
	discordgo.EndpointAPI = base + "api/v" + d + "/"
	discordgo.EndpointGuilds = discordgo.EndpointAPI + "guilds/"
	discordgo.EndpointChannels = discordgo.EndpointAPI + "channels/"
	discordgo.EndpointUsers = discordgo.EndpointAPI + "users/"
	discordgo.EndpointGateway = discordgo.EndpointAPI + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = discordgo.EndpointAPI + "webhooks/"
	discordgo.EndpointStickers = discordgo.EndpointAPI + "stickers/"
	discordgo.EndpointStageInstances = discordgo.EndpointAPI + "stage-instances"
	discordgo.EndpointSKUs = discordgo.EndpointAPI + "skus"
	discordgo.EndpointVoice = discordgo.EndpointAPI + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
	discordgo.EndpointNitroStickersPacks = discordgo.EndpointAPI + "/sticker-packs"
	discordgo.EndpointGuildCreate = discordgo.EndpointAPI + "guilds"
	discordgo.EndpointApplications = discordgo.EndpointAPI + "applications"
	discordgo.EndpointOAuth2 = discordgo.EndpointAPI + "oauth2/"
	discordgo.EndpointOAuth2Applications = discordgo.EndpointOAuth2 + "applications"
	discordgo.EndpointOauth2 = discordgo.EndpointOAuth2
	discordgo.EndpointOauth2Applications = discordgo.EndpointOAuth2Applications
}

// explain turns a gateway error that needs a person into an instruction,
// or returns "".
func explain(msg string) string {
	switch {
	case strings.Contains(msg, "4014"):
		return "Discord refused the privileged Message Content intent (close 4014, disallowed intents). " +
			"Enable \"Message Content Intent\" on the Bot page of the Discord Developer Portal, or set DISCORD_MESSAGE_CONTENT=false to run with slash commands only."
	case strings.Contains(msg, "4004"):
		return "Discord rejected the bot token (close 4004, authentication failed); check DISCORD_BOT_TOKEN."
	}
	return ""
}

// InstallLogger routes discordgo's own log lines (a process-global hook)
// to log, with token redacted, and turns the gateway's close codes that
// need a person into clear instructions. Call it once, from main.
func InstallLogger(log *slog.Logger, token string) {
	log = log.With("platform", Platform, "source", "discordgo")
	discordgo.Logger = func(level, _ int, format string, a ...any) {
		msg := Redact(fmt.Sprintf(format, a...), token)
		switch {
		case explain(msg) != "":
			log.Error(explain(msg), "err", msg)
		case level <= discordgo.LogError:
			log.Error(msg)
		case level == discordgo.LogWarning:
			log.Warn(msg)
		default:
			log.Debug(msg)
		}
	}
}
