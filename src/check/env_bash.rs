//! The kind of input for bash and zsh: `export NAME=value` lines, as a profile file or a terminal reads them. The lines are read by the shell's parser in `env.rs`.

use super::{KindCheck, KindSpec, env};
use crate::i18n::Text;
use crate::shell::Shell;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-bash",
    label: Text {
        en: "Environment lines (bash/zsh)",
        zh: "环境变量命令（bash/zsh）",
    },
    one_value: false,
    shell: Some(Shell::Posix),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check: env::check_bash,
    recognise: None,
};
