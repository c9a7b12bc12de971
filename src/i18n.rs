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

    /// "at character N" for a 1-based character position inside a field.
    pub fn at_character(self, position: usize) -> String {
        match self {
            Lang::En => format!("at character {position}"),
            Lang::ZhHans => format!("位于第 {position} 个字符"),
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
    CodexEnvKeyTitle => "Or: key in an environment variable, nothing on disk", "或者：密钥放在环境变量中，不写入磁盘";
    WslHomeNote => "Write it inside WSL (for example in the Ubuntu terminal): a client running in WSL reads the Linux home folder, not %USERPROFILE%.", "请在 WSL 内写入（例如在 Ubuntu 终端中）：在 WSL 中运行的客户端读取的是 Linux 主目录，而不是 %USERPROFILE%。";
    RestartNote => "Save both files, open a new terminal and run codex.", "保存这两个文件，打开一个新终端并运行 codex。";

    // Environment variables
    SectionEnvSession => "Environment variables for this terminal", "仅对当前终端生效的环境变量";
    SectionEnvPersistent => "Environment variables for every new terminal", "对之后所有新终端生效的环境变量";
    EnvSessionNote => "Paste into the terminal you start the client from; they last until it closes.", "粘贴到你启动客户端的那个终端中；关闭终端后失效。";
    EnvPosixProfileNote => "Add these lines to ~/.bashrc (bash) or ~/.zshrc (zsh, the macOS default), then open a new terminal.", "把这些行加到 ~/.bashrc（bash）或 ~/.zshrc（zsh，macOS 默认）末尾，然后打开一个新终端。";
    EnvPersistentNote => "Run once. Terminals opened afterwards have the variables; those already open do not.", "运行一次即可。之后打开的终端会有这些变量，已经打开的终端不会。";
    ShellCannotHoldValue => "These values contain characters this shell cannot set safely (%, \", ! or a line break): use PowerShell, or the file variant.", "这些值包含此命令行无法安全设置的字符（%、\"、! 或换行）：请改用 PowerShell 或文件方式。";
    EnvGuiAppsNote => "Apps and editors started from the dock, the Start menu or an IDE do not see variables set in a terminal: use the file variant for them.", "从程序坞、开始菜单或 IDE 启动的应用和编辑器看不到在终端中设置的变量：这种情况请使用文件方式。";

    // Claude Code
    ClaudeSettingsTitle => "In ~/.claude/settings.json (recommended)", "写在 ~/.claude/settings.json 中（推荐）";
    ClaudeSettingsNote => "If the file exists, add these lines to its \"env\" block and keep everything else. Claude Code reads it however it is started.", "如果文件已存在，把这些行加入其中的 \"env\" 块，其他内容保持不变。无论以何种方式启动，Claude Code 都会读取它。";
    ClaudeNoApiKeyNote => "Do not also set ANTHROPIC_API_KEY: with both set, Claude Code warns that authentication may not work.", "不要同时设置 ANTHROPIC_API_KEY：两者同时存在时，Claude Code 会警告认证可能失效。";
    ClaudeOnboardingNote => "If a first interactive start still asks you to log in, add \"hasCompletedOnboarding\": true to ~/.claude.json (keep the rest of that file).", "如果首次交互启动时仍要求登录，请在 ~/.claude.json 中加入 \"hasCompletedOnboarding\": true（保留该文件的其他内容）。";
    ClaudeNextStep => "Start claude in a new terminal; /status shows the base URL in use.", "在新终端中启动 claude；/status 会显示正在使用的 Base URL。";

    // OpenAI SDKs
    SdkEnvNote => "The SDKs read OPENAI_BASE_URL and OPENAI_API_KEY when the client is created without arguments.", "创建客户端时如果不传参数，SDK 会读取 OPENAI_BASE_URL 和 OPENAI_API_KEY。";
    SdkPythonTitle => "Python", "Python";
    SdkPythonNote => "Install with pip install openai, then run python example.py.", "先运行 pip install openai 安装，然后运行 python example.py。";
    SdkNodeTitle => "Node.js", "Node.js";
    SdkNodeNote => "Install with npm install openai, then run node example.mjs.", "先运行 npm install openai 安装，然后运行 node example.mjs。";
    SdkNextStep => "Set the variables, then run an example: it prints the model's answer.", "设置好变量后运行示例：它会打印模型的回答。";

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

    // Cline / Roo Code
    ClineTitle => "In Cline's or Roo Code's settings", "在 Cline 或 Roo Code 的设置中";
    ClineOpenSettings => "Open the extension's settings and set API Provider to OpenAI Compatible, then fill in these fields.", "打开插件设置，把 API Provider 设为 OpenAI Compatible，然后填写以下字段。";
    FieldClineApiKey => "OpenAI Compatible API Key (Roo Code: API Key)", "OpenAI Compatible API Key（Roo Code 中为 API Key）";
    FieldClineModelId => "Model ID (Roo Code: Model)", "Model ID（Roo Code 中为 Model）";
    RooCustomModelNote => "In Roo Code, type the model name under Model and pick \"Use custom\" if the list does not show it.", "在 Roo Code 中，在 Model 下输入模型名称；如果列表里没有，选择 \"Use custom\"。";
    ClineCliTitle => "Or: the Cline command line", "或者：Cline 命令行";
    ClineCliNote => "Run it once (install the command line with npm install -g cline): it saves the provider in ~/.cline/data/settings/providers.json and uses it from then on.", "运行一次即可（用 npm install -g cline 安装命令行）：它会把提供商保存在 ~/.cline/data/settings/providers.json 中，之后一直使用。";
    ClineStartTask => "In the extension, save and start a new task; on the command line, run cline \"your task\" (a single word is taken as a command name).", "在插件中保存后开始一个新任务；在命令行中运行 cline \"你的任务\"（单个词会被当作命令名）。";

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
    ContinueStartCli => "Reload the editor and pick the model in Continue's chat; in a terminal, start cn with the command above.", "重新加载编辑器并在 Continue 的聊天中选择该模型；在终端中用上面的命令启动 cn。";

    // Qwen Code
    QwenSettingsTitle => "In ~/.qwen/settings.json (recommended)", "写在 ~/.qwen/settings.json 中（推荐）";
    QwenSettingsNote => "If the file exists, merge these entries into it and keep the rest. It holds your key in plain text: keep it out of repositories.", "如果文件已存在，把这些条目合并进去，其余保持不变。它以明文保存你的密钥：不要提交到代码仓库。";
    QwenKeyVariableNote => "The key sits in the env block under the relay's own variable name, so an exported OPENAI_API_KEY or OPENAI_BASE_URL cannot override it (they do override security.auth.apiKey and baseUrl); a variable of that same name exported or in a .env file would.", "密钥以中转服务专用的变量名放在 env 块中，因此已导出的 OPENAI_API_KEY 或 OPENAI_BASE_URL 无法覆盖它（它们会覆盖 security.auth.apiKey 和 baseUrl）；只有导出的或 .env 文件中的同名变量才会覆盖。";
    QwenDollarInValue => "These values contain $ followed by a name or {, which Qwen Code replaces with an environment variable anywhere in settings.json: use the environment variables below instead.", "这些值包含 $ 后跟名称或 {，Qwen Code 会在 settings.json 中把它替换为环境变量：请改用下面的环境变量。";
    QwenEnvNote => "Qwen Code needs all three. If ~/.qwen/settings.json names a model (model.name) or another sign-in (security.auth.selectedType), the file wins: remove those entries or use the file variant.", "Qwen Code 需要全部三个变量。如果 ~/.qwen/settings.json 中指定了模型（model.name）或其他登录方式（security.auth.selectedType），以该文件为准：请删除这些条目或改用文件方式。";
    QwenNextStep => "Open a new terminal and run qwen; qwen -p \"hi\" asks one question and exits.", "打开一个新终端并运行 qwen；qwen -p \"hi\" 会问一个问题后退出。";

    // Aider
    AiderStartTitle => "Start aider", "启动 aider";
    AiderModelNote => "The openai/ prefix tells aider the model is served by an OpenAI-compatible API.", "openai/ 前缀告诉 aider 该模型由 OpenAI 兼容接口提供。";
    AiderNextStep => "Set the variables, then start aider with the command above.", "设置好变量后，用上面的命令启动 aider。";

    // curl
    CurlTitle => "Test the key with one request", "用一次请求测试密钥";
    Answer200 => "200 and a JSON answer: the key, the URL and the model all work.", "200 并返回 JSON：密钥、地址和模型都正常。";
    Answer401 => "401: the key is wrong, incomplete or has extra characters; copy it again.", "401：密钥错误、不完整或带有多余字符；请重新复制。";
    Answer403 => "403: the key may not use this model or group; check its permissions in the dashboard.", "403：该密钥无权使用此模型或分组；请在控制台检查权限。";
    Answer404 => "404: the URL is wrong; use the base URL without any added path.", "404：地址错误；请使用不带任何额外路径的 Base URL。";
    Answer429 => "429: too many requests, or the quota or balance is used up.", "429：请求过多，或额度、余额已用完。";
    AnswerModelNotFound => "\"model not found\": copy the model name from the dashboard again.", "\"model not found\"：请从控制台重新复制模型名称。";
    CurlNextStep => "Run it in a terminal and compare the answer with the list above.", "在终端中运行，并对照上面的列表查看结果。";

    // Findings
    SeverityError => "error", "错误";
    SeverityWarning => "warning", "警告";
    SeverityInfo => "note", "提示";
    FixRemove => "Remove it", "删除";
    FixUseHttps => "Use https://", "改用 https://";
    FixAddHttps => "Add https://", "加上 https://";
    WhitespaceInValue => "Contains whitespace (a space, tab or line break).", "包含空白字符（空格、制表符或换行）。";
    WhitespaceWhy => "The value is used exactly as typed: a stray space or line break gives 401 for a key and an invalid URL for an address.", "该值会被原样使用：多余的空格或换行会让密钥返回 401，让地址变成无效 URL。";
    InvisibleInValue => "Contains an invisible character (zero-width space, byte order mark or similar).", "包含不可见字符（零宽空格、BOM 等）。";
    InvisibleWhy => "Invisible characters are copied along from web pages and chats; they become part of the value and the relay rejects it.", "不可见字符常随网页或聊天内容一起被复制，它们会成为值的一部分，导致中转服务拒绝请求。";
    KeyPlaceholder => "This is the placeholder from the docs, not your key.", "这是文档中的占位符，不是你的密钥。";
    KeyPlaceholderWhy => "Every request fails with 401 until it is replaced with the key from your dashboard.", "在替换为控制台中的密钥之前，所有请求都会返回 401。";
    KeyBearerPrefix => "Starts with \"Bearer \": paste the key alone.", "以 \"Bearer \" 开头：只需粘贴密钥本身。";
    KeyBearerPrefixWhy => "Clients add \"Bearer \" themselves; sent twice, the key is rejected with 401.", "客户端会自动加上 \"Bearer \"；重复后密钥会被拒绝并返回 401。";
    ModelPlaceholder => "This is the placeholder from the docs, not a model name.", "这是文档中的占位符，不是模型名称。";
    ModelPlaceholderWhy => "The relay answers \"model not found\" until it is replaced with a name from your dashboard.", "在替换为控制台中的模型名称之前，中转服务会返回 \"model not found\"。";
    UrlSchemeMissing => "Has no https:// in front.", "前面缺少 https://。";
    UrlSchemeMissingWhy => "Clients reject an address without a scheme (\"unsupported protocol\" or \"invalid URL\").", "客户端会拒绝没有协议头的地址（\"unsupported protocol\" 或 \"invalid URL\"）。";
    UrlInsecureHttp => "Uses http:// instead of https://.", "使用了 http:// 而不是 https://。";
    UrlInsecureHttpWhy => "The relay is served over https; over http the key travels unencrypted and the request is refused or redirected.", "中转服务使用 https；使用 http 时密钥以明文传输，请求会被拒绝或重定向。";

    // Doctor: input kinds
    KindUrl => "Base URL", "Base URL";
    KindKey => "API key", "API 密钥";
    KindModel => "Model name", "模型名称";
    KindCodexConfig => "Codex config.toml", "Codex config.toml";
    KindCodexAuth => "Codex auth.json", "Codex auth.json";
    KindClaudeSettings => "Claude Code settings.json", "Claude Code settings.json";
    KindEnvBash => "Environment lines (bash/zsh)", "环境变量命令（bash/zsh）";
    KindEnvFish => "Environment lines (fish)", "环境变量命令（fish）";
    KindEnvPowerShell => "Environment lines (PowerShell)", "环境变量命令（PowerShell）";
    KindEnvCmd => "Environment lines (cmd)", "环境变量命令（cmd）";
    KindDotEnv => ".env file", ".env 文件";
    KindCherryLink => "Cherry Studio import link", "Cherry Studio 导入链接";

    // Doctor: general
    InputTooLarge => "This text is too large to check (over 1 MB).", "文本过大，无法检查（超过 1 MB）。";
    InputTooLargeWhy => "No client setting is that big: paste only the file or the lines in question.", "客户端配置不会这么大：请只粘贴相关的文件或行。";
    FixReplace => "Replace it", "替换";
    FixMove => "Move it", "移动";
    FixRename => "Rename it", "重命名";
    FixAdd => "Add it", "添加";
    QuotedValue => "Has quotes around it that are not part of the value.", "两边带有不属于值本身的引号。";
    QuotedValueWhy => "The quotes are sent along: the key is rejected with 401, the address is invalid.", "引号会被一起发送：密钥会返回 401，地址会无效。";

    // Doctor: URLs
    UrlFullwidth => "Has full-width punctuation (：／．。) from a Chinese or Japanese input method.", "包含中文或日文输入法的全角标点（：／．。）。";
    UrlFullwidthWhy => "A URL only takes ASCII punctuation: the client reports an invalid URL or cannot resolve the host.", "URL 只接受 ASCII 标点：客户端会报无效 URL 或无法解析主机。";
    UrlSchemeMisspelled => "The scheme is misspelled: it must be exactly https://.", "协议头拼写错误：必须是 https://。";
    UrlEndpointPath => "Ends with an endpoint path (/chat/completions, /responses, /messages…) that the client adds itself.", "以接口路径（/chat/completions、/responses、/messages 等）结尾，而客户端会自己添加它。";
    UrlEndpointPathWhy => "The client appends its endpoint again, for example …/chat/completions/chat/completions, and gets 404.", "客户端会再追加一次接口路径，例如 …/chat/completions/chat/completions，结果返回 404。";
    UrlDoubledV1 => "Ends with /v1, which this client adds itself.", "以 /v1 结尾，而此客户端会自己添加 /v1。";
    UrlDoubledV1Why => "The client then calls …/v1/v1/…, which answers 404 (Claude Code says the model may not exist).", "客户端会请求 …/v1/v1/…，返回 404（Claude Code 会提示模型可能不存在）。";
    UrlUnexpectedPath => "The path differs from what this relay expects for this client.", "路径与此中转服务对该客户端要求的不一致。";
    UrlUnexpectedPathWhy => "Requests go to a path the relay does not serve and fail with 404.", "请求会发往中转服务不提供的路径，返回 404。";
    UrlDoubleSlash => "Has a doubled slash in its path.", "路径中有重复的斜杠。";
    UrlDoubleSlashWhy => "Some relays treat //v1 as a different path and answer 404.", "部分中转服务会把 //v1 当作另一个路径并返回 404。";
    UrlQuery => "Has a query (?…) or fragment (#…), which base URLs do not take.", "带有查询参数（?…）或片段（#…），Base URL 不应包含它们。";
    UrlQueryWhy => "Clients append their path after it and produce a broken URL.", "客户端会在其后追加路径，生成错误的 URL。";
    UrlHostTypo => "The host looks like a typo of the relay's address.", "主机名看起来是中转服务地址的拼写错误。";
    UrlHostTypoWhy => "The client cannot resolve or reach the host, or reaches someone else's server.", "客户端无法解析或连接该主机，甚至会连到别人的服务器。";
    UrlOtherHost => "This is not the relay's address.", "这不是此中转服务的地址。";
    UrlOtherHostWhy => "Fine for a proxy of your own; otherwise the key goes to another service and is rejected.", "如果是你自己的代理则没问题；否则密钥会被发往其他服务并被拒绝。";
    UrlLooksLikeKey => "This looks like an API key, not an address.", "这看起来是 API 密钥，而不是地址。";
    UrlLooksLikeKeyWhy => "The key and the base URL were swapped: put the key in the key field.", "密钥和 Base URL 填反了：请把密钥填到密钥字段。";

    // Doctor: keys
    KeySurroundingSpace => "Has spaces before or after the key.", "密钥前后有空格。";
    KeySurroundingSpaceWhy => "Most clients and relays trim them, but some send them along and get 401: remove them to be sure.", "大多数客户端和中转服务会去掉它们，但也有客户端会一起发送并得到 401：删掉更稳妥。";
    KeyLooksLikeUrl => "This looks like an address, not an API key.", "这看起来是地址，而不是 API 密钥。";
    KeyLooksLikeUrlWhy => "The base URL was pasted into the key field: every request fails with 401.", "Base URL 被粘贴到了密钥字段：所有请求都会返回 401。";
    KeyTruncated => "This looks like a shortened or masked copy of a key.", "这看起来是被截断或打了码的密钥。";
    KeyTruncatedWhy => "Dashboards show keys shortened (sk-abc…xyz); only the full key works. Copy it again with the copy button.", "控制台显示的是缩略的密钥（sk-abc…xyz）；只有完整密钥才有效。请用复制按钮重新复制。";
    KeyUnexpectedPrefix => "This relay's keys start differently.", "此中转服务的密钥开头不是这样。";
    KeyUnexpectedPrefixWhy => "It may be a key of another service, which the relay rejects with 401.", "这可能是其他服务的密钥，中转服务会返回 401。";

    // Doctor: TOML
    TomlSyntax => "This is not valid TOML.", "这不是有效的 TOML。";
    TomlSyntaxWhy => "Codex refuses to start: \"Error loading config.toml\".", "Codex 无法启动：\"Error loading config.toml\"。";
    TomlDuplicate => "This key or table is defined twice.", "这个键或表被定义了两次。";
    TomlDuplicateWhy => "Codex refuses to start with \"duplicate key\"; this happens when a block is pasted into a file that already has it.", "Codex 会因 \"duplicate key\" 无法启动；通常是把配置块粘贴进已经包含它的文件导致的。";

    // Doctor: Codex config.toml
    CodexRootKeyUnderTable => "This top-level setting sits under a [table] header, so Codex reads it as part of that table.", "这个顶层设置位于某个 [表] 之下，Codex 会把它当作那个表的一部分。";
    CodexRootKeyUnderTableWhy => "Happens when the block is appended at the end of the file: Codex fails (\"expected a boolean in features\") or silently uses OpenAI instead of the relay.", "通常是把配置块追加到文件末尾导致的：Codex 会报错（\"expected a boolean in features\"）或悄悄改用 OpenAI 而不是中转服务。";
    CodexProviderUndefined => "model_provider names a provider that has no [model_providers.…] table.", "model_provider 指向的提供商没有对应的 [model_providers.…] 表。";
    CodexProviderUndefinedWhy => "Codex stops with \"Model provider not found\".", "Codex 会报 \"Model provider not found\" 并停止。";
    CodexBuiltinProvider => "model_provider selects Codex's built-in OpenAI provider, not the relay.", "model_provider 选择的是 Codex 内置的 OpenAI 提供商，而不是中转服务。";
    CodexBuiltinProviderWhy => "Requests go to OpenAI with the relay's key and fail; this is the usual \"Codex still uses the old model\".", "请求会带着中转服务的密钥发往 OpenAI 并失败；这就是常见的\"Codex 仍在使用旧模型\"。";
    CodexReservedId => "openai (lower case) is reserved for Codex's built-in provider.", "openai（小写）是 Codex 内置提供商的保留 ID。";
    CodexReservedIdWhy => "Codex refuses to start: \"model_providers contains reserved built-in provider IDs\".", "Codex 无法启动：\"model_providers contains reserved built-in provider IDs\"。";
    CodexWireApi => "wire_api must be \"responses\".", "wire_api 必须是 \"responses\"。";
    CodexWireApiWhy => "Codex no longer supports \"chat\" and refuses to start.", "Codex 已不再支持 \"chat\"，会拒绝启动。";
    CodexNoAuth => "This provider reads no key: add requires_openai_auth = true (key in auth.json) or env_key.", "该提供商读取不到密钥：请添加 requires_openai_auth = true（密钥在 auth.json 中）或 env_key。";
    CodexNoAuthWhy => "Codex sends no key and the relay answers 401.", "Codex 不发送密钥，中转服务返回 401。";
    CodexNoBaseUrl => "This provider has no base_url.", "该提供商没有 base_url。";
    CodexNoBaseUrlWhy => "Codex sends its requests, with the relay's key, to OpenAI.", "Codex 会带着中转服务的密钥把请求发往 OpenAI。";
    CodexEnvKeyHoldsKey => "env_key must be the name of an environment variable, not the key itself.", "env_key 应该是环境变量的名称，而不是密钥本身。";
    CodexEnvKeyHoldsKeyWhy => "Codex stops with \"Missing environment variable: sk-…\".", "Codex 会报 \"Missing environment variable: sk-…\" 并停止。";
    CodexIgnoredSetting => "Current Codex ignores this setting.", "当前版本的 Codex 会忽略这个设置。";
    CodexIgnoredSettingWhy => "Codex prints \"ignoring unrecognized configuration settings\" on every start; removing the line changes nothing else.", "Codex 每次启动都会提示 \"ignoring unrecognized configuration settings\"；删除这一行不会影响其他内容。";
    CodexLegacyProfile => "The legacy profile = … selector is no longer supported.", "旧式的 profile = … 选择器已不再支持。";
    CodexLegacyProfileWhy => "Codex 0.134 and later refuse to start; use a separate <name>.config.toml and codex --profile <name>.", "Codex 0.134 及之后的版本会拒绝启动；请改用单独的 <名称>.config.toml 并运行 codex --profile <名称>。";
    CodexTopLevelBaseUrl => "base_url at the top level is ignored: only the one in [model_providers.…] counts.", "顶层的 base_url 会被忽略：只有 [model_providers.…] 中的才有效。";
    CodexTopLevelBaseUrlWhy => "Editing this line changes nothing, which misleads whoever edits it next.", "修改这一行不会有任何效果，会误导之后修改配置的人。";
    CodexLegacyProfilesTable => "[profiles.…] tables are ignored by current Codex.", "当前版本的 Codex 会忽略 [profiles.…] 表。";
    CodexLegacyProfilesTableWhy => "Settings in it have no effect; since 0.134 a profile is a separate <name>.config.toml used with codex --profile <name>.", "其中的设置不会生效；从 0.134 起，profile 是单独的 <名称>.config.toml，用 codex --profile <名称> 启用。";
    CodexNotAString => "This setting must be a quoted string.", "这个设置必须是带引号的字符串。";
    CodexNotAStringWhy => "Codex refuses to start with \"invalid type\".", "Codex 会因 \"invalid type\" 拒绝启动。";

    // Doctor: JSON files
    JsonSyntax => "This is not valid JSON.", "这不是有效的 JSON。";
    JsonSyntaxWhy => "The client cannot read the file and ignores it or refuses to start.", "客户端无法读取该文件，会忽略它或拒绝启动。";
    JsonBom => "The file starts with an invisible byte order mark.", "文件开头有一个不可见的字节顺序标记（BOM）。";
    JsonBomWhy => "Some JSON readers reject it; Windows Notepad adds it when saving as \"UTF-8 with BOM\".", "部分 JSON 解析器会拒绝它；Windows 记事本以\"带 BOM 的 UTF-8\"保存时会加上它。";
    JsonSmartQuotes => "Uses typographic quotes (“ ”) where JSON needs straight quotes (\").", "使用了排版引号（“ ”），而 JSON 需要直引号（\"）。";
    JsonSmartQuotesWhy => "Word processors and chat apps replace quotes; the file is then not JSON.", "文字处理软件和聊天应用会替换引号，文件就不再是 JSON 了。";
    JsonTrailingComma => "Has a comma before a closing brace or bracket.", "在右花括号或右方括号前多了一个逗号。";
    JsonTrailingCommaWhy => "JSON does not allow it: the file cannot be read.", "JSON 不允许这样：文件无法被读取。";
    AuthMissingKey => "There is no OPENAI_API_KEY entry.", "没有 OPENAI_API_KEY 这一项。";
    AuthMissingKeyWhy => "With requires_openai_auth, Codex reads the key from exactly that name: without it, it asks you to log in.", "使用 requires_openai_auth 时，Codex 只从这个名称读取密钥：缺少它会要求你登录。";
    AuthWrongKeyName => "The key's entry must be named exactly OPENAI_API_KEY.", "密钥这一项的名称必须是 OPENAI_API_KEY。";
    AuthWrongKeyNameWhy => "Codex ignores other names and finds no key.", "Codex 会忽略其他名称，找不到密钥。";
    AuthNotAString => "OPENAI_API_KEY must be a quoted string.", "OPENAI_API_KEY 必须是带引号的字符串。";
    AuthNotAStringWhy => "Codex cannot read the file.", "Codex 无法读取该文件。";
    AuthChatGptLogin => "This auth.json holds a ChatGPT login.", "这个 auth.json 保存的是 ChatGPT 登录信息。";
    AuthChatGptLoginWhy => "Codex would send the ChatGPT tokens to the relay, which rejects them with 401: replace the file with the relay's key.", "Codex 会把 ChatGPT 令牌发给中转服务，被拒绝并返回 401：请用中转服务的密钥替换此文件。";
    NotAnObject => "The file must be a JSON object ({ … }).", "文件必须是一个 JSON 对象（{ … }）。";
    NotAnObjectWhy => "The client cannot find its settings in anything else.", "否则客户端找不到它的设置。";

    // Doctor: Claude Code settings.json
    ClaudeNoEnv => "There is no \"env\" object.", "没有 \"env\" 对象。";
    ClaudeNoEnvWhy => "Claude Code reads the relay's variables only from the env block.", "Claude Code 只从 env 块读取中转服务的变量。";
    ClaudeOutsideEnv => "This variable sits outside the \"env\" block.", "这个变量在 \"env\" 块之外。";
    ClaudeOutsideEnvWhy => "Claude Code ignores it there and keeps using Anthropic's API.", "Claude Code 会忽略它，继续使用 Anthropic 的 API。";
    ClaudeMisspelled => "This is not a variable Claude Code reads.", "Claude Code 不读取这个变量。";
    ClaudeMisspelledWhy => "Claude Code reads ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN; other names are ignored.", "Claude Code 读取的是 ANTHROPIC_BASE_URL 和 ANTHROPIC_AUTH_TOKEN；其他名称会被忽略。";
    ClaudeNotAString => "Environment values must be quoted strings.", "环境变量的值必须是带引号的字符串。";
    ClaudeNotAStringWhy => "Claude Code rejects the settings file and ignores all of it.", "Claude Code 会拒绝这个设置文件并整体忽略。";
    ClaudeNoAuth => "No ANTHROPIC_AUTH_TOKEN (or ANTHROPIC_API_KEY) is set.", "没有设置 ANTHROPIC_AUTH_TOKEN（或 ANTHROPIC_API_KEY）。";
    ClaudeNoAuthWhy => "Claude Code sends no key to the relay, or asks you to log in to Anthropic.", "Claude Code 不会向中转服务发送密钥，或者要求你登录 Anthropic。";
    ClaudeNoBaseUrl => "No ANTHROPIC_BASE_URL is set.", "没有设置 ANTHROPIC_BASE_URL。";
    ClaudeNoBaseUrlWhy => "Claude Code sends the key to Anthropic's API instead of the relay.", "Claude Code 会把密钥发往 Anthropic 的 API 而不是中转服务。";
    ClaudeBothAuth => "Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set.", "同时设置了 ANTHROPIC_AUTH_TOKEN 和 ANTHROPIC_API_KEY。";
    ClaudeBothAuthWhy => "Claude Code warns that authentication may not work and may send the wrong one: keep ANTHROPIC_AUTH_TOKEN only.", "Claude Code 会警告认证可能失效，并可能发送错误的那个：只保留 ANTHROPIC_AUTH_TOKEN。";

    // Doctor: environment lines
    EnvSpaceAroundEquals => "Has spaces around =.", "= 两边有空格。";
    EnvSpaceAroundEqualsWhy => "bash runs it as a command (\"command not found\"); cmd makes the space part of the name and value.", "bash 会把它当作命令执行（\"command not found\"）；cmd 会把空格当成名称和值的一部分。";
    EnvWrongShell => "This is another shell's syntax.", "这是另一种命令行的语法。";
    EnvWrongShellWhy => "bash uses export, fish set -gx, PowerShell $env:, cmd set: in the wrong shell the variable is not set.", "bash 用 export，fish 用 set -gx，PowerShell 用 $env:，cmd 用 set：在错误的命令行中变量不会被设置。";
    EnvUnbalancedQuotes => "Has a quote that is never closed.", "有一个没有闭合的引号。";
    EnvUnbalancedQuotesWhy => "The shell waits for more input or takes the rest of the line into the value.", "命令行会等待更多输入，或把这一行余下的内容都当作值。";
    EnvQuotesInValue => "In cmd, these quotes become part of the value.", "在 cmd 中，这些引号会成为值的一部分。";
    EnvQuotesInValueWhy => "set NAME=\"value\" keeps the quotes: write set \"NAME=value\" instead.", "set NAME=\"value\" 会保留引号：请改写为 set \"NAME=value\"。";
    EnvNotExported => "set without -x makes a fish variable that programs do not see.", "不带 -x 的 set 只会创建 fish 变量，程序看不到它。";
    EnvNotExportedWhy => "The client does not get the variable: add -gx.", "客户端拿不到这个变量：请加上 -gx。";

    // Doctor: Cherry Studio link
    CherryNotALink => "This is not a Cherry Studio import link (cherrystudio://providers/api-keys?v=1&data=…).", "这不是 Cherry Studio 导入链接（cherrystudio://providers/api-keys?v=1&data=…）。";
    CherryNotALinkWhy => "Cherry Studio does not recognise it and nothing is imported.", "Cherry Studio 无法识别它，什么也不会导入。";
    CherryBase64Url => "The data uses URL-safe base64 (- and _), which Cherry Studio decodes wrongly.", "data 使用了 URL 安全的 base64（- 和 _），Cherry Studio 会解码错误。";
    CherryBase64UrlWhy => "Cherry Studio maps _ to + and - to /, the reverse of URL-safe base64: the import fails as invalid data.", "Cherry Studio 把 _ 映射为 +、- 映射为 /，正好与 URL 安全 base64 相反：导入会因数据无效而失败。";
    CherryBadData => "The data part cannot be decoded into the provider's settings.", "data 部分无法解码为提供商设置。";
    CherryBadDataWhy => "Cherry Studio shows \"invalid data\" and imports nothing.", "Cherry Studio 会提示数据无效，什么也不会导入。";
    CherryMissingField => "The provider lacks id, baseUrl or apiKey.", "提供商信息缺少 id、baseUrl 或 apiKey。";
    CherryMissingFieldWhy => "Cherry Studio needs all three and refuses the import.", "Cherry Studio 需要这三项，否则拒绝导入。";

    // Doctor on the page
    StepDoctor => "Check a file or a value", "检查文件或值";
    DoctorHelp => "Paste a config file, environment lines, a URL or a key: onramp says what is wrong, where and why, and fixes what it can. Nothing leaves this page.", "粘贴配置文件、环境变量命令、地址或密钥：onramp 会指出哪里有错、为什么，并修复能修复的问题。内容不会离开本页面。";
    DoctorInputLabel => "Text to check", "要检查的文本";
    DoctorKindLabel => "It is", "类型";
    DoctorKindAuto => "Recognise automatically", "自动识别";
    DoctorClean => "No problems found.", "没有发现问题。";
    DoctorSummary => "Problems found —", "发现的问题——";
    DoctorErrors => "errors:", "错误：";
    DoctorWarnings => "warnings:", "警告：";
    DoctorFixAll => "Fix everything that can be fixed", "修复所有可修复的问题";
    DoctorMerge => "Merge the relay's settings into this config.toml", "把中转服务的设置合并到这个 config.toml";
    DoctorMerged => "Merged. Settings changed:", "已合并。改动的设置：";
    DoctorMergedNothing => "Merged; no existing setting had to change.", "已合并；没有需要改动的现有设置。";
    DoctorRemoved => "removed", "已删除";

    // Fatal error banner (the wasm app cannot continue after a panic)
    Crashed => "Something went wrong and this page stopped working. Reload it to start again.", "出现错误，页面已停止工作。请刷新页面重新开始。";
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
                    | Msg::SdkPythonTitle
                    | Msg::SdkNodeTitle
                    | Msg::FieldOpenAiApiKey
                    | Msg::KindUrl
                    | Msg::KindCodexConfig
                    | Msg::KindCodexAuth
                    | Msg::KindClaudeSettings
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
