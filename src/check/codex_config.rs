//! Rules for Codex's `config.toml`, from what current Codex does with each mistake (see
//! `shared/reference/verified-clients.md` and `tests/codex_doctor_conformance.rs`).
//!
//! TOML can write the same settings in several ways: `[model_providers.OpenAI]`, a quoted
//! `[model_providers."OpenAI"]`, inline tables (`model_providers = { OpenAI = { … } }`),
//! dotted keys (`model_providers.OpenAI.base_url = …`) and mixes of them. Codex reads them
//! all as the same data, so the checker reads them through toml_edit's table-likes and finds
//! the same mistakes at the matching places in each. Fixes that add or rename settings are
//! made on a `DocumentMut`, which writes each spelling correctly, and become the smallest
//! text edit that turns the file into the result.

use super::{
    Checked, Context, Edit, Finding, KindCheck, KindSpec, embed, fix, is_variable_name, key,
    line_start, model, url,
};
use crate::clients::Client;
use crate::clients::codex::config as codex;
use crate::escape;
use crate::i18n::Text;
use std::ops::Range;
use toml_edit::{Document, DocumentMut, Item, Key, Table, TableLike, Value};

declare_rules! {
    SYNTAX {
        code: "toml/syntax",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: Error loading config.toml (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This is not valid TOML.",
            zh: "这不是有效的 TOML。",
        },
        why: Text {
            en: "Codex refuses to start: \"Error loading config.toml\".",
            zh: "Codex 无法启动：\"Error loading config.toml\"。",
        },
        fix: None,
    }

    DUPLICATE {
        code: "toml/duplicate",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: duplicate key (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This key or table is defined twice.",
            zh: "这个键或表被定义了两次。",
        },
        why: Text {
            en: "Codex refuses to start with \"duplicate key\"; this happens when a block is pasted into a file that already has it.",
            zh: "Codex 会因 \"duplicate key\" 无法启动；通常是把配置块粘贴进已经包含它的文件导致的。",
        },
        fix: None,
    }

    ROOT_KEY_UNDER_TABLE {
        code: "codex/root-key-under-table",
        severity: Error,
        evidence: Client("Codex CLI 0.171: under [features] it stops (expected a boolean in features); under [model_providers.OpenAI] it ignores the key and uses OpenAI (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This top-level setting sits under a [table] header, so Codex reads it as part of that table.",
            zh: "这个顶层设置位于某个 [表] 之下，Codex 会把它当作那个表的一部分。",
        },
        why: Text {
            en: "Happens when the block is appended at the end of the file: Codex fails (\"expected a boolean in features\") or silently uses OpenAI instead of the relay.",
            zh: "通常是把配置块追加到文件末尾导致的：Codex 会报错（\"expected a boolean in features\"）或悄悄改用 OpenAI 而不是中转服务。",
        },
        fix: Some(fix::MOVE),
    }

    PROVIDER_UNDEFINED {
        code: "codex/provider-undefined",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: Model provider not found (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "model_provider names a provider that has no [model_providers.…] table.",
            zh: "model_provider 指向的提供商没有对应的 [model_providers.…] 表。",
        },
        why: Text {
            en: "Codex stops with \"Model provider not found\".",
            zh: "Codex 会报 \"Model provider not found\" 并停止。",
        },
        fix: None,
    }

    BUILTIN_PROVIDER {
        code: "codex/builtin-provider",
        severity: Error,
        evidence: Client("Codex CLI 0.171 sends its requests to api.openai.com with its built-in provider"),
        message: Text {
            en: "model_provider selects Codex's built-in OpenAI provider, not the relay.",
            zh: "model_provider 选择的是 Codex 内置的 OpenAI 提供商，而不是中转服务。",
        },
        why: Text {
            en: "Requests go to OpenAI with the relay's key and fail; this is the usual \"Codex still uses the old model\".",
            zh: "请求会带着中转服务的密钥发往 OpenAI 并失败；这就是常见的\"Codex 仍在使用旧模型\"。",
        },
        fix: None,
    }

    RESERVED_ID {
        code: "codex/reserved-provider-id",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: model_providers contains reserved built-in provider IDs (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "openai (lower case) is reserved for Codex's built-in provider.",
            zh: "openai（小写）是 Codex 内置提供商的保留 ID。",
        },
        why: Text {
            en: "Codex refuses to start: \"model_providers contains reserved built-in provider IDs\".",
            zh: "Codex 无法启动：\"model_providers contains reserved built-in provider IDs\"。",
        },
        fix: Some(fix::RENAME),
    }

    WIRE_API {
        code: "codex/wire-api",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: wire_api = \"chat\" is no longer supported (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "wire_api must be \"responses\".",
            zh: "wire_api 必须是 \"responses\"。",
        },
        why: Text {
            en: "Codex no longer supports \"chat\" and refuses to start.",
            zh: "Codex 已不再支持 \"chat\"，会拒绝启动。",
        },
        fix: Some(fix::REPLACE),
    }

    /// Codex's sources of a provider's key: `requires_openai_auth = true` (auth.json),
    /// `env_key`, `experimental_bearer_token`, an `Authorization` header in `http_headers` or
    /// `env_http_headers`, and an `auth` command; each was seen to reach the relay.
    NO_AUTH {
        code: "codex/no-auth",
        severity: Error,
        evidence: Client("Codex CLI 0.171 sends no key and the relay answers 401, requires_openai_auth = false with the key in auth.json included (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This provider reads no key: add requires_openai_auth = true (key in auth.json) or env_key.",
            zh: "该提供商读取不到密钥：请添加 requires_openai_auth = true（密钥在 auth.json 中）或 env_key。",
        },
        why: Text {
            en: "Codex sends no key and the relay answers 401.",
            zh: "Codex 不发送密钥，中转服务返回 401。",
        },
        fix: Some(fix::ADD),
    }

    API_KEY_IGNORED {
        code: "codex/api-key-ignored",
        severity: Error,
        evidence: Client("Codex CLI 0.171 reads no key named api_key, bearer_token or OPENAI_API_KEY in config.toml; with no other key for the provider it sends none and the relay answers 401 (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "Codex reads no key under this name in config.toml: this key is never sent.",
            zh: "Codex 不读取 config.toml 中这个名称下的密钥：这个密钥永远不会被发送。",
        },
        why: Text {
            en: "The provider has no other key, so Codex sends none and the relay answers 401. Codex reads the key from the environment variable that env_key names, or from auth.json with requires_openai_auth = true. The fix writes env_key in its place: then set that variable to your key in the terminal you start Codex from (export NAME='your key', NAME being env_key's value).",
            zh: "该提供商没有其他密钥，Codex 不会发送任何密钥，中转服务返回 401。Codex 从 env_key 指定的环境变量读取密钥，或在 requires_openai_auth = true 时从 auth.json 读取。修复会用 env_key 替换它：然后在启动 Codex 的终端中把该变量设为你的密钥（export 名称='你的密钥'，名称即 env_key 的值）。",
        },
        fix: Some(fix::MOVE),
    }

    API_KEY_UNUSED {
        code: "codex/api-key-unused",
        severity: Warning,
        evidence: Client("Codex CLI 0.171 does not read api_key in config.toml and sends the key from the provider's own source (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "Codex reads no key under this name in config.toml: it sends the key the provider names elsewhere.",
            zh: "Codex 不读取 config.toml 中这个名称下的密钥：它发送的是该提供商在别处指定的密钥。",
        },
        why: Text {
            en: "Changing this key changes nothing, and it sits in plain text in a file people share: remove it.",
            zh: "修改这个密钥不会有任何效果，而且它以明文保存在常被分享的文件中：请删除它。",
        },
        fix: Some(fix::REMOVE),
    }

    KEY_FROM_VARIABLE {
        code: "codex/key-from-variable",
        severity: Info,
        evidence: Client("Codex CLI 0.171 sends the value of the variable env_key names (tests/codex_doctor_conformance.rs, codex: env); without it Codex stops: Missing environment variable"),
        message: Text {
            en: "Codex takes the key from this environment variable, not from the file.",
            zh: "Codex 从这个环境变量读取密钥，而不是从文件中读取。",
        },
        why: Text {
            en: "Set it in the terminal that starts Codex (export NAME='your key'); unset, Codex stops: \"Missing environment variable\".",
            zh: "请在启动 Codex 的终端中设置它（export 名称='你的密钥'）；未设置时 Codex 会报 \"Missing environment variable\" 并停止。",
        },
        fix: None,
    }

    HEADER_FROM_VARIABLE {
        code: "codex/header-from-variable",
        severity: Info,
        evidence: Client("Codex CLI 0.171 sends the variable env_http_headers names as the Authorization header; holding Bearer and the key, it reached the relay (tests/codex_doctor_conformance.rs); unset, no Authorization header is sent (observed)"),
        message: Text {
            en: "Codex sends this environment variable as the Authorization header.",
            zh: "Codex 会把这个环境变量作为 Authorization 请求头发送。",
        },
        why: Text {
            en: "It must hold Bearer, a space and the key (export NAME='Bearer your key'); unset, no key is sent.",
            zh: "它必须是 Bearer 加空格再加密钥（export 名称='Bearer 你的密钥'）；未设置时不会发送密钥。",
        },
        fix: None,
    }

    KEY_FROM_COMMAND {
        code: "codex/key-from-command",
        severity: Info,
        evidence: Client("Codex CLI 0.171 runs the auth command and sends what it prints as the key; it reached the relay (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "Codex runs this command and sends what it prints as the key.",
            zh: "Codex 会运行这个命令，并把它输出的内容作为密钥发送。",
        },
        why: super::PRINTS_THE_KEY,
        fix: None,
    }

    NOT_A_BOOLEAN {
        code: "codex/not-a-boolean",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops on requires_openai_auth = \"true\": invalid type: string \"true\", expected a boolean (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This setting must be true or false, without quotes.",
            zh: "这个设置必须是不带引号的 true 或 false。",
        },
        why: Text {
            en: "Codex refuses to start with \"invalid type\".",
            zh: "Codex 会因 \"invalid type\" 拒绝启动。",
        },
        fix: Some(fix::REPLACE),
    }

    NO_BASE_URL {
        code: "codex/no-base-url",
        severity: Error,
        evidence: Client("Codex CLI 0.171 sends its requests to api.openai.com without a base_url"),
        message: Text {
            en: "This provider has no base_url.",
            zh: "该提供商没有 base_url。",
        },
        why: Text {
            en: "Codex sends its requests, with the relay's key, to OpenAI.",
            zh: "Codex 会带着中转服务的密钥把请求发往 OpenAI。",
        },
        fix: None,
    }

    ENV_KEY_HOLDS_KEY {
        code: "codex/env-key-holds-key",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: Missing environment variable (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "env_key must be the name of an environment variable, not the key itself.",
            zh: "env_key 应该是环境变量的名称，而不是密钥本身。",
        },
        why: Text {
            en: "Codex stops with \"Missing environment variable: sk-…\".",
            zh: "Codex 会报 \"Missing environment variable: sk-…\" 并停止。",
        },
        fix: Some(fix::REPLACE),
    }

    IGNORED_SETTING {
        code: "codex/ignored-setting",
        severity: Warning,
        evidence: Client("Codex CLI 0.171 prints that it ignores the setting and works (tests/codex_conformance.rs)"),
        message: Text {
            en: "Current Codex ignores this setting.",
            zh: "当前版本的 Codex 会忽略这个设置。",
        },
        why: Text {
            en: "Codex prints \"ignoring unrecognized configuration settings\" on every start; removing the line changes nothing else.",
            zh: "Codex 每次启动都会提示 \"ignoring unrecognized configuration settings\"；删除这一行不会影响其他内容。",
        },
        fix: Some(fix::REMOVE),
    }

    LEGACY_PROFILE {
        code: "codex/legacy-profile",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops on a top-level profile selector (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "The legacy profile = … selector is no longer supported.",
            zh: "旧式的 profile = … 选择器已不再支持。",
        },
        why: Text {
            en: "Codex 0.134 and later refuse to start; use a separate <name>.config.toml and codex --profile <name>.",
            zh: "Codex 0.134 及之后的版本会拒绝启动；请改用单独的 <名称>.config.toml 并运行 codex --profile <名称>。",
        },
        fix: None,
    }

    LEGACY_PROFILES_TABLE {
        code: "codex/legacy-profiles-table",
        severity: Warning,
        evidence: Client("Codex CLI 0.171 ignores [profiles.*] tables and works (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "[profiles.…] tables are ignored by current Codex.",
            zh: "当前版本的 Codex 会忽略 [profiles.…] 表。",
        },
        why: Text {
            en: "Settings in it have no effect; since 0.134 a profile is a separate <name>.config.toml used with codex --profile <name>.",
            zh: "其中的设置不会生效；从 0.134 起，profile 是单独的 <名称>.config.toml，用 codex --profile <名称> 启用。",
        },
        fix: None,
    }

    TOP_LEVEL_BASE_URL {
        code: "codex/top-level-base-url",
        severity: Warning,
        evidence: Client("Codex CLI 0.171 ignores a top-level base_url and works (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "base_url at the top level is ignored: only the one in [model_providers.…] counts.",
            zh: "顶层的 base_url 会被忽略：只有 [model_providers.…] 中的才有效。",
        },
        why: Text {
            en: "Editing this line changes nothing, which misleads whoever edits it next.",
            zh: "修改这一行不会有任何效果，会误导之后修改配置的人。",
        },
        fix: Some(fix::REMOVE),
    }

    NOT_A_STRING {
        code: "codex/not-a-string",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: invalid type (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This setting must be a quoted string.",
            zh: "这个设置必须是带引号的字符串。",
        },
        why: Text {
            en: "Codex refuses to start with \"invalid type\".",
            zh: "Codex 会因 \"invalid type\" 拒绝启动。",
        },
        fix: None,
    }
    /// `model_providers`, or one provider in it, is a plain value where Codex needs a table.
    NOT_A_TABLE {
        code: "codex/not-a-table",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: invalid type (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This must be a table of settings ([…] or { … }), not a single value.",
            zh: "这里必须是一个设置表（[…] 或 { … }），而不是单个值。",
        },
        why: Text {
            en: "Codex refuses to start with \"invalid type\".",
            zh: "Codex 会因 \"invalid type\" 拒绝启动。",
        },
        fix: None,
    }
}

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "codex-config",
    label: Text {
        en: "Codex config.toml",
        zh: "Codex config.toml",
    },
    one_value: false,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

