//! Rules for Continue's `~/.continue/config.yaml` (see `src/clients/continue_dev.rs`), from
//! what Continue's command line `cn` 1.5.47 did with each mistake, run with `cn -p hi`
//! against a strict loopback relay (the right key at the right path, or 401/404; see
//! `tests/continue_doctor_conformance.rs`). Observed:
//!
//! | mistake | cn 1.5.47 |
//! |---|---|
//! | onramp's file | answered |
//! | `apiBase` without a scheme, or with a space or zero-width space at its end, quoted | "Invalid URL" |
//! | `apiBase` with `/chat/completions` or `/v1` added | `/chat/completions/chat/completions`, `/v1/chat/completions`: 404 |
//! | `apiBase` with a trailing `/`, or trailing spaces or a tab unquoted (YAML drops them) | answered |
//! | `apiBase` missing | connects to api.openai.com with the key |
//! | `apiKey` with a trailing space or tab, quoted or not | answered (YAML drops them unquoted; HTTP drops them from the header) |
//! | `apiKey` with a leading space, quoted | `Bearer  sk-…`: 401 |
//! | `apiKey` with a zero-width or ideographic space | "Cannot convert argument to a ByteString": no request |
//! | `apiKey` with a no-break space, unquoted (YAML keeps it) | 401 |
//! | `apiKey` left as the placeholder, empty or missing | 401 |
//! | `apiKey: ${{ secrets.NAME }}` | NAME from the environment or `~/.continue/.env`; without it, the text itself: 401 |
//! | `apiKey: ${{ env.NAME }}` or `${{ inputs.NAME }}` | the text itself, NAME exported or not: 401 |
//! | `provider: open-ai`, `OpenAI`, `openai-compatible`, `siliconflow` | "Failed to initialize LLM" |
//! | `provider: anthropic` / `gemini` / `ollama` | `/messages` without the key / "fetch failed" / `/v1/chat/completions`: fails |
//! | `provider:` azure, deepseek, groq, llama.cpp, lmstudio, mistral, openrouter, vllm | answered |
//! | tabs as indentation | "Tabs are not allowed as indentation" |
//! | an item without `name`, `provider` or `model` | "models.0: Invalid input" |
//! | `models:` indented, or under another key, or misspelled, or `[]` | a parse error, or "No model specified" |
//! | `models:` followed by settings without `- ` | "models: Expected array, received object" |
//! | an item's line at another column | "All mapping items must start at the same column", "Sequence item without - indicator" |
//! | a key twice in one mapping | "Map keys must be unique" |
//! | `apiKey：` (full-width colon) or `apiKey:"…"` (no space) | "Implicit keys need to be on a single line" |
//! | a quote not closed | "Missing closing \"quote" |
//! | `roles:` without `chat` (and no other chat model) | "No model specified" |
//! | no top-level `name` or `version` | "name: Required", "version: Required" |
//! | no `schema`, `schema: v2`, `---` first, a BOM, CRLF lines, `key : value` | answered |
//! | `models` as an inline list (`[{…}]`) | answered |
//!
//! The file is read as lines, like `src/merge/continue_dev.rs` edits it: Continue's files are
//! written in YAML's block style, and a YAML parser with positions would make the doctor's
//! module larger than every checker together. What the block style needs is read here: keys,
//! `- ` items, their columns, and scalars plain or quoted, each with its byte span.

use super::{Checked, Context, Finding, KindCheck, KindSpec, embed, first_character, fix, key};
use super::{line_start, model, url};
use crate::clients::Client;
use crate::clients::continue_dev::MODELS;
use crate::escape;
use crate::i18n::Text;
use std::ops::Range;

