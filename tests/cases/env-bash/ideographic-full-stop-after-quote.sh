export OPENAI_BASE_URL="https://api.4096bytes.com"。
