//! Findings as rustc shows its diagnostics, rendered by annotate-snippets (the renderer rustc
//! uses): the message and code, where, the line with the spot underlined (keys masked), why
//! it matters, and the fix. Tabs, wide characters and multi-line spans are the renderer's.

use crate::check::{self, Finding, LineIndex, Masked, Report, Severity};
use crate::i18n::{Lang, Msg};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Every finding of `report` on `text` (named `name`), then a summary line.
pub fn render(report: &Report, name: &str, text: &str, lang: Lang, styled: bool) -> String {
    let masked = Masked::new(text, &report.secrets);
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let lines = LineIndex::new(&masked.text);
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&render_finding(
            finding, &masked, &lines, name, lang, &renderer,
        ));
        out.push_str("\n\n");
    }
    out.push_str(&lang.check_summary(
        name,
        report.kind.id(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
    ));
    out.push('\n');
    out
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    };
    level.with_name(severity.label().text(lang))
}

fn render_finding(
    finding: &Finding,
    masked: &Masked,
    lines: &LineIndex,
    name: &str,
    lang: Lang,
    renderer: &Renderer,
) -> String {
    let rule = finding.rule;
    let span = masked.span(&finding.span);
    // Only the lines the finding touches are given to the renderer: a megabyte input with a
    // thousand findings must not be handed over a thousand times, nor counted from its
    // start a thousand times.
    let line = lines.line(span.start);
    let start = lines.start(line);
    let end = masked.text[span.end..]
        .find('\n')
        .map_or(masked.text.len(), |at| span.end + at);
    let first_line = line + 1;
    let snippet = Snippet::source(&masked.text[start..end])
        .line_start(first_line)
        .path(name)
        .annotation(AnnotationKind::Primary.span(span.start - start..span.end - start));
    let why = Level::NOTE
        .with_name(Msg::CliWhy.text(lang))
        .message(rule.why.get(lang));
    let mut group = level(rule.severity, lang)
        .primary_title(rule.message.get(lang))
        .id(rule.code)
        .element(snippet)
        .element(why);
    if let Some(label) = rule.fix_label.filter(|_| !finding.edits.is_empty()) {
        let help = format!("{} ({})", label.get(lang), Msg::CliFixAllHint.text(lang));
        group = group.element(Level::HELP.with_name(Msg::CliHelp.text(lang)).message(help));
    }
    let groups: [Group; 1] = [group];
    renderer.render(&groups)
}

/// The findings about one typed value (the key, `--base-url`, `--model`), by position only:
/// the value may be the key.
pub fn render_value(value: &str, field: &str, findings: &[Finding], lang: Lang) -> String {
    findings
        .iter()
        .map(|finding| {
            let rule = finding.rule;
            let position = lang.at_character(check::char_position(value, finding.span.start));
            format!(
                "{}[{}]: {field}: {} ({position})\n  = {}: {}\n",
                rule.severity.label().text(lang),
                rule.code,
                rule.message.get(lang),
                Msg::CliWhy.text(lang),
                rule.why.get(lang)
            )
        })
        .collect()
}
