//! Rules for OpenCode's `opencode.json` (see `src/clients/opencode.rs`): the relay's provider
//! under `provider.<id>`, built on `@ai-sdk/openai-compatible` with `options.baseURL` and
//! `options.apiKey`, its model listed under `models`, and `model` naming it as
//! `<provider id>/<model>`.
//!
//! What OpenCode 1.18.33 did with each mistake, run as `opencode run hi` in a fresh home
//! against a strict loopback relay (the key, `POST /chat/completions`, or 401/404), with the
//! generated file changed in one place (`tests/opencode_doctor_conformance.rs` re-runs the
//! cases in `tests/cases/opencode-config/`):
//!
//! | mistake in opencode.json                          | OpenCode 1.18.33                                      |
//! |---------------------------------------------------|-------------------------------------------------------|
//! | the generated file                                | two requests to /chat/completions, answered           |
//! | `//` or `/* */` comments, a trailing comma, a BOM | reads the file as JSONC: answered                     |
//! | typographic quotes, an unquoted name              | "is not valid JSON(C)", stops                         |
//! | baseURL with http:// (loopback is http)           | answered; the relay's https is not reproducible here  |
//! | baseURL without a scheme                          | "… cannot be parsed as a URL", no request             |
//! | baseURL ending in /chat/completions               | POST /chat/completions/chat/completions: 404          |
//! | baseURL ending in /v1 (the relay wants none)      | POST /v1/chat/completions: 404                        |
//! | baseURL ending in /                               | POST /chat/completions: answered                      |
//! | a space before baseURL                            | answered (the URL parser drops it)                    |
//! | a space or a zero-width space after baseURL       | "… cannot be parsed as a URL", no request             |
//! | `baseUrl` (case), or baseURL beside `options`     | "undefined/chat/completions cannot be parsed"         |
//! | no baseURL                                        | the same                                              |
//! | a space before apiKey                             | sends `Bearer  sk-…`: 401                             |
//! | a space after apiKey                              | the relay gets the key: answered                      |
//! | a zero-width space in apiKey                      | "Header has invalid value", no request                |
//! | apiKey left as the placeholder                    | sends it: 401                                         |
//! | apiKey `{env:NAME}`, NAME exported                | sends the variable's value: answered                  |
//! | apiKey `{env:NAME}`, NAME unset                   | sends no Authorization: 401                           |
//! | apiKey `$NAME`                                    | sends `$NAME` as it stands: 401                       |
//! | no apiKey, `api_key`, or apiKey beside `options`  | sends no Authorization: 401                           |
//! | apiKey empty                                      | the same                                              |
//! | apiKey null                                       | "Configuration is invalid", no request                |
//! | npm `@ai-sdk/openai`                              | POST /responses (the Responses API)                   |
//! | npm `@ai-sdk/anthropic`                           | POST /messages with x-api-key: 401 here, 404 at relay |
//! | npm `ai-sdk/openai-compatible` (no @)             | "Failed to initialize provider", no request           |
//! | no npm                                            | takes openai-compatible: answered                     |
//! | `model` not listed under the provider's `models`  | "Unexpected server error", no request                 |
//! | no `models`                                       | the same (the provider is dropped)                    |
//! | `model` without `provider/`, or another provider  | the same                                              |
//! | no `model`, the relay the only provider           | picks the relay's model: answered                     |
//! | `model` another provider's of the file (Ollama)   | sends there: "Cannot connect to API", relay untouched |
//! | npm `@ai-sdk/groq`, `@openrouter/ai-sdk-provider` | POST /chat/completions: answered                      |
//! | `providers` for `provider`                        | omits it ("configuration compatibility"), the same    |
//! | model left as the placeholder                     | sends it; the relay knows no such model               |

use super::json_text::{self, Member};
use super::{Checked, Context, Finding, KindCheck, KindSpec, embed, fix, key, model, url};
use crate::clients::Client;
use crate::clients::opencode::{MODEL, PROVIDERS};
use crate::escape;
use crate::i18n::Text;
use std::ops::Range;

