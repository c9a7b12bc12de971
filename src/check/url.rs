//! Rules for a base URL, typed into a field or found in a config file.
//!
//! The URL is split by hand (scheme, host, path, query): the checks need positions in the text
//! as typed, including text no URL parser accepts, and a full parser (with its IDNA tables)
//! would weigh more than the whole page.

use super::{Checked, Context, Finding, KindCheck, KindSpec, Rule, chars, fix};
use crate::clients::{Client, cherry_studio};
use crate::i18n::Text;
use std::ops::Range;

declare_rules! {
    WHITESPACE {
        code: "url/whitespace",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): no spaces or line breaks in the base URL"),
        message: Text {
            en: "Contains whitespace (a space, tab or line break).",
            zh: "包含空白字符（空格、制表符或换行）。",
        },
        why: Text {
            en: "The value is used exactly as typed: a stray space or line break gives 401 for a key and an invalid URL for an address.",
            zh: "该值会被原样使用：多余的空格或换行会让密钥返回 401，让地址变成无效 URL。",
        },
        fix: Some(fix::REMOVE),
    }

    SURROUNDING_SPACE_TRIMMED {
        code: "url/surrounding-space-trimmed",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 trims ANTHROPIC_BASE_URL, U+3000 too (claude_doctor_conformance); Codex CLI 0.171 fails on it"),
        message: Text {
            en: "Has spaces before or after the address, which do no harm with this client.",
            zh: "地址前后有空格，对此客户端没有影响。",
        },
        why: Text {
            en: "It works here, but the same address pasted into another client is invalid: remove them.",
            zh: "在这里可以正常使用，但把同一个地址粘贴到其他客户端时会无效：请删掉它们。",
        },
        fix: Some(fix::REMOVE),
    }

    COPIED_PUNCTUATION {
        code: "url/copied-punctuation",
        severity: Error,
        evidence: Client("after a port the OpenAI SDKs, Codex CLI 0.171 and Claude Code 2.1.332 send nothing (base_url_tail_verdicts_match_the_sdks, the doctor's cases); after a host or path the relay's FAQ allows none; a lone . after a host is the host check's"),
        message: Text {
            en: "Ends with punctuation copied along from a sentence.",
            zh: "末尾带有从句子中一起复制来的标点。",
        },
        why: Text {
            en: "The punctuation becomes part of the host or path: the address is invalid, or the relay answers 404.",
            zh: "这个标点会成为主机名或路径的一部分：地址无效，或者中转服务返回 404。",
        },
        fix: Some(fix::REMOVE),
    }

    INVISIBLE {
        code: "url/invisible-character",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): an invisible character makes the address invalid"),
        message: Text {
            en: "Contains an invisible character (zero-width space, byte order mark or similar).",
            zh: "包含不可见字符（零宽空格、BOM 等）。",
        },
        why: Text {
            en: "Invisible characters are copied along from web pages and chats; they become part of the value and the relay rejects it.",
            zh: "不可见字符常随网页或聊天内容一起被复制，它们会成为值的一部分，导致中转服务拒绝请求。",
        },
        fix: Some(fix::REMOVE),
    }

    QUOTED {
        code: "url/quoted",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): no quotes around the base URL"),
        message: Text {
            en: "Has quotes around it that are not part of the value.",
            zh: "两边带有不属于值本身的引号。",
        },
        why: Text {
            en: "The quotes are sent along: the key is rejected with 401, the address is invalid.",
            zh: "引号会被一起发送：密钥会返回 401，地址会无效。",
        },
        fix: Some(fix::REMOVE),
    }

    FULLWIDTH {
        code: "url/fullwidth-punctuation",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): full-width punctuation is not URL syntax"),
        message: Text {
            en: "Has full-width punctuation (：／．。) from a Chinese or Japanese input method.",
            zh: "包含中文或日文输入法的全角标点（：／．。）。",
        },
        why: Text {
            en: "A URL only takes ASCII punctuation: the client reports an invalid URL or cannot resolve the host.",
            zh: "URL 只接受 ASCII 标点：客户端会报无效 URL 或无法解析主机。",
        },
        fix: Some(fix::REPLACE),
    }

    SCHEME_MISSING {
        code: "url/scheme-missing",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): the base URL starts with https://"),
        message: Text {
            en: "Has no https:// in front.",
            zh: "前面缺少 https://。",
        },
        why: Text {
            en: "Clients reject an address without a scheme (\"unsupported protocol\" or \"invalid URL\").",
            zh: "客户端会拒绝没有协议头的地址（\"unsupported protocol\" 或 \"invalid URL\"）。",
        },
        fix: Some(fix::ADD_HTTPS),
    }

    SCHEME_MISSPELLED {
        code: "url/scheme-misspelled",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): the base URL starts with https://"),
        message: Text {
            en: "The scheme is misspelled: it must be exactly https://.",
            zh: "协议头拼写错误：必须是 https://。",
        },
        why: Text {
            en: "Clients reject an address without a scheme (\"unsupported protocol\" or \"invalid URL\").",
            zh: "客户端会拒绝没有协议头的地址（\"unsupported protocol\" 或 \"invalid URL\"）。",
        },
        fix: Some(fix::USE_HTTPS),
    }

    INSECURE_HTTP {
        code: "url/insecure-http",
        severity: Error,
        evidence: Relay("the relay documents only https:// base URLs; over http the key travels in clear and a redirect turns the POST into a GET"),
        message: Text {
            en: "Uses http:// instead of https://.",
            zh: "使用了 http:// 而不是 https://。",
        },
        why: Text {
            en: "The relay is served over https; over http the key travels unencrypted and the request is refused or redirected.",
            zh: "中转服务使用 https；使用 http 时密钥以明文传输，请求会被拒绝或重定向。",
        },
        fix: Some(fix::USE_HTTPS),
    }

    ENDPOINT_PATH {
        code: "url/endpoint-path",
        severity: Error,
        evidence: Relay("the relay's FAQ (404): remove any manually added request path; clients append /responses, /chat/completions or /v1/messages themselves"),
        message: Text {
            en: "Ends with an endpoint path (/chat/completions, /responses, /messages…) that the client adds itself.",
            zh: "以接口路径（/chat/completions、/responses、/messages 等）结尾，而客户端会自己添加它。",
        },
        why: Text {
            en: "The client appends its endpoint again, for example …/chat/completions/chat/completions, and gets 404.",
            zh: "客户端会再追加一次接口路径，例如 …/chat/completions/chat/completions，结果返回 404。",
        },
        fix: Some(fix::REMOVE),
    }

    DOUBLED_V1 {
        code: "url/doubled-v1",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 appends /v1/messages to ANTHROPIC_BASE_URL: a base URL ending in /v1 calls /v1/v1/messages"),
        message: Text {
            en: "Ends with /v1, which this client adds itself.",
            zh: "以 /v1 结尾，而此客户端会自己添加 /v1。",
        },
        why: Text {
            en: "The client then calls …/v1/v1/…, which answers 404 (Claude Code says the model may not exist).",
            zh: "客户端会请求 …/v1/v1/…，返回 404（Claude Code 会提示模型可能不存在）。",
        },
        fix: Some(fix::REMOVE),
    }

    UNEXPECTED_PATH {
        code: "url/unexpected-path",
        severity: Error,
        evidence: Relay("the relay profile gives the path each client needs after the base URL; the relay serves no other"),
        message: Text {
            en: "The path differs from what this relay expects for this client.",
            zh: "路径与此中转服务对该客户端要求的不一致。",
        },
        why: Text {
            en: "Requests go to a path the relay does not serve and fail with 404.",
            zh: "请求会发往中转服务不提供的路径，返回 404。",
        },
        fix: Some(fix::REPLACE),
    }

    DOUBLE_SLASH {
        code: "url/double-slash",
        severity: Warning,
        evidence: Heuristic("some servers treat //v1 as another path, others normalise it"),
        message: Text {
            en: "Has a doubled slash in its path.",
            zh: "路径中有重复的斜杠。",
        },
        why: Text {
            en: "Some relays treat //v1 as a different path and answer 404.",
            zh: "部分中转服务会把 //v1 当作另一个路径并返回 404。",
        },
        fix: Some(fix::REMOVE),
    }

    QUERY_OR_FRAGMENT {
        code: "url/query-or-fragment",
        severity: Warning,
        evidence: Heuristic("clients append their path after the query, which most servers then ignore"),
        message: Text {
            en: "Has a query (?…) or fragment (#…), which base URLs do not take.",
            zh: "带有查询参数（?…）或片段（#…），Base URL 不应包含它们。",
        },
        why: Text {
            en: "Clients append their path after it and produce a broken URL.",
            zh: "客户端会在其后追加路径，生成错误的 URL。",
        },
        fix: Some(fix::REMOVE),
    }

    HOST_TYPO {
        code: "url/host-typo",
        severity: Warning,
        evidence: Heuristic("within two edits of the relay's host: probably a typo, possibly another server"),
        message: Text {
            en: "The host looks like a typo of the relay's address.",
            zh: "主机名看起来是中转服务地址的拼写错误。",
        },
        why: Text {
            en: "The client cannot resolve or reach the host, or reaches someone else's server.",
            zh: "客户端无法解析或连接该主机，甚至会连到别人的服务器。",
        },
        fix: Some(fix::REPLACE),
    }

    OTHER_HOST {
        code: "url/other-host",
        severity: Info,
        evidence: Heuristic("another host than the relay's: a proxy of one's own, or a mistake"),
        message: Text {
            en: "This is not the relay's address.",
            zh: "这不是此中转服务的地址。",
        },
        why: Text {
            en: "Fine for a proxy of your own; otherwise the key goes to another service and is rejected.",
            zh: "如果是你自己的代理则没问题；否则密钥会被发往其他服务并被拒绝。",
        },
        fix: None,
    }

    LOOKS_LIKE_KEY {
        code: "url/looks-like-key",
        severity: Error,
        evidence: Relay("the relay's FAQ (unsupported protocol or invalid URL): without a scheme or a dot it is no address at all"),
        message: Text {
            en: "This looks like an API key, not an address.",
            zh: "这看起来是 API 密钥，而不是地址。",
        },
        why: Text {
            en: "The key and the base URL were swapped: put the key in the key field.",
            zh: "密钥和 Base URL 填反了：请把密钥填到密钥字段。",
        },
        fix: None,
    }
}

