$env:OPENAI_BASE_URL = 'https://api.4096bytes.com'; $env:OPENAI_API_KEY = 'sk-onramp-case-key-0001abcd'  # from the dashboard