declare_rules! {
    /// No provider in the file is the relay's.
    NO_RELAY_PROVIDER {
        code: "opencode/no-relay-provider",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with no provider for the relay (or \"providers\" for \"provider\", which it omits) sent the relay nothing: \"Unexpected server error\" (observed)"),
        message: Text {
            en: "No provider under \"provider\" points at the relay.",
            zh: "\"provider\" 下没有指向中转服务的提供商。",
        },
        why: Text {
            en: "OpenCode then never calls the relay: add the relay's provider under \"provider\" (singular).",
            zh: "OpenCode 因此不会调用中转服务：请在 \"provider\"（单数）下添加中转服务的提供商。",
        },
        fix: None,
    }

    /// `baseURL` or `apiKey` directly in the provider, beside `options`.
    OUTSIDE_OPTIONS {
        code: "opencode/outside-options",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 ignores baseURL and apiKey outside \"options\": \"undefined/chat/completions cannot be parsed as a URL\", or no Authorization and 401 (observed)"),
        message: Text {
            en: "This setting belongs inside the provider's \"options\" object.",
            zh: "这个设置应该放在提供商的 \"options\" 对象里。",
        },
        why: Text {
            en: "OpenCode reads baseURL and apiKey only from \"options\" and ignores them here.",
            zh: "OpenCode 只从 \"options\" 读取 baseURL 和 apiKey，放在这里会被忽略。",
        },
        fix: None,
    }

    /// `baseUrl`, `base_url`, `api_key`…: names OpenCode does not read.
    MISSPELLED_OPTION {
        code: "opencode/misspelled-option",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 reads exactly baseURL and apiKey: with baseUrl it built \"undefined/chat/completions\", with api_key it sent no key, 401 (observed)"),
        message: Text {
            en: "OpenCode does not read this name: it must be spelled baseURL or apiKey.",
            zh: "OpenCode 不读取这个名称：必须写成 baseURL 或 apiKey。",
        },
        why: Text {
            en: "The names are case-sensitive; with any other spelling OpenCode has no address or no key.",
            zh: "名称区分大小写；拼写不同，OpenCode 就没有地址或密钥。",
        },
        fix: Some(fix::RENAME),
    }

    NO_BASE_URL {
        code: "opencode/no-base-url",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 stops without options.baseURL: \"undefined/chat/completions cannot be parsed as a URL\" (observed)"),
        message: Text {
            en: "The relay's provider has no options.baseURL.",
            zh: "中转服务的提供商没有 options.baseURL。",
        },
        why: Text {
            en: "OpenCode has no address to send the request to: add \"baseURL\" under \"options\".",
            zh: "OpenCode 没有可发送请求的地址：请在 \"options\" 下添加 \"baseURL\"。",
        },
        fix: None,
    }

    /// No key in the file. OpenCode may also have one from `opencode auth login`, which
    /// onramp's setup does not use.
    NO_KEY {
        code: "opencode/no-key",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 without options.apiKey, or with it empty, sends no Authorization header and the relay answers 401 (observed, with no key stored by `opencode auth login`); with it null it stops: \"Configuration is invalid\""),
        message: Text {
            en: "The relay's provider has no options.apiKey.",
            zh: "中转服务的提供商没有 options.apiKey。",
        },
        why: Text {
            en: "OpenCode then sends no key and the relay answers 401: add \"apiKey\" under \"options\".",
            zh: "OpenCode 不会发送密钥，中转服务返回 401：请在 \"options\" 下添加 \"apiKey\"。",
        },
        fix: None,
    }

    /// A shell-style `$NAME` where OpenCode's own `{env:NAME}` was meant.
    SHELL_VARIABLE {
        code: "opencode/shell-variable",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 sends \"$NAME\" as it stands, as the key, and the relay answers 401 (observed)"),
        message: Text {
            en: "OpenCode does not replace $NAME: it reads a variable written as {env:NAME}.",
            zh: "OpenCode 不会替换 $NAME：读取环境变量要写成 {env:NAME}。",
        },
        why: Text {
            en: "It sends the text \"$NAME\" as the key and the relay answers 401.",
            zh: "它会把文本 \"$NAME\" 当作密钥发送，中转服务返回 401。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `{env:NAME}`: right when NAME is exported where OpenCode starts.
    KEY_FROM_ENV {
        code: "opencode/key-from-env",
        severity: Warning,
        evidence: Client("OpenCode 1.18.33 replaces {env:NAME} with the variable: exported, the key reached the relay; unset, it sent no key and got 401 (observed); which it is depends on the terminal"),
        message: Text {
            en: "OpenCode takes the key from an environment variable here.",
            zh: "这里 OpenCode 从环境变量读取密钥。",
        },
        why: Text {
            en: "If the variable is not exported in the terminal OpenCode starts from, it sends no key and the relay answers 401.",
            zh: "如果启动 OpenCode 的终端没有导出这个变量，它就不会发送密钥，中转服务返回 401。",
        },
        fix: None,
    }

    /// A package name that is not the one meant: no such package, or a near miss.
    MISSPELLED_PACKAGE {
        code: "opencode/misspelled-package",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with npm \"ai-sdk/openai-compatible\" stops: \"Failed to initialize provider\", no request (observed)"),
        message: Text {
            en: "This is not the package name: the relay's provider uses \"@ai-sdk/openai-compatible\".",
            zh: "包名不对：中转服务的提供商使用 \"@ai-sdk/openai-compatible\"。",
        },
        why: Text {
            en: "OpenCode cannot load a package of this name and sends nothing.",
            zh: "OpenCode 无法加载这个名称的包，不会发送任何请求。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `@ai-sdk/anthropic`: the Messages API at `{baseURL}/messages`.
    ANTHROPIC_PACKAGE {
        code: "opencode/anthropic-package",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with npm \"@ai-sdk/anthropic\" posts {baseURL}/messages with x-api-key (observed); the relay serves the Messages API at /v1/messages, and the setup's base URL has no /v1"),
        message: Text {
            en: "\"@ai-sdk/anthropic\" speaks Anthropic's API to {baseURL}/messages.",
            zh: "\"@ai-sdk/anthropic\" 会向 {baseURL}/messages 发送 Anthropic 格式的请求。",
        },
        why: Text {
            en: "The relay's base URL serves no /messages: use \"@ai-sdk/openai-compatible\".",
            zh: "中转服务的 Base URL 下没有 /messages：请使用 \"@ai-sdk/openai-compatible\"。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `@ai-sdk/openai`: the Responses API at `{baseURL}/responses`, which the relay serves
    /// for Codex; onramp's setup for OpenCode uses Chat Completions.
    RESPONSES_PACKAGE {
        code: "opencode/responses-package",
        severity: Warning,
        evidence: Client("OpenCode 1.18.33 with npm \"@ai-sdk/openai\" posts {baseURL}/responses (observed): whether that works depends on the relay serving the Responses API for the model"),
        message: Text {
            en: "\"@ai-sdk/openai\" sends requests to {baseURL}/responses, not /chat/completions.",
            zh: "\"@ai-sdk/openai\" 会把请求发往 {baseURL}/responses，而不是 /chat/completions。",
        },
        why: Text {
            en: "Not every model behind the relay answers the Responses API: \"@ai-sdk/openai-compatible\" is the setup's package.",
            zh: "中转服务后面的模型不一定都支持 Responses API：配置使用的包是 \"@ai-sdk/openai-compatible\"。",
        },
        fix: Some(fix::REPLACE),
    }

    /// A package other than the AI SDK's OpenAI ones.
    OTHER_PACKAGE {
        code: "opencode/other-package",
        severity: Warning,
        evidence: Client("OpenCode 1.18.33 with @ai-sdk/groq or @openrouter/ai-sdk-provider still posted /chat/completions and was answered (observed); other packages speak their own APIs and paths"),
        message: Text {
            en: "This provider package is not the setup's \"@ai-sdk/openai-compatible\".",
            zh: "这个提供商包不是配置所用的 \"@ai-sdk/openai-compatible\"。",
        },
        why: Text {
            en: "It may send another API or path than the relay serves.",
            zh: "它发送的 API 或路径可能不是中转服务提供的。",
        },
        fix: Some(fix::REPLACE),
    }

    NO_MODELS {
        code: "opencode/no-models",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 drops a provider without models and sends nothing: \"Unexpected server error\" (observed)"),
        message: Text {
            en: "The relay's provider lists no models.",
            zh: "中转服务的提供商没有列出任何模型。",
        },
        why: Text {
            en: "OpenCode drops a provider without models: list the model under \"models\".",
            zh: "OpenCode 会丢弃没有模型的提供商：请在 \"models\" 下列出模型。",
        },
        fix: None,
    }

    MODEL_NOT_LISTED {
        code: "opencode/model-not-listed",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with a model its provider does not list sends nothing: \"Unexpected server error\" (observed)"),
        message: Text {
            en: "This model is not listed under the provider's \"models\".",
            zh: "这个模型没有列在该提供商的 \"models\" 下。",
        },
        why: Text {
            en: "OpenCode only uses the models a provider lists: add it there, spelled the same.",
            zh: "OpenCode 只使用提供商列出的模型：请把它以相同的拼写加进去。",
        },
        fix: None,
    }

    MODEL_WITHOUT_PROVIDER {
        code: "opencode/model-without-provider",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with \"model\": \"gpt-5.5\" (no provider/) sends nothing: \"Unexpected server error\" (observed)"),
        message: Text {
            en: "\"model\" must name the provider too, as provider/model.",
            zh: "\"model\" 必须同时写出提供商，格式为 提供商/模型。",
        },
        why: Text {
            en: "OpenCode reads the part before the first / as the provider's id and finds none.",
            zh: "OpenCode 把第一个 / 之前的部分当作提供商 id，这里找不到。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `model` names a provider the file does not have (a typo, another case, a built-in one).
    MODEL_UNKNOWN_PROVIDER {
        code: "opencode/model-unknown-provider",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with \"model\" naming a provider the file lacks (\"4096Bytes/…\", \"openai/…\") never calls the relay: \"Unexpected server error\" (observed)"),
        message: Text {
            en: "\"model\" names a provider that is not under \"provider\".",
            zh: "\"model\" 指定的提供商不在 \"provider\" 下。",
        },
        why: Text {
            en: "OpenCode finds no such provider here (ids are case-sensitive) and does not call the relay.",
            zh: "OpenCode 在这里找不到这个提供商（id 区分大小写），不会调用中转服务。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `model` names another provider of the file: perhaps an old choice.
    MODEL_OTHER_PROVIDER {
        code: "opencode/model-other-provider",
        severity: Error,
        evidence: Client("OpenCode 1.18.33 with \"model\" naming another provider of the file sent its requests there and nothing to the relay (observed, an Ollama provider beside the relay's)"),
        message: Text {
            en: "The default model is another provider's, not the relay's.",
            zh: "默认模型属于另一个提供商，而不是中转服务。",
        },
        why: Text {
            en: "OpenCode sends to that provider, not to the relay: set \"model\" to the relay's provider/model.",
            zh: "OpenCode 会把请求发往那个提供商，而不是中转服务：请把 \"model\" 设为中转服务的 提供商/模型。",
        },
        fix: None,
    }

    NO_DEFAULT_MODEL {
        code: "opencode/no-default-model",
        severity: Warning,
        evidence: Client("OpenCode 1.18.33 without \"model\" picked the relay's model when the relay was its only provider (observed); with other providers it may pick theirs"),
        message: Text {
            en: "No default \"model\" is set.",
            zh: "没有设置默认的 \"model\"。",
        },
        why: Text {
            en: "OpenCode picks a model itself, perhaps another provider's: set \"model\" to provider/model.",
            zh: "OpenCode 会自己挑选模型，可能是别的提供商的：请把 \"model\" 设为 提供商/模型。",
        },
        fix: None,
    }

    /// Spaces before the base URL: the URL parser drops them.
    BASE_URL_LEADING_SPACE {
        code: "opencode/base-url-leading-space",
        severity: Warning,
        evidence: Client("OpenCode 1.18.33 reached the relay with a space before baseURL, which the URL parser drops (observed); a space after it breaks the URL"),
        message: Text {
            en: "The base URL starts with whitespace.",
            zh: "Base URL 开头有空白字符。",
        },
        why: Text {
            en: "OpenCode drops it, but other clients do not: remove it.",
            zh: "OpenCode 会去掉它，但其他客户端不会：请删除。",
        },
        fix: Some(fix::REMOVE),
    }
}

/// This kind, as the page and the CLI name it.
pub const KIND: KindSpec = KindSpec {
    id: "opencode-config",
    label: Text {
        en: "OpenCode opencode.json",
        zh: "OpenCode opencode.json",
    },
    one_value: false,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: Some(recognise),
};

/// The package the relay's provider is built on.
const COMPATIBLE_PACKAGE: &str = "@ai-sdk/openai-compatible";
/// The AI SDK's OpenAI package: the Responses API.
const RESPONSES_PACKAGE_NAME: &str = "@ai-sdk/openai";
const ANTHROPIC_PACKAGE_NAME: &str = "@ai-sdk/anthropic";
/// The provider's settings, under `options`.
const OPTIONS: &str = "options";
const BASE_URL: &str = "baseURL";
const API_KEY: &str = "apiKey";
const MODELS: &str = "models";
const NPM: &str = "npm";

pub fn check(text: &str, context: &Context) -> Checked {
    let (members, mistakes) = match json_text::read_object(text, Client::Opencode) {
        Ok(read) => read,
        Err(findings) => return findings.into(),
    };
    // OpenCode reads JSONC, which allows trailing commas (observed): they break nothing.
    let mistakes: Vec<Finding> = mistakes
        .into_iter()
        .filter(|finding| finding.rule != &json_text::TRAILING_COMMA)
        .collect();
    let mut checked = Checked::from(mistakes);
    let context = context.for_client(Client::Opencode);
    let config = Config {
        text,
        members: &members,
    };
    // Every key in any provider is masked, the relay's or not; a variable's name is no key.
    for member in &members {
        let in_provider = member.path.first().is_some_and(|p| p == PROVIDERS);
        let holds_key = member
            .string_value(text)
            .is_some_and(|value| !is_reference(&value));
        if in_provider && option_meant(&member.key) == Some(API_KEY) && holds_key {
            checked
                .secrets
                .push(super::unquoted(text, &member.value_span));
        }
    }
    let providers: Vec<&Member> = config.children(&[PROVIDERS]).collect();
    let relay_providers = relay_providers(&config, &providers, &context);
    for provider in &relay_providers {
        check_provider(&config, provider, &context, &mut checked);
    }
    let default = members.iter().find(|m| m.path.is_empty() && m.key == MODEL);
    match default {
        Some(default) => check_default_model(
            &config,
            default,
            &providers,
            &relay_providers,
            &context,
            &mut checked,
        ),
        None => checked.findings.push(Finding::new(
            &NO_DEFAULT_MODEL,
            super::first_character(text),
        )),
    }
    if relay_providers.is_empty() {
        let span = members
            .iter()
            .find(|m| m.path.is_empty() && m.key == PROVIDERS)
            .map_or_else(|| super::first_character(text), |m| m.key_span.clone());
        checked
            .findings
            .push(Finding::new(&NO_RELAY_PROVIDER, span));
    }
    checked
}

/// The text and its members, with the lookups the rules share.
struct Config<'a> {
    text: &'a str,
    members: &'a [Member],
}

impl<'a> Config<'a> {
    /// The members of the object at `path`.
    fn children(&self, path: &'a [&'a str]) -> impl Iterator<Item = &'a Member> + 'a {
        self.members
            .iter()
            .filter(move |m| m.path.iter().map(String::as_str).eq(path.iter().copied()))
    }

    /// The members of provider `id`'s object `within` (`options`, `models`), or of the
    /// provider itself when `within` is empty.
    fn of_provider(&self, id: &str, within: Option<&str>) -> Vec<&'a Member> {
        self.members
            .iter()
            .filter(|m| match m.path.as_slice() {
                [providers, provider] => {
                    providers == PROVIDERS && provider == id && within.is_none()
                }
                [providers, provider, object] => {
                    providers == PROVIDERS && provider == id && Some(object.as_str()) == within
                }
                _ => false,
            })
            .collect()
    }

    /// The models provider `id` lists, by name.
    fn models(&self, id: &str) -> Vec<&'a str> {
        self.of_provider(id, Some(MODELS))
            .into_iter()
            .map(|m| m.key.as_str())
            .collect()
    }
}

