//! Chat exports: typed messages, not speech. Zoom saves a meeting's chat as
//! `hh:mm:ss<TAB>Name:<TAB>text` lines (older clients: `hh:mm:ss From Name
//! to Everyone: text`, or `… : ` and the text on the next line), Teams
//! copies messages as `[10:21 AM] Name` with the text below.
//!
//! Decision: refused, not read with a warning. Every headline figure of a
//! report (talk share, silences, patience, monologues) measures speech; a
//! chat has none, and read as a call it would put typing pauses into the
//! silence figures and the batch aggregates. The error names the export so
//! the user knows to analyse the meeting's transcript instead.

use super::Layout;
use crate::Error;

/// Share of the head's lines that must be chat lines (reactions and wrapped
/// messages make up the rest).
const MIN_SHARE: f64 = 0.5;

pub(super) fn detect(head: &[&str]) -> Option<Layout> {
    let zoom = head.iter().filter(|l| is_zoom_line(l)).count();
    if zoom > 0 && zoom as f64 >= MIN_SHARE * head.len() as f64 {
        return Some(Layout::ZoomChat);
    }
    let teams = head.iter().filter(|l| is_teams_header(l)).count();
    // A Teams header line and the message below it: half the lines at most.
    if teams > 0 && teams as f64 * 2.0 >= MIN_SHARE * head.len() as f64 {
        return Some(Layout::TeamsChat);
    }
    None
}

pub(super) fn refuse(layout: Layout) -> Error {
    let name = match layout {
        Layout::TeamsChat => "A Teams chat export",
        _ => "A Zoom chat export",
    };
    Error::Unsupported {
        path: None,
        name: name.to_string(),
        reason: "it holds typed messages, not speech: no talk time or silences to measure; analyse the meeting's \
                 transcript instead"
            .to_string(),
    }
}

/// `hh:mm:ss` (hours of one or two digits) at the start of `l`, and the rest.
fn clock_prefix(l: &str) -> Option<&str> {
    let b = l.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || b.len() < h + 6 {
        return None;
    }
    let t = &b[h..h + 6];
    let ok = t[0] == b':'
        && t[1].is_ascii_digit()
        && t[2].is_ascii_digit()
        && t[3] == b':'
        && t[4].is_ascii_digit()
        && t[5].is_ascii_digit();
    ok.then(|| &l[h + 6..])
}

/// `10:02:15<TAB>Jane Roe:<TAB>text` or `10:02:15 From Jane Roe to Everyone:`.
fn is_zoom_line(l: &str) -> bool {
    let Some(rest) = clock_prefix(l) else { return false };
    if let Some(rest) = rest.strip_prefix('\t') {
        return rest
            .split_once('\t')
            .is_some_and(|(name, _)| name.ends_with(':') && super::name_shaped(name.trim_end_matches(':')));
    }
    let rest = rest.trim_start();
    rest.strip_prefix("From ")
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(who, _)| !who.trim().is_empty())
}

/// `[10:21 AM] Jane Roe` (a 12-hour clock: Teams' chat, never a recording
/// offset).
fn is_teams_header(l: &str) -> bool {
    let Some(rest) = l.trim_start().strip_prefix('[') else {
        return false;
    };
    let Some((time, name)) = rest.split_once(']') else {
        return false;
    };
    let time = time.trim().to_ascii_uppercase();
    let Some(clock) = time.strip_suffix("AM").or_else(|| time.strip_suffix("PM")) else {
        return false;
    };
    let clock = clock.trim();
    let parts: Vec<&str> = clock.split(':').collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && super::name_shaped(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_chat_is_recognised_in_both_layouts() {
        let tabbed = [
            "10:02:15\tJane Roe:\tHello all",
            "10:02:31\tJohn Smith:\tReacted to \"Hello all\" with 👍",
        ];
        assert_eq!(detect(&tabbed), Some(Layout::ZoomChat));
        let older = [
            "10:02:15 From Jane Roe to Everyone: Hello all",
            "10:02:20 From John : hi",
        ];
        assert_eq!(detect(&older), Some(Layout::ZoomChat));
        // Near miss: a timed transcript whose names end in a colon after a space.
        let transcript = ["00:00:01 Jane Roe: Hello all", "00:00:04 John Smith: Hi"];
        assert_eq!(detect(&transcript), None);
    }

    #[test]
    fn teams_chat_needs_a_twelve_hour_clock() {
        assert_eq!(
            detect(&["[10:21 AM] Jane Roe", "Hello", "[10:22 PM] John Smith", "Hi"]),
            Some(Layout::TeamsChat)
        );
        // Near miss: a recording offset in brackets is a transcript.
        assert_eq!(detect(&["[10:21] Jane Roe", "Hello", "[10:22] John Smith", "Hi"]), None);
        assert!(refuse(Layout::TeamsChat).to_string().contains("Teams chat export"));
    }
}
