//! Every shipped push list, each with sentences it must hit and near misses
//! it must not, in our own phrasing (none from ../shared/eval); every entry
//! of every push and signal list with a sentence of its own; and whole
//! sentences judged end to end.
//!
//! `pushes.forms` is the clause-start form list, so its near misses are
//! forms that stand mid-clause; `pushes.assumptive` likewise;
//! `pushes.wh_words` counts only opening the sentence. The fillers and
//! conjunctions that may lead a form are no lists of their own: each is
//! tested by a `pushes.forms` sentence that hits only because of it.

use crate::analyzer::LangModel;
use crate::lexicon::Lexicon;
use crate::report::PushCategory;
use crate::rules::{Hits, LeadWords, Matcher, Tokens};

/// `(list, hits, near misses)`.
pub(super) type Case = (&'static str, &'static [&'static str], &'static [&'static str]);

const EN: &[Case] = &[
    (
        "pushes.forms",
        &[
            "Shall we pencil something in?",
            "Could I pop over on Monday?",
            "Might I borrow ten minutes?",
            "Do you want me to ring you later?",
            "Let's find a time.",
            "Let us book it in.",
            "Let me put you down for Tuesday.",
            "How about a coffee on Friday?",
            "Why don't we set up a call?",
            "Why not give it a go?",
            "I'd love to show you the dashboard.",
            "I want to get you booked in.",
            "I suggest a morning slot.",
            "I'd suggest that we start small.",
            "I propose a short review.",
            "My suggestion is a trial month.",
            "Would Thursday be better?",
            "Will that do for you?",
            "Can someone from your team join?",
            "Does the afternoon work?",
            "Is it okay if I call back?",
            "Are you happy for me to send it?",
            "Are you around next week?",
            "Have you got half an hour on Monday?",
            "When's the best time to reach you?",
            "When's good for you?",
            "When could we sit down?",
            "How does Wednesday look?",
            "What does your diary look like?",
            "Mind if I drop by?",
            "Do you prefer mornings?",
            "Would you rather meet online?",
            "What do you think about a pilot?",
            "How do you feel about a trial?",
            "What would you say to a visit?",
            "Any chance of a quick chat?",
            "Could you spare ten minutes?",
            "What time suits?",
            "When suits you?",
            "When can you fit us in?",
            "Can you make Friday?",
            "Do you want to see it running?",
            "Fancy a demo next week?",
            "Do you fancy a coffee?",
            "Are you keen to try it?",
            "Would you be up for a demo?",
            "Wouldn't you like to see it?",
            "Do you think you'd have time?",
            "How many seats would you need?",
            "How's Monday looking?",
            "Can I count on you?",
            "All I ask is twenty minutes.",
            "I'm asking for one meeting.",
            "We were hoping to visit.",
            "I'd recommend a trial.",
            "Is there any way to meet this week?",
            "If you say yes, we can start.",
            "If you sign up today, it is cheaper.",
            // Each filler, without a comma, leads the form on its own.
            "And shall we meet?",
            "So could we talk?",
            "Then let's talk.",
            "But why not try?",
            "Or would Friday suit?",
            "Okay let's do Monday.",
            "Ok shall I book it?",
            "Well how about noon?",
            "Great let's meet.",
            "Right shall we start?",
            "Now can I ask for a slot?",
            "Oh would Tuesday work?",
            "Um could we meet?",
            "Uh shall I ring?",
            "Yeah let's do it.",
            "Perfect shall we book it?",
            "Lovely let's pencil that in.",
            "Brilliant would Monday suit?",
            "Look why don't we meet?",
            "Listen can I pop in?",
            "Honestly I'd suggest we visit.",
            "Just let me book you in.",
            // Several fillers in a row.
            "So okay well um shall we say ten?",
            // Each conjunction opens a clause mid-sentence.
            "I'll check the rota and shall we talk after?",
            "It's late but can we talk tomorrow?",
            "The team is back so shall I book it?",
            "Finish the audit then could we meet?",
            "Take the spring or would autumn suit?",
        ],
        &[
            "They told us let's wait.",
            "My boss would rather wait.",
            "She asked whether we could meet.",
            "Tom said shall we go.",
        ],
    ),
    (
        "pushes.assumptive",
        &[
            "I'll ring you on Friday.",
            "I will drop by.",
            "We'll sort the paperwork.",
            "We will come to you.",
            "I'm going to book you in.",
            "So okay I'll call tomorrow.",
            "It's done and we'll visit next week.",
        ],
        &[
            "He said I'll be late.",
            "Tell her we'll see.",
            "The day I'm going to retire.",
        ],
    ),
    (
        "pushes.wh_words",
        &[
            "What did you think?",
            "Who handles it?",
            "Where are you based?",
            "When did it start?",
            "Why is that?",
            "How big is the team?",
            "Which one do you use?",
            "Whose call is it?",
            "What's the budget?",
            "Who's in charge?",
            "Where's the office?",
            "When's the renewal?",
            "How's business?",
            "So who signs?",
        ],
        &[
            "I know what you mean.",
            "That's the man who called.",
            "Okay, I see why.",
        ],
    ),
    (
        "pushes.form_exceptions",
        &[
            "Let's say Tuesday then.",
            "I wanted to mention the price.",
            "I'd like to add one thing.",
            "Let me check the diary.",
        ],
        &["Let's go.", "I want to visit you.", "Let me book it."],
    ),
    (
        "pushes.not_push",
        &[
            "Could I just ask who decides?",
            "If I may ask, how big are you?",
            "Can you tell me about your setup?",
            "Tell me about the rota.",
            "I've got a question.",
            "We met last spring.",
            "We spoke yesterday.",
            "Originally it was for sales.",
            "Two years ago we switched.",
            "So far it's been fine.",
            "Did you get my letter?",
            "Have you had the brochure?",
            "The rep went there.",
            "Our man came by.",
            "Your neighbours signed up.",
            "Your neighbors use it.",
            "Other clients love it.",
            "As agreed, here is the plan.",
            "Here are the details on pricing.",
            "Thank you for your time.",
            "I will personally match it.",
            "We'll donate a tree for each order.",
            "I'm going to match your gift.",
            "I will feel better.",
            "As you said, timing matters.",
            "It is.",
            "Tuesday's fine.",
            "That works for me.",
            "Have you had a chance to read it?",
            "If you ever need us, shout.",
            "Whenever suits you.",
            "Feel free to ring.",
            "Let me know.",
            "If you want to know more, look online.",
            "Give us a shout.",
            "Call us back any time.",
            "We call you by your first name.",
            "I won't keep you.",
            "We don't push.",
            "It doesn't matter.",
            "I didn't catch that.",
            "Not a problem.",
            "No pressure at all.",
            "There's no obligation.",
            "Nothing happens until you agree.",
            "I'll get back to you.",
            "What about your team?",
            "It's all on our website.",
            "Watch the product video.",
        ],
        &[
            "It is late.",
            "Last orders, please.",
            "Give them a call.",
            "Notably cheaper.",
        ],
    ),
    (
        "pushes.negation_exceptions",
        &["Why don't you try it?", "Why not Friday?"],
        &["Why didn't you call?", "Why now?"],
    ),
    (
        "pushes.send_verbs",
        &[
            "I'll send it.",
            "We'll email the form.",
            "I can e-mail you.",
            "I'll mail it.",
            "I'll forward the quote.",
            "We'll post the contract.",
            "I'll drop you a line.",
        ],
        &["He sent it.", "Emails pile up.", "It only moves forwards."],
    ),
    (
        "pushes.commit_verbs",
        &[
            "You can sign online.",
            "We'll order the parts.",
            "Shall we go ahead?",
            "We'll start on Monday.",
            "I'll place it for you.",
            "We'll process it today.",
        ],
        &["I'll send the brochure.", "It's a nice design.", "Go away."],
    ),
    (
        "pushes.availability",
        &[
            "When's good?",
            "When suits you?",
            "Have you got a minute free?",
            "Are you free next week?",
            "Would you be around on Monday?",
        ],
        &["Are you sure?", "When was that?", "I've got time."],
    ),
    (
        "pushes.time",
        &[
            "See you Friday.",
            "On the 4th of July.",
            "At 3 then.",
            "At half past.",
            "Say 10:30.",
        ],
        &["At last.", "Fridays are slow.", "Some time later."],
    ),
    (
        "pushes.vague_time",
        &[
            "Next week maybe.",
            "In a couple of weeks.",
            "Sometime soon.",
            "Some time in spring.",
        ],
        &["Last week.", "In a minute.", "Soonish."],
    ),
    (
        "pushes.info_send",
        &[
            "Here's the information.",
            "More info below.",
            "I'll email it.",
            "By e-mail then.",
            "I'll send it.",
            "Want a brochure?",
            "I'll forward it.",
            "I'll put the details over.",
            "I'll ping the link over.",
            "I can text it through.",
        ],
        &["I'll pop round.", "Sent yesterday.", "Quite informal."],
    ),
    (
        "pushes.steps.appointment",
        &[
            "A meeting would help.",
            "Let's meet up.",
            "I'd love to meet you.",
            "Check your calendar.",
            "I'll put it in the diary.",
            "Let's schedule it.",
            "Shall we book a slot?",
            "Can I pencil something in?",
            "I'll send an invite.",
            "I'll send an invitation.",
            "Let's set up a call.",
            "A chat with our engineer?",
            "Shall we get together?",
            "Let's catch up on Friday.",
            "Fancy a coffee?",
            "A quick chat?",
            "Let's find a time.",
            "Put us down for Monday.",
            "Can I make an appointment?",
            "A session with you?",
            "Shall we do a short review?",
            "Could we hop on a quick call?",
            "A video call maybe?",
            "Shall we do a zoom?",
            "Could we grab twenty minutes?",
        ],
        &["We met once.", "Meetings run long.", "Our diaries are full."],
    ),
    (
        "pushes.steps.visit",
        &[
            "I could stop by.",
            "Could I come over?",
            "I'll pop round.",
            "I'll drop in.",
            "We could stop in.",
            "I'll send someone out.",
            "A visit next week?",
            "I'll see you at your office.",
            "Meet in person?",
            "We'll be on site Monday.",
            "An on-site check?",
            "Book a viewing?",
            "We can come to you.",
            "I'll nip round.",
            "I'll get an engineer out to you.",
            "A site survey?",
            "Can I come and measure up?",
            "I'll show you round the kitchens.",
            "Could you head down to the depot?",
            "Come to the show home.",
            "Pop into the showroom.",
            "A walk through the venue?",
        ],
        &["Visitors love it.", "Drop it.", "Stop it."],
    ),
    (
        "pushes.steps.demo",
        &[
            "A demo?",
            "A demonstration on Friday?",
            "A presentation to the board?",
            "Join our webinar.",
            "Fancy a test drive?",
            "A walkthrough on Monday?",
            "A walk-through on Monday?",
            "We can screen share.",
            "A screenshare?",
            "A screen-share?",
            "See it in action.",
            "A live demo?",
            "A trial run?",
            "A tour of the plant?",
            "I'll run you through it.",
            "I'll show you how it works.",
        ],
        &["Demolition is loud.", "Tourism is up.", "Show your badge."],
    ),
    (
        "pushes.steps.callback",
        &[
            "I'll call you.",
            "I'll call back.",
            "I'll give you a quick ring.",
            "I'll get in touch by phone.",
            "I'll reach out by phone.",
            "I'll ring you.",
            "Sorry I rang you so early.",
            "I'll phone you.",
            "I'll follow up by phone.",
            "A call tomorrow?",
            "A short call?",
            "We'll contact you.",
            "I'll reach out again.",
        ],
        &["Call your bank.", "The phone rang.", "Ringo called."],
    ),
    (
        "pushes.steps.close",
        &[
            "Here's the contract.",
            "Can you sign?",
            "Get it signed.",
            "Signing takes a minute.",
            "Can you sign off today?",
            "Sign up now.",
            "I'll do the paperwork.",
            "The agreement is ready.",
            "Shall I place the order?",
            "Start a trial.",
            "I'll write a proposal.",
            "Lock in the rate.",
            "I'll take your card details.",
            "Your payment details, please.",
            "Your bank details, please.",
            "Set up the account.",
            "Shall we go ahead?",
            "A 12 month plan?",
            "A six-month plan?",
            "An annual plan?",
            "I'll process the order.",
            "I'll send a quote.",
            "Would you donate?",
            "Could you contribute?",
            "Could you give something?",
            "Give what you can to the appeal.",
            "Pledge today.",
            "Sponsor a child.",
            "Monetary support helps.",
            "Can I count you in?",
            "Reserve a place.",
            "I'll put one aside.",
            "I'll hold two for you.",
            "I'll set it aside.",
            "Subscribe today.",
            "Become a member.",
            "A membership?",
            "Run a pilot.",
            "A proof of concept?",
            "Ready to order?",
            "Order some now.",
            "Buy it.",
            "Purchase today.",
            "We deliver Monday.",
            "The first shipment.",
            "Set up a direct debit.",
            "Let's get you set up.",
            "I'll get that started for you.",
            "Open an account.",
            "Your IBAN please.",
            "Sort code?",
            "Get it locked in.",
        ],
        &["Signals are weak.", "Our contractor is slow.", "Quotes from clients."],
    ),
    (
        "pushes.weak_steps.close",
        &[
            "I'll put you down for two.",
            "Shall I put your name down for the course?",
            "Enrol today.",
            "Register for the course.",
            "I'll sign you up.",
            "I'll book you in.",
        ],
        &["Registered mail.", "Put it down."],
    ),
    (
        "pushes.weak_steps.demo",
        &[
            "Let me show you.",
            "I'll walk you through it.",
            "I'll take you through it.",
            "I'll talk you through it.",
        ],
        &["Show your badge.", "Walk me through it."],
    ),
];

const NL: &[Case] = &[
    (
        "pushes.forms",
        &[
            "Zullen we afspreken?",
            "Zal ik langskomen?",
            "Kan ik u bellen?",
            "Kunnen we dinsdag?",
            "Mag ik langskomen?",
            "Mogen we het laten zien?",
            "Laten we iets plannen.",
            "Laat ik een afspraak maken.",
            "Wat dacht je van vrijdag?",
            "Wat vindt u ervan als ik kom?",
            "Hoe klinkt dinsdag?",
            "Ik stel voor dat we bellen.",
            "Mijn voorstel is een demo.",
            "Ik kom graag langs.",
            "Ik wil u graag bellen.",
            "Ik zou graag langskomen.",
            "Past het maandag?",
            "Schikt het vrijdag?",
            "Zou het handig zijn?",
            "Is het goed als ik bel?",
            "Vindt u het prima als ik kom?",
            "Wilt u een demo?",
            "Wil je een offerte?",
            "Zou u tijd hebben?",
            "Heeft u liever de ochtend?",
            "Wilt u liever bellen?",
            "Zou donderdag passen?",
            "Kan het woensdag?",
            "Zou dat kunnen?",
            "Heeft u een kwartiertje?",
            "Heeft u zin in koffie?",
            "Heb je zin om te komen?",
            "Wat zegt u ervan als ik kom?",
            "Wat vindt u van een proefmaand?",
            "Komt dat dinsdag uit?",
            "Heb je morgen tijd?",
            "Wanneer kan ik langskomen?",
            "Wanneer past het?",
            "Zullen we zeggen tien uur?",
            "Kunt u vrijdag?",
            "Kun je morgen?",
            "Past donderdag?",
            "Mag onze adviseur langskomen?",
            "Hoe laat kan ik komen?",
            "Wanneer kunt u?",
            "Ik laat u graag iets zien.",
            "Bent u bereid te tekenen?",
            "Als u vandaag tekent, krijgt u korting.",
            "Is dinsdag handig voor u?",
            "Komt het u dinsdag uit?",
            // Each filler, without a comma, leads the form on its own.
            "En zullen we bellen?",
            "Dan zal ik komen?",
            "Of past vrijdag?",
            "Maar kunnen we praten?",
            "Dus zal ik het plannen?",
            "Nou zullen we dan?",
            "Oké laten we afspreken.",
            "Ok kan ik langskomen?",
            "Ja zullen we dat doen?",
            "Nee wat dacht u van dinsdag?",
            "Goed zal ik u bellen?",
            "Mooi laten we afspreken.",
            "Top zullen we dat doen?",
            "Prima zal ik het inplannen?",
            "Fijn kan ik dan langskomen?",
            "Eh zullen we bellen?",
            "Uh mag ik terugbellen?",
            "Hm past maandag?",
            "Kijk laten we afspreken.",
            "Oh zal ik het sturen?",
            "O kan het morgen?",
            // Several fillers in a row.
            "Nou goed ja zullen we dinsdag zeggen?",
            // Each conjunction opens a clause mid-sentence.
            "Ik ben er weer en zullen we bellen?",
            "Het is laat maar kunnen we morgen praten?",
            "Het team is terug dus zal ik het plannen?",
            "Eerst de audit dan zullen we praten?",
            "Dinsdag of past woensdag beter?",
            "Ik vraag het want zou dinsdag passen?",
        ],
        &[
            "Mijn baas wil je spreken.",
            "Ik weet niet of het past.",
            "Die jongen kan het.",
            "Wat vindt u van de offerte?",
        ],
    ),
    (
        "pushes.assumptive",
        &[
            "Ik bel u morgen.",
            "Dan kom ik langs.",
            "Ik ga u inplannen.",
            "Ik neem contact op.",
            "Ik rijd even langs.",
            "We komen dinsdag.",
            "Goed ik plan het in.",
        ],
        &["Hij weet dat ik bel.", "Zij zegt ik kom wel."],
    ),
    (
        "pushes.wh_words",
        &[
            "Wat gebruikt u nu?",
            "Wie beslist dat?",
            "Waar zit u?",
            "Wanneer liep het af?",
            "Waarom is dat?",
            "Hoe gaat het?",
            "Hoeveel mensen werken er?",
            "Welk pakket heeft u?",
            "Welke leverancier?",
            "Waarvoor gebruikt u het?",
            "Waarmee werkt u?",
            "Hoelang al?",
        ],
        &["Ik weet wat u bedoelt.", "Dat is de man die belde."],
    ),
    (
        "pushes.form_exceptions",
        &["Laten we zeggen dat het meevalt.", "Laat ik eerlijk zijn."],
        &["Laten we afspreken.", "Laat ik u bellen."],
    ),
    (
        "pushes.not_push",
        &[
            "Mag ik u een vraag stellen?",
            "Kunt u me vertellen hoe het werkt?",
            "Vorige week was druk.",
            "Vorig jaar niet.",
            "Destijds wel.",
            "Gisteren belde hij.",
            "Twee jaar geleden.",
            "Heeft u de folder al ontvangen?",
            "Heeft u het al kunnen lezen?",
            "Tot nu toe goed.",
            "Hoe ging het?",
            "Toen hij langskwam.",
            "Uw buren doen mee.",
            "Een andere klant zei het.",
            "Zoals u vroeg, hierbij de cijfers.",
            "Zoals afgesproken de cijfers.",
            "Dinsdag is prima.",
            "Heeft u tijd gehad?",
            "Informatie over de demo.",
            "Als u er zelf naar kijkt.",
            "U kunt altijd bellen.",
            "Wanneer het u uitkomt.",
            "Laat maar weten.",
            "Als u meer wilt weten.",
            "U belt me wel.",
            "Ik ga zelf even bellen.",
            "Niet meer nodig.",
            "Niets aan de hand.",
            "Niks mis mee.",
            "Geen haast.",
            "Helemaal niet erg.",
            "Pas als u wilt.",
            "Ik bel u even over de offerte.",
            "Ik kom even terug op uw vraag.",
            "Ik wil terugkomen op de mail.",
            "Als het u bevalt, kunt u verlengen.",
        ],
        &["Volgende week kan ik.", "Ik bel u morgen.", "Is het prima als ik kom?"],
    ),
    (
        "pushes.negation_exceptions",
        &["Kunnen we niet gewoon even bellen?"],
        &["We kunnen niet."],
    ),
    (
        "pushes.send_verbs",
        &[
            "Ik stuur het.",
            "Hij stuurt het.",
            "Ik mail het.",
            "Ik ga het mailen.",
            "Per e-mail.",
            "Ik verstuur het.",
            "Ik kan het toesturen.",
            "Ik kan het opsturen.",
        ],
        &["Ik stuurde het.", "Mails stapelen op."],
    ),
    (
        "pushes.commit_verbs",
        &[
            "U tekent hier.",
            "Ondertekenen graag.",
            "Bestellen kan.",
            "We starten maandag.",
            "Ik plaats de order.",
            "Akkoord?",
        ],
        &["Het ontwerp.", "We stoppen."],
    ),
    (
        "pushes.availability",
        &[
            "Heeft u volgende week tijd?",
            "Heb je vrij?",
            "Bent u morgen beschikbaar?",
        ],
        &["Heeft u een vraag?", "Bent u de eigenaar?"],
    ),
    (
        "pushes.time",
        &["Dinsdag dan.", "Op 3 juni.", "Om tien.", "Kwart over elf."],
        &["Om de hoek.", "Ooit."],
    ),
    (
        "pushes.vague_time",
        &[
            "Volgende week.",
            "Over een paar weken.",
            "Binnenkort.",
            "Ergens in mei.",
        ],
        &["Vorige week.", "Over een paar dagen."],
    ),
    (
        "pushes.info_send",
        &[
            "Ik kan u de informatie en een brochure sturen.",
            "Meer info per mail.",
            "Ik ga het mailen of doormailen.",
            "Ik zal het namailen.",
            "Ik kan terugmailen.",
            "Ik zal het rondmailen.",
            "Ik zal het toemailen.",
            "Ik stuur een mailtje.",
            "Per e-mail.",
            "Ik zal het opsturen.",
            "Ik kan het toesturen.",
            "Ik zal het doorsturen.",
            "Ik kan het nasturen.",
            "Ik kan het appen.",
            "Ik zal het whatsappen.",
            "U krijgt een bevestiging.",
        ],
        &["Ik mailde gisteren.", "Een informeel gesprek."],
    ),
    (
        "pushes.steps.appointment",
        &[
            "Een afspraak?",
            "Een afspraakje maken?",
            "Zullen we afspreken?",
            "Om iets af te spreken.",
            "Even in de agenda kijken.",
            "Een moment prikken?",
            "Zal ik het inplannen?",
            "Om het in te plannen.",
            "Een meeting?",
            "Een teams-meeting?",
            "Even overleg?",
            "Zullen we overleggen?",
            "Heeft u een gaatje?",
            "Even bijpraten?",
            "Even bij praten?",
            "Om bij te praten.",
            "Een belmoment?",
            "Ik plan het in.",
            "Een uitnodiging sturen.",
            "Een kopje koffie?",
            "Koffie drinken?",
            "Een half uurtje?",
            "Elkaar spreken?",
            "Met onze specialist?",
            "Een videogesprek?",
            "Een belafspraak?",
            "Videobellen?",
            "Beeldbellen?",
            "Een zoom call?",
            "Een teamscall?",
            "Een gesprek met de directeur?",
            "Een kennismaking?",
            "Een kennismakingsgesprek?",
        ],
        &["Afspraken zijn afspraken.", "Hij plant bomen."],
    ),
    (
        "pushes.steps.visit",
        &[
            "Ik kom langs.",
            "Zal ik komen kijken?",
            "Bij u thuis?",
            "Op de zaak?",
            "Zaterdag is er binnenloop in de winkel.",
            "Mag ik even binnenlopen?",
            "Ik kan binnenwippen.",
            "Mag ik aanschuiven?",
            "Op bezoek komen?",
            "Een bezoek?",
            "Een bezichtiging?",
            "Bij u aan de deur?",
            "Een rondje door het pand?",
            "Op de locatie kijken?",
            "Ik rijd wel even voor.",
            "Bij jullie op kantoor?",
        ],
        &["Bezoekers komen.", "Hij rijdt naar huis."],
    ),
    (
        "pushes.steps.demo",
        &[
            "Een demo?",
            "Zal ik u rondleiden?",
            "Ik kan het tonen.",
            "Ik kan laten zien hoe het werkt.",
            "Ik wil u door het systeem heen leiden.",
            "Een demonstratie?",
            "Een presentatie?",
            "Een webinar?",
            "Een proefrit?",
            "Ik kan het live laten zien.",
            "Ik kan mijn scherm even delen.",
            "Een rondleiding?",
            "Zal ik de demo's laten draaien?",
            "Een kort demootje?",
            "Zal ik het even demonstreren?",
        ],
        // "demo*" holds the compounds (demoles, demoversie, demosessie); it
        // also holds "democratie", which sales talk rarely has: no near miss.
        &["Hij toonde het.", "Een presentje."],
    ),
    (
        "pushes.steps.callback",
        &[
            "Zal ik terugbellen?",
            "Is het goed als ik u terugbel?",
            "Als ik je terug bel.",
            "Ik bel u.",
            "Zal ik u morgen bellen?",
            "Dan bel ik.",
            "Bellen?",
            "Ik zal nabellen.",
            "Een belletje?",
            "Contact opnemen.",
            "Ik neem contact met u op.",
            "Mag ik u later benaderen?",
        ],
        &["Hij belde.", "De bel gaat."],
    ),
    (
        "pushes.steps.close",
        &[
            "Zal ik de offerte sturen zodat u kunt tekenen?",
            "Wilt u ondertekenen?",
            "U teken hier.",
            "Hij tekent vandaag.",
            "Het contract ligt klaar.",
            "De overeenkomst ligt klaar.",
            "Wilt u bestellen?",
            "Uw bestelling.",
            "De order.",
            "Een proefperiode?",
            "Een proefmaand?",
            "Een proefabonnement?",
            "Zal ik reserveren?",
            "Ik reserveer er twee.",
            "Zullen we het rondmaken?",
            "Een machtiging?",
            "Uw handtekening.",
            "Uw betaalgegevens.",
            "Uw rekeningnummer.",
            "Uw iban.",
            "Wilt u doneren?",
            "Doneert u?",
            "Een donatie?",
            "Donateur worden?",
            "Een bijdrage?",
            "Wilt u bijdragen?",
            "Wilt u schenken?",
            "Geven aan het goede doel.",
            "Een gift?",
            "Sponsor een kind.",
            "Zal ik er een apart leggen?",
            "Ik leg er twee apart.",
            "Zal ik er een voor u vasthouden?",
            "Ik hou er een voor u vast.",
            "Zal ik het klaar zetten?",
            "Ik kan het klaarzetten.",
            "Ik kan het klaarleggen.",
            "Een abonnement?",
            "Lid worden?",
            "Een pilot?",
            "Een proefles?",
            "Vastleggen tegen dit tarief?",
            "De prijs ligt dan vast.",
            "De levering.",
            "Een zending.",
            "Wij bezorgen.",
            "De papieren.",
            "Het kan maandag ingaan.",
            "Zal ik het aanvragen?",
            "Zal ik het in gang zetten?",
            "De overstap.",
            "Wilt u overstappen?",
            "Om over te stappen.",
        ],
        &["Hij tekende gisteren.", "Het pilotenwerk.", "Ordentelijk."],
    ),
    (
        "pushes.weak_steps.close",
        &[
            "Inschrijven kan online.",
            "Ik schrijf u in.",
            "Aanmelden?",
            "Zal ik u noteren?",
        ],
        &["Schrijf het op.", "Noteren?"],
    ),
    (
        "pushes.weak_steps.demo",
        &[
            "Ik kan het laten zien.",
            "Ik loop het pakket even met u door.",
            "Zullen we het systeem even doorlopen?",
        ],
        &["Laten we zien."],
    ),
];

/// Whether `id` of `m` hits sentence `s`.
fn hits(m: &Matcher, id: crate::rules::ListId, s: &str) -> bool {
    let toks = Tokens::sentence(m.vocab(), s);
    let mut h = Hits::default();
    m.scan(toks.whole(), &mut h);
    h.has(id)
}

fn check(lang: &str, cases: &[Case]) {
    let lm = LangModel::new(Lexicon::builtin(lang).expect("lexicon")).expect("rules");
    let mut failures = Vec::new();
    for (list, yes, no) in cases {
        let id = lm.pushes.list_id(list).unwrap_or_else(|| panic!("no list {list}"));
        for s in *yes {
            if !hits(&lm.rules, id, s) {
                failures.push(format!("{lang} {list}: should hit {s:?}"));
            }
        }
        for s in *no {
            if hits(&lm.rules, id, s) {
                failures.push(format!("{lang} {list}: near miss hit {s:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_push_lists_hit_and_near_misses_do_not() {
    check("en", EN);
}

#[test]
fn dutch_push_lists_hit_and_near_misses_do_not() {
    check("nl", NL);
}

/// The entries of every listed list in `cases` that none of the list's
/// positive sentences hits, each entry compiled as a list of its own (led
/// lists plain: their positives stand at a clause start anyway).
pub(super) fn entries_without_positive(lang: &str, cases: &[Case]) -> Vec<String> {
    let lex = Lexicon::builtin(lang).expect("lexicon");
    let mut missing = Vec::new();
    for (list, yes, _) in cases.iter().filter(|(l, _, _)| !l.starts_with('@')) {
        let entries = lex.list(list);
        assert!(!entries.is_empty(), "{lang}: {list} is empty or unknown");
        let mut c = crate::rules::compiler(&lex).expect("classes");
        let ids: Vec<_> = entries
            .iter()
            .enumerate()
            .map(|(k, e)| c.add_list(&format!("e{k}"), std::slice::from_ref(e)).expect("entry"))
            .collect();
        let m = c.finish();
        for (e, id) in entries.iter().zip(ids) {
            if !yes.iter().any(|s| hits(&m, id, s)) {
                missing.push(format!("{lang} {list}: no positive for {e:?}"));
            }
        }
    }
    missing
}

#[test]
fn every_push_entry_has_a_positive() {
    let mut missing = entries_without_positive("en", EN);
    missing.extend(entries_without_positive("nl", NL));
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Each filler and conjunction is what lets some `pushes.forms` positive
/// hit: with the full lead the sentence hits, without that one word not.
#[test]
fn every_filler_and_conjunction_leads_a_form_positive() {
    let mut missing = Vec::new();
    for (lang, cases) in [("en", EN), ("nl", NL)] {
        let lex = Lexicon::builtin(lang).unwrap();
        let forms = lex.list("pushes.forms");
        let yes = cases.iter().find(|(l, _, _)| *l == "pushes.forms").unwrap().1;
        let (fillers, conjunctions) = (lex.list("pushes.fillers"), lex.list("pushes.conjunctions"));
        // The form list led by `skip` and `after`.
        let led = |skip: &[String], after: &[String]| {
            let mut c = crate::rules::compiler(&lex).unwrap();
            let lead = LeadWords {
                skip,
                after,
                max_skip: 8,
                sentence_start: false,
            };
            let id = c.add_led("t", forms, &lead).unwrap();
            (c.finish(), id)
        };
        let but = |all: &[String], w: &String| all.iter().filter(|x| *x != w).cloned().collect::<Vec<_>>();
        let full = led(fillers, conjunctions);
        for f in fillers {
            // Conjunctions off, so a filler that is also one is tested as a filler.
            let with = led(fillers, &[]);
            let without = led(&but(fillers, f), &[]);
            if !yes
                .iter()
                .any(|s| hits(&with.0, with.1, s) && !hits(&without.0, without.1, s))
            {
                missing.push(format!("{lang}: no pushes.forms positive led by filler {f:?}"));
            }
        }
        for w in conjunctions {
            let without = led(fillers, &but(conjunctions, w));
            if !yes
                .iter()
                .any(|s| hits(&full.0, full.1, s) && !hits(&without.0, without.1, s))
            {
                missing.push(format!("{lang}: no pushes.forms positive led by conjunction {w:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_shipped_push_list_has_cases() {
    for (lang, cases) in [("en", EN), ("nl", NL)] {
        let lex = Lexicon::builtin(lang).unwrap();
        let lm = LangModel::new(lex.clone()).unwrap();
        // Fillers and conjunctions lead the forms: tested above.
        for n in lex
            .names_under("pushes.")
            .filter(|n| !matches!(*n, "pushes.fillers" | "pushes.conjunctions"))
        {
            assert!(cases.iter().any(|(t, _, _)| *t == n), "{lang}: no cases for {n}");
            assert!(
                lm.pushes.list_id(n).is_some(),
                "{lang}: {n} is not a push list the code reads"
            );
        }
    }
}

/// `(sentence, category it is a push of, or None)`.
type Judged = (&'static str, Option<PushCategory>);

const EN_SENTENCES: &[Judged] = &[
    // Proposals of steps the step lists name in less usual words.
    ("Shall I reserve two places for you?", Some(PushCategory::Close)),
    (
        "Could I put a couple aside for you until Friday?",
        Some(PushCategory::Close),
    ),
    (
        "Would you like to enrol on the spring course?",
        Some(PushCategory::Close),
    ),
    ("How about a pilot with one of your teams?", Some(PushCategory::Close)),
    ("Why don't you subscribe for a year and see?", Some(PushCategory::Close)),
    ("I'd suggest a visit next Tuesday.", Some(PushCategory::Visit)),
    // Times said in words.
    ("Shall we say half ten on Thursday?", Some(PushCategory::Appointment)),
    ("Can we pencil in Thursday week?", Some(PushCategory::Appointment)),
    ("Would quarter past four suit?", Some(PushCategory::Appointment)),
    // Forms after several fillers.
    (
        "So, okay, well, um, could I pop round on Friday?",
        Some(PushCategory::Visit),
    ),
    (
        "Right then so could we get a demo in the diary?",
        Some(PushCategory::Demo),
    ),
    (
        "Lovely, then I'll give you a ring on Monday.",
        Some(PushCategory::Callback),
    ),
    (
        "Shall I put your name down for the March intake?",
        Some(PushCategory::Close),
    ),
    ("Fancy a demo next week?", Some(PushCategory::Demo)),
    ("Do you fancy popping into the showroom?", Some(PushCategory::Visit)),
    ("Shall I hold a seat for you on the course?", Some(PushCategory::Close)),
    // Near misses: a past step, a negation, information about a step,
    // sending without a commitment, a question about a step.
    ("Did you enjoy the demo last week?", None),
    ("I won't book anything in yet.", None),
    ("The demo covers the reporting side.", None),
    ("I'll send the quote over this afternoon.", None),
    ("Here's some information about the webinar.", None),
    ("When did you sign the contract?", None),
    ("My colleague could pop round, she said.", None),
    ("Did the engineer come round last month?", None),
    ("What did you think of the presentation?", None),
];

const NL_SENTENCES: &[Judged] = &[
    // Voorstellen met minder gewone woorden voor een stap.
    ("Zal ik twee plekken voor u reserveren?", Some(PushCategory::Close)),
    ("Kan ik er eentje voor u apart leggen?", Some(PushCategory::Close)),
    ("Zullen we met een pilot beginnen?", Some(PushCategory::Close)),
    ("Wilt u zich inschrijven voor de cursus?", Some(PushCategory::Close)),
    ("Zou u een abonnement willen nemen?", Some(PushCategory::Close)),
    ("Mag ik volgende week even langs?", Some(PushCategory::Visit)),
    ("Zal ik het voor donderdag inplannen?", Some(PushCategory::Appointment)),
    (
        "Zullen we het moment meteen vastleggen?",
        Some(PushCategory::Appointment),
    ),
    // Tijden in woorden.
    ("Wat dacht u van kwart over elf?", Some(PushCategory::Appointment)),
    ("Past half drie u beter?", Some(PushCategory::Appointment)),
    // Vormen na meerdere vulwoorden.
    (
        "Nou, ja, goed, zullen we dinsdag koffie drinken?",
        Some(PushCategory::Appointment),
    ),
    ("Oké, kijk, dan bel ik u morgen terug.", Some(PushCategory::Callback)),
    (
        "Heeft u zin in een kop koffie volgende week?",
        Some(PushCategory::Appointment),
    ),
    ("Zal ik een plekje voor u vasthouden?", Some(PushCategory::Close)),
    (
        "Wat vindt u van een proefperiode van een maand?",
        Some(PushCategory::Close),
    ),
    ("Half elf, komt dat uit?", Some(PushCategory::Appointment)),
    (
        "Wat zegt u ervan als ik dinsdag even langskom?",
        Some(PushCategory::Visit),
    ),
    // Bijna-pushes: een stap in het verleden, een ontkenning, informatie
    // over een stap, sturen zonder instemming, een vraag over een stap.
    ("Heeft u de offerte al ontvangen?", None),
    ("Ik kom vandaag niet langs.", None),
    ("De demo duurt een uur.", None),
    ("Ik stuur u vanmiddag de offerte.", None),
    ("Informatie over het webinar vindt u op de site.", None),
    ("Wie tekent bij u de contracten?", None),
    ("Mijn collega kan langskomen, zei ze.", None),
    ("Wat vindt u van de offerte die ik stuurde?", None),
    ("Hoe vond u de presentatie?", None),
    ("De monteur is vorige maand langs geweest.", None),
];

fn judge_all(lang: &str, cases: &[Judged]) {
    let lm = LangModel::new(Lexicon::builtin(lang).unwrap()).unwrap();
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(s, want)| {
            let got = lm.pushes.sentence_category(&lm.rules, s);
            (got != want).then(|| format!("{lang} {s:?}: {got:?}, want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn english_sentences_end_to_end() {
    judge_all("en", EN_SENTENCES);
}

#[test]
fn dutch_sentences_end_to_end() {
    judge_all("nl", NL_SENTENCES);
}