declare_rules! {
    /// A tab in the indentation of a line.
    TAB_INDENTATION {
        code: "continue/tab-indentation",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Tabs are not allowed as indentation\" (observed)"),
        message: Text {
            en: "This line is indented with a tab.",
            zh: "这一行用制表符缩进。",
        },
        why: Text {
            en: "YAML allows only spaces as indentation: Continue cannot read the file. Indent with spaces.",
            zh: "YAML 只允许用空格缩进：Continue 无法读取这个文件。请改用空格缩进。",
        },
        fix: None,
    }

    /// A line inside a mapping that is not `key: value`.
    NOT_A_SETTING {
        code: "continue/not-a-setting",
        severity: Error,
        evidence: Client("cn 1.5.47 stops on `apiKey：…` and on `apiKey:\"…\"`: \"Implicit keys need to be on a single line\" (observed)"),
        message: Text {
            en: "This line is not a setting: a setting is a name, a colon, a space and the value.",
            zh: "这一行不是一个设置：设置的写法是名称、冒号、空格，然后是值。",
        },
        why: Text {
            en: "Continue cannot read the file. A full-width colon (：) or a missing space after the colon is the usual cause.",
            zh: "Continue 无法读取这个文件。常见原因是用了全角冒号（：）或冒号后缺少空格。",
        },
        fix: Some(fix::REPLACE),
    }

    /// A line at a column that does not fit the lines around it.
    MISINDENTED {
        code: "continue/misindented",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"All mapping items must start at the same column\", \"Sequence item without - indicator\" (observed)"),
        message: Text {
            en: "This line is not indented like the other settings of its entry.",
            zh: "这一行的缩进与同一项的其他设置不一致。",
        },
        why: Text {
            en: "In YAML the indentation decides what belongs together: Continue cannot read the file. Line the settings of an entry up under its first one.",
            zh: "YAML 用缩进决定哪些内容属于一起：Continue 无法读取这个文件。请让同一项的设置与第一个设置对齐。",
        },
        fix: Some(fix::MOVE),
    }

    /// The same key twice in one mapping.
    DUPLICATE_KEY {
        code: "continue/duplicate-key",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Map keys must be unique\" (observed)"),
        message: Text {
            en: "This setting is written a second time.",
            zh: "这个设置被写了第二次。",
        },
        why: Text {
            en: "Continue cannot read the file: keep one of them.",
            zh: "Continue 无法读取这个文件：请只保留一个。",
        },
        fix: None,
    }

    /// A quoted value whose quote is not closed on its line.
    UNCLOSED_QUOTE {
        code: "continue/unclosed-quote",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Missing closing \\\"quote\" (observed)"),
        message: Text {
            en: "This value opens a quote that is not closed.",
            zh: "这个值的引号没有闭合。",
        },
        why: Text {
            en: "Continue reads on to the end of the file for the closing quote and cannot read it.",
            zh: "Continue 会一直读到文件末尾寻找闭合的引号，因而无法读取这个文件。",
        },
        fix: None,
    }

    /// No top-level `name`.
    MISSING_NAME {
        code: "continue/missing-name",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Failed to parse config: name: Required\" (observed)"),
        message: Text {
            en: "The file has no name: at the top level.",
            zh: "文件顶层没有 name:。",
        },
        why: Text {
            en: "Continue requires the config's name and reads nothing without it.",
            zh: "Continue 要求配置有名称，没有它就什么也不读取。",
        },
        fix: Some(fix::ADD),
    }

    /// No top-level `version`.
    MISSING_VERSION {
        code: "continue/missing-version",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Failed to parse config: version: Required\" (observed)"),
        message: Text {
            en: "The file has no version: at the top level.",
            zh: "文件顶层没有 version:。",
        },
        why: Text {
            en: "Continue requires the config's version and reads nothing without it.",
            zh: "Continue 要求配置有版本号，没有它就什么也不读取。",
        },
        fix: Some(fix::ADD),
    }

    /// No top-level `schema`.
    MISSING_SCHEMA {
        code: "continue/missing-schema",
        severity: Warning,
        evidence: Heuristic("cn 1.5.47 reads the file without it (observed); Continue's config.yaml reference lists schema: v1 among the required fields"),
        message: Text {
            en: "The file has no schema: v1 at the top level.",
            zh: "文件顶层没有 schema: v1。",
        },
        why: Text {
            en: "The command line reads it anyway, but Continue's reference requires it: add schema: v1.",
            zh: "命令行仍能读取，但 Continue 的参考文档要求有它：请加上 schema: v1。",
        },
        fix: Some(fix::ADD),
    }

    /// No `models` list at all, or an empty one.
    NO_MODELS {
        code: "continue/no-models",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"No model specified in headless mode\" (observed with models: [] and with model: instead of models:)"),
        message: Text {
            en: "The file has no models: list with an entry in it.",
            zh: "文件中没有包含条目的 models: 列表。",
        },
        why: Text {
            en: "Continue then has no model to use: the relay's entry belongs in the top-level models: list.",
            zh: "这样 Continue 没有可用的模型：中转服务的条目应放在顶层的 models: 列表中。",
        },
        fix: None,
    }

    /// `models:` indented, under another key.
    MODELS_NOT_TOP_LEVEL {
        code: "continue/models-not-top-level",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: under another key, \"No model specified in headless mode\"; indented after a setting, \"Nested mappings are not allowed in compact mappings\" (observed)"),
        message: Text {
            en: "models: is indented, so it is not the file's top-level list of models.",
            zh: "models: 有缩进，因此不是文件顶层的模型列表。",
        },
        why: Text {
            en: "Continue looks for models: at the start of a line only. Move it, with its entries, to the top level.",
            zh: "Continue 只在行首查找 models:。请把它连同其中的条目移到顶层。",
        },
        fix: None,
    }

    /// `models:` followed by settings that are not `- ` items.
    MODELS_NOT_A_LIST {
        code: "continue/models-not-a-list",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"models: Expected array, received object\" (observed)"),
        message: Text {
            en: "The models: list has no - before its entry.",
            zh: "models: 列表中的条目前面缺少 -。",
        },
        why: Text {
            en: "Each model is an item of a list, starting with \"- \": without it Continue cannot read the file.",
            zh: "每个模型都是列表中的一项，以 \"- \" 开头：缺少它 Continue 无法读取这个文件。",
        },
        fix: None,
    }

    /// `models` written inline, which this checker does not read.
    FLOW_LIST {
        code: "continue/flow-list",
        severity: Info,
        evidence: Heuristic("cn 1.5.47 reads an inline list (observed); the doctor reads block lists only"),
        message: Text {
            en: "The models list is written inline ([…]): its entries were not checked.",
            zh: "模型列表以行内形式（[…]）书写：其中的条目没有被检查。",
        },
        why: Text {
            en: "Continue reads it, but the doctor checks only lists written one - item per line.",
            zh: "Continue 能读取它，但诊断只检查每行一个 - 项的列表。",
        },
        fix: None,
    }

    /// A model entry without `name`, `provider` or `model`.
    ITEM_INCOMPLETE {
        code: "continue/item-incomplete",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Failed to parse config: models.0: Invalid input\" without name, provider or model (observed)"),
        message: Text {
            en: "This model entry lacks name:, provider: or model:.",
            zh: "这个模型条目缺少 name:、provider: 或 model:。",
        },
        why: Text {
            en: "Continue needs all three in every entry and reads no model at all when one lacks them.",
            zh: "Continue 要求每个条目都有这三项；有一项缺少时，它一个模型也不读取。",
        },
        fix: None,
    }

    /// A provider Continue does not know.
    PROVIDER_UNKNOWN {
        code: "continue/provider-unknown",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"Failed to initialize LLM\" for open-ai, OpenAI, openai-compatible and siliconflow (observed); its list of providers is in constructLlmApi"),
        message: Text {
            en: "Continue has no provider of this name.",
            zh: "Continue 没有这个名称的提供商。",
        },
        why: Text {
            en: "Continue cannot start the model: the relay speaks the OpenAI API, provider: openai.",
            zh: "Continue 无法启动这个模型：中转服务使用 OpenAI API，请写 provider: openai。",
        },
        fix: Some(fix::REPLACE),
    }

    /// A provider that speaks another API than the relay's.
    PROVIDER_OTHER_API {
        code: "continue/provider-other-api",
        severity: Error,
        evidence: Client("cn 1.5.47 with anthropic called /messages without the key, with gemini failed (fetch failed), with ollama called /v1/chat/completions (observed)"),
        message: Text {
            en: "This provider speaks its own API, not the OpenAI API the relay serves here.",
            zh: "这个提供商使用自己的 API，而不是中转服务在这里提供的 OpenAI API。",
        },
        why: Text {
            en: "Continue sends the request in that API's form or to its path, which the relay refuses: use provider: openai.",
            zh: "Continue 会按该 API 的格式或路径发送请求，中转服务会拒绝：请使用 provider: openai。",
        },
        fix: Some(fix::REPLACE),
    }

    /// Another OpenAI-compatible provider than `openai`.
    PROVIDER_NOT_OPENAI {
        code: "continue/provider-not-openai",
        severity: Warning,
        evidence: Heuristic("cn 1.5.47 sends azure, deepseek, groq, llama.cpp, lmstudio, mistral, openrouter and vllm entries to apiBase like openai (observed); the editor extension's classes for them add their own defaults"),
        message: Text {
            en: "This entry uses another provider than openai, which the relay's setup uses.",
            zh: "这个条目使用的提供商不是中转服务配置所用的 openai。",
        },
        why: Text {
            en: "The command line sends it like openai, but the editor extension may add that service's own settings: use provider: openai.",
            zh: "命令行会像 openai 一样发送，但编辑器扩展可能加上该服务自己的设置：请使用 provider: openai。",
        },
        fix: Some(fix::REPLACE),
    }

    /// An entry for the relay without `apiBase`.
    API_BASE_MISSING {
        code: "continue/api-base-missing",
        severity: Error,
        evidence: Client("cn 1.5.47 sends the request and the key to api.openai.com (observed: it connects there)"),
        message: Text {
            en: "This entry has no apiBase:.",
            zh: "这个条目没有 apiBase:。",
        },
        why: Text {
            en: "Without it Continue sends your key to OpenAI itself, not to the relay.",
            zh: "没有它，Continue 会把你的密钥发给 OpenAI 本身，而不是中转服务。",
        },
        fix: Some(fix::ADD),
    }

    /// An entry for the relay without a key.
    API_KEY_MISSING {
        code: "continue/api-key-missing",
        severity: Error,
        evidence: Client("cn 1.5.47 sends `Bearer` and nothing after it: 401 (observed, apiKey missing or \"\")"),
        message: Text {
            en: "This entry has no apiKey:, or an empty one.",
            zh: "这个条目没有 apiKey:，或者它是空的。",
        },
        why: Text {
            en: "Continue sends no key and the relay answers 401: add apiKey: with the relay's key.",
            zh: "Continue 不会发送密钥，中转服务会返回 401：请加上 apiKey: 并填入中转服务的密钥。",
        },
        fix: None,
    }

    /// `${{ secrets.NAME }}` as the key.
    SECRET_REFERENCE {
        code: "continue/secret-reference",
        severity: Warning,
        evidence: Client("cn 1.5.47 reads ${{ secrets.NAME }} from an exported NAME or from ~/.continue/.env; without either it sends the text itself and the relay answers 401 (observed)"),
        message: Text {
            en: "The key is read from a secret, which only the environment or ~/.continue/.env provides.",
            zh: "密钥来自一个 secret，只有环境变量或 ~/.continue/.env 能提供它。",
        },
        why: Text {
            en: "Where that variable is not set, Continue sends the text ${{ … }} as the key and the relay answers 401.",
            zh: "如果没有设置这个变量，Continue 会把 ${{ … }} 这段文字当作密钥发送，中转服务会返回 401。",
        },
        fix: None,
    }

    /// A `${{ … }}` that Continue does not replace.
    UNRESOLVED_TEMPLATE {
        code: "continue/unresolved-template",
        severity: Error,
        evidence: Client("cn 1.5.47 sends ${{ env.NAME }} and ${{ inputs.NAME }} as written, NAME exported or not: 401 (observed)"),
        message: Text {
            en: "Continue does not replace this ${{ … }}: only ${{ secrets.NAME }} is read from the environment.",
            zh: "Continue 不会替换这个 ${{ … }}：只有 ${{ secrets.NAME }} 会从环境变量读取。",
        },
        why: Text {
            en: "The text itself is sent as the key and the relay answers 401.",
            zh: "这段文字本身会被当作密钥发送，中转服务会返回 401。",
        },
        fix: None,
    }

    /// Every entry lists roles, none of them `chat`.
    NO_CHAT_MODEL {
        code: "continue/no-chat-model",
        severity: Error,
        evidence: Client("cn 1.5.47 stops: \"No model specified in headless mode\" when the only entry's roles lack chat (observed)"),
        message: Text {
            en: "No model entry has the chat role.",
            zh: "没有任何模型条目具有 chat 角色。",
        },
        why: Text {
            en: "Continue chats only with a model whose roles include chat (an entry without roles: has it): add - chat.",
            zh: "Continue 只与角色包含 chat 的模型对话（没有 roles: 的条目默认包含它）：请加上 - chat。",
        },
        fix: None,
    }
}

