//! The kind of input for a `.env` file: `NAME=value` lines, as the SDKs' dotenv loaders read them. The lines are read by the shell's parser in `env.rs`.

use super::{KindCheck, KindSpec, env};
use crate::i18n::Text;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "dotenv",
    label: Text {
        en: ".env file",
        zh: ".env 文件",
    },
    one_value: false,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check: env::check_dotenv,
    recognise: None,
};
