export OPENAI_BASE_URL="https://api.4096bytes.com"
export OPENAI_API_KEY="sk-onramp-case-key-0001abcd。"
