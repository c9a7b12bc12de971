export ANTHROPIC_BASE_URL="https://api.4096bytes.com"
export ANTHROPIC_AUTH_TOKEN="$RELAY_KEY"