/// This kind, as the page and the CLI name it.
pub const KIND: KindSpec = KindSpec {
    id: "continue-config",
    label: Text {
        en: "Continue config.yaml",
        zh: "Continue config.yaml",
    },
    one_value: false,
    shell: None,
};

/// How the doctor checks and recognises it.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: Some(recognise),
};

/// The provider the relay's setup writes.
const OPENAI: &str = "openai";
/// Providers cn 1.5.47 sends elsewhere or in another form than the relay serves (observed).
const OTHER_API_PROVIDERS: [&str; 3] = ["anthropic", "gemini", "ollama"];
/// The other providers cn 1.5.47 knows (`constructLlmApi` in its bundle), for which it sends
/// the request to apiBase; for the others it fails to start the model.
const KNOWN_PROVIDERS: [&str; 46] = [
    "azure",
    "bedrock",
    "cohere",
    "cometapi",
    "askSage",
    "jina",
    "deepseek",
    "moonshot",
    "relace",
    "inception",
    "watsonx",
    "vertexai",
    "llamastack",
    "xAI",
    "zAI",
    "voyage",
    "mistral",
    "deepinfra",
    "vllm",
    "groq",
    "minimax",
    "sambanova",
    "text-gen-webui",
    "cerebras",
    "kindo",
    "msty",
    "nvidia",
    "ovhcloud",
    "scaleway",
    "fireworks",
    "together",
    "ncompass",
    "novita",
    "nebius",
    "function-network",
    "tensorix",
    "openrouter",
    "clawrouter",
    "llama.cpp",
    "llamafile",
    "lmstudio",
    "mock",
    "huggingface-inference-api",
    "ai-sdk",
    "anthropic",
    "gemini",
];
/// How cn writes a secret's reference, and the opening of every template.
const SECRETS: &str = "secrets.";
const TEMPLATE: &str = "${{";