/// Endpoint paths that clients append themselves, longest first.
const ENDPOINTS: [&str; 7] = [
    "/chat/completions",
    "/messages/count_tokens",
    "/completions",
    "/responses",
    "/messages",
    "/models",
    "/embeddings",
];

/// Quote characters people paste around values.
pub(crate) const QUOTES: [char; 9] = ['"', '\'', '`', '“', '”', '‘', '’', '「', '」'];

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "url",
    label: Text {
        en: "Base URL",
        zh: "Base URL",
    },
    one_value: true,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Every finding for `url` as the base URL of `context.client` on `context.profile`'s relay.
/// An empty URL has none (the page then uses the relay's own).
pub fn check(url: &str, context: &Context) -> Checked {
    findings(url, context, Given::ClientBaseUrl).into()
}

/// Every finding for `url` typed as the relay's base URL while `context.client` is set up: the
/// setup gives that client `url` followed by the client's path from the profile, so the path
/// typed must be the relay's own (none, for a base URL of scheme and host), and a `/v1` that
/// the client adds itself is doubled.
pub fn check_relay_base_url(url: &str, context: &Context) -> Checked {
    findings(url, context, Given::RelayBaseUrl).into()
}

/// What a URL is given as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Given {
    /// The base URL a client reads (a config file's), with the client's path in it.
    ClientBaseUrl,
    /// The relay's base URL, before the client's path is added.
    RelayBaseUrl,
}

