//! The way in by symptom: what a customer sees go wrong, recognised from the error text a
//! client printed, with its likely causes, and the doctor's rules linked both ways (a cause
//! names the rules that find it; a rule explains the symptoms whose causes name it). The
//! symptoms themselves are the relay profile's, so another relay can say them its own way.

use crate::clients::Client;
use crate::i18n::Texts;
use crate::profile::{Cause, Profile, Symptom};

/// What the guide shows for an error text or a picked symptom: the symptom and its causes
/// for the client at hand, then, whatever was or was not recognised, the relay's checklist
/// and where to ask. It never ends at "not recognised".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    /// The symptom the error text shows (else the one picked): its id and title.
    pub symptom: Option<(String, Texts)>,
    /// Its likely causes for this client, the most likely first.
    pub causes: Vec<Cause>,
    /// An error text was given, and no symptom was recognised in it.
    pub unrecognised: bool,
    /// What to go through next, in order (the relay's recommended order).
    pub checklist: Vec<Texts>,
    pub support_url: Option<String>,
}

impl Guide {
    /// Whether there is anything to show: an error text or a symptom.
    pub fn is_empty(&self) -> bool {
        self.symptom.is_none() && !self.unrecognised
    }
}

/// The guide for `error` (what a client printed; what it shows wins), else for the symptom
/// `picked`, with the causes that apply to `client` (all of them when none is given).
pub fn guide(
    error: &str,
    picked: Option<&str>,
    client: Option<Client>,
    profile: &Profile,
) -> Guide {
    let typed = !error.trim().is_empty();
    let recognised = recognise(error, profile).into_iter().next();
    let symptom = recognised
        .or_else(|| picked.and_then(|id| profile.symptoms.iter().find(|symptom| symptom.id == id)));
    let for_client = |cause: &&Cause| {
        cause.clients.is_empty()
            || client.is_none_or(|client| cause.clients.iter().any(|id| id == client.id()))
    };
    Guide {
        symptom: symptom.map(|symptom| (symptom.id.clone(), symptom.title.clone())),
        causes: symptom
            .map(|symptom| symptom.causes.iter().filter(for_client).cloned().collect())
            .unwrap_or_default(),
        unrecognised: typed && recognised.is_none(),
        checklist: if typed || symptom.is_some() {
            profile.checklist.clone()
        } else {
            Vec::new()
        },
        support_url: profile.support_url.clone(),
    }
}

/// The symptoms `error` (text a client printed) shows, the best match first: a symptom
/// before the broader ones it is a case of (`within`), then the one with the most, then
/// the longest, of its signs in the text.
pub fn recognise<'a>(error: &str, profile: &'a Profile) -> Vec<&'a Symptom> {
    // Clients print their errors in English or Chinese: folding ASCII letters is enough, and
    // Unicode's case tables would add 8 KB (gzip) to the page's first load.
    let error = error.to_ascii_lowercase();
    let mut scored: Vec<(usize, usize, &Symptom)> = profile
        .symptoms
        .iter()
        .filter_map(|symptom| {
            let found: Vec<&String> = symptom
                .signs
                .iter()
                .filter(|sign| contains_sign(&error, &sign.to_ascii_lowercase()))
                .collect();
            let longest = found.iter().map(|sign| sign.chars().count()).max()?;
            Some((found.len(), longest, symptom))
        })
        .collect();
    let broader: Vec<&str> = scored
        .iter()
        .flat_map(|(_, _, symptom)| symptom.within.iter().map(String::as_str))
        .collect();
    scored.sort_by_key(|&(found, longest, symptom)| {
        (
            broader.contains(&symptom.id.as_str()),
            std::cmp::Reverse((found, longest)),
        )
    });
    scored.into_iter().map(|(_, _, symptom)| symptom).collect()
}