/// Whether `text` is surely a Continue config: a `models:` line (at the top level or not,
/// written inline or not) and a model entry's key, which JSON would quote and TOML would
/// follow with `=`.
pub fn recognise(text: &str) -> bool {
    let mut models = false;
    let mut entry = false;
    for line in text.lines() {
        models |= line.trim_start().starts_with("models:");
        entry |= ["provider: ", "apiBase: ", "apiKey: "]
            .iter()
            .any(|key| line.contains(key));
        if models && entry {
            return true;
        }
    }
    false
}

/// `models:` at the top level, with or without a value after it: where the merge adds the
/// relay's entry, and what this checker reads.
pub(crate) fn is_models_header(line: &str) -> bool {
    line.strip_prefix(MODELS)
        .is_some_and(|rest| rest.starts_with(':'))
}

/// A plain or quoted YAML scalar as written after its key, without its quotes or comment, as
/// YAML reads it (empty when it does not read): what the merge reads back from an entry.
pub(crate) fn scalar(written: &str) -> String {
    literal(written, 0, 0, &mut Checked::default())
        .value
        .unwrap_or_default()
}

/// Every finding for a config.yaml, judged for Continue: its structure as cn reads it, then
/// each entry of its models list, and the relay's entries' URL, key and model.
pub fn check(text: &str, context: &Context) -> Checked {
    let context = context.for_client(Client::ContinueDev);
    let lines = lines(text);
    let mut checked = Checked::default();
    let tabs: Vec<Finding> = lines
        .iter()
        .filter_map(|line| {
            let content = line.text.trim_start_matches([' ', '\t']);
            let indentation = &line.text[..line.text.len() - content.len()];
            let tab = indentation.find('\t')?;
            (!content.is_empty()).then(|| {
                let at = line.start + tab;
                Finding::new(&TAB_INDENTATION, at..at + 1)
            })
        })
        .collect();
    if !tabs.is_empty() {
        // The columns the rest would be read by are unknown; cn stops at the first of them.
        checked.findings = tabs;
        return checked;
    }
    let top = mapping(&lines, 0, 0..lines.len(), &mut checked);
    top_level_fields(text, &top, &context, &mut checked);
    let Some(header) = top.iter().find(|entry| entry.key == MODELS) else {
        let nested = lines.iter().find_map(|line| {
            let at = line.text.len() - line.text.trim_start().len();
            (at > 0 && is_models_header(&line.text[at..])).then(|| line.start + at)
        });
        let finding = match nested {
            Some(at) => Finding::new(&MODELS_NOT_TOP_LEVEL, at..at + MODELS.len()),
            None => Finding::new(&NO_MODELS, first_character(text)),
        };
        checked.findings.push(finding);
        return checked;
    };
    let literal = &header.value;
    let inline = text.get(literal.span.clone()).unwrap_or_default();
    if inline.starts_with('[') {
        let rule = if inline.trim_start_matches('[').trim_start().starts_with(']') {
            &NO_MODELS
        } else {
            &FLOW_LIST
        };
        checked
            .findings
            .push(Finding::new(rule, literal.span.clone()));
        return checked;
    }
    if !inline.is_empty() {
        checked
            .findings
            .push(Finding::new(&MODELS_NOT_A_LIST, literal.span.clone()));
        return checked;
    }
    let items = items(&lines, header.children.clone(), &mut checked);
    if items.is_empty()
        && !checked
            .findings
            .iter()
            .any(|f| f.rule == &MODELS_NOT_A_LIST)
    {
        checked
            .findings
            .push(Finding::new(&NO_MODELS, header.key_span.clone()));
    }
    for item in &items {
        model_entry(text, item, &context, &mut checked);
    }
    let chat_roles = items.iter().map(|item| {
        item.entries.iter().find(|e| e.key == "roles").map(|roles| {
            let listed = role_names(text, &lines, roles);
            (
                listed.iter().any(|role| role == "chat"),
                roles.key_span.clone(),
            )
        })
    });
    let mut without_chat = None;
    for roles in chat_roles {
        match roles {
            None | Some((true, _)) => return checked,
            Some((false, span)) => without_chat = without_chat.or(Some(span)),
        }
    }
    if let Some(span) = without_chat {
        checked.findings.push(Finding::new(&NO_CHAT_MODEL, span));
    }
    checked
}

/// One line of the text: where it starts, and its text without the line break.
struct Line<'t> {
    start: usize,
    text: &'t str,
}

