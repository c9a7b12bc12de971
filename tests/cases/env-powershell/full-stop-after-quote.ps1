$env:OPENAI_API_KEY = 'sk-onramp-case-key-0001abcd'.
