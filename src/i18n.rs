//! The one translation layer: every string a person reads goes through [`Msg::text`].
//!
//! Each message carries its English and Simplified Chinese text side by side, so a message
//! cannot be added in one language and forgotten in the other (the match is exhaustive).

/// A language the page and the CLI speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhHans,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhHans];

    /// Picks the language for a BCP 47 tag such as the browser's `navigator.language`.
    pub fn from_tag(tag: &str) -> Lang {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "zh" || tag.starts_with("zh-") || tag.starts_with("zh_") {
            Lang::ZhHans
        } else {
            Lang::En
        }
    }

    /// The tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
        }
    }

    /// "line L, column C" for a position inside a multi-line text.
    pub fn at_line_column(self, line: usize, column: usize) -> String {
        match self {
            Lang::En => format!("line {line}, column {column}"),
            Lang::ZhHans => format!("第 {line} 行第 {column} 列"),
        }
    }

    /// The last line of `onramp check`: what was checked, as what, and how many findings.
    pub fn check_summary(self, name: &str, kind: &str, errors: usize, warnings: usize) -> String {
        match self {
            Lang::En => format!("{name} ({kind}): {errors} error(s), {warnings} warning(s)"),
            Lang::ZhHans => format!("{name}（{kind}）：{errors} 个错误，{warnings} 个警告"),
        }
    }

    /// A setting the merge changed, or removed when `new` is `None`.
    pub fn merge_change(self, key: &str, old: &str, new: Option<&str>) -> String {
        match (self, new) {
            (Lang::En, Some(new)) => format!("changed {key}: {old} → {new}"),
            (Lang::En, None) => format!("removed {key}: {old}"),
            (Lang::ZhHans, Some(new)) => format!("已修改 {key}：{old} → {new}"),
            (Lang::ZhHans, None) => format!("已删除 {key}：{old}"),
        }
    }

    /// A file that cannot be opened or read.
    pub fn cannot_read(self, name: &str, error: &str) -> String {
        match self {
            Lang::En => format!("cannot read {name}: {error}"),
            Lang::ZhHans => format!("无法读取 {name}：{error}"),
        }
    }

    /// A file that is not UTF-8 text.
    pub fn not_utf8(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} is not UTF-8 text"),
            Lang::ZhHans => format!("{name} 不是 UTF-8 文本"),
        }
    }

    /// A `--shell` that does not fit `--os`.
    pub fn not_a_shell_for(self, shell: &str, os: &str, shells: &str) -> String {
        match self {
            Lang::En => format!("{shell} is not a shell for --os {os}; use one of: {shells}"),
            Lang::ZhHans => format!("{shell} 不是 --os {os} 上的命令行；请使用：{shells}"),
        }
    }

    /// The doctor's count of what it found.
    pub fn doctor_summary(self, errors: usize, warnings: usize) -> String {
        match self {
            Lang::En => format!("Problems found — errors: {errors}, warnings: {warnings}"),
            Lang::ZhHans => format!("发现的问题——错误：{errors}，警告：{warnings}"),
        }
    }

    /// The line after the findings listed, when there are more than the page lists.
    pub fn more_findings(self, more: usize) -> String {
        match self {
            Lang::En => format!(
                "… and {more} more, not listed here. Fix what is fixable, or check the text a part at a time."
            ),
            Lang::ZhHans => {
                format!("……另有 {more} 处问题未在此列出。请先修复可修复的问题，或分段检查文本。")
            }
        }
    }

    /// A finding's position as it follows its message: in brackets, after a space in English;
    /// Chinese full-width brackets take none.
    pub fn position_after_message(self, position: &str) -> String {
        match self {
            Lang::En => format!(" ({position})"),
            Lang::ZhHans => format!("（{position}）"),
        }
    }

    /// The symptoms a finding can cause, by their titles.
    pub fn explains(self, titles: &[&str]) -> String {
        match self {
            Lang::En => format!("Explains: {}", titles.join(", ")),
            Lang::ZhHans => format!("可导致：{}", titles.join("、")),
        }
    }

    /// "at character N" for a 1-based character position inside a field.
    pub fn at_character(self, position: usize) -> String {
        match self {
            Lang::En => format!("at character {position}"),
            Lang::ZhHans => format!("位于第 {position} 个字符"),
        }
    }
}

/// A text in both languages, written where it is used: a rule's message sits with the rule,
/// so that adding a rule touches its own checker and nothing else. Both fields are required,
/// so a text cannot be forgotten in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhHans => self.zh,
        }
    }
}

/// A text in both languages, owned: read from data (a relay profile) or received from the
/// doctor's worker.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub en: String,
    pub zh: String,
}

impl Texts {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::ZhHans => &self.zh,
        }
    }
}

impl From<Text> for Texts {
    fn from(text: Text) -> Self {
        Texts {
            en: text.en.to_owned(),
            zh: text.zh.to_owned(),
        }
    }
}

macro_rules! messages {
    ($($name:ident => $en:literal, $zh:literal;)+) => {
        /// Every message onramp shows, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name,)+ }

        impl Msg {
            /// Every message, so tests can check all of them.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)+];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::ZhHans) => $zh,)+
                }
            }
        }
    };
}