/// Whether `sign` is in `text` as a word of its own where it is a number (`401` must not be
/// found in `14012`), and anywhere otherwise.
fn contains_sign(text: &str, sign: &str) -> bool {
    if !sign.bytes().all(|b| b.is_ascii_digit()) {
        return text.contains(sign);
    }
    text.match_indices(sign).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + sign.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// The symptoms a rule explains: those with a cause that names it.
pub fn explained_by<'a>(code: &str, profile: &'a Profile) -> Vec<&'a Symptom> {
    profile
        .symptoms
        .iter()
        .filter(|symptom| {
            symptom
                .causes
                .iter()
                .any(|cause| cause.rules.iter().any(|rule| rule == code))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(error: &str) -> Vec<String> {
        recognise(error, &Profile::builtin())
            .iter()
            .map(|symptom| symptom.id.clone())
            .collect()
    }

    #[test]
    fn what_clients_print_leads_to_the_symptom() {
        assert_eq!(
            ids("stream disconnected before completion: builder error")[0],
            "invalid-url"
        );
        assert_eq!(
            ids("Error: 401 Unauthorized {\"error\":{\"message\":\"Invalid API key\"}}")[0],
            "unauthorized"
        );
        assert_eq!(ids("HTTP 404 page not found")[0], "not-found");
        assert_eq!(
            ids("{\"error\":{\"code\":\"model_not_found\"}}")[0],
            "model-not-found"
        );
        assert_eq!(ids("429 Too Many Requests")[0], "rate-limited");
        assert_eq!(
            ids("Claude Code uses api.anthropic.com")[0],
            "claude-ignores-base-url"
        );
        assert_eq!(ids("INVALID API KEY")[0], "unauthorized");
        assert_eq!(ids("错误：无效的令牌")[0], "unauthorized");
        assert!(ids("everything is fine").is_empty());
        assert!(
            ids("request id 14012").is_empty(),
            "401 inside a number is not a 401"
        );
    }

    /// Error texts as the relays and clients print them (sources in each line's comment).
    #[test]
    fn the_new_symptoms_are_recognised_from_their_real_texts() {
        let cases = [
            // new-api i18n/locales/en.yaml and zh-CN.yaml (distributor.no_available_channel),
            // one-api middleware/distributor.go.
            (
                r#"unexpected status 503 Service Unavailable: {"error":{"message":"No available channel for model gpt-5.5 under group default (distributor)","type":"new_api_error"}}"#,
                "no-channel",
            ),
            (
                "分组 default 下模型 gpt-5.5 无可用渠道（distributor）",
                "no-channel",
            ),
            ("当前分组 vip 下对于模型 claude-x 无可用渠道", "no-channel"),
            // one-api model/token.go (401 from the auth middleware), new-api token.exhausted;
            // 403 insufficient_user_quota (one-api relay/controller/helper.go).
            (
                r#"unexpected status 401 Unauthorized: {"error":{"message":"该令牌额度已用尽","type":"one_api_error"}}"#,
                "quota-exhausted",
            ),
            (
                "This token quota is exhausted TokenStatusExhausted[sk-ab***yz]",
                "quota-exhausted",
            ),
            (
                r#"403 {"error":{"message":"user quota is not enough","code":"insufficient_user_quota"}}"#,
                "quota-exhausted",
            ),
            ("Error: 401 该令牌已过期", "key-expired"),
            ("401 This token has expired", "key-expired"),
            ("错误：无效的令牌 (request id: 2026)", "unauthorized"),
            ("401 Invalid token", "unauthorized"),
            // Codex 0.171.0 (its binary's texts; the missing variable observed with env_key
            // holding a key).
            (
                "stream disconnected before completion: error sending request for url (https://api.4096bytes.com/v1/responses)",
                "codex-stream-disconnected",
            ),
            (
                "Falling back from WebSockets to HTTPS transport. stream disconnected",
                "codex-websocket-fallback",
            ),
            (
                "ERROR: Missing environment variable: `sk-abc123abc123abc123abc123`.",
                "codex-missing-env-var",
            ),
            // Claude Code before 2.1 (community reports), and 2.1.332's startup warning.
            (
                "Auth conflict: Both a token (ANTHROPIC_AUTH_TOKEN) and an API key (ANTHROPIC_API_KEY) are set. This may lead to unexpected behavior.",
                "claude-auth-conflict",
            ),
            (
                "⚠ Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY set · auth may not work as expected",
                "claude-auth-conflict",
            ),
            // Node.js, Claude Code 2.1.332 and curl with HTTPS_PROXY at a closed port.
            (
                "Error: connect ECONNREFUSED 127.0.0.1:7890",
                "proxy-refused",
            ),
            (
                "API Error: Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)",
                "proxy-refused",
            ),
            (
                "curl: (7) Failed to connect to 127.0.0.1 port 7890 after 0 ms: Couldn't connect to server",
                "proxy-refused",
            ),
            ("unexpected status 502 Bad Gateway", "proxy-bad-gateway"),
        ];
        for (error, expected) in cases {
            assert_eq!(
                ids(error).first().map(String::as_str),
                Some(expected),
                "{error}"
            );
        }
    }

    #[test]
    fn the_guide_never_ends_at_not_recognised() {
        let profile = Profile::builtin();
        let unknown = guide(
            "something odd happened",
            None,
            Some(Client::Codex),
            &profile,
        );
        assert!(unknown.unrecognised && unknown.symptom.is_none());
        assert_eq!(unknown.checklist.len(), 7, "the relay's recommended order");
        assert!(unknown.checklist[0].en.contains("key again"));
        assert!(
            unknown.checklist[6].en.contains("support") && unknown.checklist[6].zh.contains("支持")
        );
        assert!(guide("", None, None, &profile).is_empty());
        let picked = guide("", Some("rate-limited"), None, &profile);
        assert_eq!(picked.symptom.unwrap().0, "rate-limited");
        assert_eq!(picked.checklist, profile.checklist);
    }

    #[test]
    fn the_advice_for_401_is_the_chosen_clients() {
        let profile = Profile::builtin();
        let causes = |client| {
            guide("HTTP 401 Unauthorized", None, Some(client), &profile)
                .causes
                .into_iter()
                .map(|cause| cause.text.en)
                .collect::<Vec<_>>()
        };
        let names = |texts: &[String], what: &str| texts.iter().any(|text| text.contains(what));
        let claude = causes(Client::ClaudeCode);
        assert!(names(&claude, "ANTHROPIC_API_KEY") && !names(&claude, "requires_openai_auth"));
        let codex = causes(Client::Codex);
        assert!(names(&codex, "requires_openai_auth") && names(&codex, "env_key"));
        assert!(!names(&codex, "ANTHROPIC_API_KEY"));
        assert!(names(&causes(Client::Aider), "OPENAI_API_KEY"));
        let all = guide("401", None, None, &profile).causes.len();
        assert!(
            all > guide("401", None, Some(Client::Cursor), &profile)
                .causes
                .len()
        );
    }

    #[test]
    fn every_symptom_names_real_clients_and_symptoms() {
        let profile = Profile::builtin();
        let ids: Vec<&str> = profile.symptoms.iter().map(|s| s.id.as_str()).collect();
        for symptom in &profile.symptoms {
            for broader in &symptom.within {
                assert!(
                    ids.contains(&broader.as_str()),
                    "{}: no {broader}",
                    symptom.id
                );
            }
            for client in symptom.causes.iter().flat_map(|cause| &cause.clients) {
                assert!(
                    Client::from_id(client).is_some(),
                    "{}: no client {client}",
                    symptom.id
                );
            }
            for text in std::iter::once(&symptom.title).chain(
                symptom
                    .causes
                    .iter()
                    .flat_map(|c| [&c.text, &c.check, &c.fix]),
            ) {
                assert!(!text.en.is_empty() && !text.zh.is_empty(), "{}", symptom.id);
            }
        }
    }

    #[test]
    fn every_rule_a_symptom_names_exists_and_explains_it() {
        let profile = Profile::builtin();
        let codes: Vec<&str> = crate::rules().map(|rule| rule.code).collect();
        for symptom in &profile.symptoms {
            assert!(!symptom.causes.is_empty(), "{}", symptom.id);
            for rule in symptom.causes.iter().flat_map(|cause| &cause.rules) {
                assert!(
                    codes.contains(&rule.as_str()),
                    "{}: no rule {rule}",
                    symptom.id
                );
                assert!(
                    explained_by(rule, &profile)
                        .iter()
                        .any(|explained| explained.id == symptom.id)
                );
            }
        }
        let ids: Vec<&str> = profile.symptoms.iter().map(|s| s.id.as_str()).collect();
        for expected in [
            "unauthorized",
            "forbidden",
            "not-found",
            "rate-limited",
            "model-not-found",
            "invalid-url",
            "codex-old-model",
            "claude-ignores-base-url",
            "cursor-official-models",
            "cherry-no-models",
        ] {
            assert!(ids.contains(&expected), "the relay's FAQ lists {expected}");
        }
    }
}
