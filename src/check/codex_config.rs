//! Rules for Codex's `config.toml`, from what current Codex does with each mistake (see
//! `shared/reference/verified-clients.md` and `tests/codex_doctor_conformance.rs`).

use super::{Context, Finding, embed, model, url};
use crate::clients::Client;
use crate::escape;
use crate::i18n::Msg;
use std::ops::Range;
use toml_edit::{Document, Item, Table};

rule!(
    SYNTAX,
    "toml/syntax",
    Error,
    TomlSyntax,
    TomlSyntaxWhy,
    None
);
rule!(
    DUPLICATE,
    "toml/duplicate",
    Error,
    TomlDuplicate,
    TomlDuplicateWhy,
    None
);
rule!(
    ROOT_KEY_UNDER_TABLE,
    "codex/root-key-under-table",
    Error,
    CodexRootKeyUnderTable,
    CodexRootKeyUnderTableWhy,
    Some(Msg::FixMove)
);
rule!(
    PROVIDER_UNDEFINED,
    "codex/provider-undefined",
    Error,
    CodexProviderUndefined,
    CodexProviderUndefinedWhy,
    None
);
rule!(
    BUILTIN_PROVIDER,
    "codex/builtin-provider",
    Error,
    CodexBuiltinProvider,
    CodexBuiltinProviderWhy,
    None
);
rule!(
    RESERVED_ID,
    "codex/reserved-provider-id",
    Error,
    CodexReservedId,
    CodexReservedIdWhy,
    Some(Msg::FixRename)
);
rule!(
    WIRE_API,
    "codex/wire-api",
    Error,
    CodexWireApi,
    CodexWireApiWhy,
    Some(Msg::FixReplace)
);
rule!(
    NO_AUTH,
    "codex/no-auth",
    Error,
    CodexNoAuth,
    CodexNoAuthWhy,
    Some(Msg::FixAdd)
);
rule!(
    NO_BASE_URL,
    "codex/no-base-url",
    Error,
    CodexNoBaseUrl,
    CodexNoBaseUrlWhy,
    None
);
rule!(
    ENV_KEY_HOLDS_KEY,
    "codex/env-key-holds-key",
    Error,
    CodexEnvKeyHoldsKey,
    CodexEnvKeyHoldsKeyWhy,
    Some(Msg::FixReplace)
);
rule!(
    IGNORED_SETTING,
    "codex/ignored-setting",
    Warning,
    CodexIgnoredSetting,
    CodexIgnoredSettingWhy,
    Some(Msg::FixRemove)
);
rule!(
    LEGACY_PROFILE,
    "codex/legacy-profile",
    Error,
    CodexLegacyProfile,
    CodexLegacyProfileWhy,
    None
);
rule!(
    LEGACY_PROFILES_TABLE,
    "codex/legacy-profiles-table",
    Warning,
    CodexLegacyProfilesTable,
    CodexLegacyProfilesTableWhy,
    None
);
rule!(
    TOP_LEVEL_BASE_URL,
    "codex/top-level-base-url",
    Warning,
    CodexTopLevelBaseUrl,
    CodexTopLevelBaseUrlWhy,
    Some(Msg::FixRemove)
);
rule!(
    NOT_A_STRING,
    "codex/not-a-string",
    Error,
    CodexNotAString,
    CodexNotAStringWhy,
    None
);

/// Settings that only mean something at the top of the file.
const ROOT_ONLY: [&str; 7] = [
    "model_provider",
    "model",
    "review_model",
    "model_reasoning_effort",
    "approval_policy",
    "sandbox_mode",
    "openai_base_url",
];

/// Tables in which `model` is a setting of their own.
const TABLES_WITH_A_MODEL: [&str; 2] = ["profiles", "agents"];

/// Top-level settings Codex 0.169 reports as ignored (they come from relay dashboards).
const IGNORED: [&str; 3] = [
    "disable_response_storage",
    "network_access",
    "windows_wsl_setup_acknowledged",
];

/// Provider ids Codex keeps for itself.
const RESERVED_IDS: [&str; 4] = ["openai", "ollama", "lmstudio", "amazon-bedrock"];

pub fn check(text: &str, context: &Context) -> (Vec<Finding>, Vec<Range<usize>>) {
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let rule = if error.message().contains("duplicate") {
                &DUPLICATE
            } else {
                &SYNTAX
            };
            return (vec![Finding::new(rule, span)], Vec::new());
        }
    };
    let mut checker = Checker {
        text,
        context,
        findings: Vec::new(),
        secrets: Vec::new(),
    };
    let root = doc.as_table();
    // Every table, once: the checks below all look through them.
    let mut tables = Vec::new();
    collect_tables(root, &mut Vec::new(), &mut tables);
    checker.misplaced_root_keys(root, &tables);
    checker.root_settings(root);
    checker.providers(root, &tables);
    (checker.findings, checker.secrets)
}

