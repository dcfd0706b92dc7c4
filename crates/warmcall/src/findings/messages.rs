//! Finding messages in English and Dutch. `detail` is a short figure or
//! quote filled into the message.

/// The message of finding `id` in `lang` (`nl`, else English).
pub(crate) fn message(id: &str, lang: &str, detail: &str) -> String {
    let nl = lang.eq_ignore_ascii_case("nl");
    let (en, du) = match id {
        "premature-push" => (
            format!("Pushed for a next step before the customer was ready ({detail}). Ask and listen first."),
            format!("Vroeg om een vervolgstap voordat de klant eraan toe was ({detail}). Eerst vragen en luisteren."),
        ),
        "info-request-overridden" => (
            "The customer asked to be sent information, and the next turns pushed for a call or meeting instead."
                .to_string(),
            "De klant vroeg om informatie, en de volgende beurten drongen toch aan op een gesprek of afspraak."
                .to_string(),
        ),
        "jumped-on-interest" => (
            "Jumped on a first sign of interest with a premature push instead of asking what made it interesting."
                .to_string(),
            "Sprong op het eerste teken van interesse met een voorbarige push in plaats van te vragen wat het interessant maakt."
                .to_string(),
        ),
        "visit-without-need" => (
            "Proposed a visit before the customer had named any need.".to_string(),
            "Stelde een bezoek voor voordat de klant een behoefte had genoemd.".to_string(),
        ),
        "push-after-no" => (
            "Pushed again after the customer said no, without asking an open question first.".to_string(),
            "Drong opnieuw aan nadat de klant nee zei, zonder eerst een open vraag te stellen.".to_string(),
        ),
        "repeated-pushes" => (
            format!("{detail} pushes in one call."),
            format!("{detail} pushes in één gesprek."),
        ),
        "talk-dominance" => (
            format!("The seller did most of the talking ({detail} of speech)."),
            format!("De verkoper was vooral zelf aan het woord ({detail} van de spreektijd)."),
        ),
        "long-monologue" => (
            format!("A long monologue without the customer getting a word in ({detail})."),
            format!("Een lange monoloog zonder dat de klant ertussen kwam ({detail})."),
        ),
        "short-customer-story" => (
            format!("The customer never told a longer story (longest {detail}). Open questions invite one."),
            format!("De klant vertelde nergens een langer verhaal (langste {detail}). Open vragen nodigen daartoe uit."),
        ),
        "low-patience" => (
            format!("Replies came very fast after the customer stopped (mean {detail}). Compare reps within one source."),
            format!("Reacties kwamen erg snel nadat de klant stopte (gemiddeld {detail}). Vergelijk binnen één bron."),
        ),
        "no-wait-after-question" => (
            format!("Asked a question and kept talking ({detail} more words) instead of waiting for the answer."),
            format!("Stelde een vraag en praatte door ({detail} woorden) in plaats van op het antwoord te wachten."),
        ),
        "few-questions" => (
            format!("Few questions for a call of this length ({detail})."),
            format!("Weinig vragen voor een gesprek van deze lengte ({detail})."),
        ),
        "interrogation" => (
            format!("Many questions for a call of this length ({detail}): this can feel like an interrogation."),
            format!("Veel vragen voor een gesprek van deze lengte ({detail}): dat kan als een verhoor voelen."),
        ),
        "patient-silence" => (
            format!("Let a {detail} silence after a question work until the customer answered."),
            format!("Liet na een vraag een stilte van {detail} werken tot de klant antwoordde."),
        ),
        "dead-air" => (
            format!("A silence of {detail}."),
            format!("Een stilte van {detail}."),
        ),
        "no-next-step" => (
            "A discovery call of five minutes or more ended without any proposed next step.".to_string(),
            "Een verkennend gesprek van vijf minuten of langer eindigde zonder voorgestelde vervolgstap.".to_string(),
        ),
        "not-a-conversation" => (
            format!("The customer said only {detail} words: not a conversation (voicemail, gatekeeper, wrong number)."),
            format!("De klant zei maar {detail} woorden: geen gesprek (voicemail, receptie, verkeerd nummer)."),
        ),
        other => (other.to_string(), other.to_string()),
    };
    if nl {
        du
    } else {
        en
    }
}
