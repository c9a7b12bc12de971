//! The kind of input for fish: `set -gx NAME value` lines. The lines are read by the shell's parser in `env.rs`.

use super::{KindCheck, KindSpec, env};
use crate::i18n::Text;
use crate::shell::Shell;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-fish",
    label: Text {
        en: "Environment lines (fish)",
        zh: "环境变量命令（fish）",
    },
    one_value: false,
    shell: Some(Shell::Fish),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check: env::check_fish,
    recognise: None,
};