messages! {
    // Page frame
    AppTitle => "Connect your AI client", "连接你的 AI 客户端";
    AppTagline => "Copy-ready setup for your client. Everything happens in this page: your key is never sent anywhere.", "为你的客户端生成可直接复制的配置。一切都在本页面内完成：你的密钥不会被发送到任何地方。";
    LanguageLabel => "Language", "语言";
    StepDetails => "Your connection details", "你的连接信息";
    StepClient => "Your client", "你的客户端";
    ClientLabel => "Client", "客户端";
    StepSystem => "Where it runs", "运行环境";
    ShellLabel => "Shell", "命令行";
    StepFiles => "What to set up", "设置步骤";
    OpenLink => "Open", "打开";

    // Fields
    KeyLabel => "API key", "API 密钥";
    KeyHelp => "Paste the key from your dashboard. It stays in this page.", "从控制台粘贴密钥。它只留在本页面中。";
    ShowKey => "Show key", "显示密钥";
    HideKey => "Hide key", "隐藏密钥";
    BaseUrlLabel => "Base URL", "Base URL";
    BaseUrlHelp => "The address from your dashboard, without /v1 or an endpoint path.", "控制台中显示的地址，不要加 /v1 或接口路径。";
    ModelLabel => "Model", "模型";
    ModelHelp => "Copy the exact model name from the dashboard.", "从控制台复制准确的模型名称。";
    OsLabel => "Operating system", "操作系统";
    OsMacos => "macOS", "macOS";
    OsLinux => "Linux", "Linux";
    OsWindows => "Windows", "Windows";
    OsWsl => "Windows (WSL)", "Windows（WSL）";
    PlaceholderNotice => "Until you type your key and model, the files show placeholders.", "在你填写密钥和模型之前，文件中显示的是占位符。";

    // Snippets
    Copy => "Copy", "复制";
    Copied => "Copied", "已复制";
    CopyFailed => "Copying failed: select the text and press Ctrl+C.", "复制失败：请选中文本后按 Ctrl+C。";
    Download => "Download", "下载";
    RequestLine => "will send its requests to", "将把请求发送到";
    CodexConfigNote => "Open or create this file and put the block at its very beginning, above any [table] line: keys written below a table header belong to that table and Codex ignores them.", "打开或新建此文件，把这段配置放在文件最开头、任何 [表] 行之前：写在表头下面的键属于那个表，Codex 会忽略它们。";
    CodexAuthNote => "Create this file, or replace its content. It holds your key in plain text: do not commit it or share it.", "新建此文件或替换其内容。它以明文保存你的密钥：不要提交到代码仓库，也不要分享。";
    CodexAuthJsonTitle => "Key in auth.json (for the CLI, the IDE extension and the app)", "密钥写在 auth.json 中（适用于命令行、IDE 插件和桌面应用）";
    CodexEnvSessionTitle => "Or: key in a variable for this terminal, not in a file", "或者：密钥放在仅对当前终端生效的变量中，不写入文件";
    CodexEnvPersistentTitle => "Or: key in a variable for every new terminal", "或者：密钥放在对之后所有新终端生效的变量中";
    CodexEnvSessionNextStep => "Save config.toml, then run codex in the terminal where you set the variable.", "保存 config.toml，然后在设置了该变量的终端中运行 codex。";
    CodexEnvPersistentNextStep => "Save config.toml, then open a new terminal and run codex.", "保存 config.toml，然后打开一个新终端并运行 codex。";
    WslHomeNote => "Write it inside WSL (for example in the Ubuntu terminal): a client running in WSL reads the Linux home folder, not %USERPROFILE%.", "请在 WSL 内写入（例如在 Ubuntu 终端中）：在 WSL 中运行的客户端读取的是 Linux 主目录，而不是 %USERPROFILE%。";
    RestartNote => "Save both files, open a new terminal and run codex.", "保存这两个文件，打开一个新终端并运行 codex。";

    // Environment variables
    SectionEnvSession => "Environment variables for this terminal", "仅对当前终端生效的环境变量";
    SectionEnvPersistent => "Environment variables for every new terminal", "对之后所有新终端生效的环境变量";
    EnvSessionNote => "Paste into the terminal you start the client from; they last until it closes.", "粘贴到你启动客户端的那个终端中；关闭终端后失效。";
    EnvPosixProfileNote => "Add these lines to ~/.bashrc (bash) or ~/.zshrc (zsh, the macOS default), then open a new terminal.", "把这些行加到 ~/.bashrc（bash）或 ~/.zshrc（zsh，macOS 默认）末尾，然后打开一个新终端。";
    EnvPersistentNote => "Run once. Terminals opened afterwards have the variables; those already open do not.", "运行一次即可。之后打开的终端会有这些变量，已经打开的终端不会。";
    ShellCannotHoldValue => "These values contain characters this shell cannot pass on unchanged (%, \", !, a line break or a final \\): use another shell, or the file variant.", "这些值包含此命令行无法原样传递的字符（%、\"、!、换行或末尾的 \\）：请改用其他命令行，或文件方式。";
    EnvGuiAppsNote => "Apps and editors started from the dock, the Start menu or an IDE do not see variables set in a terminal: use the file variant for them.", "从程序坞、开始菜单或 IDE 启动的应用和编辑器看不到在终端中设置的变量：这种情况请使用文件方式。";

    // Claude Code
    ClaudeSettingsTitle => "In ~/.claude/settings.json (recommended)", "写在 ~/.claude/settings.json 中（推荐）";
    ClaudeSettingsNote => "If the file exists, add these lines to its \"env\" block and keep everything else. Claude Code reads it however it is started.", "如果文件已存在，把这些行加入其中的 \"env\" 块，其他内容保持不变。无论以何种方式启动，Claude Code 都会读取它。";
    ClaudeNoApiKeyNote => "Do not also set ANTHROPIC_API_KEY: with both set, Claude Code warns that authentication may not work.", "不要同时设置 ANTHROPIC_API_KEY：两者同时存在时，Claude Code 会警告认证可能失效。";
    ClaudeOnboardingNote => "If a first interactive start still asks you to log in, add \"hasCompletedOnboarding\": true to ~/.claude.json (keep the rest of that file).", "如果首次交互启动时仍要求登录，请在 ~/.claude.json 中加入 \"hasCompletedOnboarding\": true（保留该文件的其他内容）。";
    ClaudeNextStep => "Start claude in a new terminal; /status shows the base URL in use.", "在新终端中启动 claude；/status 会显示正在使用的 Base URL。";
    ClaudeEnvSessionNextStep => "Start claude in the terminal where you set the variables; /status shows the base URL in use.", "在设置了这些变量的终端中启动 claude；/status 会显示正在使用的 Base URL。";

    // OpenAI SDKs
    SdkEnvNote => "The SDKs read OPENAI_BASE_URL and OPENAI_API_KEY when the client is created without arguments.", "创建客户端时如果不传参数，SDK 会读取 OPENAI_BASE_URL 和 OPENAI_API_KEY。";
    SdkPythonNote => "The Python example: save it as example.py and run python example.py.", "Python 示例：保存为 example.py，然后运行 python example.py。";
    SdkNodeNote => "The Node.js example: save it as example.mjs and run node example.mjs.", "Node.js 示例：保存为 example.mjs，然后运行 node example.mjs。";
    SdkEnvSessionNextStep => "In the terminal where you set the variables, run python example.py or node example.mjs: it prints the model's answer.", "在设置了这些变量的终端中运行 python example.py 或 node example.mjs：它会打印模型的回答。";
    SdkEnvPersistentNextStep => "Open a new terminal and run python example.py or node example.mjs: it prints the model's answer.", "打开一个新终端，运行 python example.py 或 node example.mjs：它会打印模型的回答。";

    // Settings screens
    FieldOpenAiApiKey => "OpenAI API Key", "OpenAI API Key";
    FieldOverrideBaseUrl => "Override OpenAI Base URL (switch it on)", "Override OpenAI Base URL（打开此开关）";
    FieldCustomModel => "Add Custom Model", "Add Custom Model（添加自定义模型）";
    FieldProviderType => "Provider type", "提供商类型";
    FieldApiHost => "API Host", "API 地址";
    FieldApiKey => "API Key", "API 密钥";
    FieldModelId => "Model ID", "模型 ID";
    FieldBaseUrl => "Base URL", "Base URL";
    FieldImportLink => "Import link", "导入链接";
    FieldDownloadPage => "Download page", "下载页面";

    // Cursor
    CursorTitle => "In Cursor's settings", "在 Cursor 的设置中";
    CursorOpenSettings => "Open Cursor Settings → Models → API Keys and fill in these fields.", "打开 Cursor Settings → Models → API Keys，填写以下字段。";
    CursorOwnModelsNote => "Cursor may still use its own models: Tab completion and some agent features always do, the override applies to every OpenAI model while it is on, and custom models need a paid plan.", "Cursor 仍可能使用它自己的模型：Tab 补全和部分 Agent 功能总是如此；开关打开时所有 OpenAI 模型都会走这个地址；自定义模型需要付费计划。";
    CursorServerNote => "Cursor sends these requests from its own servers, so the URL must be reachable from the internet; a localhost address does not work.", "Cursor 从它自己的服务器发出请求，所以地址必须能从互联网访问；localhost 地址无效。";
    CursorNextStep => "Click Verify, then pick the model in the chat's model menu.", "点击 Verify，然后在聊天的模型菜单中选择该模型。";

    // Cherry Studio
    CherryTitle => "In Cherry Studio's settings", "在 Cherry Studio 的设置中";
    CherryOpenSettings => "Open Settings → Model Provider → Add, then fill in these fields; add the model under Models.", "打开 设置 → 模型服务 → 添加，填写以下字段，并在“模型”下添加该模型。";
    CherryHostNote => "Cherry Studio appends /v1 to the API host unless its path already has a version such as /v1; a host ending in # is used exactly as typed.", "Cherry Studio 会在 API 地址后追加 /v1，除非路径中已有 /v1 这样的版本号；以 # 结尾的地址会被原样使用。";
    CherryImportTitle => "Or: import with one link", "或者：用一个链接导入";
    CherryImportNote => "The link is built in this page and contains your key: open it on your own computer and do not share it.", "此链接在本页面中生成并包含你的密钥：只在你自己的电脑上打开，不要分享。";
    CherryNextStep => "Click Check next to the API key, then pick the model in a chat.", "点击 API 密钥旁的“检查”，然后在对话中选择该模型。";
    CherryImportNextStep => "Open the link and confirm the import in Cherry Studio, add the model ID above under Models, then click Check next to the API key.", "打开链接并在 Cherry Studio 中确认导入，在“模型”下添加上面的模型 ID，然后点击 API 密钥旁的“检查”。";

    // Cline / Roo Code
    ClineTitle => "In Cline's or Roo Code's settings", "在 Cline 或 Roo Code 的设置中";
    ClineOpenSettings => "Open the extension's settings and set API Provider to OpenAI Compatible, then fill in these fields.", "打开插件设置，把 API Provider 设为 OpenAI Compatible，然后填写以下字段。";
    FieldClineApiKey => "OpenAI Compatible API Key (Roo Code: API Key)", "OpenAI Compatible API Key（Roo Code 中为 API Key）";
    FieldClineModelId => "Model ID (Roo Code: Model)", "Model ID（Roo Code 中为 Model）";
    RooCustomModelNote => "In Roo Code, type the model name under Model and pick \"Use custom\" if the list does not show it.", "在 Roo Code 中，在 Model 下输入模型名称；如果列表里没有，选择 \"Use custom\"。";
    ClineCliTitle => "Or: the Cline command line", "或者：Cline 命令行";
    ClineCliNote => "Run it once: it saves the provider in ~/.cline/data/settings/providers.json and uses it from then on.", "运行一次即可：它会把提供商保存在 ~/.cline/data/settings/providers.json 中，之后一直使用。";
    ClineExtensionNextStep => "Save, then start a new task in the extension.", "保存后，在插件中开始一个新任务。";
    ClineCliNextStep => "Then run cline \"your task\" (a single word is taken as a command name).", "然后运行 cline \"你的任务\"（单个词会被当作命令名）。";

    // OpenCode
    OpenCodeTitle => "In opencode.json", "写在 opencode.json 中";
    OpenCodeNote => "If the file exists, add the provider under \"provider\" and set \"model\", keeping the rest. It holds your key: keep it out of repositories.", "如果文件已存在，把该提供商加到 \"provider\" 下并设置 \"model\"，其余保持不变。它包含你的密钥：不要提交到代码仓库。";
    OpenCodeNextStep => "Run opencode; /models lists the relay's model.", "运行 opencode；/models 会列出中转服务的模型。";

    // Continue
    ContinueTitle => "In Continue's config.yaml", "写在 Continue 的 config.yaml 中";
    ContinueNote => "If the file exists, add this entry under models: and keep the rest. It holds your key: keep it out of repositories.", "如果文件已存在，把这一项加到 models: 下，其余保持不变。它包含你的密钥：不要提交到代码仓库。";
    ContinueCliTitle => "The cn command line", "cn 命令行";
    ContinueCliOnboardingNote => "Start cn on this file with --config: without it, its first start ignores the file and asks for an Anthropic key, and an exported ANTHROPIC_API_KEY makes it rewrite the file. Add -p \"your question\" for one answer.", "用 --config 指定此文件来启动 cn：否则它首次启动会忽略该文件并要求输入 Anthropic 密钥，而已导出的 ANTHROPIC_API_KEY 会让它改写该文件。加上 -p \"你的问题\" 可只回答一次。";
    ContinueExtensionUsesResponses => "For this model name the editor extension calls /responses instead of /chat/completions (it does so for names containing gpt-5 to gpt-9 or starting with o and a digit); the relay must serve both.", "对于这个模型名称，编辑器插件会调用 /responses 而不是 /chat/completions（名称包含 gpt-5 到 gpt-9、或以 o 加数字开头时如此）；中转服务需要同时支持两者。";
    ContinueExtensionUsesChat => "For this model name the editor extension calls /chat/completions instead of /responses (its rule is case-sensitive); the relay must serve both.", "对于这个模型名称，编辑器插件会调用 /chat/completions 而不是 /responses（它的规则区分大小写）；中转服务需要同时支持两者。";
    ContinueExtensionNextStep => "Reload the editor and pick the model in Continue's chat.", "重新加载编辑器，并在 Continue 的聊天中选择该模型。";
    ContinueStartCli => "In a terminal, start cn with the command above.", "在终端中用上面的命令启动 cn。";

    // Qwen Code
    QwenSettingsTitle => "In ~/.qwen/settings.json (recommended)", "写在 ~/.qwen/settings.json 中（推荐）";
    QwenSettingsNote => "If the file exists, merge these entries into it and keep the rest. It holds your key in plain text: keep it out of repositories.", "如果文件已存在，把这些条目合并进去，其余保持不变。它以明文保存你的密钥：不要提交到代码仓库。";
    QwenKeyVariableNote => "The key sits in the env block under the relay's own variable name, so an exported OPENAI_API_KEY or OPENAI_BASE_URL cannot override it (they do override security.auth.apiKey and baseUrl); a variable of that same name exported or in a .env file would.", "密钥以中转服务专用的变量名放在 env 块中，因此已导出的 OPENAI_API_KEY 或 OPENAI_BASE_URL 无法覆盖它（它们会覆盖 security.auth.apiKey 和 baseUrl）；只有导出的或 .env 文件中的同名变量才会覆盖。";
    QwenDollarInValue => "These values contain $ followed by a name or {, which Qwen Code replaces with an environment variable anywhere in settings.json: use the environment variables below instead.", "这些值包含 $ 后跟名称或 {，Qwen Code 会在 settings.json 中把它替换为环境变量：请改用下面的环境变量。";
    QwenEnvNote => "Qwen Code needs all three. If ~/.qwen/settings.json names a model (model.name) or another sign-in (security.auth.selectedType), the file wins: remove those entries or use the file variant.", "Qwen Code 需要全部三个变量。如果 ~/.qwen/settings.json 中指定了模型（model.name）或其他登录方式（security.auth.selectedType），以该文件为准：请删除这些条目或改用文件方式。";
    QwenNextStep => "Open a new terminal and run qwen; qwen -p \"hi\" asks one question and exits.", "打开一个新终端并运行 qwen；qwen -p \"hi\" 会问一个问题后退出。";
    QwenEnvSessionNextStep => "In the terminal where you set the variables, run qwen; qwen -p \"hi\" asks one question and exits.", "在设置了这些变量的终端中运行 qwen；qwen -p \"hi\" 会问一个问题后退出。";

    // Aider
    AiderModelNote => "The openai/ prefix tells aider the model is served by an OpenAI-compatible API.", "openai/ 前缀告诉 aider 该模型由 OpenAI 兼容接口提供。";
    AiderEnvSessionNextStep => "In the terminal where you set the variables, start aider with the command above.", "在设置了这些变量的终端中，用上面的命令启动 aider。";
    AiderEnvPersistentNextStep => "Open a new terminal and start aider with the command above.", "打开一个新终端，用上面的命令启动 aider。";

    // curl
    CurlTitle => "Test the key with one request", "用一次请求测试密钥";
    Answer200 => "200 and a JSON answer: the key, the URL and the model work the way this client uses them.", "200 并返回 JSON：按该客户端的用法，密钥、地址和模型都正常。";
    Answer401 => "401: the key is wrong, incomplete or has extra characters; copy it again.", "401：密钥错误、不完整或带有多余字符；请重新复制。";
    Answer403 => "403: the key may not use this model or group; check its permissions in the dashboard.", "403：该密钥无权使用此模型或分组；请在控制台检查权限。";
    Answer404 => "404: the URL is wrong; use the base URL without any added path.", "404：地址错误；请使用不带任何额外路径的 Base URL。";
    Answer429 => "429: too many requests, or the quota or balance is used up.", "429：请求过多，或额度、余额已用完。";
    AnswerModelNotFound => "\"model not found\": copy the model name from the dashboard again.", "\"model not found\"：请从控制台重新复制模型名称。";
    CurlNextStep => "Run it in a terminal and compare the answer with the list above.", "在终端中运行，并对照上面的列表查看结果。";

    // Installing a client
    InstallHeading => "Install", "安装";
    InstallScriptNote => "The official installer. Open a new terminal afterwards.", "官方安装程序。安装后请打开一个新终端。";
    InstallNpmNote => "Install it with npm (it needs Node.js).", "用 npm 安装（需要 Node.js）。";
    InstallNpmOrNote => "Or with npm, if you install command-line tools with it.", "或者，如果你用 npm 安装命令行工具，也可以这样安装。";
    InstallVersionNote => "In a new terminal, this prints the installed version.", "在新终端中运行，会显示已安装的版本。";
    InstallExtensionNote => "The editor extension, from the VS Code Marketplace (or search for its name in the editor's Extensions view).", "编辑器插件，来自 VS Code 插件市场（也可以在编辑器的“扩展”视图中搜索它的名称）。";
    InstallClineExtensionNote => "The editor extension from the VS Code Marketplace: the first line installs Cline, the second Roo Code (or search for its name in the editor's Extensions view).", "来自 VS Code 插件市场的编辑器插件：第一行安装 Cline，第二行安装 Roo Code（也可以在编辑器的“扩展”视图中搜索它的名称）。";
    InstallDownloadNote => "Download the app from its official page and install it.", "从官方页面下载并安装该应用。";
    InstallSdkPythonNote => "For the Python example.", "用于 Python 示例。";
    InstallSdkNodeNote => "For the Node.js example, in the folder of example.mjs.", "用于 Node.js 示例，请在 example.mjs 所在的文件夹中运行。";
    InstallCurlNote => "curl comes with macOS, Windows 10 and later, and most Linux systems: this prints its version.", "macOS、Windows 10 及以上版本和大多数 Linux 系统都自带 curl：这条命令会显示它的版本。";

    // Findings
    SeverityError => "error", "错误";
    SeverityWarning => "warning", "警告";
    SeverityInfo => "note", "提示";

    // Doctor on the page
    StepDoctor => "Check a file or a value", "检查文件或值";
    DoctorHelp => "Paste a config file, environment lines, a URL or a key: onramp says what is wrong, where and why, and fixes what it can. Nothing leaves this page.", "粘贴配置文件、环境变量命令、地址或密钥：onramp 会指出哪里有错、为什么，并修复能修复的问题。内容不会离开本页面。";
    DoctorInputLabel => "Text to check", "要检查的文本";
    DoctorKindLabel => "It is", "类型";
    DoctorKindAuto => "Recognise automatically", "自动识别";
    DoctorClean => "No problems found.", "没有发现问题。";
    DoctorFixAll => "Fix everything that can be fixed", "修复所有可修复的问题";
    DoctorMerge => "Merge the relay's settings into this config.toml", "把中转服务的设置合并到这个 config.toml";
    DoctorMerged => "Merged. Settings changed:", "已合并。改动的设置：";
    DoctorMergedNothing => "Merged; no existing setting had to change.", "已合并；没有需要改动的现有设置。";
    DoctorRemoved => "removed", "已删除";
    DoctorChecking => "Checking…", "正在检查……";
    DoctorStopped => "The checker stopped on this text and was started again. Change the text to check it again.", "检查器在处理这段文本时停止了，已重新启动。修改文本后会再次检查。";
    DoctorCannotMerge => "This file cannot be merged into until these are fixed:", "修复以下问题后才能合并这个文件：";

    // The command line
    CliWhy => "why", "原因";
    CliHelp => "help", "修复";
    CliFixAllHint => "onramp check --fix applies every fix", "onramp check --fix 会应用所有修复";
    CliNoKey => "no key given (pipe it in or set ONRAMP_KEY); printing the placeholder", "没有提供密钥（用管道传入或设置 ONRAMP_KEY）；输出占位符";
    CliKeyNotUtf8 => "ONRAMP_KEY is not valid UTF-8", "ONRAMP_KEY 不是有效的 UTF-8";
    CliMergedFile => "the merged file", "合并后的文件";
    CliStdinIsTerminal => "give a file to check, or pipe the text in (onramp check - < file)", "请指定要检查的文件，或用管道传入文本（onramp check - < 文件）";

    // Page frame: theme and links
    ThemeLabel => "Theme", "主题";
    ThemeSystem => "As the system", "跟随系统";
    ThemeLight => "Light", "浅色";
    ThemeDark => "Dark", "深色";
    CopyLink => "Copy a link to this setup", "复制此设置的链接";
    LinkCopied => "Link copied. It holds the client, system, shell and language, never your key.", "链接已复制。它只包含客户端、系统、命令行和语言，不含你的密钥。";
    AlternativesLabel => "Ways to set it up", "设置方式";

    // The setup's last step
    StepCheck => "Check that it works", "检查是否可用";
    RequestUrlBroken => "The base URL has an error (see the field above): this address will not work until it is fixed.", "Base URL 有错误（见上方的输入框）：修正之前，这个地址无法使用。";
    CheckIntro => "One request to the relay with your key and model; the answer says what to do next.", "用你的密钥和模型向中转服务发送一个请求；返回结果会告诉你下一步该做什么。";

    // Merging into a file people already have
    MergeToggle => "I already have this file", "我已经有这个文件了";
    MergeHelp => "Paste your file: the relay's settings are merged in, everything else stays as it is. Nothing leaves this page.", "粘贴你的文件：中转服务的设置会被合并进去，其他内容保持不变。内容不会离开本页面。";
    MergeInputLabel => "Your file", "你的文件";
    MergeButton => "Merge", "合并";
    MergeResultLabel => "Your file with the relay's settings", "合并了中转服务设置的文件";
    MergeChangedLines => "Changed lines are highlighted.", "改动的行已高亮显示。";
    MergeStillWrong => "The merge kept these settings of your file, which still need a look:", "合并保留了你文件中的以下设置，它们仍需检查：";

    // Troubleshooting by symptom
    StepTroubleshoot => "Something is wrong?", "遇到问题？";
    SymptomLabel => "What do you see?", "你遇到了什么情况？";
    SymptomPick => "Pick a symptom", "选择一种情况";
    ErrorTextLabel => "Or paste the error your client printed", "或者粘贴客户端输出的错误信息";
    NoSymptomRecognised => "This error is not one the guide knows: go through the steps below in order, pick the closest symptom above, or check your files with the doctor.", "指南不认识这个错误：请按顺序完成下面的步骤，在上面选择最接近的情况，或用检查工具检查你的文件。";
    LikelyCauses => "Likely causes, the most likely first", "可能的原因（按可能性排序）";
    CauseCheck => "How to tell:", "如何确认：";
    CauseFix => "Fix:", "修复：";
    CauseFound => "The doctor found this in what you pasted.", "检查工具在你粘贴的内容中发现了这个问题。";
    CauseDoctor => "Check with the doctor", "用检查工具检查";
    ChecklistHeading => "Still failing? Go through these, in order", "仍然失败？请按顺序逐项检查";
    ContactSupport => "Contact support", "联系支持";

    // The doctor in place
    DoctorAccepts => "It reads: a base URL, an API key, a model name, Codex config.toml or auth.json, Claude Code or Qwen Code settings.json, environment lines for bash, fish, PowerShell or cmd, a .env file, or a Cherry Studio import link.", "可以检查：Base URL、API 密钥、模型名称、Codex 的 config.toml 或 auth.json、Claude Code 或 Qwen Code 的 settings.json、bash/fish/PowerShell/cmd 的环境变量命令、.env 文件，或 Cherry Studio 导入链接。";
    DoctorShow => "Show", "定位";
    // Embedding, white-label profiles, offline use (issue 10)
    ProfileInvalid => "The relay profile next to this page (profile.json) is not valid, so the built-in one is used:", "本页面旁的中转服务配置（profile.json）无效，已改用内置配置：";
    LinkDocs => "Documentation", "使用文档";
    LinkSupport => "Support", "联系支持";

    // The operator's page (issue 22): the clients the relay serves
    NeedsOpenAiProtocol => "needs OpenAI's API (/chat/completions or /responses), which this relay does not serve.", "需要 OpenAI 的接口（/chat/completions 或 /responses），而此中转服务不提供。";
    NeedsAnthropicProtocol => "needs Anthropic's Messages API (/v1/messages), which this relay does not serve.", "需要 Anthropic 的 Messages 接口（/v1/messages），而此中转服务不提供。";
    NeedsGeminiProtocol => "needs the Gemini API (/v1beta/models/…), which this relay does not serve.", "需要 Gemini 接口（/v1beta/models/…），而此中转服务不提供。";
    NotAmongShownClients => "is not among the clients this relay offers.", "不在此中转服务提供的客户端之列。";

    // Gemini CLI
    GeminiEnvFileTitle => "In ~/.gemini/.env (recommended)", "写在 ~/.gemini/.env 中（推荐）";
    GeminiEnvFileNote => "Create this file, or replace these three lines in it. It holds your key in plain text: keep it out of repositories.", "新建此文件，或替换其中的这三行。它以明文保存你的密钥：不要提交到代码仓库。";
    GeminiSettingsNote => "It selects sign-in with an API key (without it Gemini CLI says \"Invalid auth method selected\") and turns off usage statistics. If the file exists, merge these entries into it and keep the rest.", "它选择用 API 密钥登录（没有它，Gemini CLI 会提示 \"Invalid auth method selected\"），并关闭使用统计。如果文件已存在，把这些条目合并进去，其余保持不变。";
    GeminiTrustNote => "Gemini CLI reads ~/.gemini/.env only in a folder you trust: it asks the first time you start it in a folder. gemini -p in a folder not trusted yet stops unless you add --skip-trust.", "Gemini CLI 只在你信任的文件夹中读取 ~/.gemini/.env：第一次在某个文件夹中启动时它会询问。在尚未信任的文件夹中运行 gemini -p 会停止，除非加上 --skip-trust。";
    GeminiOtherEnvNote => "Variables already set in your terminal win over this file, and a .env file in the folder you start gemini in, or in a folder above it, is read instead of this one.", "终端中已设置的同名变量优先于此文件；如果启动 gemini 的文件夹或其上层文件夹中有 .env 文件，会改为读取那个文件。";
    GeminiEnvFileCannotHold => "These values contain a line break, or all three kinds of quotes, which a .env file cannot hold: use the environment variables instead.", "这些值包含换行，或同时包含三种引号，.env 文件无法保存：请改用环境变量。";
    // The report for support (issue 22)
    ReportCopy => "Copy details for support", "复制给客服的详细信息";
    ReportCopied => "Copied. The report shows your key only as its length and last four characters; paste it into your message to support.", "已复制。报告中的密钥只显示长度和最后四个字符；把它粘贴到发给客服的消息中即可。";
    ReportHelp => "A plain-text summary of this page for the relay's support: what you chose and typed (the key only as its length and last four characters), what the checks found, and the error you pasted with anything key-like masked.", "给中转服务客服的纯文本摘要：你选择和填写的内容（密钥只显示长度和最后四个字符）、检查发现的问题，以及你粘贴的错误信息（其中像密钥的内容已被掩码）。";
    ReportOpenSupport => "Open the relay's support", "打开中转服务的客服页面";
    ReportTitle => "Details for support (made by onramp; the key is not included)", "给客服的详细信息（由 onramp 生成；不含密钥）";
    ReportRelay => "Relay", "中转服务";
    ReportSystem => "System", "系统";
    ReportBaseUrlTyped => "Base URL as typed", "填写的 Base URL";
    ReportRequestUrl => "Requests go to", "请求发送到";
    ReportNotTyped => "not typed", "未填写";
    ReportNone => "none", "无";
    ReportFieldFindings => "Checks of the fields", "字段检查";
    ReportDoctorFindings => "The doctor's findings", "检查工具的发现";
    ReportSymptom => "Symptom", "症状";
    ReportErrorText => "Error text (key-like parts masked)", "错误信息（像密钥的部分已掩码）";
    ReportBuild => "Build", "版本";

    // One-click import (issue 22)
    ImportTitle => "Or: import with one click", "或者：一键导入";
    ImportIntro => "These links are built in this page and contain your key: open them on your own computer and do not share them.", "这些链接在本页面中生成并包含你的密钥：只在你自己的电脑上打开，不要分享。";
    ImportNeedsValues => "Type your key and model above to get links that import them into CC Switch or Chatbox.", "在上方填写密钥和模型后，这里会出现可导入 CC Switch 或 Chatbox 的链接。";
    CcSwitchClaudeEffect => "CC Switch asks you to confirm (the key shown masked), then adds the relay as a Claude Code provider and switches to it: it rewrites the env block of ~/.claude/settings.json.", "CC Switch 会请你确认（密钥以掩码显示），然后把中转服务添加为 Claude Code 的提供商并切换过去：它会改写 ~/.claude/settings.json 的 env 块。";
    CcSwitchCodexEffect => "CC Switch asks you to confirm (the key shown masked), then adds the relay as a Codex provider and switches to it: it rewrites ~/.codex/config.toml and auth.json.", "CC Switch 会请你确认（密钥以掩码显示），然后把中转服务添加为 Codex 的提供商并切换过去：它会改写 ~/.codex/config.toml 和 auth.json。";
    CcSwitchGeminiEffect => "CC Switch asks you to confirm (the key shown masked), then adds the relay as a Gemini CLI provider and switches to it: it rewrites ~/.gemini/.env and settings.json.", "CC Switch 会请你确认（密钥以掩码显示），然后把中转服务添加为 Gemini CLI 的提供商并切换过去：它会改写 ~/.gemini/.env 和 settings.json。";
    CcSwitchOpenCodeEffect => "CC Switch asks you to confirm (the key shown masked), then adds the relay as an OpenCode provider in ~/.config/opencode/opencode.json.", "CC Switch 会请你确认（密钥以掩码显示），然后把中转服务作为提供商添加到 ~/.config/opencode/opencode.json。";
    ChatboxImportEffect => "Chatbox opens its provider settings and asks you to confirm, then adds the relay as an OpenAI-compatible provider with your key and model; pick the model in a chat.", "Chatbox 会打开提供商设置并请你确认，然后把中转服务添加为 OpenAI 兼容的提供商（含密钥和模型）；在对话中选择该模型即可。";
    GeminiNextStep => "Start gemini in your project's folder; gemini -p \"hi\" asks one question and exits.", "在你的项目文件夹中启动 gemini；gemini -p \"hi\" 会问一个问题后退出。";
    GeminiEnvSessionNextStep => "Save settings.json, then start gemini in your project's folder, in the terminal where you set the variables.", "保存 settings.json，然后在设置了这些变量的终端中、在你的项目文件夹里启动 gemini。";
    GeminiEnvPersistentNextStep => "Save settings.json, then open a new terminal and start gemini in your project's folder.", "保存 settings.json，然后打开一个新终端，在你的项目文件夹中启动 gemini。";

    // Fatal error banner (the wasm app cannot continue after a panic)
    Crashed => "Something went wrong and this page stopped working. Reload it to start again.", "出现错误，页面已停止工作。请刷新页面重新开始。";
    Reload => "Reload", "重新加载";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_browsers_get_simplified_chinese() {
        for tag in ["zh", "zh-CN", "zh-Hans", "ZH-cn", "zh_CN"] {
            assert_eq!(Lang::from_tag(tag), Lang::ZhHans, "{tag}");
        }
        for tag in ["en-US", "de", "", "zhx"] {
            assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
        }
    }

    /// What is wrong with the punctuation of a Chinese text, if anything: ASCII `,` `:` `;`
    /// `(` `)` beside a Chinese character (full-width ones belong there), or a space after
    /// full-width punctuation or inside full-width brackets.
    fn punctuation_mistake(text: &str) -> Option<String> {
        let is_han = |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}');
        let chars: Vec<char> = text.chars().collect();
        for (i, pair) in chars.windows(2).enumerate() {
            let [a, b] = [pair[0], pair[1]];
            let ascii = |c: char| matches!(c, ',' | ':' | ';' | '(' | ')');
            if (ascii(a) && is_han(b)) || (is_han(a) && ascii(b)) {
                return Some(format!("ASCII punctuation beside Chinese at {i}: {a}{b}"));
            }
            if matches!(a, '：' | '，' | '；' | '。' | '、' | '（') && b == ' '
                || a == ' ' && matches!(b, '）' | '：' | '，' | '；' | '。' | '、')
            {
                return Some(format!(
                    "a space beside full-width punctuation at {i}: {a}{b}"
                ));
            }
        }
        None
    }

    #[test]
    fn the_punctuation_check_sees_the_mistakes_it_is_for() {
        for wrong in [
            "错误： 1",
            "(第 1 行",
            "第 18 列)",
            "错误:1",
            "错误, 警告",
            "（ 第",
        ] {
            assert!(punctuation_mistake(wrong).is_some(), "{wrong}");
        }
        for right in [
            "错误：1，警告：0",
            "（第 1 行第 18 列）",
            "运行 codex exec \"hi\"：",
            "config.toml 中",
        ] {
            assert_eq!(punctuation_mistake(right), None, "{right}");
        }
    }

    #[test]
    fn chinese_texts_use_full_width_punctuation_without_stray_spaces() {
        let zh = Lang::ZhHans;
        let mut texts: Vec<(String, String)> = Msg::ALL
            .iter()
            .map(|msg| (format!("{msg:?}"), msg.text(zh).to_owned()))
            .collect();
        for rule in crate::check::rules() {
            texts.push((format!("{} message", rule.code), rule.message.zh.to_owned()));
            texts.push((format!("{} why", rule.code), rule.why.zh.to_owned()));
            if let Some(label) = rule.fix_label {
                texts.push((format!("{} fix", rule.code), label.zh.to_owned()));
            }
        }
        // The texts put together from parts, with numbers and names in them.
        for (name, text) in [
            ("at_line_column", zh.at_line_column(1, 18)),
            ("at_character", zh.at_character(3)),
            (
                "check_summary",
                zh.check_summary("配置", "Codex config.toml", 1, 0),
            ),
            ("merge_change", zh.merge_change("model", "旧", Some("新"))),
            ("cannot_read", zh.cannot_read("文件", "错误")),
            (
                "not_a_shell_for",
                zh.not_a_shell_for("fish", "windows", "powershell、cmd"),
            ),
            ("doctor_summary", zh.doctor_summary(1, 0)),
            (
                "position_after_message",
                format!(
                    "值中含有空格。{}",
                    zh.position_after_message(&zh.at_line_column(1, 18))
                ),
            ),
            ("explains", zh.explains(&["401 错误", "找不到模型"])),
        ] {
            texts.push((name.to_owned(), text));
        }
        let mistakes: Vec<String> = texts
            .iter()
            .filter_map(|(name, text)| {
                punctuation_mistake(text).map(|mistake| format!("{name}: {mistake}: {text}"))
            })
            .collect();
        assert!(mistakes.is_empty(), "{}", mistakes.join("\n"));
    }

    #[test]
    fn every_message_exists_in_every_language() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} in {lang:?}");
            }
            // A Chinese text identical to the English one is a forgotten translation,
            // except for names that are the same in both languages.
            let same_in_both = matches!(
                msg,
                Msg::BaseUrlLabel
                    | Msg::OsMacos
                    | Msg::OsLinux
                    | Msg::OsWindows
                    | Msg::FieldOpenAiApiKey
                    | Msg::FieldBaseUrl
            );
            assert_eq!(
                msg.text(Lang::En) == msg.text(Lang::ZhHans),
                same_in_both,
                "{msg:?}"
            );
        }
    }
}