fn findings(url: &str, context: &Context, given: Given) -> Vec<Finding> {
    let mut findings = if context.client.is_some_and(Client::trims_values) {
        let trimmed = &SURROUNDING_SPACE_TRIMMED;
        chars::stray_characters_with_edges(url, &WHITESPACE, [trimmed; 2], &INVISIBLE, true)
    } else {
        chars::stray_characters(url, &WHITESPACE, &INVISIBLE)
    };
    let tail = copied_tail(url);
    let copied = chars::tail_findings(&tail, &COPIED_PUNCTUATION, &COPIED_PUNCTUATION);
    let fullwidth: Vec<Finding> = fullwidth(url)
        .into_iter()
        .filter(|finding| finding.span.start < tail.core_end)
        .collect();
    if !fullwidth.is_empty() {
        // Read as it stands, the rest of the URL would be misjudged: fix these first.
        findings.extend(fullwidth);
        findings.extend(copied);
        return findings;
    }
    let (start, end) = trimmed_bounds(url);
    let core_end = url[..tail.core_end.max(start)].trim_end().len().max(start);
    if findings
        .iter()
        .any(|finding| finding.span.start > start && finding.span.end < core_end)
    {
        // Whitespace or invisible characters inside the address: the host and path read
        // from it would be misjudged. Those are fixed first, the rest is checked after.
        findings.extend(copied);
        return findings;
    }
    findings.extend(copied);
    findings.extend(
        tail.quotes
            .iter()
            .map(|span| Finding::new(&QUOTED, span.clone()).with_edit(span.clone(), "")),
    );
    let end = end.min(core_end);
    findings.extend(quotes(url, start, end, &QUOTED));
    let (start, end) = unquoted_bounds(url, start, end);
    let text = &url[start..end];
    if text.is_empty() {
        return findings;
    }
    if looks_like_key(text) {
        findings.push(Finding::new(&LOOKS_LIKE_KEY, start..end));
        return findings;
    }
    let rest_start = scheme(url, start, end, &mut findings);
    let rest = &url[rest_start..end];
    let authority_end = rest.find(['/', '?', '#']).map_or(end, |i| rest_start + i);
    let host_span = host_span(url, rest_start, authority_end);
    check_host(url, host_span, context, &mut findings);
    let query_start = url[authority_end..end]
        .find(['?', '#'])
        .map_or(end, |i| authority_end + i);
    if query_start < end && context.client != Some(Client::CherryStudio) {
        // Cherry Studio gives a trailing `#` a meaning of its own.
        findings.push(
            Finding::new(&QUERY_OR_FRAGMENT, query_start..end).with_edit(query_start..end, ""),
        );
    }
    check_path(
        url,
        authority_end..query_start,
        context,
        given,
        &mut findings,
    );
    findings
}

