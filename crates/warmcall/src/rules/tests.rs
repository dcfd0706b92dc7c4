//! The matcher over hand-written classes and lists.

use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Compiles `lists` over `classes` and returns which lists hit `text`.
fn hits(classes: &[(&str, &[&str])], lists: &[(&str, &[&str])], text: &str) -> Vec<String> {
    let owned: Vec<(&str, Vec<String>)> = classes.iter().map(|(n, e)| (*n, s(e))).collect();
    let refs: Vec<(&str, &[String])> = owned.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let mut c = Compiler::new(&refs).expect("classes compile");
    for (n, p) in lists {
        c.add_list(n, &s(p)).expect("list compiles");
    }
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), text);
    let mut h = Hits::default();
    m.scan(toks.whole(), &mut h);
    lists
        .iter()
        .filter(|(n, _)| h.has(m.list(n).unwrap()))
        .map(|(n, _)| n.to_string())
        .collect()
}

fn one(classes: &[(&str, &[&str])], pattern: &str, text: &str) -> bool {
    !hits(classes, &[("l", &[pattern])], text).is_empty()
}

const DAYS: (&str, &[&str]) = ("day", &["monday", "tuesday", "friday"]);

#[test]
fn words_and_classes() {
    assert!(one(&[DAYS], "see you @day", "OK, see you Friday!"));
    assert!(!one(&[DAYS], "see you @day", "See you soon."));
    // Multi-word class entries and classes naming classes.
    let part: (&str, &[&str]) = ("when", &["@day (morning | afternoon)?", "the day after tomorrow"]);
    assert!(one(&[DAYS, part], "on @when", "on the day after tomorrow"));
    assert!(one(&[DAYS, part], "on @when $", "on Tuesday afternoon"));
    assert!(!one(&[DAYS, part], "on @when $", "on Tuesday we close"));
}

#[test]
fn optional_parts_alternatives_and_wildcards() {
    assert!(one(&[], "no thank (you | s)?", "No, thank you."));
    assert!(one(&[], "no (thanks | thank you)", "no thanks"));
    assert!(!one(&[], "no (thanks | thank you)", "no, thank goodness"));
    assert!(one(&[], "donat*", "Would you consider a donation?"));
    assert!(!one(&[], "donat*", "A don at the college."));
}

#[test]
fn gaps_stay_inside_a_clause() {
    assert!(one(&[], "sounds ..2 good", "that sounds really very good"));
    assert!(!one(&[], "sounds ..2 good", "that sounds really very very good"));
    assert!(!one(&[], "sounds ..2 good", "it sounds odd, honestly good"));
}

#[test]
fn anchors() {
    assert!(one(&[], "^ no", "No, I said."));
    assert!(!one(&[], "^ no", "I said no."));
    assert!(one(&[], "< not now", "Sorry, not now"));
    assert!(!one(&[], "< not now", "I can not now say"));
    assert!(one(&[], "busy >", "We are busy, sorry"));
    assert!(!one(&[], "busy >", "we are busy people"));
    assert!(one(&[], "^ fine $", "Fine."));
    assert!(!one(&[], "^ fine $", "Fine by me."));
}

#[test]
fn token_predicates() {
    assert!(one(&[], "at #hour", "at 9 then"));
    assert!(!one(&[], "at #hour", "at 300 then"));
    assert!(one(&[], "at #clock", "at 10:30"));
    assert!(!one(&[], "at #clock", "at 10:75"));
    assert!(one(&[], "#num percent?", "about 40 percent"));
    assert!(!one(&[], "#num", "about forty"));
}

#[test]
fn several_lists_in_one_pass() {
    let got = hits(
        &[DAYS],
        &[("time", &["@day"]), ("yes", &["^ (yes | sure)"]), ("no", &["^ no"])],
        "Sure, Tuesday works.",
    );
    assert_eq!(got, ["time", "yes"]);
}

#[test]
fn hits_say_where() {
    let mut c = Compiler::new(&[]).unwrap();
    let l = c.add_list("l", &s(&["not ..2 interested"])).unwrap();
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), "Well, we're not really interested.");
    let mut h = Hits::default();
    m.scan(toks.whole(), &mut h);
    assert_eq!(h.span(l), Some((2, 5)));
}

