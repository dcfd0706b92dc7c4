//! Report labels in English and Dutch (`--ui-lang`). Finding messages come
//! from the library, already in the UI language.

/// The report's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    nl: bool,
}

impl Ui {
    /// `nl` for Dutch, anything else English.
    pub fn new(code: &str) -> Ui {
        Ui { nl: code == "nl" }
    }

    /// The language code.
    pub fn code(self) -> &'static str {
        if self.nl {
            "nl"
        } else {
            "en"
        }
    }

    /// A label; unknown keys come back as the key, so a missing label shows
    /// up in review rather than as an empty cell.
    pub fn t(self, key: &'static str) -> &'static str {
        let (en, nl) = match key {
            "title" => ("warmcall report", "warmcall-rapport"),
            "subtitle" => ("How well the seller listens", "Hoe goed de verkoper luistert"),
            "profile" => ("profile", "profiel"),
            "calls" => ("Calls", "Gesprekken"),
            "failed" => ("failed", "mislukt"),
            "excluded" => ("excluded", "uitgesloten"),
            "left_out" => ("not a conversation", "geen gesprek"),
            "hours" => ("hours", "uur"),
            "band" => ("band", "band"),
            "median_talk_share" => ("median talk share (agent)", "mediaan spreektijd (verkoper)"),
            "questions_per_call" => ("agent questions per call", "vragen per gesprek (verkoper)"),
            "premature_per_call" => ("premature pushes per call", "voortijdige pushes per gesprek"),
            "advance_share" => ("calls ending in advance", "gesprekken met een concrete vervolgstap"),
            "sort_hint" => (
                "Click a column heading to sort.",
                "Klik op een kolomkop om te sorteren.",
            ),
            "file" => ("File", "Bestand"),
            "agent" => ("Agent", "Verkoper"),
            "customer" => ("Customer", "Klant"),
            "length" => ("Length", "Duur"),
            "talk_share" => ("Talk share", "Spreektijd"),
            "questions" => ("Questions", "Vragen"),
            "pushes" => ("Pushes", "Pushes"),
            "premature" => ("Premature", "Voortijdig"),
            "premature_lc" => ("premature", "voortijdig"),
            "outcome" => ("Outcome", "Uitkomst"),
            "warmth" => ("Warmth", "Warmte"),
            "high_findings" => ("High findings", "Ernstige bevindingen"),
            "not_a_conversation" => ("(not a conversation)", "(geen gesprek)"),
            "per_agent" => ("Per agent", "Per verkoper"),
            "talk_median" => ("Talk share median", "Spreektijd mediaan"),
            "talk_pooled" => ("Talk share pooled", "Spreektijd totaal"),
            "questions_mean" => ("Questions mean", "Vragen gemiddeld"),
            "warmth_median" => ("Warmth median", "Warmte mediaan"),
            "advance" => ("Advance", "Vervolgstap"),
            "errors" => (
                "Files that could not be read",
                "Bestanden die niet gelezen konden worden",
            ),
            "timelines" => ("Calls one by one", "Gesprekken een voor een"),
            "silence" => ("silence", "stilte"),
            "dead_air" => ("dead air", "dode stilte"),
            "question" => ("question", "vraag"),
            "push" => ("push", "push"),
            "premature_push" => ("premature push", "voortijdige push"),
            "longest_monologue" => ("longest monologue", "langste monoloog"),
            "longest_story" => ("longest customer story", "langste klantverhaal"),
            "no_findings" => ("No findings.", "Geen bevindingen."),
            "and_more" => ("more, at", "meer, op"),
            "warnings" => ("Warnings", "Waarschuwingen"),
            "untimed" => (
                "No times in this transcript: turn order, width by words.",
                "Geen tijden in dit transcript: beurtvolgorde, breedte naar woorden.",
            ),
            "timeline" => ("Timeline", "Tijdlijn"),
            _ => (key, key),
        };
        if self.nl {
            nl
        } else {
            en
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages() {
        assert_eq!(Ui::new("en").t("calls"), "Calls");
        assert_eq!(Ui::new("nl").t("calls"), "Gesprekken");
        assert_eq!(Ui::new("nl").code(), "nl");
    }
}