pub fn check(text: &str, context: &Context) -> Checked {
    let document = match Document::parse(text) {
        Ok(document) => document,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let rule = if error.message().contains("duplicate") {
                &DUPLICATE
            } else {
                &SYNTAX
            };
            return vec![Finding::new(rule, span)].into();
        }
    };
    let mut checker = ConfigCheck {
        text,
        context,
        checked: Checked::default(),
    };
    let root = document.as_table();
    // Every table below the root, once: the checks below all look through them.
    let mut tables = Vec::new();
    collect_tables(root, None, &mut tables);
    checker.misplaced_root_keys(root, &tables);
    checker.root_settings(root);
    checker.providers(root, &tables);
    checker.checked
}

/// A table below the root, in whichever spelling.
struct Place<'a> {
    /// The top-level key it is under: `model_providers` for `[model_providers.x]`.
    top: &'a str,
    table: &'a dyn TableLike,
    /// The table when it has a `[header]` of its own, whose lines can be moved.
    standard: Option<&'a Table>,
}

/// One check of a config.toml under way: the text, who it is for, and what was found so far.
struct ConfigCheck<'a> {
    text: &'a str,
    context: &'a Context<'a>,
    checked: Checked,
}

impl ConfigCheck<'_> {
    fn push(&mut self, finding: Finding) {
        self.checked.findings.push(finding);
    }

    /// Adds findings about the string `value`, which sits in the file as `literal`.
    fn embed(&mut self, findings: Vec<Finding>, value: &str, literal: Range<usize>) {
        self.checked
            .findings
            .extend(embed(findings, value, self.text, literal, escape::toml));
    }

    /// The smallest edit that turns the file into what `change` makes of it, if it applies.
    fn structural_fix(&self, change: impl FnOnce(&mut DocumentMut) -> Option<()>) -> Option<Edit> {
        let mut document: DocumentMut = self.text.parse().ok()?;
        change(&mut document)?;
        Some(Edit::between(self.text, &document.to_string()))
    }

    /// The whole line(s) of `key = value` in a standard `table`, newline included.
    fn line_of(&self, table: &Table, key: &str) -> Option<Range<usize>> {
        let start = key_span(table, key)?.start;
        let end = value_span(table, key)?.end;
        Some(line_start(self.text, start)..line_end(self.text, end))
    }

    fn misplaced_root_keys(&mut self, root: &Table, tables: &[Place]) {
        let insert_at = first_table_start(self.text, tables);
        for place in tables {
            let has_own_model = codex::TABLES_WITH_A_MODEL.contains(&place.top);
            // The table's own keys are few; looking each of ROOT_ONLY up would hash them all,
            // in every table of a long file.
            let misplaced = place.table.iter().map(|(key, _)| key);
            for key in misplaced.filter(|key| codex::ROOT_ONLY.contains(key)) {
                if key == codex::MODEL && has_own_model {
                    continue;
                }
                let Some(key_span) = key_span(place.table, key) else {
                    continue;
                };
                let finding = Finding::new(&ROOT_KEY_UNDER_TABLE, key_span);
                // Only a line of its own under a [header] can move to the top as it is.
                let line = place.standard.and_then(|table| self.line_of(table, key));
                let Some(line) = line else {
                    self.push(finding);
                    continue;
                };
                let mut moved = self.text[line.clone()].trim().to_owned();
                moved.push('\n');
                let finding = finding.with_edit(line, "");
                let finding = match (root.contains_key(key), self.line_of(root, key), insert_at) {
                    // The misplaced line is the newer intent: it replaces the top-level one.
                    (true, Some(root_line), _) => finding.with_edit(root_line, &moved),
                    (false, _, Some(at)) => finding.with_edit(at..at, &moved),
                    _ => Finding::new(&ROOT_KEY_UNDER_TABLE, finding.span),
                };
                self.push(finding);
            }
        }
    }

    fn root_settings(&mut self, root: &Table) {
        for key in codex::IGNORED {
            if let (Some(span), Some(line)) = (key_span(root, key), self.line_of(root, key)) {
                self.push(Finding::new(&IGNORED_SETTING, span).with_edit(line, ""));
            }
        }
        if let Some(span) = key_span(root, "profile") {
            self.push(Finding::new(&LEGACY_PROFILE, span));
        }
        if let Some(span) = anchor(root, "profiles") {
            self.push(Finding::new(&LEGACY_PROFILES_TABLE, span));
        }
        if let (Some(span), Some(line)) = (
            key_span(root, codex::BASE_URL),
            self.line_of(root, codex::BASE_URL),
        ) {
            self.push(Finding::new(&TOP_LEVEL_BASE_URL, span).with_edit(line, ""));
        }
        for key in [codex::MODEL, codex::REVIEW_MODEL] {
            self.string_setting(root, key, |checker, value, literal| {
                let findings = model::check(value, checker.context).findings;
                checker.embed(findings, value, literal);
            });
        }
    }

    /// Runs `check` on the string value of `key`, or reports that it is not a string.
    fn string_setting(
        &mut self,
        table: &dyn TableLike,
        key: &str,
        check: impl FnOnce(&mut Self, &str, Range<usize>),
    ) {
        let Some(item) = table.get(key) else { return };
        let span = item.span().unwrap_or(0..0);
        match item.as_str() {
            Some(value) => check(self, value, span),
            None => self.push(Finding::new(&NOT_A_STRING, span)),
        }
    }

    fn providers(&mut self, root: &Table, tables: &[Place]) {
        let providers = match root.get(codex::PROVIDERS) {
            Some(item) => match item.as_table_like() {
                Some(providers) => Some(providers),
                None => {
                    // Codex stops there: which provider is selected no longer matters.
                    self.push(Finding::new(&NOT_A_TABLE, item.span().unwrap_or(0..0)));
                    return;
                }
            },
            None => None,
        };
        // A `model_provider` that slid under a table still says which provider is meant;
        // the root-key finding reports where it sits.
        let misplaced = tables.iter().find(|place| {
            place
                .table
                .get(codex::MODEL_PROVIDER)
                .and_then(Item::as_str)
                .is_some()
        });
        let (selected, selected_span) = match (root.get(codex::MODEL_PROVIDER), misplaced) {
            (None, Some(place)) => (
                place
                    .table
                    .get(codex::MODEL_PROVIDER)
                    .and_then(Item::as_str),
                value_span(place.table, codex::MODEL_PROVIDER),
            ),
            _ => (
                root.get(codex::MODEL_PROVIDER).and_then(Item::as_str),
                value_span(root, codex::MODEL_PROVIDER),
            ),
        };
        let relay_id = self.context.profile.clients.codex.provider_id.clone();

        if let Some(providers) = providers {
            for (_, item) in providers.iter() {
                if item.as_table_like().is_none() {
                    self.push(Finding::new(&NOT_A_TABLE, item.span().unwrap_or(0..0)));
                }
            }
            for reserved in codex::RESERVED_IDS {
                let Some(key) = key_span(providers, reserved) else {
                    continue;
                };
                let mut finding = Finding::new(&RESERVED_ID, key.clone());
                // A dotted spelling repeats the id on every line: one edit cannot rename it.
                let renamable = providers
                    .get(reserved)
                    .is_some_and(|item| !item.as_table().is_some_and(Table::is_dotted));
                if renamable && !providers.contains_key(&relay_id) {
                    finding = finding.with_edit(key, &Key::new(relay_id.as_str()).to_string());
                    if let Some(span) = selected_span.clone().filter(|_| selected == Some(reserved))
                    {
                        finding = finding.with_edit(span, &escape::toml(&relay_id));
                    }
                }
                self.push(finding);
            }
        }

        let provider = selected.and_then(|id| {
            let entry = providers?.get(id)?.as_table_like()?;
            Some((id, entry, anchor(providers?, id)?))
        });
        if provider.is_none() {
            // Codex stops before using any provider, so a misnamed key at the top changes
            // nothing yet; the key in it is still masked.
            for (name, span) in misnamed_keys(root) {
                self.mark_secret(root, name);
                self.push(Finding::new(&API_KEY_IGNORED, span));
            }
            // The tables that are there are what the selection will point at once fixed:
            // their mistakes are reported now, not one layer at a time.
            for (id, item) in providers.iter().flat_map(|providers| providers.iter()) {
                let anchor = providers.and_then(|providers| anchor(providers, id));
                if let (Some(table), Some(anchor)) = (item.as_table_like(), anchor) {
                    self.provider(id, table, anchor, None);
                }
            }
        }
        match (selected, provider) {
            (Some(_), Some((id, provider, anchor))) => {
                self.provider(id, provider, anchor, Some(root))
            }
            (Some(id), None) if providers.and_then(|p| p.get(id)).is_some() => {
                // Not a table: reported above.
            }
            (Some(id), None) if codex::RESERVED_IDS.contains(&id) => {
                self.push(Finding::new(
                    &BUILTIN_PROVIDER,
                    selected_span.unwrap_or(0..0),
                ));
            }
            (Some(_), None) => self.push(Finding::new(
                &PROVIDER_UNDEFINED,
                selected_span.unwrap_or(0..0),
            )),
            (None, _) if root.contains_key(codex::MODEL_PROVIDER) || misplaced.is_some() => {
                self.push(Finding::new(&NOT_A_STRING, selected_span.unwrap_or(0..0)));
            }
            (None, _) => {
                // Nothing selects a provider: Codex uses its built-in one. Point at where the
                // providers are defined, or at the top of the file.
                let at = providers
                    .and_then(|providers| {
                        providers
                            .iter()
                            .filter_map(|(id, _)| anchor(providers, id))
                            .min_by_key(|span| span.start)
                    })
                    .map_or(0, |span| line_start(self.text, span.start));
                self.push(Finding::new(&BUILTIN_PROVIDER, at..line_end(self.text, at)));
            }
        }
    }

    /// Marks the string value of `key` in `table` as a key, to be masked.
    fn mark_secret(&mut self, table: &dyn TableLike, key: &str) {
        if let Some(span) =
            value_span(table, key).filter(|_| table.get(key).is_some_and(Item::is_str))
        {
            let secret = super::unquoted(self.text, &span);
            self.checked.secrets.push(secret);
        }
    }

    /// The provider `id`, whose table starts at `anchor` (its header, or its key); `root`
    /// when it is the selected one, whose top-level settings apply to it.
    fn provider(
        &mut self,
        id: &str,
        provider: &dyn TableLike,
        anchor: Range<usize>,
        root: Option<&Table>,
    ) {
        if provider
            .get(codex::WIRE_API)
            .is_some_and(|item| item.as_str() != Some(codex::RESPONSES))
        {
            let span = value_span(provider, codex::WIRE_API).unwrap_or(anchor.clone());
            let fix = escape::toml(codex::RESPONSES);
            self.push(Finding::new(&WIRE_API, span.clone()).with_edit(span, &fix));
        }
        if provider.contains_key(codex::BASE_URL) {
            self.string_setting(provider, codex::BASE_URL, |checker, value, literal| {
                let context = checker.context.for_client(Client::Codex);
                let findings = url::check(value, &context).findings;
                checker.embed(findings, value, literal);
            });
        } else {
            self.push(Finding::new(&NO_BASE_URL, anchor.clone()));
        }
        let authenticated = self.key_sources(provider);
        // A key under a name Codex does not read, in this table or at the top for the
        // selected provider. Each fix takes one out; the provider then gets env_key in its
        // place.
        let misnamed: Vec<(bool, &str, Range<usize>)> = misnamed_keys(provider)
            .into_iter()
            .map(|(name, span)| (false, name, span))
            .chain(
                root.into_iter()
                    .flat_map(|root| misnamed_keys(root))
                    .map(|(name, span)| (true, name, span)),
            )
            .collect();
        let relay_env_key = &self.context.profile.clients.codex.env_key;
        for (at_top, name, span) in misnamed.iter().cloned() {
            match root.filter(|_| at_top) {
                Some(root) => self.mark_secret(root, name),
                None => self.mark_secret(provider, name),
            }
            let fix = self.structural_fix(|document| {
                if at_top {
                    document.as_table_mut().remove(name)?;
                }
                let provider = document
                    .get_mut(codex::PROVIDERS)?
                    .as_table_like_mut()?
                    .get_mut(id)?
                    .as_table_like_mut()?;
                if !at_top {
                    provider.remove(name)?;
                }
                if !authenticated {
                    let name = Value::from(relay_env_key.as_str());
                    provider.insert(codex::ENV_KEY, Item::Value(name));
                }
                Some(())
            });
            let rule = if authenticated {
                &API_KEY_UNUSED
            } else {
                &API_KEY_IGNORED
            };
            let mut finding = Finding::new(rule, span);
            finding.edits.extend(fix);
            self.push(finding);
        }
        // With a misnamed key, the finding above says where the key must go instead.
        if !authenticated && misnamed.is_empty() {
            let fix = self.structural_fix(|document| {
                let provider = document
                    .get_mut(codex::PROVIDERS)?
                    .as_table_like_mut()?
                    .get_mut(id)?
                    .as_table_like_mut()?;
                provider.insert(codex::REQUIRES_OPENAI_AUTH, Item::Value(Value::from(true)));
                Some(())
            });
            let mut finding = Finding::new(&NO_AUTH, anchor);
            finding.edits.extend(fix);
            self.push(finding);
        }
    }

    /// Whether `provider` gives Codex a key, from any of the places Codex takes one; notes
    /// what must hold for the places outside the file, and checks the settings involved.
    fn key_sources(&mut self, provider: &dyn TableLike) -> bool {
        let mut found = false;
        if let Some(item) = provider.get(codex::REQUIRES_OPENAI_AUTH) {
            let span = item.span().unwrap_or(0..0);
            match (item.as_bool(), item.as_str()) {
                (Some(flag), _) => found |= flag,
                (None, Some(flag @ ("true" | "false"))) => {
                    found |= flag == "true";
                    self.push(Finding::new(&NOT_A_BOOLEAN, span.clone()).with_edit(span, flag));
                }
                (None, _) => self.push(Finding::new(&NOT_A_BOOLEAN, span)),
            }
        }
        if provider.contains_key(codex::ENV_KEY) {
            found = true;
            let relay_env_key = self.context.profile.clients.codex.env_key.clone();
            self.string_setting(provider, codex::ENV_KEY, |checker, value, literal| {
                if is_variable_name(value) {
                    checker.push(Finding::new(&KEY_FROM_VARIABLE, literal));
                } else {
                    let secret = super::unquoted(checker.text, &literal);
                    checker.checked.secrets.push(secret);
                    let fix = escape::toml(&relay_env_key);
                    checker.push(
                        Finding::new(&ENV_KEY_HOLDS_KEY, literal.clone()).with_edit(literal, &fix),
                    );
                }
            });
        }
        if provider.contains_key(codex::BEARER_TOKEN) {
            found = true;
            self.mark_secret(provider, codex::BEARER_TOKEN);
            // The key itself, sent as it is written: it gets every key rule.
            self.string_setting(provider, codex::BEARER_TOKEN, |checker, value, literal| {
                let context = checker.context.for_client(Client::Codex);
                let findings = key::check(value, &context).findings;
                checker.embed(findings, value, literal);
            });
        }
        if let Some((headers, name)) = authorization(provider, codex::HTTP_HEADERS) {
            found = true;
            self.mark_secret(headers, name);
        }
        if let Some((headers, name)) = authorization(provider, codex::ENV_HTTP_HEADERS) {
            found = true;
            let span = value_span(headers, name).unwrap_or(0..0);
            self.push(Finding::new(&HEADER_FROM_VARIABLE, span));
        }
        let command = provider
            .get(codex::AUTH_COMMAND)
            .and_then(Item::as_table_like)
            .and_then(|_| anchor(provider, codex::AUTH_COMMAND));
        if let Some(span) = command {
            found = true;
            self.push(Finding::new(&KEY_FROM_COMMAND, span));
        }
        found
    }
}

