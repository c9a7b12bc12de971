set -gx ANTHROPIC_AUTH_TOKEN 'sk-onramp-case-key-0001abcd',