/// The punctuation copied along after `url`, except a lone `.` right after a host without a
/// port: that is
/// DNS's root (`api.example.com.`), which may resolve, so it is the host check's call.
fn copied_tail(url: &str) -> chars::Tail {
    let tail = chars::tail(url);
    let core = &url[..tail.core_end];
    let after_scheme = core.split_once("://").map_or(core, |(_, rest)| rest);
    let bare_host = !after_scheme.contains(['/', '?', '#', ':']);
    match tail.punctuation.as_slice() {
        [(span, true)] if bare_host && &url[span.clone()] == "." => chars::Tail {
            core_end: url.len(),
            ..chars::Tail::default()
        },
        _ => tail,
    }
}

/// The bounds of `url` without surrounding whitespace and invisible characters.
fn trimmed_bounds(url: &str) -> (usize, usize) {
    let stray = |c: char| c.is_whitespace() || chars::is_invisible(c);
    let start = url.len() - url.trim_start_matches(stray).len();
    let end = url.trim_end_matches(stray).len().max(start);
    (start, end)
}

fn unquoted_bounds(url: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while let Some(c) = url[start..end]
        .chars()
        .next()
        .filter(|c| QUOTES.contains(c))
    {
        start += c.len_utf8();
    }
    while let Some(c) = url[start..end]
        .chars()
        .next_back()
        .filter(|c| QUOTES.contains(c))
    {
        end -= c.len_utf8();
    }
    (start, end)
}

/// One finding per run of quote characters at either end, fixed by deleting it.
pub(crate) fn quotes(text: &str, start: usize, end: usize, rule: &'static Rule) -> Vec<Finding> {
    let (inner_start, inner_end) = unquoted_bounds(text, start, end);
    [start..inner_start, inner_end.max(inner_start)..end]
        .into_iter()
        .filter(|span| !span.is_empty())
        .map(|span| Finding::new(rule, span.clone()).with_edit(span, ""))
        .collect()
}

/// Full-width punctuation from a Chinese or Japanese input method: `：／．。`.
fn fullwidth(url: &str) -> Vec<Finding> {
    url.char_indices()
        .filter_map(|(index, c)| {
            let ascii = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0)?,
                '。' => '.',
                _ => return None,
            };
            let span = index..index + c.len_utf8();
            Some(
                Finding::new(&FULLWIDTH, span.clone())
                    .with_edit(span, ascii.encode_utf8(&mut [0; 4])),
            )
        })
        .collect()
}