/// The headers table `key` of `provider`, and the name its `Authorization` header has
/// there, if it has one.
fn authorization<'a>(
    provider: &'a dyn TableLike,
    key: &str,
) -> Option<(&'a dyn TableLike, &'a str)> {
    let headers = provider.get(key)?.as_table_like()?;
    let name = headers
        .iter()
        .map(|(name, _)| name)
        .find(|name| name.eq_ignore_ascii_case(codex::AUTHORIZATION))?;
    Some((headers, name))
}

/// The string settings of `table` named like a key Codex does not read, with the spans of
/// their names.
fn misnamed_keys(table: &dyn TableLike) -> Vec<(&str, Range<usize>)> {
    table
        .iter()
        .filter(|(name, item)| {
            item.is_str()
                && codex::MISNAMED_KEYS
                    .contains(&name.to_ascii_lowercase().replace('-', "_").as_str())
        })
        .filter_map(|(name, _)| Some((name, key_span(table, name)?)))
        .collect()
}

/// Every table below `table` (not arrays of tables), in any spelling, with the top-level key
/// it is under (`top`, when `table` is not the root).
fn collect_tables<'a>(table: &'a dyn TableLike, top: Option<&'a str>, out: &mut Vec<Place<'a>>) {
    for (key, item) in table.iter() {
        let (child, standard): (&dyn TableLike, _) = match item {
            Item::Table(child) => (child, (!child.is_dotted()).then_some(child)),
            Item::Value(Value::InlineTable(child)) => (child, None),
            _ => continue,
        };
        let top = top.unwrap_or(key);
        out.push(Place {
            top,
            table: child,
            standard,
        });
        collect_tables(child, Some(top), out);
    }
}

