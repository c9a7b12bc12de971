//! `onramp rules` and `onramp clients`: the doctor's rules and the clients, listed for people
//! or as JSON.

use super::json;
use crate::i18n::{Lang, Msg};
use std::process::ExitCode;

/// `onramp rules`: each rule's code, severity, evidence, texts and the symptoms it explains.
pub(super) fn rules(as_json: bool, lang: Lang) -> ExitCode {
    let rules = json::rules(lang);
    if as_json {
        return json::print(&rules);
    }
    for rule in rules {
        println!("{} ({}, {})", rule.code, rule.severity, rule.evidence.kind);
        println!("  {}", rule.message);
        println!("  {}: {}", Msg::CliWhy.text(lang), rule.why);
        println!("  evidence: {}", rule.evidence.source);
        if !rule.symptoms.is_empty() {
            println!("  explains: {}", rule.symptoms.join(", "));
        }
    }
    ExitCode::SUCCESS
}

/// `onramp clients`: each client's id and name, with its systems and their shells.
pub(super) fn clients(as_json: bool) -> ExitCode {
    let clients = json::clients();
    if as_json {
        return json::print(&clients);
    }
    for client in clients {
        let systems: Vec<String> = client
            .systems
            .iter()
            .map(|s| format!("{} ({})", s.os, s.shells.join(", ")))
            .collect();
        println!(
            "{:<12} {:<30} {}",
            client.id,
            client.name,
            systems.join("; ")
        );
    }
    ExitCode::SUCCESS
}
