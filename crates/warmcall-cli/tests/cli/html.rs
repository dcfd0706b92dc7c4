//! `warmcall report`: self-contained HTML, checked as text and in headless
//! Chromium (screenshot not blank, DOM holds the tables and timelines,
//! hostile text stays text, load time, filters, anchors, no external
//! requests), the index plus per-agent pages of a big folder, and Dutch.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, run, write};

const NASTY_TEXT: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)> </svg><b>bold</b>";
const NASTY_NAME: &str = "<img src=x onerror=alert(3)></svg>";

/// Chromium, or `None` locally (loud message); under CI a missing browser
/// fails the test.
fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(o) = Command::new(name).arg("--version").output() {
            if o.status.success() {
                return Some(PathBuf::from(name));
            }
        }
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "Chromium is not installed but CI=true: the HTML report must be tested in a browser (scripts/test.sh installs it)"
    );
    eprintln!("\n*** SKIPPING the headless-Chromium check: chromium not installed (apt-get install -y chromium) ***\n");
    None
}

fn browser(chrome: &Path, dir: &Path, extra: &[&str], html: &Path) -> std::process::Output {
    browser_url(chrome, dir, extra, &format!("file://{}", html.display()))
}

/// Chromium on a URL (a `file://` page with a query or fragment).
fn browser_url(chrome: &Path, dir: &Path, extra: &[&str], url: &str) -> std::process::Output {
    let profile = tempfile::tempdir_in(dir).unwrap();
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Distinct colours in a PNG.
fn distinct_colours(png_path: &Path) -> usize {
    let decoder = png::Decoder::new(std::fs::File::open(png_path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bpp = info.line_size / info.width as usize;
    let mut set = std::collections::HashSet::new();
    for px in buf[..info.buffer_size()].chunks(bpp) {
        set.insert(px[..bpp.min(3)].to_vec());
        if set.len() > 1000 {
            break;
        }
    }
    set.len()
}

/// Renders `html` in Chromium: returns the dumped DOM; asserts the
/// screenshot is not blank.
fn render(dir: &Path, html: &Path) -> Option<String> {
    let chrome = chromium()?;
    let shot = dir.join("shot.png");
    browser(
        &chrome,
        dir,
        &["--window-size=1280,2000", &format!("--screenshot={}", shot.display())],
        html,
    );
    let colours = distinct_colours(&shot);
    assert!(colours >= 8, "the screenshot is (nearly) blank: {colours} colours");
    let dom = browser(&chrome, dir, &["--dump-dom"], html);
    Some(String::from_utf8_lossy(&dom.stdout).into_owned())
}

/// No reference that would make the browser ask for anything: no element
/// that loads (link, iframe, img, audio, video, object, embed), no CSS
/// import or url(), no link with a scheme or a network path, and a script
/// that neither fetches nor imports.
fn assert_self_contained(html: &str) {
    for bad in [
        "<link",
        "<iframe",
        "<img",
        "<audio",
        "<video",
        "<object",
        "<embed",
        "@import",
        "url(",
        "src=\"",
        "href=\"http",
        "href=\"//",
        "fetch(",
        "XMLHttpRequest",
        "import(",
        "sendBeacon",
        "WebSocket",
    ] {
        assert!(!html.contains(bad), "external reference {bad:?} in the report");
    }
}

/// No element that the hostile strings could have opened.
fn assert_no_injected_elements(dom: &str) {
    assert!(!dom.contains("<img"), "an <img> element was created");
    assert!(!dom.contains("<script>alert"), "a <script> element was created");
    assert!(!dom.contains("<b>bold"), "markup from the transcript was parsed");
    assert_eq!(dom.matches("<script>").count(), 1, "only our own sorting script");
}

#[test]
fn report_is_one_self_contained_file_that_renders_in_a_browser() {
    let d = tempfile::tempdir().unwrap();
    // File names are text too: today they reach the report as error records,
    // with the parsers also as call rows and headings.
    write(
        &d.path().join("calls/<img src=x onerror=alert(1)>.srt"),
        "not a transcript\n",
    );
    write(&d.path().join("calls/<script>alert(2)<script>.vtt"), "neither\n");
    write(&d.path().join("calls/good.vtt"), util::vtt_call(1));
    write(&d.path().join("calls/good.json"), util::canonical_call(2));
    let r = run(d.path(), &["report", "calls", "-o", "report.html", "-q"]);
    assert_eq!(r.code, 1, "the two bad files fail: {r:?}");
    assert!(r.stdout.is_empty());
    let path = d.path().join("report.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<table class=\"sortable\" id=\"calls\">"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;.srt"));
    assert!(html.contains("&lt;script&gt;alert(2)&lt;script&gt;.vtt"));
    assert_self_contained(&html);
    assert_no_injected_elements(&html);
    let Some(dom) = render(d.path(), &path) else { return };
    assert!(dom.contains("id=\"calls\""), "calls table in the DOM");
    assert!(dom.contains("class=\"cards\""));
    assert_no_injected_elements(&dom);
    // The sorting script ran: headings became focusable, filters shown.
    assert!(dom.contains("tabindex=\"0\""), "inline JS ran");
    assert!(dom.contains("<div id=\"filters\">"), "filters shown with scripts on");
}

#[test]
fn dutch_labels_with_ui_lang_nl() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("calls/x.srt"), "nope\n");
    let r = run(d.path(), &["report", "calls", "-o", "r.html", "--ui-lang", "nl", "-q"]);
    assert_eq!(r.code, 1);
    let html = std::fs::read_to_string(d.path().join("r.html")).unwrap();
    assert!(html.contains("<html lang=\"nl\">") && html.contains("Gesprekken"));
}

// ---- needs the parsers -------------------------------------------------

#[test]
fn hostile_text_and_speaker_names_render_as_text_with_timelines() {
    let d = tempfile::tempdir().unwrap();
    let doc = serde_json::json!({"segments": [
        {"speaker": NASTY_NAME, "start": 0.0, "end": 4.0, "text": format!("Hi, I'm calling from Acme. {NASTY_TEXT}")},
        {"speaker": "Jo", "start": 4.5, "end": 9.0, "text": NASTY_TEXT},
        {"speaker": NASTY_NAME, "start": 16.0, "end": 19.0, "text": "Shall I come by on Tuesday at ten?"},
        {"speaker": "Jo", "start": 19.5, "end": 22.0, "text": "No thanks."}
    ]});
    write(&d.path().join("calls/nasty.json"), serde_json::to_string(&doc).unwrap());
    write(&d.path().join("calls/ok.vtt"), util::vtt_call(5));
    let vtt = format!(
        "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Sam>{}\n\n00:03.500 --> 00:06.000\n<v Jo>fine\n",
        NASTY_TEXT
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    );
    write(&d.path().join("calls/nasty_escaped.vtt"), vtt);
    let r = run(d.path(), &["report", "calls", "-o", "report.html", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let path = d.path().join("report.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert_eq!(html.matches("<svg class=\"tl\"").count(), 3, "one timeline per call");
    assert!(
        html.contains("&lt;img src=x onerror=alert(3)&gt;&lt;/svg&gt;"),
        "speaker name escaped"
    );
    assert_no_injected_elements(&html);
    let Some(dom) = render(d.path(), &path) else { return };
    assert_eq!(dom.matches("<svg class=\"tl\"").count(), 3, "timelines in the DOM");
    // Each call links to its section by the path-based anchor (from the
    // calls table, or from the not-a-conversation list).
    for anchor in ["calls/nasty.json", "calls/nasty_escaped.vtt", "calls/ok.vtt"] {
        assert!(
            dom.contains(&format!("<a href=\"#{anchor}\">{anchor}</a>")),
            "link to {anchor}"
        );
        assert!(
            dom.contains(&format!("<section class=\"call\" id=\"{anchor}\">"))
                || dom.contains(&format!("<section class=\"call nac\" id=\"{anchor}\">")),
            "section of {anchor}"
        );
    }
    assert_no_injected_elements(&dom);
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
}

/// The ten sample calls (3–10 minutes, 0–3 pushes, 4–12 agent questions
/// each) `times` times over, in `dir/calls`.
fn sample_folder(dir: &Path, times: usize) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/samples");
    let mut files: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 10, "the ten sample calls");
    std::fs::create_dir_all(dir.join("calls")).unwrap();
    for k in 0..times {
        for f in &files {
            let name = format!("{k:02}_{}", f.file_name().unwrap().to_string_lossy());
            std::fs::copy(f, dir.join("calls").join(&name)).unwrap();
        }
    }
}

/// `data-NAME="VALUE"` on the dumped `<body>`.
fn body_attr(dom: &str, name: &str) -> Option<String> {
    let body = &dom[dom.find("<body")?..];
    let body = &body[..body.find('>')?];
    let at = body.find(&format!("{name}=\""))? + name.len() + 2;
    Some(body[at..].split('"').next()?.to_string())
}

/// Rows of the calls table that the filters left visible.
fn visible_rows(dom: &str) -> usize {
    let table = &dom[dom.find("id=\"calls\"").unwrap()..];
    let body = &table[..table.find("</tbody>").unwrap()];
    body.matches("<tr ").count() - body.matches(" hidden=\"\">").count()
}

/// The tests that time a browser or analyse thousands of files take turns:
/// on two cores, a load time measured beside a 4,000-file run measures
/// the other run.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn a_report_of_500_calls_is_under_5_mb_opens_in_3_s_and_filters() {
    // 500 realistic calls: docs/report.md gives the figures.
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let d = tempfile::tempdir().unwrap();
    sample_folder(d.path(), 50);
    let r = run(d.path(), &["report", "calls", "-o", "report.html", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let path = d.path().join("report.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(!d.path().join("report").exists(), "500 calls stay one page");
    assert_eq!(html.matches("<section class=\"call\"").count(), 500);
    let size = html.len();
    eprintln!("report of 500 calls: {size} bytes ({:.2} MB)", size as f64 / 1e6);
    assert!(size <= 5_000_000, "{size} bytes");
    assert_self_contained(&html);
    // What to work on comes first, as sentences with moments.
    let work = html.find("id=\"work\"").unwrap();
    assert!(work < html.find("id=\"calls\"").unwrap());
    assert!(html[work..].contains("<ul class=\"moments\">"));
    assert!(html.contains("Pushes for a next step before the customer is ready"));
    assert!(!html.contains("agent_share_of_speech"), "no internal keys as evidence");

    let Some(chrome) = chromium() else { return };
    // Load time: a blank page first, for the browser's own start-up.
    let blank = d.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><title>x</title><p>x").unwrap();
    // The best of up to three loads: the machine is shared, and a load
    // slowed by another process says nothing about the page.
    let mut best: Option<(u64, std::time::Duration, String)> = None;
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        browser(&chrome, d.path(), &["--dump-dom"], &blank);
        let startup = t0.elapsed();
        let t0 = std::time::Instant::now();
        let dom = String::from_utf8_lossy(&browser(&chrome, d.path(), &["--dump-dom"], &path).stdout).into_owned();
        let open = t0.elapsed().saturating_sub(startup);
        let ready: u64 = body_attr(&dom, "data-ready").expect("the script ran").parse().unwrap();
        eprintln!(
            "500 calls in headless Chromium: loaded, set up and laid out {ready} ms after navigation; \
             dump-dom took {open:?} longer than for a blank page ({startup:?})"
        );
        if best.as_ref().is_none_or(|b| ready < b.0) {
            best = Some((ready, open, dom));
        }
        if ready <= 3000 {
            break;
        }
    }
    let (ready, open, dom) = best.unwrap();
    // The budget is on the page's own clock (parse, script, layout). The
    // wall clock also holds writing out a 5 MB DOM and whatever else the
    // two cores are doing: a loose bound only.
    assert!(ready <= 3000, "the page took {ready} ms to load, set up and lay out");
    assert!(
        open.as_secs_f64() <= 10.0,
        "opening took {open:?} more than a blank page"
    );
    assert_eq!(visible_rows(&dom), 500);
    assert_eq!(body_attr(&dom, "data-shown").as_deref(), Some("500"));

    // Filters from the URL's query: agent, outcome, finding, text.
    let url = |q: &str| format!("file://{}?{q}", path.display());
    let shown = |q: &str| {
        let dom =
            String::from_utf8_lossy(&browser_url(&chrome, d.path(), &["--dump-dom"], &url(q)).stdout).into_owned();
        let n: usize = body_attr(&dom, "data-shown").expect("filters ran").parse().unwrap();
        assert_eq!(n, visible_rows(&dom), "{q}: the count matches the rows");
        // A hidden row's section is hidden too.
        let visible_sections =
            dom.matches("<section class=\"call\" id=").count() - dom.matches("\" hidden=\"\"><h3>").count();
        assert_eq!(visible_sections, n, "{q}: sections follow the rows");
        (n, dom)
    };
    let (kevin, _) = shown("agent=Kevin");
    assert_eq!(kevin, 50, "Kevin's calls (nl02) fifty times");
    let advance_rows = html.matches(" data-o=\"advance\"").count();
    assert!(advance_rows > 0 && advance_rows < 500);
    assert_eq!(shown("outcome=advance").0, advance_rows);
    let with_finding = html.matches("data-f=\"").count() - html.matches("data-f=\"\"").count();
    let (pp, _) = shown("finding=premature-push");
    assert!(pp > 0 && pp < with_finding, "{pp}");
    assert!(shown("agent=Kevin&outcome=advance").0 <= kevin);
    // Text search reaches into the transcripts: a word said in one sample.
    // "ZonVast" is said only in nl02 (any case matches).
    assert_eq!(shown("q=zonvast").0, 50, "nl02_zonnepanelen fifty times");
    assert_eq!(shown("q=no-such-word-anywhere").0, 0);

    // A stable anchor opens the folded transcript at the line.
    let line_link = {
        let at =
            html.find("<ul class=\"moments\"><li><a href=\"#").unwrap() + "<ul class=\"moments\"><li><a href=\"#".len();
        html[at..].split('"').next().unwrap().to_string()
    };
    let dom = String::from_utf8_lossy(
        &browser_url(
            &chrome,
            d.path(),
            &["--dump-dom"],
            &format!("file://{}#{line_link}", path.display()),
        )
        .stdout,
    )
    .into_owned();
    let target = dom
        .find(&format!("id=\"{line_link}\""))
        .expect("the line is in the page");
    let details = dom[..target].rfind("<details").unwrap();
    assert!(
        dom[details..target].starts_with("<details class=\"tx\" open"),
        "the transcript opened"
    );
}

/// Every `id="…"` in a page.
fn page_ids(page: &str) -> std::collections::HashSet<String> {
    page.split(" id=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn a_4000_call_folder_gets_an_index_and_pages_per_agent() {
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let d = tempfile::tempdir().unwrap();
    util::corpus(&d.path().join("calls"), 4000);
    let r = run(d.path(), &["report", "calls", "-o", "out.html", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let index = std::fs::read_to_string(d.path().join("out.html")).unwrap();
    assert_self_contained(&index);
    assert_eq!(
        index.matches("<section class=\"call\"").count(),
        0,
        "no call sections on the index"
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(d.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let names: Vec<String> = pages
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    eprintln!("index {} bytes, pages {names:?}", index.len());
    // Four agents ("Agent 0".."Agent 3"), a thousand calls each: two pages each.
    assert_eq!(pages.len(), 8, "{names:?}");
    let mut sections = 0;
    for p in &pages {
        let page = std::fs::read_to_string(p).unwrap();
        assert_self_contained(&page);
        let n = page.matches("<section class=\"call\"").count();
        assert!(n <= 500, "{}: {n} calls", p.display());
        assert!(page.len() <= 5_000_000);
        assert!(page.contains("href=\"../out.html\""), "back to the index");
        sections += n;
        let name = p.file_name().unwrap().to_string_lossy();
        assert!(
            index.contains(&format!("href=\"out/{name}\"")),
            "{name} linked from the index"
        );
    }
    assert_eq!(sections, 4000, "every call on exactly one page");
    // A row on the index links to its call on its agent's page.
    assert!(
        index.contains("<td><a href=\"out/agent-agent-0-"),
        "rows link into agent pages"
    );
    // Every link into a page (rows, moments) lands on an id there.
    let mut checked = 0;
    let mut targets: std::collections::HashMap<String, std::collections::HashSet<String>> = Default::default();
    for piece in index.split("href=\"out/").skip(1) {
        let link = piece.split('"').next().unwrap();
        let Some((page, frag)) = link.split_once('#') else {
            continue;
        };
        let ids = targets
            .entry(page.to_string())
            .or_insert_with(|| page_ids(&std::fs::read_to_string(d.path().join("out").join(page)).unwrap()));
        assert!(ids.contains(frag), "{link} has no target");
        checked += 1;
    }
    assert!(checked >= 4000, "{checked} links checked");
    assert!(index.len() <= 5_000_000, "{} bytes", index.len());
}

#[test]
fn not_a_conversation_is_listed_apart_and_unscored() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("calls/good.vtt"), util::vtt_call(1));
    write(
        &d.path().join("calls/voicemail.vtt"),
        "WEBVTT\n\n00:00.000 --> 00:09.000\n<v Sam>Hi, this is Sam from Acme, please call me back on 555 0100 when you have a moment, thanks.\n\n\
         00:09.500 --> 00:10.000\n<v Jo>Hello?\n",
    );
    let r = run(d.path(), &["report", "calls", "-o", "r.html", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let html = std::fs::read_to_string(d.path().join("r.html")).unwrap();
    let table = &html[html.find("id=\"calls\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(
        table.contains("calls/good.vtt") && !table.contains("voicemail"),
        "not in the calls table"
    );
    let nac = &html[html.find("<section id=\"nac\">").expect("own list")..];
    assert!(nac.contains("href=\"#calls/voicemail.vtt\""));
    let section = &html[html
        .find("<section class=\"call nac\" id=\"calls/voicemail.vtt\">")
        .unwrap()..];
    let meta = &section[..section.find("</p>").unwrap()];
    assert!(!meta.contains("Warmth"), "unscored: {meta}");
}

#[test]
fn anchors_stay_when_a_file_is_added_and_audio_is_linked_at_the_moment() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("calls/b.vtt"), util::vtt_call(2));
    write(&d.path().join("calls/b.mp3"), b"ID3");
    let run_once = || {
        let r = run(d.path(), &["report", "calls", "-o", "r.html", "-q"]);
        assert_eq!(r.code, 0, "{r:?}");
        std::fs::read_to_string(d.path().join("r.html")).unwrap()
    };
    let first = run_once();
    write(&d.path().join("calls/a.vtt"), util::vtt_call(1));
    let second = run_once();
    for html in [&first, &second] {
        assert!(html.contains("<section class=\"call\" id=\"calls/b.vtt\">"));
        // The recording beside the transcript: linked with the moment.
        assert!(html.contains("href=\"calls/b.mp3#t="), "audio link");
    }
    let section = |html: &str| {
        let s = &html[html.find("id=\"calls/b.vtt\">").unwrap()..];
        s[..s.find("</section>").unwrap()].to_string()
    };
    assert_eq!(
        section(&first),
        section(&second),
        "b's section, links included, did not move"
    );
    // Near miss: a.vtt has no recording beside it.
    let a = &second[second.find("id=\"calls/a.vtt\">").unwrap()..];
    assert!(!a[..a.find("</section>").unwrap()].contains(".mp3"));
}

#[test]
fn dutch_report_table_and_explain_have_no_english_left() {
    let d = tempfile::tempdir().unwrap();
    util::corpus(&d.path().join("calls"), 6);
    let r = run(d.path(), &["report", "calls", "-o", "r.html", "--ui-lang", "nl", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let html = std::fs::read_to_string(d.path().join("r.html")).unwrap();
    // Outcomes, finding sentences and headings are Dutch.
    for english in [
        ">continuation<",
        ">advance<",
        ">no sale<",
        "What to work on",
        "Pushes for a next step",
        " turns)",
    ] {
        assert!(!html.contains(english), "{english:?} in the Dutch report");
    }
    assert!(
        html.contains("Waar aan te werken") && html.contains(">later verder<"),
        "Dutch outcome words"
    );
    let t = run(d.path(), &["analyze", "calls", "--ui-lang", "nl", "-q"]);
    assert_eq!(t.code, 0, "{t:?}");
    for english in ["FILE", "OUTCOME", "calls analysed", "continuation", "premature-push"] {
        assert!(
            !t.stdout.contains(english),
            "{english:?} in the Dutch table:\n{}",
            t.stdout
        );
    }
    assert!(
        t.stdout.contains("BESTAND") && t.stdout.contains("gesprekken geanalyseerd"),
        "{}",
        t.stdout
    );
    let e = run(d.path(), &["explain", "calls/team0/call0000.vtt", "--ui-lang", "nl"]);
    assert_eq!(e.code, 0, "{e:?}");
    assert!(
        e.stdout.contains("spreektijd") && !e.stdout.contains("talk share"),
        "{}",
        e.stdout
    );
}