#[test]
fn bad_classes_and_patterns_are_errors() {
    let circle = [("a", s(&["@b"])), ("b", s(&["x @a"]))];
    let refs: Vec<(&str, &[String])> = circle.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let e = Compiler::new(&refs).unwrap_err();
    assert!(e.to_string().contains("circle"), "{e}");
    let mut c = Compiler::new(&[]).unwrap();
    let e = c.add_list("l", &s(&["(a"])).unwrap_err();
    assert_eq!(e.name, "l");
    let e = c.add_list("l", &s(&["^ a?"])).unwrap_err();
    assert!(e.to_string().contains("without any word"), "{e}");
}

#[test]
fn a_gap_before_a_clause_start_runs_to_it() {
    let p = "if ..9 < (sign | call) you";
    assert!(one(&[], p, "If anything comes up, call you I will."));
    assert!(one(&[], p, "if it rains on the day; sign you up anyway"));
    // No clause boundary after the gap, or a boundary inside it.
    assert!(!one(&[], p, "if you call you win"));
    assert!(!one(&[], p, "if it, rains, call you"));
    // More words than the gap allows.
    assert!(!one(&[], "if ..2 < call", "if it rains all day, call"));
}

/// Compiles one led list and tells whether it hits `text`.
fn led(entries: &[&str], skip: &[&str], after: &[&str], sentence_start: bool, text: &str) -> bool {
    let mut c = Compiler::new(&[]).expect("no classes");
    let (skip, after) = (s(skip), s(after));
    let lead = LeadWords {
        skip: &skip,
        after: &after,
        max_skip: 3,
        sentence_start,
    };
    let id = c.add_led("l", &s(entries), &lead).expect("list compiles");
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), text);
    let mut h = Hits::default();
    m.scan(toks.whole(), &mut h);
    h.has(id)
}

#[test]
fn a_led_list_hits_only_after_its_lead() {
    let (skip, after) = (&["so", "well", "okay"][..], &["and", "but"][..]);
    let hit = |text: &str| led(&["shall we"], skip, after, false, text);
    assert!(hit("Shall we?"));
    assert!(hit("So, well, shall we meet"));
    assert!(hit("It's late; okay shall we stop"));
    assert!(hit("I'll send it and shall we talk then"));
    assert!(hit("fine but so shall we"));
    // Mid-clause, or behind a word that is neither skipped nor a lead.
    assert!(!hit("the question shall we is odd"));
    assert!(!hit("really shall we"));
    // More skip words than allowed.
    assert!(!hit("so so so so shall we"));
    // At the sentence start only: commas between skip words are fine.
    let opening = |text: &str| led(&["shall we"], skip, after, true, text);
    assert!(opening("Well, okay, shall we"));
    assert!(!opening("It's late, shall we"));
    assert!(!opening("it's late and shall we"));
    // A lead word must be one word.
    let mut c = Compiler::new(&[]).unwrap();
    let bad = s(&["you know"]);
    let lead = LeadWords {
        skip: &bad,
        after: &[],
        max_skip: 2,
        sentence_start: false,
    };
    assert!(c.add_led("l", &s(&["x"]), &lead).is_err());
}

#[test]
fn all_hits_are_every_place_a_list_hits() {
    let mut c = Compiler::new(&[]).unwrap();
    let id = c.add_list("l", &s(&["call you", "call"])).unwrap();
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), "I call you, then call again and call you");
    let mut out = vec![(9, 9)];
    m.all_hits(toks.whole(), id, &mut out);
    assert_eq!(out, vec![(1, 3), (4, 5), (7, 9)]);
    // A sentence without a hit gives none.
    let toks = Tokens::sentence(m.vocab(), "nothing here");
    m.all_hits(toks.whole(), id, &mut out);
    assert!(out.is_empty());
}

#[test]
fn a_sentence_without_some_words_reads_as_if_unsaid() {
    let mut c = Compiler::new(&[]).unwrap();
    let start = c.add_list("start", &s(&["^ shall we"])).unwrap();
    let clause = c.add_list("clause", &s(&["< tuesday"])).unwrap();
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), "Let's say, shall we meet Tuesday");
    let v = toks.whole();
    let mut buf = Vec::new();
    // "let's say" out: "shall" opens the sentence.
    let w = v.without(&[(0, 2)], &mut buf);
    assert_eq!(w.len(), 4);
    let mut h = Hits::default();
    m.scan(w, &mut h);
    assert!(h.has(start));
    // "meet" out: "tuesday" takes no boundary it did not have.
    let w = v.without(&[(4, 5)], &mut buf);
    m.scan(w, &mut h);
    assert!(!h.has(clause));
    // "shall we meet" out: "tuesday" follows the comma's clause start.
    let w = v.without(&[(2, 5)], &mut buf);
    m.scan(w, &mut h);
    assert!(h.has(clause));
}

