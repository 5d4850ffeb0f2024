# syntax=docker/dockerfile:1
# Backcare: a static binary in a minimal, non-root image.
#
#   docker build --build-arg VERSION=$(git describe --tags --always) -t backcare .
#   docker run -e TELEGRAM_BOT_TOKEN=... -p 127.0.0.1:8080:8080 backcare

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/backcare ./cmd/backcare \
 && /out/backcare kb validate

# distroless/static has CA certificates, /etc/passwd with a nonroot user,
# and no shell: the health check is the binary itself.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/backcare /backcare
USER nonroot:nonroot
# The knowledge base is embedded. To use your own, mount it and point
# BACKCARE_KB at it; it is reloaded when it changes:
#   -v ./my-kb:/kb:ro -e BACKCARE_KB=/kb
VOLUME ["/kb"]
# The operations listener defaults to loopback; in a container it must
# listen on the container's interface to be published (-p 127.0.0.1:8080:8080).
ENV BACKCARE_HTTP_ADDR=:8080
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/backcare", "healthcheck"]
ENTRYPOINT ["/backcare"]
CMD ["serve"]
