OPENAI_API_KEY='sk-onramp-case-key-0001abcd'
export OPENAI_API_KEY