impl Line<'_> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// Blank, a comment or a document marker: nothing a mapping holds.
    fn is_empty(&self) -> bool {
        let content = self.text.trim();
        content.is_empty() || content.starts_with('#') || content == "---"
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    let mut lines = Vec::new();
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches('\n').trim_end_matches('\r');
        // A byte order mark is no part of the first line's content.
        let skipped = if start == 0 && body.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        lines.push(Line {
            start: start + skipped,
            text: &body[skipped..],
        });
        start += piece.len();
    }
    lines
}

/// A scalar as written after a key: its span (quotes included) and its value, if it reads.
#[derive(Debug, Clone)]
struct Literal {
    span: Range<usize>,
    value: Option<String>,
}

/// One `key: value` of a mapping, with the lines under it.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    key_span: Range<usize>,
    value: Literal,
    /// The line the entry is on.
    line: usize,
    /// The lines below it that are deeper: its block value.
    children: Range<usize>,
}

/// One `- ` item of the models list: where its dash is, and its entries.
struct Item {
    dash: Range<usize>,
    entries: Vec<Entry>,
}

/// The entries of the mapping whose keys sit at `column` in `range`, with the mistakes of
/// its lines: lines at another column, lines that are not settings, keys written twice.
fn mapping(
    lines: &[Line],
    column: usize,
    range: Range<usize>,
    checked: &mut Checked,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for index in range.clone() {
        let Some(line) = lines.get(index) else {
            continue;
        };
        if line.is_empty() {
            continue;
        }
        let indent = line.indent();
        if indent > column
            && let Some(last) = entries.last_mut()
        {
            last.children.end = index + 1;
            continue;
        }
        let content_at = line.start + indent;
        let content = &line.text[indent..];
        if indent < column {
            // Read as the setting of this mapping it was meant to be.
            checked.findings.push(misindented(line, column));
        } else if indent > column {
            // Deeper than a first key: where it belongs is unknown.
            checked.findings.push(Finding::new(
                &MISINDENTED,
                content_at..line.start + line.text.len(),
            ));
        }
        if column == 0 && content.starts_with('-') {
            // A list at the top level's column belongs to the key before it (`models:\n- …`).
            if let Some(last) = entries.last_mut() {
                last.children.end = index + 1;
            }
            continue;
        }
        if let Some((key, key_span, value)) = setting(content, content_at, checked) {
            if entries.iter().any(|entry| entry.key == key) {
                checked
                    .findings
                    .push(Finding::new(&DUPLICATE_KEY, key_span.clone()));
            }
            entries.push(Entry {
                key,
                key_span,
                value,
                line: index,
                children: index + 1..index + 1,
            });
        }
    }
    // A deeper line under a value on the key's own line continues nothing cn reads.
    for entry in &entries {
        let value_written = !entry.value.span.is_empty();
        let deeper = entry
            .children
            .clone()
            .find(|&index| lines.get(index).is_some_and(|line| !line.is_empty()));
        if let (true, Some(index)) = (value_written, deeper)
            && let Some(line) = lines.get(index)
        {
            // Meant as the next setting or as part of the value: cn reads neither.
            let at = line.start + line.indent();
            checked
                .findings
                .push(Finding::new(&MISINDENTED, at..line.start + line.text.len()));
        }
    }
    entries
}

/// A line left of `column`, the one its mapping's keys are at, moved there.
fn misindented(line: &Line, column: usize) -> Finding {
    let indent = line.indent();
    let at = line.start + indent;
    Finding::new(&MISINDENTED, at..line.start + line.text.len())
        .with_edit(line.start..at, &" ".repeat(column))
}

/// `key: value` at `at`: the key, its span and the value's literal; `None`, with a finding,
/// for a line that is not a setting. A name followed by a full-width colon or by a colon
/// without a space is read as the setting it was meant to be, so that its value is checked.
fn setting(
    content: &str,
    at: usize,
    checked: &mut Checked,
) -> Option<(String, Range<usize>, Literal)> {
    let separator = content
        .char_indices()
        .find(|&(index, c)| {
            c == ':'
                && content[index + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ' || c == '\t')
        })
        .map(|(index, _)| index);
    let (colon, value_from) = match separator.filter(|&colon| !content[..colon].contains(" #")) {
        Some(colon) => (colon, colon + 1),
        None => {
            let (finding, meant) = not_a_setting(content, at);
            checked.findings.push(finding);
            meant?
        }
    };
    let key = content[..colon].trim_end();
    let key_span = at..at + key.len();
    let value = literal(content, value_from, at, checked);
    Some((unquoted_key(key), key_span, value))
}

/// A key without the quotes YAML allows around it.
fn unquoted_key(key: &str) -> String {
    key.strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key)
        .to_owned()
}

/// The finding for a line that is not a setting, with a fix where a name is followed by a
/// full-width colon or by a colon without a space; then where that name ends and its value
/// starts.
fn not_a_setting(content: &str, at: usize) -> (Finding, Option<(usize, usize)>) {
    let span = at..at + content.len();
    let name_end = content
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(content.len());
    let rest = &content[name_end..];
    let separator = if rest.starts_with('：') {
        Some('：'.len_utf8())
    } else if rest.starts_with(':') {
        Some(1)
    } else {
        None
    };
    match separator.filter(|_| name_end > 0) {
        Some(length) => {
            let edit = at + name_end..at + name_end + length;
            let spaced = rest[length..].starts_with([' ', '\t']);
            let replacement = if spaced { ":" } else { ": " };
            let finding = Finding::new(&NOT_A_SETTING, span).with_edit(edit, replacement);
            (finding, Some((name_end, name_end + length)))
        }
        None => (Finding::new(&NOT_A_SETTING, span), None),
    }
}