#[test]
fn class_words_are_the_ids_of_a_class_of_single_words() {
    let ok = [
        ("yes", s(&["yeah", "yep", "uh-huh"])),
        ("reply", s(&["@yes", "(sure | okay)", "@one"])),
        ("one", s(&["fine"])),
        ("phrase", s(&["@yes", "got it"])),
        ("empty", s(&[])),
    ];
    let refs: Vec<(&str, &[String])> = ok.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let m = Compiler::new(&refs).unwrap().finish();
    let words = |name: &str| {
        m.class_words(name).map(|ids| {
            let mut w: Vec<&str> = m
                .vocab()
                .words()
                .filter(|(id, _)| ids.contains(id))
                .map(|x| x.1)
                .collect();
            w.sort_unstable();
            w
        })
    };
    // A hyphenated entry is one word, as the tokenizer reads it.
    assert_eq!(words("yes").unwrap(), ["uh-huh", "yeah", "yep"]);
    // Classes and groups of single words are single words too.
    assert_eq!(
        words("reply").unwrap(),
        ["fine", "okay", "sure", "uh-huh", "yeah", "yep"]
    );
    assert_eq!(words("empty").unwrap(), Vec::<&str>::new());
    // Near misses: an entry of two words, and no such class.
    assert_eq!(words("phrase"), None);
    assert_eq!(words("nope"), None);
}

#[test]
fn capitalised_words() {
    // `#cap` reads the case the fold drops: a name or company after the
    // words, not any word.
    assert!(one(&[], "this is #cap", "Hi, this is Rachel."));
    assert!(one(&[], "met #cap", "Goedemorgen, met Érik."));
    assert!(!one(&[], "this is #cap", "this is rachel"));
    assert!(!one(&[], "this is #cap", "This is 42."));
    // A pattern that opens with `#cap` is offered at capitalised words only.
    assert!(one(&[], "^ #cap #cap $", "James Whitfield."));
    assert!(!one(&[], "^ #cap #cap $", "James whitfield."));
    // `~`: no punctuation between the two.
    assert!(one(&[], "^ #cap ~ #cap $", "James Whitfield."));
    assert!(!one(&[], "^ #cap ~ #cap $", "Hello? Hello?"));
    assert!(one(&[], "^ #cap #cap $", "Hello? Hello?"));
}

#[test]
fn any_token_and_sentence_gaps() {
    assert!(one(&[], "from #any", "I'm calling from 3M"));
    assert!(!one(&[], "from #any", "where are you calling from?"));
    // `...N` crosses clause punctuation inside the sentence, `..N` not.
    assert!(one(
        &[],
        "my name is ...3 from",
        "My name is Lee, Brandon Lee, from Acme."
    ));
    assert!(!one(
        &[],
        "my name is ..3 from",
        "My name is Lee, Brandon Lee, from Acme."
    ));
    assert!(!one(
        &[],
        "my name is ...2 from",
        "My name is Lee, Brandon Lee, from Acme."
    ));
}

#[test]
fn anchored_lists_match_at_a_place() {
    let mut c = Compiler::new(&[]).unwrap();
    let after = c.add_anchored("after", &s(&["(from | with) #any", ">"])).unwrap();
    let scanned = c.add_list("scanned", &s(&["hello"])).unwrap();
    let m = c.finish();
    let view = |text: &str, toks: &mut Tokens| Tokenizer::new(m.vocab()).push_sentence(text, 0, toks);
    let mut toks = Tokens::default();
    let r = view("this is Sam from Acme", &mut toks);
    let v = toks.view(r);
    assert_eq!(m.match_at(v, after, 3), Some(5));
    // A near miss: the place is not followed by the list.
    assert_eq!(m.match_at(v, after, 2), None);
    // `>` alone matches at a clause end and at the sentence end.
    let mut toks = Tokens::default();
    let r = view("this is Sam, hi", &mut toks);
    let v = toks.view(r);
    assert_eq!(m.match_at(v, after, 3), Some(3));
    assert_eq!(m.match_at(v, after, 2), None);
    assert_eq!(m.match_at(v, after, 4), Some(4));
    // An anchored list is never scanned for.
    let mut h = Hits::default();
    m.scan(v, &mut h);
    assert!(!h.has(after) && !h.has(scanned));
}

