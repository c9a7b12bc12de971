//! The kind of input for PowerShell: `$env:NAME = "value"` and `[Environment]::SetEnvironmentVariable` lines. The lines are read by the shell's parser in `env.rs`.

use super::{KindCheck, KindSpec, env};
use crate::i18n::Text;
use crate::shell::Shell;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-powershell",
    label: Text {
        en: "Environment lines (PowerShell)",
        zh: "环境变量命令（PowerShell）",
    },
    one_value: false,
    shell: Some(Shell::PowerShell),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check: env::check_powershell,
    recognise: None,
};