/// The scalar after a key's colon at `from` in `content` (which starts at `at`): plain up to
/// a comment, trimmed as YAML trims it, or quoted.
fn literal(content: &str, from: usize, at: usize, checked: &mut Checked) -> Literal {
    let rest = &content[from..];
    let start = from + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let written = &content[start..];
    let absolute = |range: Range<usize>| at + range.start..at + range.end;
    if written.is_empty() || written.starts_with('#') {
        return Literal {
            span: absolute(start..start),
            value: None,
        };
    }
    let quote = written.chars().next().filter(|c| *c == '"' || *c == '\'');
    if let Some(quote) = quote {
        return match closing_quote(written, quote) {
            Some(end) => {
                let inner = &written[1..end];
                let value = if quote == '"' {
                    double_quoted(inner)
                } else {
                    Some(inner.replace("''", "'"))
                };
                Literal {
                    span: absolute(start..start + end + 1),
                    value,
                }
            }
            None => {
                let span = absolute(start..content.len());
                checked
                    .findings
                    .push(Finding::new(&UNCLOSED_QUOTE, span.clone()));
                Literal { span, value: None }
            }
        };
    }
    let comment = [" #", "\t#"]
        .iter()
        .filter_map(|marker| written.find(marker))
        .min()
        .unwrap_or(written.len());
    let plain = written[..comment].trim_end_matches([' ', '\t']);
    Literal {
        span: absolute(start..start + plain.len()),
        value: Some(plain.to_owned()),
    }
}

/// Where the quote that opens `written` closes (a `''` inside single quotes is one `'`, a
/// `\"` inside double quotes is escaped).
fn closing_quote(written: &str, quote: char) -> Option<usize> {
    let mut chars = written.char_indices().skip(1).peekable();
    while let Some((index, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') {
                chars.next();
            } else {
                return Some(index);
            }
        }
    }
    None
}

/// The value of a double-quoted YAML scalar's inside, or `None` for an escape YAML rejects.
fn double_quoted(inner: &str) -> Option<String> {
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' | '\t' => '\t',
            'n' => '\n',
            'v' => '\u{b}',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            letter @ ('x' | 'u' | 'U') => {
                let digits = match letter {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(digits).collect();
                if hex.len() != digits {
                    return None;
                }
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            _ => return None,
        };
        value.push(escaped);
    }
    Some(value)
}

/// The items of the models list in `range`, each with its entries.
fn items(lines: &[Line], range: Range<usize>, checked: &mut Checked) -> Vec<Item> {
    let mut rows = range
        .clone()
        .filter(|&index| lines.get(index).is_some_and(|line| !line.is_empty()));
    let Some(first) = rows.next().and_then(|index| lines.get(index)) else {
        return Vec::new();
    };
    let dash_column = first.indent();
    if !first.text[dash_column..].starts_with('-') {
        let at = first.start + dash_column;
        checked.findings.push(Finding::new(
            &MODELS_NOT_A_LIST,
            at..first.start + first.text.len(),
        ));
        return Vec::new();
    }
    let is_dash = |line: &Line| {
        line.indent() == dash_column && {
            let rest = &line.text[dash_column..];
            rest == "-" || rest.starts_with("- ")
        }
    };
    let starts: Vec<usize> = range
        .clone()
        .filter(|&index| lines.get(index).is_some_and(&is_dash))
        .collect();
    let mut items = Vec::new();
    for (position, &start) in starts.iter().enumerate() {
        let end = starts.get(position + 1).copied().unwrap_or(range.end);
        let Some(line) = lines.get(start) else {
            continue;
        };
        let dash_at = line.start + dash_column;
        let after_dash = &line.text[dash_column + 1..];
        let gap = after_dash.len() - after_dash.trim_start_matches(' ').len();
        let inline = &after_dash[gap..];
        let mut entries = Vec::new();
        let mut rest = start + 1..end;
        let column = if inline.is_empty() || inline.starts_with('#') {
            // `-` alone: the mapping starts on the next line that holds something.
            (start + 1..end)
                .filter_map(|index| lines.get(index))
                .find(|line| !line.is_empty())
                .map_or(dash_column + 2, Line::indent)
        } else {
            let column = dash_column + 1 + gap;
            if let Some((key, key_span, value)) = setting(inline, line.start + column, checked) {
                entries.push(Entry {
                    key,
                    key_span,
                    value,
                    line: start,
                    children: start + 1..start + 1,
                });
            }
            column
        };
        if column <= dash_column {
            rest = start + 1..start + 1;
        }
        let mut more = mapping(lines, column, rest, checked);
        if let Some(first) = entries.first_mut() {
            // Lines deeper than the item's keys before its second key are the first one's.
            let second = more.first().map_or(end, |entry| entry.line);
            first.children = start + 1..second;
        }
        for entry in &more {
            if entries.iter().any(|e: &Entry| e.key == entry.key) {
                checked
                    .findings
                    .push(Finding::new(&DUPLICATE_KEY, entry.key_span.clone()));
            }
        }
        entries.append(&mut more);
        items.push(Item {
            dash: dash_at..dash_at + 1,
            entries,
        });
    }
    items
}

/// The roles listed under `roles`, as `- name` lines or inline as `[a, b]`.
fn role_names(text: &str, lines: &[Line], roles: &Entry) -> Vec<String> {
    let inline = text.get(roles.value.span.clone()).unwrap_or_default();
    if let Some(list) = inline.strip_prefix('[') {
        return list
            .trim_end_matches(']')
            .split(',')
            .map(|role| role.trim().trim_matches(['"', '\'']).to_owned())
            .collect();
    }
    roles
        .children
        .clone()
        .filter_map(|index| lines.get(index))
        .filter_map(|line| line.text.trim_start().strip_prefix("- "))
        .map(|role| {
            let role = role.split(" #").next().unwrap_or_default().trim();
            role.trim_matches(['"', '\'']).to_owned()
        })
        .collect()
}