/// The providers that are the relay's: under the relay's id, or with its host in their base
/// URL (however it is written or misplaced).
fn relay_providers<'a>(
    config: &Config<'a>,
    providers: &[&'a Member],
    context: &Context,
) -> Vec<&'a Member> {
    let profile = context.profile;
    let relay_hosts: Vec<String> = profile.base_urls().filter_map(url::relay_host).collect();
    providers
        .iter()
        .copied()
        .filter(|provider| {
            provider.key == context.profile.id
                || config
                    .members
                    .iter()
                    .filter(|m| {
                        m.path.get(1) == Some(&provider.key)
                            && m.path.first().is_some_and(|p| p == PROVIDERS)
                            && option_meant(&m.key) == Some(BASE_URL)
                    })
                    .filter_map(|m| m.string_value(config.text))
                    .any(|value| {
                        let value = value.to_ascii_lowercase();
                        relay_hosts.iter().any(|host| value.contains(host.as_str()))
                    })
        })
        .collect()
}

/// The option a name was meant to be: `baseURL` or `apiKey` however spelled, else none.
fn option_meant(name: &str) -> Option<&'static str> {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match folded.as_str() {
        "baseurl" | "apibase" | "baseuri" | "apiurl" => Some(BASE_URL),
        "apikey" | "key" | "token" | "apitoken" => Some(API_KEY),
        _ => None,
    }
}

