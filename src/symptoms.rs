//! The way in by symptom: what a customer sees go wrong, recognised from the error text a
//! client printed, with its likely causes, and the doctor's rules linked both ways (a cause
//! names the rules that find it; a rule explains the symptoms whose causes name it). The
//! symptoms themselves are the relay profile's, so another relay can say them its own way.

use crate::profile::{Profile, Symptom};

/// The symptoms `error` (text a client printed) shows, the best match first: the one with
/// the most, then the longest, of its signs in the text.
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
    scored.sort_by_key(|&(found, longest, _)| std::cmp::Reverse((found, longest)));
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
            ids(
                "Auth conflict: Both a token (ANTHROPIC_AUTH_TOKEN) and an API key (ANTHROPIC_API_KEY) are set"
            )[0],
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