#[test]
fn hits_say_where_they_are() {
    let mut c = Compiler::new(&[]).unwrap();
    let l = c.add_list("l", &s(&["my name is #cap"])).unwrap();
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), "Hi, my name is Sam Lee.");
    let v = toks.whole();
    let mut h = Hits::default();
    m.scan(v, &mut h);
    assert_eq!(h.span(l), Some((1, 5)));
    let mut all = Vec::new();
    m.all_hits(v, l, &mut all);
    assert_eq!(all, [(1, 5)]);
}

const SOFT: (&str, &[&str]) = ("soft", &["just", "really", "a", "bit"]);

#[test]
fn a_class_run_takes_any_number_of_its_words() {
    assert!(one(&[SOFT], "walk @soft* through", "can you walk through it"));
    assert!(one(&[SOFT], "walk @soft* through", "walk just a bit through it"));
    // Another word in the run, or more than eight, breaks it.
    assert!(!one(&[SOFT], "walk @soft* through", "walk slowly through it"));
    let long = format!("walk {} through", ["just"; 9].join(" "));
    assert!(!one(&[SOFT], "walk @soft* through", &long));
    assert!(one(&[SOFT], "walk @soft* through", &long.replacen("just ", "", 1)));
    // A run of a class with phrases reads each phrase as one word only.
    let phrase: (&str, &[&str]) = ("phr", &["kind of", "sort"]);
    assert!(one(&[phrase], "a @phr* b", "a sort sort b"));
    assert!(!one(&[phrase], "a @phr* b", "a kind of b"));
}

/// Anchored list `entries` over `SOFT`, asked at token `p` of `text`:
/// its first end and whether one ends at the sentence end.
fn anchored(entries: &[&str], text: &str, p: usize) -> (Option<usize>, bool) {
    let mut c = Compiler::new(&[(SOFT.0, &s(SOFT.1))]).expect("classes compile");
    let l = c.add_anchored("l", &s(entries)).expect("list compiles");
    let m = c.finish();
    let toks = Tokens::sentence(m.vocab(), text);
    (m.match_at(toks.whole(), l, p), m.matches_to_end(toks.whole(), l, p))
}

#[test]
fn word_only_patterns_end_where_the_general_matcher_ends() {
    // Literal patterns (words and runs) take the fast path; the same
    // pattern with an optional part takes the general one: the same ends.
    for text in ["so a a b", "so a b", "so b", "so just a b c", "so a just", "so"] {
        for (lit, general) in [
            ("a @soft* b", "a @soft* b (zz)?"),
            ("a @soft* a b", "a @soft* a b (zz)?"),
            ("a", "a (zz)?"),
        ] {
            assert_eq!(
                anchored(&[lit], text, 1),
                anchored(&[general], text, 1),
                "{lit} / {text}"
            );
        }
    }
    // The first pattern that matches gives the end; to the end, any does.
    assert_eq!(anchored(&["a", "a b"], "so a b", 1), (Some(2), true));
    assert_eq!(anchored(&["a b", "a"], "so a b c", 1), (Some(3), false));
    // A run backtracks: "a a" ends the sentence only with the first "a"
    // skipped as a @soft word.
    assert_eq!(anchored(&["a @soft* a"], "x a a", 1), (Some(3), true));
    assert_eq!(anchored(&["a @soft* b"], "x a a", 1), (None, false));
}

#[test]
fn a_sentence_rebuilt_from_another_keeps_its_words() {
    let mut c = Compiler::new(&[]).expect("no classes");
    c.add_list("l", &s(&["isn't it"])).expect("list compiles");
    let m = c.finish();
    let src = Tokens::sentence(m.vocab(), "is n't it it");
    let v = src.whole();
    let mut out = Tokens::default();
    out.push_from(&v, 0, false);
    out.join_last(m.vocab(), &v, 1);
    out.push_from(&v, 2, false);
    out.push_from(&v, 3, false);
    out.pop();
    let w = out.whole();
    let folded: Vec<&str> = (0..w.len()).map(|k| w.fold(k)).collect();
    assert_eq!(folded, ["isn't", "it"]);
    // The joined word has the id of the word written whole, and spans both parts.
    assert_eq!(w.toks[0].word, m.vocab().id("isn't"));
    assert_eq!((w.toks[0].start, w.toks[0].end), (0, 6));
    let mut h = Hits::default();
    m.scan(w, &mut h);
    assert!(h.has(m.list("l").unwrap()));
}