fn check_provider(config: &Config, provider: &Member, context: &Context, checked: &mut Checked) {
    let text = config.text;
    let id = provider.key.as_str();
    let own = config.of_provider(id, None);
    let options = config.of_provider(id, Some(OPTIONS));
    // Settings beside `options` that belong in it.
    let mut found = Vec::new();
    for member in &own {
        if let Some(meant) = option_meant(&member.key) {
            checked
                .findings
                .push(Finding::new(&OUTSIDE_OPTIONS, member.key_span.clone()));
            found.push(meant);
        }
    }
    for member in &options {
        let Some(meant) = option_meant(&member.key) else {
            continue;
        };
        found.push(meant);
        if member.key != meant {
            let span = member.key_span.clone();
            let right_one_too = options.iter().any(|m| m.key == meant);
            let finding = Finding::new(&MISSPELLED_OPTION, span.clone());
            checked.findings.push(if right_one_too {
                finding
            } else {
                finding.with_edit(span, &escape::json(meant))
            });
        }
        let literal = member.value_span.clone();
        let Some(value) = member.string_value(text) else {
            // null, a number, an object: no address or key OpenCode could use.
            let rule = if meant == BASE_URL {
                &NO_BASE_URL
            } else {
                &NO_KEY
            };
            checked.findings.push(Finding::new(rule, literal));
            continue;
        };
        match meant {
            BASE_URL => base_url(text, &value, literal, context, checked),
            _ => api_key(text, &value, literal, context, checked),
        }
    }
    // Where a missing setting is reported: at `options`, or at the provider.
    let at = own
        .iter()
        .find(|m| m.key == OPTIONS)
        .map_or(provider.key_span.clone(), |m| m.key_span.clone());
    if !found.contains(&BASE_URL) {
        checked
            .findings
            .push(Finding::new(&NO_BASE_URL, at.clone()));
    }
    if !found.contains(&API_KEY) {
        checked.findings.push(Finding::new(&NO_KEY, at));
    }
    if let Some(npm) = own.iter().find(|m| m.key == NPM)
        && let Some(package) = npm.string_value(text)
    {
        package_name(&package, npm.value_span.clone(), checked);
    }
    if config.models(id).is_empty() {
        let span = own
            .iter()
            .find(|m| m.key == MODELS)
            .map_or(provider.key_span.clone(), |m| m.key_span.clone());
        checked.findings.push(Finding::new(&NO_MODELS, span));
    }
}

