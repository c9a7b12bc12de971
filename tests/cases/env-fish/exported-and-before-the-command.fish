set -gx OPENAI_API_BASE https://api.4096bytes.com; set -x OPENAI_API_KEY 'sk-onramp-case-key-0001abcd'  # Aider
OPENAI_API_KEY='sk-onramp-case-key-0001abcd' aider --model openai/gpt-5.5