/// The span of the value of `key` in `table`.
fn value_span(table: &dyn TableLike, key: &str) -> Option<Range<usize>> {
    table.get(key)?.span()
}

/// The span of `key` itself in `table`.
fn key_span(table: &dyn TableLike, key: &str) -> Option<Range<usize>> {
    table.key(key)?.span()
}

/// Where the table under `key` starts, for findings about it as a whole: its `[header]`
/// when it has one of its own, else the key that names it (an inline or dotted table, or a
/// table only implied by `[key.child]` headers).
fn anchor(table: &dyn TableLike, key: &str) -> Option<Range<usize>> {
    match table.get(key)? {
        Item::Table(child) if !child.is_dotted() && !child.is_implicit() => child.span(),
        _ => key_span(table, key),
    }
}

/// Where the first `[header]` starts, moved up over the comment lines right above it (they
/// describe the table): where top-level settings can be inserted.
fn first_table_start(text: &str, tables: &[Place]) -> Option<usize> {
    let header = tables
        .iter()
        .filter_map(|place| place.standard?.span())
        .map(|span| span.start)
        .min()?;
    let mut start = line_start(text, header);
    while start > 0 {
        let previous = line_start(text, start - 1);
        if !text[previous..start].trim_start().starts_with('#') {
            break;
        }
        start = previous;
    }
    Some(start)
}

fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |index| offset + index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Kind, fix_all};
    use crate::clients::Values;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    const GOOD: &str = "model_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\n\n[model_providers.OpenAI]\nname = \"4096bytes\"\nbase_url = \"https://api.4096bytes.com\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n";

    fn codes(text: &str) -> Vec<&'static str> {
        crate::check::testing::sorted_codes(
            &check(text, &crate::check::testing::context()).findings,
        )
    }

    fn fixed(text: &str) -> String {
        let profile = Profile::builtin();
        fix_all(
            text,
            Kind::CodexConfig,
            &Context {
                profile: &profile,
                client: None,
            },
        )
        .text
    }

    #[test]
    fn generated_configs_are_clean() {
        assert!(codes(GOOD).is_empty());
        let profile = Profile::builtin();
        let values = Values {
            key: "sk-abc123abc123abc123".into(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        };
        let setup = Client::Codex.setup(&profile, &values, Target::new(Os::Linux));
        for snippet in setup
            .sections
            .iter()
            .flat_map(|s| &s.snippets)
            .filter(|s| s.format == crate::platform::Format::Toml)
        {
            // The env_key variant notes the variable it needs, which its setup sets.
            let codes = codes(&snippet.content);
            assert!(
                codes.iter().all(|code| *code == "codex/key-from-variable"),
                "{codes:?}\n{}",
                snippet.content
            );
        }
    }

    #[test]
    fn a_block_appended_after_a_table_is_moved_back_up() {
        let text = "# mine\n[features]\ngoals = true\nmodel_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\n\n[model_providers.OpenAI]\nname = \"4096bytes\"\nbase_url = \"https://api.4096bytes.com\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n";
        assert_eq!(
            codes(text),
            ["codex/root-key-under-table", "codex/root-key-under-table"]
        );
        let fixed = fixed(text);
        assert!(codes(&fixed).is_empty(), "{fixed}");
        assert!(fixed.starts_with("model_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\n# mine\n[features]\ngoals = true\n"), "{fixed}");
    }

    #[test]
    fn a_key_inside_the_provider_table_replaces_the_top_level_one() {
        let text = GOOD
            .replace(
                "model_provider = \"OpenAI\"\n",
                "model_provider = \"openai\"\n",
            )
            .replace(
                "requires_openai_auth = true\n",
                "requires_openai_auth = true\nmodel_provider = \"OpenAI\"\n",
            );
        assert_eq!(
            codes(&text),
            ["codex/builtin-provider", "codex/root-key-under-table"]
        );
        assert!(codes(&fixed(&text)).is_empty());
    }

    #[test]
    fn provider_mistakes() {
        assert_eq!(
            codes(&GOOD.replace("model_provider = \"OpenAI\"", "model_provider = \"relay\"")),
            ["codex/provider-undefined"]
        );
        let reserved = GOOD.replace("OpenAI", "openai");
        assert_eq!(codes(&reserved), ["codex/reserved-provider-id"]);
        assert_eq!(fixed(&reserved), GOOD);
        assert_eq!(
            codes(&GOOD.replace("\"responses\"", "\"chat\"")),
            ["codex/wire-api"]
        );
        assert_eq!(fixed(&GOOD.replace("\"responses\"", "\"chat\"")), GOOD);
        let no_auth = GOOD.replace("requires_openai_auth = true\n", "");
        assert_eq!(codes(&no_auth), ["codex/no-auth"]);
        assert!(codes(&fixed(&no_auth)).is_empty());
        let env_key = no_auth.replace("wire_api", "env_key = \"sk-abc123abc123abc123\"\nwire_api");
        assert_eq!(codes(&env_key), ["codex/env-key-holds-key"]);
        assert!(fixed(&env_key).contains("env_key = \"RELAY_4096BYTES_API_KEY\""));
        assert_eq!(
            codes(&GOOD.replace("base_url = \"https://api.4096bytes.com\"\n", "")),
            ["codex/no-base-url"]
        );
    }

    #[test]
    fn an_api_key_codex_ignores_is_moved_where_codex_reads_it() {
        let key = "sk-abc123abc123abc123";
        let no_auth = GOOD.replace("requires_openai_auth = true\n", "");
        let in_table = format!("{no_auth}api_key = \"{key}\"\n");
        let at_top = format!("api_key = \"{key}\"\n{no_auth}");
        for text in [&in_table, &at_top] {
            assert_eq!(codes(text), ["codex/api-key-ignored"], "{text}");
            let checked = check(text, &crate::check::testing::context());
            assert!(
                checked
                    .secrets
                    .iter()
                    .any(|span| &text[span.clone()] == key),
                "the key is masked"
            );
            // Fixed, the key is gone from the file and env_key names where Codex reads it:
            // never requires_openai_auth with no auth.json in sight.
            let fixed = fixed(text);
            assert_eq!(codes(&fixed), ["codex/key-from-variable"], "{fixed}");
            assert!(!fixed.contains(key), "{fixed}");
            assert!(
                fixed.contains("env_key = \"RELAY_4096BYTES_API_KEY\""),
                "{fixed}"
            );
            assert!(!fixed.contains("requires_openai_auth"), "{fixed}");
        }
        // Beside another source of the key it is only dead weight.
        let beside = format!("{GOOD}api_key = \"{key}\"\n");
        assert_eq!(codes(&beside), ["codex/api-key-unused"]);
        assert_eq!(fixed(&beside), GOOD);
        let both = format!("api_key = \"{key}\"\n{in_table}");
        assert_eq!(
            codes(&both),
            ["codex/api-key-ignored", "codex/api-key-ignored"]
        );
        assert_eq!(
            codes(&fixed(&both)),
            ["codex/key-from-variable"],
            "{}",
            fixed(&both)
        );
    }

    #[test]
    fn every_place_codex_takes_a_key_from_counts() {
        let no_auth = GOOD.replace("requires_openai_auth = true\n", "");
        let with = |line: &str| no_auth.replace("wire_api", &format!("{line}\nwire_api"));
        let key = "sk-abc123abc123abc123";
        let bearer = with(&format!("experimental_bearer_token = \"{key}\""));
        assert!(codes(&bearer).is_empty());
        let placeholder = with("experimental_bearer_token = \"YOUR_4096BYTES_API_KEY\"");
        assert_eq!(
            codes(&placeholder),
            ["key/placeholder"],
            "the key rules apply"
        );
        let header = with(&format!(
            "http_headers = {{ AUTHORIZATION = \"Bearer {key}\" }}"
        ));
        assert!(codes(&header).is_empty());
        let checked = check(&header, &crate::check::testing::context());
        assert!(
            checked
                .secrets
                .iter()
                .any(|span| header[span.clone()].contains(key)),
            "the header's key is masked"
        );
        let other_header = with(&format!("http_headers = {{ X-Api-Key = \"{key}\" }}"));
        assert_eq!(codes(&other_header), ["codex/no-auth"]);
        let env_header = with("env_http_headers = { Authorization = \"RELAY_AUTH\" }");
        assert_eq!(codes(&env_header), ["codex/header-from-variable"]);
        let command =
            format!("{no_auth}\n[model_providers.OpenAI.auth]\ncommand = \"print-key\"\n");
        assert_eq!(codes(&command), ["codex/key-from-command"]);
        // The converse: a flag that is false, or not a boolean, gives no key.
        let off = with("requires_openai_auth = false");
        assert_eq!(codes(&off), ["codex/no-auth"]);
        let quoted = with("requires_openai_auth = \"true\"");
        assert_eq!(codes(&quoted), ["codex/not-a-boolean"]);
        assert!(codes(&fixed(&quoted)).is_empty(), "{}", fixed(&quoted));
        // And a key under a name Codex does not read is never sent.
        for name in ["bearer_token", "OPENAI_API_KEY", "api-key"] {
            let misnamed = with(&format!("{name} = \"{key}\""));
            assert_eq!(codes(&misnamed), ["codex/api-key-ignored"], "{name}");
        }
    }

    #[test]
    fn every_mistake_that_does_not_depend_on_another_is_reported_at_once() {
        let text = GOOD
            .replace("model_provider = \"OpenAI\"", "model_provider = \"relay\"")
            .replace(
                "\"https://api.4096bytes.com\"",
                "\"https://api.4096bytes.com/v1/responses \"",
            )
            .replace("requires_openai_auth = true\n", "");
        assert_eq!(
            codes(&text),
            [
                "codex/no-auth",
                "codex/provider-undefined",
                "url/endpoint-path",
                "url/whitespace"
            ]
        );
    }

    #[test]
    fn settings_codex_ignores_or_rejects() {
        let dashboard = GOOD.replace(
            "model = \"gpt-5.5\"\n",
            "model = \"gpt-5.5\"\ndisable_response_storage = true\nnetwork_access = \"enabled\"\n",
        );
        assert_eq!(
            codes(&dashboard),
            ["codex/ignored-setting", "codex/ignored-setting"]
        );
        assert_eq!(fixed(&dashboard), GOOD);
        assert_eq!(
            codes(&format!("profile = \"relay\"\n{GOOD}")),
            ["codex/legacy-profile"]
        );
        assert_eq!(
            codes(&format!("{GOOD}\n[profiles.relay]\nmodel = \"x\"\n")),
            ["codex/legacy-profiles-table"]
        );
        assert_eq!(
            codes(&format!("base_url = \"https://api.4096bytes.com\"\n{GOOD}")),
            ["codex/top-level-base-url"]
        );
        assert_eq!(
            codes(&GOOD.replace("model = \"gpt-5.5\"", "model = 5")),
            ["codex/not-a-string"]
        );
    }

    #[test]
    fn syntax_and_duplicates_point_at_the_line() {
        let duplicate = format!("{GOOD}\n[model_providers.OpenAI]\nname = \"again\"\n");
        assert_eq!(codes(&duplicate), ["toml/duplicate"]);
        assert_eq!(codes("model = \"unterminated\n"), ["toml/syntax"]);
    }

    #[test]
    fn the_base_url_gets_every_url_rule() {
        assert_eq!(
            codes(&GOOD.replace(
                "https://api.4096bytes.com",
                "https://api.4096bytes.com/v1/responses"
            )),
            ["url/endpoint-path"]
        );
        assert_eq!(
            fixed(&GOOD.replace("https://api.4096bytes.com", "http://api.4096bytes.com ")),
            GOOD
        );
        assert_eq!(
            codes(&GOOD.replace("gpt-5.5", "PASTE_MODEL_NAME_FROM_DASHBOARD")),
            ["model/placeholder"]
        );
    }
}