/// The provider's package: the setup's, a near miss of it, or another API's.
fn package_name(package: &str, literal: Range<usize>, checked: &mut Checked) {
    let rule = match package {
        COMPATIBLE_PACKAGE => return,
        RESPONSES_PACKAGE_NAME => &RESPONSES_PACKAGE,
        ANTHROPIC_PACKAGE_NAME => &ANTHROPIC_PACKAGE,
        _ if strsim::levenshtein(&package.to_ascii_lowercase(), COMPATIBLE_PACKAGE) <= 3 => {
            &MISSPELLED_PACKAGE
        }
        _ => &OTHER_PACKAGE,
    };
    checked.findings.push(
        Finding::new(rule, literal.clone()).with_edit(literal, &escape::json(COMPATIBLE_PACKAGE)),
    );
}

/// `options.baseURL`, as OpenCode reads it: `{baseURL}/chat/completions`, parsed as a URL,
/// which drops whitespace before it but not after.
fn base_url(
    text: &str,
    value: &str,
    literal: Range<usize>,
    context: &Context,
    checked: &mut Checked,
) {
    if value.contains("{env:") || value.contains("{file:") {
        return;
    }
    let leading = value.len() - value.trim_start_matches(|c: char| c <= ' ').len();
    let findings = url::check(value, context)
        .findings
        .into_iter()
        .map(|finding| {
            if finding.rule == &url::WHITESPACE && finding.span.end <= leading {
                let span = finding.span.clone();
                Finding::new(&BASE_URL_LEADING_SPACE, span.clone()).with_edit(span, "")
            } else {
                finding
            }
        })
        .collect();
    checked
        .findings
        .extend(embed(findings, value, text, literal, escape::json));
}

