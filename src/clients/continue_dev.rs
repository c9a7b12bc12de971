//! Continue (VS Code and JetBrains): a model entry with `provider: openai` and `apiBase` in
//! `~/.continue/config.yaml`. Without `apiBase` the key would be sent to OpenAI itself.

use super::{Client, Resolved, Section, Setup, Snippet};
use crate::escape;
use crate::i18n::Msg;
use crate::platform::{Format, Os, Target};
use crate::profile::Profile;

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Continue.base_url(profile, values.base_url);
    let content = format!(
        "name: {name}\nversion: 0.0.1\nschema: v1\nmodels:\n  - name: {title}\n    provider: openai\n    model: {model}\n    apiBase: {base}\n    apiKey: {key}\n    roles:\n      - chat\n      - edit\n      - apply\n",
        name = escape::yaml(&profile.display_name),
        title = escape::yaml(&format!("{} {}", profile.display_name, values.model)),
        model = escape::yaml(values.model),
        base = escape::yaml(&base_url),
        key = escape::yaml(values.key),
    );
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    Setup {
        sections: vec![Section {
            id: "config-file",
            title: Msg::ContinueTitle,
            notes: Vec::new(),
            snippets: vec![
                Snippet::file(
                    "config.yaml",
                    target.os.home_path(".continue", "config.yaml"),
                    Format::Yaml,
                    content,
                )
                .with_notes([Msg::ContinueNote].into_iter().chain(wsl_note)),
            ],
        }],
        request_url: format!("{base_url}/chat/completions"),
        next_step: Msg::ContinueNextStep,
    }
}

// Native only: reads the YAML back with yaml-rust2, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::clients::{Client, Values};
    use crate::i18n::Lang;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use yaml_rust2::YamlLoader;

    #[test]
    fn the_yaml_reads_back_with_the_typed_values() {
        for (key, model) in [("sk-co", "gpt-5.5"), ("sk-\"q\": #x", "a: b # c\n- d")] {
            let values = Values {
                key: key.into(),
                base_url: String::new(),
                model: model.into(),
            };
            let setup =
                Client::Continue.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
            let file = &setup.sections[0].snippets[0];
            assert_eq!(
                file.heading(Lang::En),
                "%USERPROFILE%\\.continue\\config.yaml"
            );
            let docs = YamlLoader::load_from_str(&file.content).unwrap();
            let entry = &docs[0]["models"][0];
            assert_eq!(docs[0]["schema"].as_str(), Some("v1"));
            assert_eq!(entry["provider"].as_str(), Some("openai"));
            assert_eq!(entry["model"].as_str(), Some(model));
            assert_eq!(entry["apiKey"].as_str(), Some(key));
            assert_eq!(entry["apiBase"].as_str(), Some("https://api.4096bytes.com"));
        }
    }
}
