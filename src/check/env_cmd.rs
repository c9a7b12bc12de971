//! The kind of input for cmd.exe: `set NAME=value` and `setx NAME value` lines. The lines are read by the shell's parser in `env.rs`.

use super::{KindCheck, KindSpec, env};
use crate::i18n::Text;
use crate::shell::Shell;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-cmd",
    label: Text {
        en: "Environment lines (cmd)",
        zh: "环境变量命令（cmd）",
    },
    one_value: false,
    shell: Some(Shell::Cmd),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check: env::check_cmd,
    recognise: None,
};