/// `options.apiKey`: the key itself, a variable as OpenCode names one, or one as a shell does.
fn api_key(
    text: &str,
    value: &str,
    literal: Range<usize>,
    context: &Context,
    checked: &mut Checked,
) {
    if value.is_empty() {
        checked.findings.push(Finding::new(&NO_KEY, literal));
        return;
    }
    if value.starts_with("{env:") && value.ends_with('}') {
        checked.findings.push(Finding::new(&KEY_FROM_ENV, literal));
        return;
    }
    if value.starts_with("{file:") {
        return;
    }
    if let Some(name) = shell_variable(value) {
        let replacement = escape::json(&format!("{{env:{name}}}"));
        checked
            .findings
            .push(Finding::new(&SHELL_VARIABLE, literal.clone()).with_edit(literal, &replacement));
        return;
    }
    let findings = key::check(value, context).findings;
    checked
        .findings
        .extend(embed(findings, value, text, literal, escape::json));
}

/// Whether a value names where the key is rather than holding it: `{env:NAME}`,
/// `{file:path}`, or a shell's `$NAME`.
fn is_reference(value: &str) -> bool {
    let braced =
        (value.starts_with("{env:") || value.starts_with("{file:")) && value.ends_with('}');
    braced || shell_variable(value).is_some()
}

/// The variable a value that is only `$NAME` or `${NAME}` names.
fn shell_variable(value: &str) -> Option<&str> {
    let name = value.strip_prefix('$')?;
    let name = name
        .strip_prefix('{')
        .and_then(|inner| inner.strip_suffix('}'))
        .unwrap_or(name);
    super::is_variable_name(name).then_some(name)
}

/// The top-level `model`: `<provider id>/<model>`, a provider of the file that lists it.
fn check_default_model(
    config: &Config,
    default: &Member,
    providers: &[&Member],
    relay_providers: &[&Member],
    context: &Context,
    checked: &mut Checked,
) {
    let text = config.text;
    let Some(value) = default.string_value(text) else {
        return;
    };
    let literal = default.value_span.clone();
    // The one relay provider that lists `name`, to point the default at.
    let listing = |name: &str| {
        let mut listing = relay_providers
            .iter()
            .filter(|p| config.models(&p.key).contains(&name));
        match (listing.next(), listing.next()) {
            (Some(only), None) => Some(only.key.as_str()),
            _ => None,
        }
    };
    let Some((provider_id, name)) = value.split_once('/') else {
        let finding = Finding::new(&MODEL_WITHOUT_PROVIDER, literal.clone());
        checked.findings.push(match listing(&value) {
            Some(id) => finding.with_edit(literal, &escape::json(&format!("{id}/{value}"))),
            None => finding,
        });
        return;
    };
    if !providers.iter().any(|p| p.key == provider_id) {
        let finding = Finding::new(&MODEL_UNKNOWN_PROVIDER, literal.clone());
        checked.findings.push(match listing(name) {
            Some(id) => finding.with_edit(literal, &escape::json(&format!("{id}/{name}"))),
            None => finding,
        });
        return;
    }
    if !relay_providers.iter().any(|p| p.key == provider_id) {
        checked
            .findings
            .push(Finding::new(&MODEL_OTHER_PROVIDER, literal));
        return;
    }
    // The model's own name, judged as one, its findings moved past `provider/`.
    let offset = provider_id.len() + 1;
    let findings = model::check(name, context)
        .findings
        .into_iter()
        .map(|mut finding| {
            finding.span = finding.span.start + offset..finding.span.end + offset;
            for edit in &mut finding.edits {
                edit.span = edit.span.start + offset..edit.span.end + offset;
            }
            finding
        })
        .collect();
    checked
        .findings
        .extend(embed(findings, &value, text, literal.clone(), escape::json));
    let listed = config.models(provider_id);
    if !listed.is_empty() && !listed.contains(&name) {
        checked
            .findings
            .push(Finding::new(&MODEL_NOT_LISTED, literal));
    }
}