/// The file's own `name` and `version`, which cn requires, and `schema`.
fn top_level_fields(text: &str, top: &[Entry], context: &Context, checked: &mut Checked) {
    let has = |key: &str| top.iter().any(|entry| entry.key == key);
    // Added at the start, after a byte order mark.
    let start = first_character(text).end * usize::from(text.starts_with('\u{feff}'));
    let here = first_character(text);
    let missing = [
        (
            "name",
            &MISSING_NAME,
            format!("name: {}\n", escape::yaml(&context.profile.display_name)),
        ),
        ("version", &MISSING_VERSION, "version: 0.0.1\n".to_owned()),
        ("schema", &MISSING_SCHEMA, "schema: v1\n".to_owned()),
    ];
    for (key, rule, line) in missing {
        if !has(key) {
            checked
                .findings
                .push(Finding::new(rule, here.clone()).with_edit(start..start, &line));
        }
    }
}

/// An entry of the models list: its fields, and the values of the relay's entry.
fn model_entry(text: &str, item: &Item, context: &Context, checked: &mut Checked) {
    let at = |key: &str| item.entries.iter().find(|entry| entry.key == key);
    let value = |key: &str| at(key).and_then(|entry| entry.value.value.clone());
    let name = value("name");
    let provider = value("provider");
    if name.is_none() || provider.is_none() || value("model").is_none() {
        checked
            .findings
            .push(Finding::new(&ITEM_INCOMPLETE, item.dash.clone()));
    }
    let api_base = value("apiBase");
    // Another service's entry (a local model, say) is left alone: the relay's entry is named
    // after it, points at it, or is written for OpenAI's API.
    let profile = context.profile;
    let host = profile
        .base_url
        .split_once("://")
        .map_or(profile.base_url.as_str(), |(_, rest)| rest)
        .trim_end_matches('/');
    let relay_name = format!("{} ", profile.display_name);
    let for_the_relay = api_base.as_deref().is_some_and(|base| base.contains(host))
        || name.as_deref().is_some_and(|n| n.starts_with(&relay_name))
        || provider.as_deref().is_none_or(|p| {
            p == OPENAI || !(KNOWN_PROVIDERS.contains(&p) || OTHER_API_PROVIDERS.contains(&p))
        });
    if !for_the_relay {
        return;
    }
    if let (Some(entry), Some(provider)) = (at("provider"), provider.as_deref()) {
        let rule = if provider == OPENAI {
            None
        } else if OTHER_API_PROVIDERS.contains(&provider) {
            Some(&PROVIDER_OTHER_API)
        } else if KNOWN_PROVIDERS.contains(&provider) {
            Some(&PROVIDER_NOT_OPENAI)
        } else {
            Some(&PROVIDER_UNKNOWN)
        };
        if let Some(rule) = rule {
            let span = entry.value.span.clone();
            checked
                .findings
                .push(Finding::new(rule, span.clone()).with_edit(span, OPENAI));
        }
    }
    match (at("apiBase"), api_base) {
        (Some(entry), Some(base)) if !base.is_empty() => {
            let findings = url::check(&base, context).findings;
            checked.findings.extend(embed(
                findings,
                &base,
                text,
                entry.value.span.clone(),
                escape::yaml,
            ));
        }
        _ if provider.as_deref().is_none_or(|p| p == OPENAI) => {
            let base = Client::ContinueDev.base_url(profile, &profile.base_url);
            let first = item.entries.first();
            let finding = Finding::new(&API_BASE_MISSING, item.dash.clone());
            let finding = match first {
                Some(first) => {
                    let column = first.key_span.start - line_start(text, first.key_span.start);
                    let end = line_end(text, first.key_span.start);
                    let line = format!("\n{}apiBase: {}", " ".repeat(column), escape::yaml(&base));
                    finding.with_edit(end..end, &line)
                }
                None => finding,
            };
            checked.findings.push(finding);
        }
        _ => {}
    }
    match (at("apiKey"), value("apiKey")) {
        (Some(entry), Some(key)) if !key.is_empty() => {
            api_key(text, &key, entry.value.span.clone(), context, checked);
        }
        _ => checked
            .findings
            .push(Finding::new(&API_KEY_MISSING, item.dash.clone())),
    }
    if let (Some(entry), Some(model)) = (at("model"), value("model")) {
        let findings = model::check(&model, context).findings;
        checked.findings.extend(embed(
            findings,
            &model,
            text,
            entry.value.span.clone(),
            escape::yaml,
        ));
    }
}

/// The key: a secret's reference, another template, or the key itself.
fn api_key(text: &str, key: &str, literal: Range<usize>, context: &Context, checked: &mut Checked) {
    if let Some(template) = key.find(TEMPLATE) {
        let inside = key[template + TEMPLATE.len()..].trim_start();
        let rule = if inside.starts_with(SECRETS) {
            &SECRET_REFERENCE
        } else {
            &UNRESOLVED_TEMPLATE
        };
        checked.findings.push(Finding::new(rule, literal));
        return;
    }
    checked.secrets.push(super::unquoted(text, &literal));
    let findings = key::check(key, context).findings;
    checked
        .findings
        .extend(embed(findings, key, text, literal, escape::yaml));
}

