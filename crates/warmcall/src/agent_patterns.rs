//! The ways a configuration points at its agents, compiled from their
//! text alone: `--agent` (`roles.agent`, a name or `/regex/`), the file
//! globs of `[agents]`, and the generic labels (`Speaker 1`) that point at
//! nobody. It imports nothing of the crate but its error type, so that
//! [`crate::Config::validate`] checks a value with the same code that later
//! matches it (in roles and identity) without the config depending on those
//! stages.

use std::sync::OnceLock;

use globset::GlobBuilder;
use regex::{Regex, RegexBuilder};

use crate::Error;

/// `--agent NAME` or `--agent /REGEX/`.
#[derive(Debug, Clone)]
pub(crate) enum AgentMatcher {
    /// Matches a label or display name exactly (trimmed, case-insensitive).
    Name(String),
    /// Matches a label or display name anywhere.
    Regex(Regex),
}

impl AgentMatcher {
    /// Compiles `--agent`: `/…/` is a regex, anything else a name.
    pub(crate) fn new(pattern: &str) -> Result<AgentMatcher, Error> {
        let p = pattern.trim();
        if p.len() >= 2 && p.starts_with('/') && p.ends_with('/') {
            let re = Regex::new(&p[1..p.len() - 1]).map_err(|e| Error::Config {
                key: "roles.agent".into(),
                line: 0,
                message: format!("bad regex: {e}"),
            })?;
            Ok(AgentMatcher::Regex(re))
        } else {
            Ok(AgentMatcher::Name(p.to_lowercase()))
        }
    }

    /// Whether a speaker with this label (and display name) is the agent.
    pub(crate) fn matches(&self, label: &str, display: Option<&str>) -> bool {
        let names = std::iter::once(label).chain(display);
        match self {
            AgentMatcher::Name(n) => names.into_iter().any(|s| s.trim().to_lowercase() == *n),
            AgentMatcher::Regex(re) => names.into_iter().any(|s| re.is_match(s)),
        }
    }
}

/// Whether a speaker label names a slot rather than a person: diariser and
/// caption labels (`Speaker 1`, `SPEAKER_01`, `spk_0`, `Speaker A`,
/// `Unknown`, `Guest 2`), role words (`Agent`, `Customer`, `Klant`), a bare
/// letter or number (`A`, `2`).
///
/// ```
/// use warmcall::identity::is_generic_label;
/// assert!(is_generic_label("SPEAKER_01") && is_generic_label("Speaker 2") && is_generic_label("B"));
/// assert!(!is_generic_label("Brandon Lee") && !is_generic_label("Spike"));
/// ```
pub fn is_generic_label(label: &str) -> bool {
    static GENERIC: OnceLock<Regex> = OnceLock::new();
    let re = GENERIC.get_or_init(|| {
        RegexBuilder::new(
            r"^(?:\p{L}|\d+|(?:unknown(?:[\s_-]*speaker)?|speaker|spk|spkr|spreker|onbekend|guest|gast|participant|deelnemer|person|persoon|voice|stem|channel|ch|kanaal|agent|customer|caller|callee|rep|seller|verkoper|klant|client|interviewer|interviewee|host|medewerker|employee|operator|representative|adviseur|advisor|prospect|beller|gebeld|s)(?:[\s_.-]*(?:\d+|\p{L}))?)$",
        )
        .case_insensitive(true)
        .build()
        .expect("static pattern")
    });
    let label = label.trim();
    label.is_empty() || re.is_match(label)
}

/// A glob as `[agents]` uses it: case-insensitive, `*` crosses folders.
pub(crate) fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(pattern).case_insensitive(true).build()
}