/// Whether `text` is surely an `opencode.json`: it names OpenCode's schema, or has a
/// `"provider"` object with an `"npm"` package in it. Cheap: substring searches only.
pub fn recognise(text: &str) -> bool {
    text.contains("opencode.ai/config.json")
        || (text.contains("\"provider\"")
            && text.contains("\"npm\"")
            && text.contains("\"options\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{context, sorted_codes};

    const KEY: &str = "sk-onramp-case-key-0001abcd";

    fn codes(text: &str) -> Vec<&'static str> {
        sorted_codes(&check(text, &context()).findings)
    }

    /// The generated file with `options` and `model` as given.
    fn config(options: &str, model: &str) -> String {
        format!(
            r#"{{"$schema": "https://opencode.ai/config.json", "model": {model}, "provider": {{"4096bytes": {{"npm": "@ai-sdk/openai-compatible", "name": "4096bytes", "options": {options}, "models": {{"gpt-5.5": {{"name": "gpt-5.5"}}}}}}}}}}"#
        )
    }

    fn generated() -> String {
        config(
            &format!(r#"{{"baseURL": "https://api.4096bytes.com", "apiKey": "{KEY}"}}"#),
            r#""4096bytes/gpt-5.5""#,
        )
    }

    fn fixed(text: &str) -> String {
        let findings = check(text, &context()).findings;
        let edits: Vec<_> = findings.iter().flat_map(|f| f.edits.clone()).collect();
        crate::check::apply_edits(text, &edits).unwrap()
    }

    #[test]
    fn the_generated_file_is_clean() {
        assert_eq!(codes(&generated()), Vec::<&str>::new());
        let commented = generated().replacen("\"model\"", "// the relay\n\"model\"", 1);
        assert_eq!(
            codes(&commented),
            Vec::<&str>::new(),
            "OpenCode reads JSONC"
        );
        let trailing = generated().replacen("\"gpt-5.5\"}", "\"gpt-5.5\",}", 1);
        assert_eq!(codes(&trailing), Vec::<&str>::new(), "and trailing commas");
        assert_eq!(
            codes(&format!("\u{FEFF}{}", generated())),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn keys_are_secrets_in_every_provider() {
        let text = generated().replacen(
            "\"4096bytes\": {",
            "\"other\": {\"options\": {\"apiKey\": \"sk-other-secret-1\"}}, \"4096bytes\": {",
            1,
        );
        let secrets = check(&text, &context()).secrets;
        for key in [KEY, "sk-other-secret-1"] {
            assert!(
                secrets.iter().any(|span| &text[span.clone()] == key),
                "{key}"
            );
        }
    }

    #[test]
    fn a_variables_name_is_no_secret() {
        for reference in ["{env:RELAY_KEY}", "$RELAY_KEY"] {
            let text = generated().replacen(KEY, reference, 1);
            assert!(check(&text, &context()).secrets.is_empty(), "{reference}");
        }
    }

    #[test]
    fn options_must_be_spelled_and_placed_as_opencode_reads_them() {
        let text = config(
            &format!(r#"{{"baseUrl": "https://api.4096bytes.com", "api_key": "{KEY}"}}"#),
            r#""4096bytes/gpt-5.5""#,
        );
        assert_eq!(
            codes(&text),
            ["opencode/misspelled-option", "opencode/misspelled-option"]
        );
        assert_eq!(fixed(&text), generated());
        let outside = generated().replacen(&format!(r#""apiKey": "{KEY}""#), r#""timeout": 1"#, 1);
        let outside = outside.replacen(
            "\"name\": \"4096bytes\"",
            &format!("\"apiKey\": \"{KEY}\""),
            1,
        );
        assert_eq!(codes(&outside), ["opencode/outside-options"]);
    }

    #[test]
    fn the_key_can_come_from_opencodes_own_variables_only() {
        let with = |key: &str| {
            config(
                &format!(r#"{{"baseURL": "https://api.4096bytes.com", "apiKey": "{key}"}}"#),
                r#""4096bytes/gpt-5.5""#,
            )
        };
        assert_eq!(codes(&with("{env:RELAY_KEY}")), ["opencode/key-from-env"]);
        let shell = with("$RELAY_KEY");
        assert_eq!(codes(&shell), ["opencode/shell-variable"]);
        assert_eq!(fixed(&shell), with("{env:RELAY_KEY}"));
        assert_eq!(codes(&with("${RELAY_KEY}")), ["opencode/shell-variable"]);
        assert_eq!(codes(&with("")), ["opencode/no-key"]);
        let null = generated().replacen(&format!("\"{KEY}\""), "null", 1);
        assert_eq!(codes(&null), ["opencode/no-key"]);
        assert_eq!(
            codes(&with(" sk-onramp-case-key-0001abcd")),
            ["key/surrounding-space"]
        );
    }

    #[test]
    fn a_space_before_the_base_url_is_dropped_one_after_is_not() {
        let with = |url: &str| {
            config(
                &format!(r#"{{"baseURL": "{url}", "apiKey": "{KEY}"}}"#),
                r#""4096bytes/gpt-5.5""#,
            )
        };
        let leading = with(" https://api.4096bytes.com");
        assert_eq!(codes(&leading), ["opencode/base-url-leading-space"]);
        assert_eq!(fixed(&leading), generated());
        assert_eq!(
            codes(&with("https://api.4096bytes.com ")),
            ["url/whitespace"]
        );
        assert_eq!(
            codes(&with("https://api.4096bytes.com/")),
            Vec::<&str>::new()
        );
        assert_eq!(codes(&with("{env:RELAY_URL}")), Vec::<&str>::new());
    }

    #[test]
    fn the_base_url_has_the_path_the_relay_wants() {
        let mut profile = crate::profile::Profile::builtin();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let context = Context {
            profile: &profile,
            client: None,
        };
        let text = generated();
        let findings = check(&text, &context).findings;
        assert_eq!(sorted_codes(&findings), ["url/unexpected-path"]);
        let edits: Vec<_> = findings.iter().flat_map(|f| f.edits.clone()).collect();
        let fixed = crate::check::apply_edits(&text, &edits).unwrap();
        assert!(
            fixed.contains("\"https://api.4096bytes.com/v1\""),
            "{fixed}"
        );
    }

    #[test]
    fn the_default_model_names_a_listed_model_of_the_relays_provider() {
        let with = |model: &str| generated().replacen("\"4096bytes/gpt-5.5\"", model, 1);
        let bare = with("\"gpt-5.5\"");
        assert_eq!(codes(&bare), ["opencode/model-without-provider"]);
        assert_eq!(fixed(&bare), generated());
        let cased = with("\"4096Bytes/gpt-5.5\"");
        assert_eq!(codes(&cased), ["opencode/model-unknown-provider"]);
        assert_eq!(fixed(&cased), generated());
        assert_eq!(
            codes(&with("\"4096bytes/gpt-4o\"")),
            ["opencode/model-not-listed"]
        );
        assert_eq!(
            codes(&with("\"4096bytes/PASTE_MODEL_NAME_FROM_DASHBOARD\"")),
            ["model/placeholder", "opencode/model-not-listed"]
        );
        let other = generated().replacen(
            "\"4096bytes\": {",
            "\"ollama\": {\"npm\": \"@ai-sdk/openai-compatible\", \"models\": {\"llama3\": {}}}, \"4096bytes\": {",
            1,
        );
        let other = other.replacen("\"4096bytes/gpt-5.5\"", "\"ollama/llama3\"", 1);
        assert_eq!(codes(&other), ["opencode/model-other-provider"]);
        let none = generated().replacen("\"model\": \"4096bytes/gpt-5.5\", ", "", 1);
        assert_eq!(codes(&none), ["opencode/no-default-model"]);
    }

    #[test]
    fn the_package_is_the_compatible_one() {
        let with = |package: &str| generated().replacen(COMPATIBLE_PACKAGE, package, 1);
        for (package, code) in [
            ("ai-sdk/openai-compatible", "opencode/misspelled-package"),
            ("@ai-sdk/openai", "opencode/responses-package"),
            ("@ai-sdk/anthropic", "opencode/anthropic-package"),
            ("@openrouter/ai-sdk-provider", "opencode/other-package"),
        ] {
            let text = with(package);
            assert_eq!(codes(&text), [code], "{package}");
            assert_eq!(fixed(&text), generated(), "{package}");
        }
        let without = generated().replacen("\"npm\": \"@ai-sdk/openai-compatible\", ", "", 1);
        assert_eq!(
            codes(&without),
            Vec::<&str>::new(),
            "OpenCode takes it by default"
        );
    }

    #[test]
    fn a_file_without_the_relays_provider_says_so() {
        let text = generated().replacen("\"provider\"", "\"providers\"", 1);
        assert_eq!(
            codes(&text),
            [
                "opencode/model-unknown-provider",
                "opencode/no-relay-provider"
            ]
        );
        assert_eq!(
            codes("{}"),
            ["opencode/no-default-model", "opencode/no-relay-provider"]
        );
        let no_models = generated().replacen(
            ", \"models\": {\"gpt-5.5\": {\"name\": \"gpt-5.5\"}}",
            "",
            1,
        );
        assert_eq!(codes(&no_models), ["opencode/no-models"]);
    }

    #[test]
    fn recognises_opencode_files_and_no_others() {
        assert!(recognise(&generated()));
        assert!(!recognise(
            r#"{"modelProviders": {"openai": [{"id": "m"}]}}"#
        ));
        assert!(!recognise(
            r#"{"env": {"ANTHROPIC_BASE_URL": "https://x"}}"#
        ));
        assert!(!recognise(r#"{"OPENAI_API_KEY": "sk-x"}"#));
    }

    #[test]
    fn never_panics_on_odd_shapes() {
        for text in [
            "",
            "[]",
            "{\"provider\": 1, \"model\": 2}",
            "{\"provider\": {\"4096bytes\": {\"options\": {\"baseURL\": 1, \"apiKey\": null}}}, \"model\": \"/\"}",
            "{\"provider\": {\"4096bytes\": []}, \"model\": \"4096bytes/\"}",
            "{\"model\": \"a/b/c\"}",
        ] {
            let _ = check(text, &context());
            let _ = recognise(text);
        }
    }
}
