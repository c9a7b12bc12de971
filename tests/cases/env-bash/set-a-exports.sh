set -a
OPENAI_BASE_URL=https://api.4096bytes.com
OPENAI_API_KEY='sk-onramp-case-key-0001abcd'
set +a
