RELAY_4096BYTES_API_KEY='sk-onramp-case-key-0001abcd'
codex
