set "OPENAI_BASE_URL=https://api.4096bytes.com"
set "OPENAI_API_KEY=sk-onramp-case-key-0001abcd"