/// A key pasted into the URL field: no scheme, no dot, and a key's look.
fn looks_like_key(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    !lower.contains("://")
        && !text.contains('.')
        && (lower.starts_with("sk-")
            || (text.len() >= 24
                && text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')))
}

/// Checks the scheme; returns where the host starts (after the scheme as typed, or at `start`
/// when there is none).
fn scheme(url: &str, start: usize, end: usize, findings: &mut Vec<Finding>) -> usize {
    let text = &url[start..end];
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return start + 8;
    }
    if lower.starts_with("http://") {
        let scheme = start..start + 4;
        findings.push(Finding::new(&INSECURE_HTTP, scheme.clone()).with_edit(scheme, "https"));
        return start + 7;
    }
    // Something scheme-like before the host: letters, then `:` and/or slashes.
    let letters = lower.bytes().take_while(u8::is_ascii_alphabetic).count();
    let separators = lower[letters..]
        .bytes()
        .take_while(|b| matches!(b, b':' | b'/' | b'\\'))
        .count();
    let looks_like_https = (3..=7).contains(&letters)
        && strsim::levenshtein(&lower[..letters], "https") <= 2
        && separators > 0;
    if looks_like_https {
        let prefix = start..start + letters + separators;
        findings.push(
            Finding::new(&SCHEME_MISSPELLED, prefix.clone()).with_edit(prefix.clone(), "https://"),
        );
        return prefix.end;
    }
    if letters > 0 && lower[letters..].starts_with("://") {
        // Another scheme entirely (ftp://, ws://): the insecure/misspelled rules do not apply.
        findings.push(
            Finding::new(&SCHEME_MISSPELLED, start..start + letters + 3)
                .with_edit(start..start + letters + 3, "https://"),
        );
        return start + letters + 3;
    }
    findings.push(Finding::new(&SCHEME_MISSING, start..start).with_edit(start..start, "https://"));
    start
}

/// The host within the authority, without user info or port.
fn host_span(url: &str, start: usize, end: usize) -> Range<usize> {
    let authority = &url[start..end];
    let host_start = authority.rfind('@').map_or(start, |i| start + i + 1);
    let host = &url[host_start..end];
    let host_end = host
        .rfind(':')
        .filter(|i| host[i + 1..].bytes().all(|b| b.is_ascii_digit()))
        .map_or(end, |i| host_start + i);
    host_start..host_end
}

/// The host is one of the relay's (its base URL's or one it also accepts), a typo of one, or
/// another server.
fn check_host(url: &str, host: Range<usize>, context: &Context, findings: &mut Vec<Finding>) {
    let relay_hosts: Vec<String> = context.profile.base_urls().filter_map(relay_host).collect();
    let typed = url[host.clone()].to_ascii_lowercase();
    if relay_hosts.is_empty()
        || typed.is_empty()
        || relay_hosts.contains(&typed)
        || is_loopback(&typed)
    {
        return;
    }
    let nearest = relay_hosts
        .iter()
        .map(|relay_host| (strsim::levenshtein(&typed, relay_host), relay_host))
        .min();
    match nearest {
        Some((distance, relay_host)) if distance <= 2 => {
            findings.push(Finding::new(&HOST_TYPO, host.clone()).with_edit(host, relay_host));
        }
        _ => findings.push(Finding::new(&OTHER_HOST, host)),
    }
}

/// Test setups and local proxies are deliberate; they are not typos of the relay's host.
fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.starts_with("127.") || host == "[::1]"
}

/// The host of the relay's base URL.
pub(crate) fn relay_host(base_url: &str) -> Option<String> {
    let rest = base_url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(
        authority
            .rsplit('@')
            .next()?
            .split(':')
            .next()?
            .to_ascii_lowercase(),
    )
}