/// Where the line holding `at` ends, before its line break.
fn line_end(text: &str, at: usize) -> usize {
    let end = text
        .get(at..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |newline| at + newline);
    if text.get(..end).is_some_and(|before| before.ends_with('\r')) {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::apply_edits;
    use crate::check::testing::{context, sorted_codes};

    const KEY: &str = "sk-onramp-case-key-0001abcd";

    fn codes(text: &str) -> Vec<&'static str> {
        sorted_codes(&check(text, &context()).findings)
    }

    fn generated(key: &str, model: &str) -> String {
        let profile = crate::profile::Profile::builtin();
        let values = crate::clients::Values {
            key: key.into(),
            base_url: String::new(),
            model: model.into(),
        };
        let setup = Client::ContinueDev.setup(
            &profile,
            &values,
            crate::platform::Target::new(crate::platform::Os::Linux),
        );
        setup.sections[0].snippets[0].content.clone()
    }

    #[test]
    fn onramps_own_file_is_clean() {
        for model in ["deepseek-chat", "gpt-5.5", "relay/model"] {
            let text = generated(KEY, model);
            assert_eq!(codes(&text), Vec::<&str>::new(), "{text}");
            let checked = check(&text, &context());
            assert!(
                checked
                    .secrets
                    .iter()
                    .any(|span| &text[span.clone()] == KEY),
                "the key is a secret"
            );
        }
    }

    #[test]
    fn values_are_read_as_yaml_reads_them() {
        let text = generated(KEY, "deepseek-chat");
        let plain = text.replace(&format!("\"{KEY}\""), &format!("{KEY}   # mine"));
        assert!(codes(&plain).is_empty(), "{plain}");
        let single = text.replace(&format!("\"{KEY}\""), &format!("'{KEY}'"));
        assert!(codes(&single).is_empty());
        let leading = text.replace(KEY, &format!(" {KEY}"));
        assert_eq!(codes(&leading), ["key/surrounding-space"]);
        let no_break = text.replace(&format!("\"{KEY}\""), &format!("{KEY}\u{a0}"));
        assert!(!codes(&no_break).is_empty(), "YAML keeps a no-break space");
        assert_eq!(double_quoted(r"a\tb\u0041\x42\\"), Some("a\tbAB\\".into()));
        assert_eq!(double_quoted(r"\q"), None);
    }

    #[test]
    fn structure_mistakes_are_found_where_they_are() {
        let text = generated(KEY, "deepseek-chat");
        assert_eq!(
            codes(&text.replace("  ", "\t")),
            ["continue/tab-indentation"; 9]
        );
        assert_eq!(
            codes(&text.replace("    provider", "   provider")),
            ["continue/misindented"]
        );
        assert_eq!(
            codes(
                &text
                    .replace("models:\n", "config:\n  models:\n")
                    .replace("\n  ", "\n    ")
            ),
            ["continue/models-not-top-level"]
        );
        assert_eq!(
            codes(&text.replace("models:\n", "model:\n")),
            ["continue/no-models"]
        );
        assert_eq!(
            codes(&text.replace("  - name", "    name")),
            ["continue/models-not-a-list"]
        );
        assert_eq!(
            codes(&text.replace("    apiKey", "    apiKey: x\n    apiKey")),
            ["continue/duplicate-key"]
        );
        assert_eq!(
            codes(&text.replace("version: 0.0.1\nschema: v1\n", "")),
            ["continue/missing-schema", "continue/missing-version"]
        );
        assert_eq!(
            codes(&text.replace("      - chat\n", "")),
            ["continue/no-chat-model"]
        );
        assert_eq!(
            codes(&text.replace("    provider: openai\n", "")),
            ["continue/item-incomplete"]
        );
        let unclosed = text.replace(&format!("\"{KEY}\""), &format!("\"{KEY}"));
        assert_eq!(
            codes(&unclosed),
            ["continue/api-key-missing", "continue/unclosed-quote"]
        );
    }

    #[test]
    fn fixes_write_what_cn_reads() {
        let text = generated(KEY, "deepseek-chat");
        for broken in [
            text.replace("apiKey: ", "apiKey："),
            text.replace("apiKey: ", "apiKey:"),
            text.replace("provider: openai", "provider: openai-compatible"),
            text.replace("provider: openai", "provider: anthropic"),
            text.replace("    apiBase: \"https://api.4096bytes.com\"\n", ""),
            text.replace("name: \"4096bytes\"\n", ""),
            text.replace("    provider", "   provider"),
        ] {
            // The first finding is the mistake; the others (a key unread) follow from it.
            let findings = check(&broken, &context()).findings;
            let fixed = apply_edits(&broken, &findings[0].edits).unwrap();
            assert!(codes(&fixed).is_empty(), "{fixed}");
        }
    }

    #[test]
    fn templates_are_judged_by_what_cn_replaces() {
        let text = generated(KEY, "deepseek-chat");
        let with = |key: &str| text.replace(&format!("\"{KEY}\""), key);
        assert_eq!(
            codes(&with("${{ secrets.RELAY_KEY }}")),
            ["continue/secret-reference"]
        );
        assert_eq!(
            codes(&with("\"${{ env.RELAY_KEY }}\"")),
            ["continue/unresolved-template"]
        );
        assert_eq!(codes(&with("\"\"")), ["continue/api-key-missing"]);
    }

    #[test]
    fn other_services_entries_are_left_alone() {
        let text = generated(KEY, "deepseek-chat")
            + "  - name: Local\n    provider: ollama\n    model: llama3\n    roles: [autocomplete]\n";
        assert!(codes(&text).is_empty(), "{text}");
        let flow = "name: x\nversion: 1\nschema: v1\nmodels: [{name: a, provider: openai}]\n";
        assert_eq!(codes(flow), ["continue/flow-list"]);
        assert_eq!(
            codes("name: x\nversion: 1\nschema: v1\nmodels: []\n"),
            ["continue/no-models"]
        );
    }

    #[test]
    fn recognises_continue_files_only() {
        assert!(recognise(&generated(KEY, "m")));
        assert!(!recognise(
            "OPENAI_API_KEY=sk-x\nOPENAI_BASE_URL=https://a\n"
        ));
        assert!(!recognise(
            "model = \"m\"\n[model_providers.x]\nbase_url = \"u\"\n"
        ));
        assert!(!recognise("models:\n  - a\n"));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "\u{feff}",
            "models:",
            "models:\n-",
            "models:\n- \"",
            "models:\n  -\n",
            "models:\n  - name: \"\\u12\"\n",
            "：",
            "a:\n\t",
            "models:\n  - :\n",
            "- x\n",
            "\u{feff}models:\n  - apiKey: 'it''s\n",
            "models:\r\n  - apiKey: é\r\n",
        ] {
            let _ = check(text, &context());
            let _ = recognise(text);
        }
    }
}