struct Checker<'a> {
    text: &'a str,
    context: &'a Context<'a>,
    findings: Vec<Finding>,
    secrets: Vec<Range<usize>>,
}

impl Checker<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Adds findings about the string `value`, which sits in the file as `literal`.
    fn embed(&mut self, findings: Vec<Finding>, value: &str, literal: Range<usize>) {
        self.findings
            .extend(embed(findings, value, self.text, literal, escape::toml));
    }

    /// The span of `key`'s value in `table`.
    fn value_span(table: &Table, key: &str) -> Option<Range<usize>> {
        table.get(key)?.as_value()?.span()
    }

    /// The span of `key` itself in `table`.
    fn key_span(table: &Table, key: &str) -> Option<Range<usize>> {
        table.key(key)?.span()
    }

    /// The whole line(s) of `key = value` in `table`, newline included.
    fn line_of(&self, table: &Table, key: &str) -> Option<Range<usize>> {
        let start = Self::key_span(table, key)?.start;
        let end = Self::value_span(table, key)?.end;
        Some(line_start(self.text, start)..line_end(self.text, end))
    }

    fn misplaced_root_keys(&mut self, root: &Table, tables: &[(Vec<String>, &Table)]) {
        let insert_at = first_table_start(self.text, tables.iter().map(|(_, table)| *table));
        for (path, table) in tables {
            let has_own_model = path
                .first()
                .is_some_and(|first| TABLES_WITH_A_MODEL.contains(&first.as_str()));
            for key in ROOT_ONLY {
                if key == "model" && has_own_model || !table.contains_key(key) {
                    continue;
                }
                let (Some(key_span), Some(line)) =
                    (Self::key_span(table, key), self.line_of(table, key))
                else {
                    continue;
                };
                let mut moved = self.text[line.clone()].trim().to_owned();
                moved.push('\n');
                let finding = Finding::new(&ROOT_KEY_UNDER_TABLE, key_span).with_edit(line, "");
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
        for key in IGNORED {
            if let (Some(span), Some(line)) = (Self::key_span(root, key), self.line_of(root, key)) {
                self.push(Finding::new(&IGNORED_SETTING, span).with_edit(line, ""));
            }
        }
        if let Some(span) = Self::key_span(root, "profile") {
            self.push(Finding::new(&LEGACY_PROFILE, span));
        }
        if let Some(span) = table_span(root, "profiles") {
            self.push(Finding::new(&LEGACY_PROFILES_TABLE, span));
        }
        if let (Some(span), Some(line)) = (
            Self::key_span(root, "base_url"),
            self.line_of(root, "base_url"),
        ) {
            self.push(Finding::new(&TOP_LEVEL_BASE_URL, span).with_edit(line, ""));
        }
        for key in ["model", "review_model"] {
            self.string_setting(root, key, |checker, value, literal| {
                let findings = model::check(value, checker.context.profile);
                checker.embed(findings, value, literal);
            });
        }
    }

    /// Runs `check` on the string value of `key`, or reports that it is not a string.
    fn string_setting(
        &mut self,
        table: &Table,
        key: &str,
        check: impl FnOnce(&mut Self, &str, Range<usize>),
    ) {
        let Some(item) = table.get(key) else { return };
        let span = item
            .as_value()
            .and_then(|value| value.span())
            .unwrap_or(0..0);
        match item.as_str() {
            Some(value) => check(self, value, span),
            None => self.push(Finding::new(&NOT_A_STRING, span)),
        }
    }

    fn providers(&mut self, root: &Table, tables: &[(Vec<String>, &Table)]) {
        let providers = root.get("model_providers").and_then(Item::as_table);
        // A `model_provider` that slid under a table still says which provider is meant;
        // the root-key finding reports where it sits.
        let misplaced = tables
            .iter()
            .find(|(_, table)| table.get("model_provider").and_then(Item::as_str).is_some());
        let (selected, selected_span) = match (root.get("model_provider"), misplaced) {
            (None, Some((_, table))) => (
                table.get("model_provider").and_then(Item::as_str),
                Self::value_span(table, "model_provider"),
            ),
            _ => (
                root.get("model_provider").and_then(Item::as_str),
                Self::value_span(root, "model_provider"),
            ),
        };
        let relay_id = self.context.profile.clients.codex.provider_id.clone();

        if let Some(providers) = providers {
            for reserved in RESERVED_IDS {
                let Some(header) = providers.key(reserved).and_then(|key| key.span()) else {
                    continue;
                };
                let mut finding = Finding::new(&RESERVED_ID, header.clone());
                if !providers.contains_key(&relay_id) {
                    finding = finding.with_edit(header, &relay_id);
                    if let Some(span) = selected_span.clone().filter(|_| selected == Some(reserved))
                    {
                        finding = finding.with_edit(span, &escape::toml(&relay_id));
                    }
                }
                self.push(finding);
            }
        }

        match (
            selected,
            providers.and_then(|p| selected.and_then(|id| p.get(id)).and_then(Item::as_table)),
        ) {
            (Some(_), Some(provider)) => self.provider(provider),
            (Some(id), None) if RESERVED_IDS.contains(&id) => {
                self.push(Finding::new(
                    &BUILTIN_PROVIDER,
                    selected_span.unwrap_or(0..0),
                ));
            }
            (Some(_), None) => self.push(Finding::new(
                &PROVIDER_UNDEFINED,
                selected_span.unwrap_or(0..0),
            )),
            (None, _) if root.contains_key("model_provider") || misplaced.is_some() => {
                self.push(Finding::new(&NOT_A_STRING, selected_span.unwrap_or(0..0)));
            }
            (None, _) => {
                let provider_tables = tables
                    .iter()
                    .filter(|(path, _)| {
                        path.first().is_some_and(|first| first == "model_providers")
                    })
                    .map(|(_, table)| *table);
                let at = first_table_start(self.text, provider_tables).unwrap_or(0);
                self.push(Finding::new(&BUILTIN_PROVIDER, at..line_end(self.text, at)));
            }
        }
    }

    fn provider(&mut self, provider: &Table) {
        let header = provider.span().unwrap_or(0..0);
        if provider
            .get("wire_api")
            .is_some_and(|item| item.as_str() != Some("responses"))
        {
            let span = Self::value_span(provider, "wire_api").unwrap_or(header.clone());
            self.push(Finding::new(&WIRE_API, span.clone()).with_edit(span, "\"responses\""));
        }
        if provider.contains_key("base_url") {
            self.string_setting(provider, "base_url", |checker, value, literal| {
                let context = Context {
                    client: Some(Client::Codex),
                    ..*checker.context
                };
                let findings = url::check_for(value, &context);
                checker.embed(findings, value, literal);
            });
        } else {
            self.push(Finding::new(&NO_BASE_URL, header.clone()));
        }
        if provider.contains_key("env_key") {
            let relay_env_key = self.context.profile.clients.codex.env_key.clone();
            self.string_setting(provider, "env_key", |checker, value, literal| {
                if !is_variable_name(value) {
                    checker
                        .secrets
                        .push(super::unquoted(checker.text, &literal));
                    let fix = escape::toml(&relay_env_key);
                    checker.push(
                        Finding::new(&ENV_KEY_HOLDS_KEY, literal.clone()).with_edit(literal, &fix),
                    );
                }
            });
        }
        if let Some(span) = Self::value_span(provider, "experimental_bearer_token") {
            self.secrets.push(super::unquoted(self.text, &span));
        }
        let authenticated = provider.get("requires_openai_auth").and_then(Item::as_bool)
            == Some(true)
            || ["env_key", "experimental_bearer_token", "auth"]
                .iter()
                .any(|key| provider.contains_key(key));
        if !authenticated {
            let at = line_end(self.text, header.end);
            self.push(
                Finding::new(&NO_AUTH, header).with_edit(at..at, "requires_openai_auth = true\n"),
            );
        }
    }
}

/// Every table below `table` (not arrays of tables), with its path.
fn collect_tables<'a>(
    table: &'a Table,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a Table)>,
) {
    for (key, item) in table.iter() {
        if let Item::Table(child) = item {
            path.push(key.to_owned());
            out.push((path.clone(), child));
            collect_tables(child, path, out);
            path.pop();
        }
    }
}

/// The span of the `[key]` or `[key.…]` header of a table below `table`.
fn table_span(table: &Table, key: &str) -> Option<Range<usize>> {
    let child = table.get(key)?.as_table()?;
    child
        .span()
        .or_else(|| child.iter().find_map(|(_, item)| item.as_table()?.span()))
}

/// Where the first of `tables`' headers starts, moved up over the comment lines right
/// above it (they describe the table): where top-level settings can be inserted.
fn first_table_start<'a>(text: &str, tables: impl Iterator<Item = &'a Table>) -> Option<usize> {
    let header = tables
        .filter_map(Table::span)
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

fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |index| index + 1)
}

fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |index| offset + index + 1)
}

/// Whether `name` can name an environment variable (what `env_key` must hold).
fn is_variable_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.to_ascii_lowercase().starts_with("sk")
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
        crate::check::testing::sorted_codes(&check(text, &crate::check::testing::context()).0)
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
            assert!(codes(&snippet.content).is_empty(), "{}", snippet.content);
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
