export ANTHROPIC_BASE_URL='https://api.4096bytes.com'; export ANTHROPIC_AUTH_TOKEN='sk-onramp-case-key-0001abcd' && claude  # from the dashboard