/// The path of the relay's own base URL, without a final slash (usually none).
fn relay_base_path(profile: &crate::profile::Profile) -> &str {
    let base_url = profile.base_url.as_str();
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |start| &rest[start..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/')
}

fn check_path(
    url: &str,
    path: Range<usize>,
    context: &Context,
    given: Given,
    findings: &mut Vec<Finding>,
) {
    let text = &url[path.clone()];
    if let Some(index) = text.find("//") {
        let run = text[index..].bytes().take_while(|b| *b == b'/').count();
        let span = path.start + index..path.start + index + run;
        findings.push(Finding::new(&DOUBLE_SLASH, span.clone()).with_edit(span, "/"));
        return;
    }
    let trimmed = text.trim_end_matches('/');
    let lower = trimmed.to_ascii_lowercase();
    if let Some(endpoint) = ENDPOINTS.iter().find(|endpoint| lower.ends_with(*endpoint)) {
        let before = &trimmed[..trimmed.len() - endpoint.len()];
        // Keep the path the relay wants for this client; without a client, keep what came
        // before the endpoint.
        let keep = match (context.client, given) {
            (None, _) => before,
            (Some(_), Given::RelayBaseUrl) => relay_base_path(context.profile),
            (Some(client), Given::ClientBaseUrl) => client.base_path(context.profile),
        };
        findings.push(Finding::new(&ENDPOINT_PATH, path.clone()).with_edit(path, keep));
        return;
    }
    let Some(client) = context.client else { return };
    let expected = match given {
        Given::ClientBaseUrl => client.base_path(context.profile),
        Given::RelayBaseUrl => relay_base_path(context.profile),
    };
    if trimmed.eq_ignore_ascii_case(expected) {
        return;
    }
    if client == Client::CherryStudio {
        // Cherry Studio adds /v1 to a path without a version: what counts is the path it
        // then calls, so `…/v1` reaches what `…` does.
        let called = |path: &str| {
            let path = path.to_ascii_lowercase();
            if cherry_studio::has_version(&path) {
                path
            } else {
                path + "/v1"
            }
        };
        if called(trimmed) == called(expected) {
            return;
        }
    }
    if client.appends_v1() && lower.ends_with("/v1") {
        let v1 = path.start + trimmed.len() - 3..path.end;
        findings.push(Finding::new(&DOUBLED_V1, v1.clone()).with_edit(v1, ""));
    } else {
        findings.push(Finding::new(&UNEXPECTED_PATH, path.clone()).with_edit(path, expected));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn codes_for(url: &str, client: Option<Client>) -> Vec<&'static str> {
        let profile = Profile::builtin();
        check(
            url,
            &Context {
                profile: &profile,
                client,
            },
        )
        .findings
        .iter()
        .map(|f| f.rule.code)
        .collect()
    }

    fn codes(url: &str) -> Vec<&'static str> {
        codes_for(url, None)
    }

    fn fixed(url: &str, client: Option<Client>) -> String {
        let profile = Profile::builtin();
        let context = Context {
            profile: &profile,
            client,
        };
        let mut text = url.to_owned();
        while let Some(next) = check(&text, &context)
            .findings
            .iter()
            .find_map(|f| f.apply_fix(&text))
        {
            text = next;
        }
        text
    }

    #[test]
    fn the_relay_url_is_clean() {
        for url in [
            "https://api.4096bytes.com",
            "HTTPS://api.4096bytes.com/",
            "",
            "http://127.0.0.1:8080",
        ] {
            let expected: &[&str] = if url.starts_with("http://127") {
                &["url/insecure-http"]
            } else {
                &[]
            };
            assert_eq!(codes(url), expected, "{url}");
        }
        for client in Client::ALL {
            assert!(
                codes_for("https://api.4096bytes.com", Some(client)).is_empty(),
                "{client:?}"
            );
        }
    }

    #[test]
    fn scheme_mistakes_are_fixed_to_https() {
        assert_eq!(codes("http://api.4096bytes.com"), ["url/insecure-http"]);
        assert_eq!(codes("api.4096bytes.com"), ["url/scheme-missing"]);
        for typo in [
            "htps://api.4096bytes.com",
            "https:/api.4096bytes.com",
            "https//api.4096bytes.com",
            "htttps://api.4096bytes.com",
            "https:\\\\api.4096bytes.com",
        ] {
            assert_eq!(codes(typo), ["url/scheme-misspelled"], "{typo}");
            assert_eq!(fixed(typo, None), "https://api.4096bytes.com", "{typo}");
        }
        assert_eq!(
            fixed(" api.4096bytes.com", None),
            "https://api.4096bytes.com"
        );
    }

    #[test]
    fn pasted_decorations_are_removed() {
        assert_eq!(
            codes("\"https://api.4096bytes.com\""),
            ["url/quoted", "url/quoted"]
        );
        assert_eq!(
            fixed("“https://api.4096bytes.com”", None),
            "https://api.4096bytes.com"
        );
        assert_eq!(
            codes("https：//api.4096bytes.com"),
            ["url/fullwidth-punctuation"]
        );
        assert_eq!(
            fixed("https：／／api。4096bytes.com", None),
            "https://api.4096bytes.com"
        );
        assert_eq!(codes("https://api.4096bytes.com \n"), ["url/whitespace"]);
        assert_eq!(
            codes("\u{FEFF}https://api.4096bytes.com"),
            ["url/invisible-character"]
        );
    }

    #[test]
    fn punctuation_copied_out_of_a_sentence_is_removed() {
        for tail in [",", ";", ")", "。", "，", "；", "）", "」"] {
            let url = format!("https://api.4096bytes.com{tail}");
            let expected: &[&str] = if tail == "」" {
                &["url/quoted"]
            } else {
                &["url/copied-punctuation"]
            };
            for client in [None, Some(Client::Codex), Some(Client::ClaudeCode)] {
                assert_eq!(codes_for(&url, client), expected, "{url} {client:?}");
                assert_eq!(fixed(&url, client), "https://api.4096bytes.com");
            }
        }
        assert_eq!(
            codes("https://api.4096bytes.com/v1."),
            ["url/copied-punctuation"]
        );
        assert_eq!(
            codes("http://127.0.0.1:8080."),
            ["url/copied-punctuation", "url/insecure-http"]
        );
        assert_eq!(
            codes("“https://api.4096bytes.com/v1”。"),
            ["url/copied-punctuation", "url/quoted", "url/quoted"]
        );
        assert_eq!(
            fixed("“https://api.4096bytes.com/v1”。 ", None),
            "https://api.4096bytes.com/v1"
        );
        assert_eq!(
            fixed("https：//api.4096bytes.com。", None),
            "https://api.4096bytes.com",
            "a final 。 is removed, not made a dot"
        );
        // A lone dot after the host is DNS's root: the host check decides.
        assert_eq!(codes("https://api.4096bytes.com."), ["url/host-typo"]);
        assert!(codes("http://[::1]").contains(&"url/insecure-http"));
        assert!(!codes("http://[::1]").contains(&"url/copied-punctuation"));
    }

    #[test]
    fn surrounding_spaces_are_judged_for_the_client_at_hand() {
        for url in [
            " https://api.4096bytes.com ",
            "https://api.4096bytes.com\t",
            "https://api.4096bytes.com\u{3000}",
        ] {
            let trimmed = codes_for(url, Some(Client::ClaudeCode));
            assert!(
                !trimmed.is_empty()
                    && trimmed
                        .iter()
                        .all(|c| *c == "url/surrounding-space-trimmed"),
                "{url:?}: {trimmed:?}"
            );
            for client in [None, Some(Client::Codex), Some(Client::OpenaiSdk)] {
                let found = codes_for(url, client);
                assert!(
                    !found.is_empty() && found.iter().all(|c| *c == "url/whitespace"),
                    "{url:?} {client:?}: {found:?}"
                );
            }
        }
        assert_eq!(
            codes_for("https://api.4096bytes.com\n", Some(Client::ClaudeCode)),
            ["url/whitespace"]
        );
    }

    #[test]
    fn endpoint_paths_are_cut_back_to_what_the_client_wants() {
        assert_eq!(
            codes("https://api.4096bytes.com/v1/chat/completions"),
            ["url/endpoint-path"]
        );
        assert_eq!(
            fixed("https://api.4096bytes.com/v1/chat/completions", None),
            "https://api.4096bytes.com/v1"
        );
        assert_eq!(
            fixed(
                "https://api.4096bytes.com/v1/responses",
                Some(Client::Codex)
            ),
            "https://api.4096bytes.com"
        );
        assert_eq!(
            fixed(
                "https://api.4096bytes.com/v1/messages",
                Some(Client::ClaudeCode)
            ),
            "https://api.4096bytes.com"
        );
    }

    #[test]
    fn v1_is_doubled_for_clients_that_add_it() {
        assert_eq!(
            codes_for("https://api.4096bytes.com/v1", Some(Client::ClaudeCode)),
            ["url/doubled-v1"]
        );
        assert_eq!(
            codes_for("https://api.4096bytes.com/v1/", Some(Client::ClaudeCode)),
            ["url/doubled-v1"]
        );
        assert_eq!(
            codes_for("https://api.4096bytes.com/v1", Some(Client::Codex)),
            ["url/unexpected-path"]
        );
        assert!(
            codes("https://api.4096bytes.com/v1").is_empty(),
            "without a client, /v1 may be right"
        );
        let mut profile = Profile::builtin();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let context = Context {
            profile: &profile,
            client: Some(Client::OpenaiSdk),
        };
        assert!(
            check("https://api.4096bytes.com/v1", &context)
                .findings
                .is_empty()
        );
        let codes: Vec<_> = check("https://api.4096bytes.com", &context)
            .findings
            .iter()
            .map(|f| f.rule.code)
            .collect();
        assert_eq!(codes, ["url/unexpected-path"]);
    }

    /// The page's field and the CLI's `--base-url` hold the relay's base URL, to which the
    /// setup adds each client's path: judged for the chosen client, a `/v1` there is doubled
    /// for Claude Code and not the relay's path for the others.
    #[test]
    fn the_base_url_field_is_judged_for_the_chosen_client() {
        use crate::check::Field;
        let profile = Profile::builtin();
        let field = |url: &str, client| -> Vec<&str> {
            Field::BaseUrl
                .check(url, &profile, client)
                .findings
                .iter()
                .map(|f| f.rule.code)
                .collect()
        };
        let v1 = "https://api.4096bytes.com/v1";
        assert_eq!(field(v1, Client::ClaudeCode), ["url/doubled-v1"]);
        assert_eq!(field(v1, Client::Codex), ["url/unexpected-path"]);
        assert_eq!(field(v1, Client::OpenaiSdk), ["url/unexpected-path"]);
        // Cherry Studio adds /v1 only where the path has no version: it calls the same URL.
        assert!(field(v1, Client::CherryStudio).is_empty());
        for client in Client::ALL {
            assert!(
                field("https://api.4096bytes.com", client).is_empty(),
                "{client:?}"
            );
            if client == Client::CherryStudio {
                continue;
            }
            let fixed = Field::BaseUrl.check(v1, &profile, client).findings[0]
                .apply_fix(v1)
                .unwrap();
            assert_eq!(fixed, "https://api.4096bytes.com", "{client:?}");
        }
        // With a relay that wants /v1 after its base URL for OpenAI-compatible clients, the
        // field still holds the base URL alone: /v1 typed there would be sent twice.
        let mut v1_relay = Profile::builtin();
        v1_relay.clients.openai_compatible.base_path = "/v1".into();
        let codes = |url: &str| -> Vec<&str> {
            Field::BaseUrl
                .check(url, &v1_relay, Client::OpenaiSdk)
                .findings
                .iter()
                .map(|f| f.rule.code)
                .collect()
        };
        assert!(codes("https://api.4096bytes.com").is_empty());
        assert_eq!(codes(v1), ["url/unexpected-path"]);
    }

    /// The request URL a setup states never doubles /v1 unless the field says it is wrong.
    #[test]
    fn a_doubled_v1_in_the_request_url_always_comes_with_an_error() {
        use crate::check::Field;
        use crate::clients::Values;
        use crate::platform::{Os, Target};
        let profile = Profile::builtin();
        for url in [
            "https://api.4096bytes.com",
            "https://api.4096bytes.com/",
            "https://api.4096bytes.com/v1",
            "https://api.4096bytes.com/v1/",
            "https://api.4096bytes.com/V1",
        ] {
            for client in Client::ALL {
                let values = Values {
                    base_url: url.into(),
                    ..Values::default()
                };
                let setup = client.setup(&profile, &values, Target::new(Os::Linux));
                let error = Field::breaks_request_url(
                    &Field::BaseUrl.check(url, &profile, client).findings,
                );
                if setup.request_url.to_ascii_lowercase().contains("/v1/v1") {
                    assert!(error, "{client:?} {url}: {}", setup.request_url);
                }
            }
        }
    }

    #[test]
    fn hosts_are_compared_with_the_relays() {
        assert_eq!(codes("https://api.4069bytes.com"), ["url/host-typo"]);
        assert_eq!(
            fixed("https://api.4096bytse.com", None),
            "https://api.4096bytes.com"
        );
        assert_eq!(codes("https://relay.example.org"), ["url/other-host"]);
    }

    #[test]
    fn the_other_addresses_a_relay_accepts_are_its_own() {
        let mut profile = Profile::builtin();
        profile.accepted_base_urls = vec!["https://cn.4096bytes.example:8443".into()];
        let context = Context {
            profile: &profile,
            client: None,
        };
        let codes = |url: &str| -> Vec<&str> {
            check(url, &context)
                .findings
                .iter()
                .map(|f| f.rule.code)
                .collect()
        };
        assert!(codes("https://cn.4096bytes.example:8443").is_empty());
        assert!(codes("https://api.4096bytes.com").is_empty());
        assert_eq!(codes("https://cn.4096bytes.exmaple"), ["url/host-typo"]);
        let fixed = check("https://cn.4096bytes.exmaple", &context);
        assert_eq!(
            crate::check::apply_edits("https://cn.4096bytes.exmaple", &fixed.findings[0].edits)
                .as_deref(),
            Some("https://cn.4096bytes.example")
        );
        assert_eq!(codes("https://relay.example.org"), ["url/other-host"]);
    }

    #[test]
    fn other_path_mistakes() {
        assert_eq!(codes("https://api.4096bytes.com//v1"), ["url/double-slash"]);
        assert_eq!(
            codes("https://api.4096bytes.com/?key=1"),
            ["url/query-or-fragment"]
        );
        assert!(
            codes_for(
                "https://api.4096bytes.com/v1/chat/completions#",
                Some(Client::CherryStudio)
            )
            .contains(&"url/endpoint-path")
        );
    }

    #[test]
    fn a_key_in_the_url_field_is_recognised() {
        assert_eq!(
            codes("sk-abcdefghijklmnopqrstuvwxyz"),
            ["url/looks-like-key"]
        );
    }
}
