//! Every string a person reads in the CLI's own output, in English and
//! Dutch (`--ui-lang`): the HTML report, the terminal table and its summary
//! line, and `explain`. Finding messages come from the library, already in
//! the UI language; finding titles, outcomes and severities are named here.

use warmcall::report::{OutcomeKind, Severity};

/// The output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    nl: bool,
}

impl Ui {
    /// `nl` for Dutch, anything else English.
    pub fn new(code: &str) -> Ui {
        Ui {
            nl: code.eq_ignore_ascii_case("nl"),
        }
    }

    /// The language code.
    pub fn code(self) -> &'static str {
        if self.nl {
            "nl"
        } else {
            "en"
        }
    }

    fn pick(self, en: &'static str, nl: &'static str) -> &'static str {
        if self.nl {
            nl
        } else {
            en
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
            "calls_lc" => ("calls", "gesprekken"),
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
                "Click a column heading to sort; the calls below follow the table's order.",
                "Klik op een kolomkop om te sorteren; de gesprekken hieronder volgen de volgorde van de tabel.",
            ),
            "file" => ("File", "Bestand"),
            "agent" => ("Agent", "Verkoper"),
            "customer" => ("Customer", "Klant"),
            "length" => ("Length", "Duur"),
            "talk_share" => ("Talk share", "Spreektijd"),
            "talk" => ("Talk", "Spreektijd"),
            "questions" => ("Questions", "Vragen"),
            "pushes" => ("Pushes", "Pushes"),
            "premature" => ("Premature", "Voortijdig"),
            "premature_lc" => ("premature", "voortijdig"),
            "outcome" => ("Outcome", "Uitkomst"),
            "warmth" => ("Warmth", "Warmte"),
            "high_findings" => ("High findings", "Ernstige bevindingen"),
            "not_a_conversation" => ("(not a conversation)", "(geen gesprek)"),
            "per_agent" => ("Per agent", "Per verkoper"),
            "per_week" => ("Per agent and week", "Per verkoper en week"),
            "week" => ("Week", "Week"),
            "undated" => ("no date", "zonder datum"),
            "talk_median" => ("Talk share median", "Spreektijd mediaan"),
            "talk_mean" => ("Talk share mean", "Spreektijd gemiddeld"),
            "talk_pooled" => ("Talk share pooled", "Spreektijd totaal"),
            "questions_mean" => ("Questions mean", "Vragen gemiddeld"),
            "questions_median" => ("Questions median", "Vragen mediaan"),
            "warmth_median" => ("Warmth median", "Warmte mediaan"),
            "advance" => ("Advance", "Vervolgstap"),
            "group" => ("Group", "Groep"),
            "folder" => ("Folder", "Map"),
            "error" => ("error", "fout"),
            "line" => ("line", "regel"),
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
            "warning" => ("warning", "waarschuwing"),
            "untimed" => (
                "No times in this transcript: turn order, width by words.",
                "Geen tijden in dit transcript: beurtvolgorde, breedte naar woorden.",
            ),
            "timeline" => ("Timeline", "Tijdlijn"),
            // The coaching page.
            "work_on" => ("What to work on", "Waar aan te werken"),
            "work_on_hint" => (
                "The findings that cost the most warmth across these calls, with the three clearest moments of each.",
                "De bevindingen die over deze gesprekken de meeste warmte kosten, elk met de drie duidelijkste momenten.",
            ),
            "work_on_none" => (
                "No finding costs warmth in these calls.",
                "Geen bevinding kost warmte in deze gesprekken.",
            ),
            "points_lost" => ("warmth points lost", "warmtepunten verloren"),
            "in_calls" => ("in", "in"),
            "per_call_lc" => ("per call", "per gesprek"),
            "top_finding" => ("Work on", "Werkpunt"),
            "nac_list" => (
                "Not a conversation (not scored)",
                "Geen gesprek (niet gescoord)",
            ),
            "nac_hint" => (
                "Voicemail, gatekeeper or wrong number: the customer said fewer than 20 words. These calls are left out of every figure above.",
                "Voicemail, receptie of verkeerd nummer: de klant zei minder dan 20 woorden. Deze gesprekken tellen in geen enkel cijfer hierboven mee.",
            ),
            "transcript" => ("Transcript", "Transcript"),
            "turns" => ("turns", "beurten"),
            "words" => ("words", "woorden"),
            "turn" => ("turn", "beurt"),
            "listen" => ("listen", "luister"),
            "audio" => ("Audio", "Audio"),
            "filter" => ("Filter", "Filter"),
            "all" => ("all", "alle"),
            "finding" => ("Finding", "Bevinding"),
            "search" => ("Search", "Zoeken"),
            "search_hint" => ("words in file names and transcripts", "woorden in bestandsnamen en transcripten"),
            "shown" => ("shown", "getoond"),
            "of" => ("of", "van"),
            "index" => ("Overview", "Overzicht"),
            "page" => ("page", "pagina"),
            "split_note" => (
                "This folder has many calls: each agent's calls are on their own pages, linked below.",
                "Deze map heeft veel gesprekken: de gesprekken van elke verkoper staan op eigen pagina's, hieronder gelinkt.",
            ),
            "pages" => ("Pages", "Pagina's"),
            "no_agent" => ("(no agent)", "(geen verkoper)"),
            "unnamed" => ("(unnamed)", "(zonder naam)"),
            // explain
            "format" => ("format", "formaat"),
            "timing" => ("timing", "tijden"),
            "language" => ("language", "taal"),
            "agent_lc" => ("agent", "verkoper"),
            "span" => ("span", "duur"),
            "talk_share_lc" => ("talk share", "spreektijd"),
            "agent_questions_lc" => ("agent questions", "vragen verkoper"),
            "pushes_lc" => ("pushes", "pushes"),
            "outcome_lc" => ("outcome", "uitkomst"),
            "warmth_lc" => ("warmth", "warmte"),
            "role_agent" => ("AGENT", "VERK."),
            "role_customer" => ("CUST ", "KLANT"),
            "s_silence" => ("s silence", "s stilte"),
            "follow_up" => ("follow-up", "doorvraag"),
            "customer_lc" => ("customer", "klant"),
            "premature_push_uc" => ("PREMATURE PUSH", "VOORTIJDIGE PUSH"),
            "answered_open" => ("answered open questions", "beantwoorde open vragen"),
            "open_so_far" => ("open questions", "open vragen"),
            "customer_share_so_far" => ("customer share so far", "spreekaandeel klant tot dan"),
            "elapsed" => ("elapsed", "verstreken"),
            "signals" => ("signals", "signalen"),
            "call_findings" => ("Call findings", "Bevindingen over het hele gesprek"),
            // table summary line
            "calls_analysed" => ("calls analysed", "gesprekken geanalyseerd"),
            "left_out_note" => ("not a conversation (left out)", "geen gesprek (niet meegeteld)"),
            "mean_lc" => ("mean", "gemiddeld"),
            "pooled_lc" => ("pooled", "totaal"),
            "median_lc" => ("median", "mediaan"),
            "questions_per_call_short" => ("questions/call", "vragen/gesprek"),
            "premature_per_call_short" => ("premature pushes/call", "voortijdige pushes/gesprek"),
            "advance_lc" => ("advance", "vervolgstap"),
            // The terminal table's headings.
            "th_file" => ("FILE", "BESTAND"),
            "th_date" => ("DATE", "DATUM"),
            "th_agent" => ("AGENT", "VERKOPER"),
            "th_length" => ("LENGTH", "DUUR"),
            "th_talk" => ("TALK", "SPREEKTIJD"),
            "th_questions" => ("QUESTIONS", "VRAGEN"),
            "th_pushes" => ("PUSHES", "PUSHES"),
            "th_premature" => ("PREMATURE", "VOORTIJDIG"),
            "th_outcome" => ("OUTCOME", "UITKOMST"),
            "th_warmth" => ("WARMTH", "WARMTE"),
            "th_high" => ("HIGH FINDINGS", "ERNSTIGE BEVINDINGEN"),
            "th_group" => ("GROUP", "GROEP"),
            "th_folder" => ("FOLDER", "MAP"),
            "th_calls" => ("CALLS", "GESPREKKEN"),
            "th_left_out" => ("LEFT OUT", "GEEN GESPREK"),
            "th_talk_median" => ("TALK MEDIAN", "SPREEKTIJD MEDIAAN"),
            "th_talk_mean" => ("TALK MEAN", "SPREEKTIJD GEM."),
            "th_talk_pooled" => ("TALK POOLED", "SPREEKTIJD TOTAAL"),
            "th_questions_mean" => ("QUESTIONS MEAN", "VRAGEN GEM."),
            "th_questions_median" => ("QUESTIONS MEDIAN", "VRAGEN MEDIAAN"),
            "th_premature_call" => ("PREMATURE/CALL", "VOORTIJDIG/GESPREK"),
            "th_advance" => ("ADVANCE", "VERVOLGSTAP"),
            _ => (key, key),
        };
        self.pick(en, nl)
    }

    /// How a call ended, in words.
    pub fn outcome(self, k: OutcomeKind) -> &'static str {
        match k {
            OutcomeKind::Advance => self.pick("advance", "vervolgstap"),
            OutcomeKind::Continuation => self.pick("continuation", "later verder"),
            OutcomeKind::NoSale => self.pick("no sale", "geen verkoop"),
            OutcomeKind::Unknown => self.pick("unknown", "onbekend"),
        }
    }

    /// An outcome in terse output: the stable kebab-case name in English,
    /// the word in Dutch (see [`Ui::finding_name`]).
    pub fn outcome_name(self, k: OutcomeKind) -> &'static str {
        match (self.nl, k) {
            (true, k) => self.outcome(k),
            (false, OutcomeKind::Advance) => "advance",
            (false, OutcomeKind::Continuation) => "continuation",
            (false, OutcomeKind::NoSale) => "no-sale",
            (false, OutcomeKind::Unknown) => "unknown",
        }
    }

    /// A severity, in words.
    pub fn severity(self, s: Severity) -> &'static str {
        match s {
            Severity::High => self.pick("high", "ernstig"),
            Severity::Warn => self.pick("warn", "let op"),
            Severity::Info => self.pick("info", "info"),
            Severity::Positive => self.pick("good", "goed"),
        }
    }

    /// A finding's name in terse output (`explain`, the table): the stable
    /// id in English, which people grep and configure by, and its sentence
    /// in Dutch, where an English id would be the only English left.
    pub fn finding_name(self, id: &str) -> String {
        if self.nl {
            self.finding(id)
        } else {
            id.to_string()
        }
    }

    /// A finding as a short sentence a coach can say to a seller (the
    /// per-instance message with its figures comes from the library). An
    /// id this version does not know comes back as the id.
    pub fn finding(self, id: &str) -> String {
        let (en, nl) = match id {
            "premature-push" => (
                "Pushes for a next step before the customer is ready",
                "Vraagt om een vervolgstap voordat de klant eraan toe is",
            ),
            "info-request-overridden" => (
                "Pushes for a meeting when the customer asked for information",
                "Dringt aan op een afspraak terwijl de klant om informatie vroeg",
            ),
            "jumped-on-interest" => (
                "Jumps on the first sign of interest instead of asking why",
                "Springt op het eerste teken van interesse in plaats van te vragen waarom",
            ),
            "visit-without-need" => (
                "Proposes a visit before the customer names a need",
                "Stelt een bezoek voor voordat de klant een behoefte noemt",
            ),
            "push-after-no" => (
                "Pushes again after a no without asking first",
                "Dringt opnieuw aan na een nee zonder eerst te vragen",
            ),
            "repeated-pushes" => (
                "Pushes three times or more in one call",
                "Dringt drie keer of vaker aan in één gesprek",
            ),
            "talk-dominance" => ("Does most of the talking", "Is vooral zelf aan het woord"),
            "long-monologue" => (
                "Talks for minutes without letting the customer in",
                "Praat minutenlang zonder de klant ertussen te laten",
            ),
            "short-customer-story" => (
                "Never gets the customer to tell a longer story",
                "Laat de klant nergens een langer verhaal vertellen",
            ),
            "low-patience" => (
                "Replies the moment the customer stops",
                "Reageert zodra de klant stopt met praten",
            ),
            "no-wait-after-question" => ("Asks a question and keeps talking", "Stelt een vraag en praat door"),
            "few-questions" => ("Asks few questions", "Stelt weinig vragen"),
            "interrogation" => (
                "Asks so many questions it feels like an interrogation",
                "Stelt zoveel vragen dat het een verhoor wordt",
            ),
            "patient-silence" => (
                "Lets a silence after a question work",
                "Laat een stilte na een vraag werken",
            ),
            "dead-air" => ("Long silences", "Lange stiltes"),
            "no-next-step" => (
                "Ends a long discovery call without proposing a next step",
                "Sluit een lang verkennend gesprek af zonder vervolgstap voor te stellen",
            ),
            "not-a-conversation" => ("Not a conversation", "Geen gesprek"),
            other => return other.to_string(),
        };
        self.pick(en, nl).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages() {
        assert_eq!(Ui::new("en").t("calls"), "Calls");
        assert_eq!(Ui::new("nl").t("calls"), "Gesprekken");
        assert_eq!(Ui::new("NL").code(), "nl");
        assert_eq!(Ui::new("de").code(), "en");
    }

    #[test]
    fn outcomes_and_findings_are_words_in_both_languages() {
        let nl = Ui::new("nl");
        assert_eq!(nl.outcome(OutcomeKind::NoSale), "geen verkoop");
        assert_eq!(Ui::new("en").outcome(OutcomeKind::NoSale), "no sale");
        assert_eq!(nl.finding("talk-dominance"), "Is vooral zelf aan het woord");
        // An id from a newer library stays readable as its id.
        assert_eq!(nl.finding("some-new-finding"), "some-new-finding");
    }

    /// Every finding id the spec lists has a sentence that is not its id,
    /// and the Dutch one differs from the English one.
    #[test]
    fn every_spec_finding_has_a_sentence() {
        for id in [
            "premature-push",
            "info-request-overridden",
            "jumped-on-interest",
            "visit-without-need",
            "push-after-no",
            "repeated-pushes",
            "talk-dominance",
            "long-monologue",
            "short-customer-story",
            "low-patience",
            "no-wait-after-question",
            "few-questions",
            "interrogation",
            "patient-silence",
            "dead-air",
            "no-next-step",
            "not-a-conversation",
        ] {
            let (en, nl) = (Ui::new("en").finding(id), Ui::new("nl").finding(id));
            assert_ne!(en, id);
            assert_ne!(en, nl, "{id}");
        }
    }
}
