//! A streaming integration: a producer thread sends transcript texts over a
//! channel, worker threads share one `Arc<Analyzer>` and send reports back,
//! and the main thread prints one JSON line per call.
//!
//! ```text
//! cargo run -q -p warmcall --example stream                       # built-in calls
//! cargo run -q -p warmcall --example stream -- testdata/samples/* # files
//! ```
//!
//! In a dialer the producer would be the queue consumer that receives
//! finished transcripts; everything else stays the same. The analyzer is
//! built once (it compiles the lexicons) and shared: `Analyzer` is
//! `Send + Sync` and `analyze` takes `&self`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

use serde_json::json;
use warmcall::{Analyzer, Config, Report};

/// One transcript on its way in: an id, an optional file name (it helps
/// format detection by extension) and the text.
struct Job {
    id: usize,
    name: Option<PathBuf>,
    text: String,
}

/// Three small calls in three formats, and one input that is no transcript.
fn builtin_calls() -> Vec<(Option<PathBuf>, String)> {
    let vtt = "WEBVTT\n\n\
        00:00.000 --> 00:04.000\n<v Sam>Hi, this is Sam from Acme, I'm calling about your planning.\n\n\
        00:04.600 --> 00:09.000\n<v Jo>Oh right. We do it all in spreadsheets and it takes forever.\n\n\
        00:09.500 --> 00:12.000\n<v Sam>How do you handle last-minute changes today?\n\n\
        00:14.500 --> 00:24.000\n<v Jo>Honestly we phone everyone one by one, and half the time somebody misses it.\n";
    let txt = "Sam: Hi, this is Sam from Acme. Do you have a minute?\n\
        Jo: Not really, what is it about?\n\
        Sam: Our planning tool. Can I come by on Tuesday to show it to you?\n\
        Jo: No thanks, we are not interested.\n";
    let srt = "1\n00:00:00,000 --> 00:00:02,000\nPeter: Met Peter de Vries.\n\n\
        2\n00:00:02,400 --> 00:00:07,000\nSanne: Goedemiddag, u spreekt met Sanne van Zonnig Advies.\n\n\
        3\n00:00:07,400 --> 00:00:11,000\nSanne: Hoe regelt u de energie voor uw bedrijf nu?\n\n\
        4\n00:00:13,000 --> 00:00:22,000\nPeter: Dat doet mijn boekhouder eigenlijk, ik kijk er zelf nauwelijks naar.\n";
    vec![
        (Some("call-1.vtt".into()), vtt.to_string()),
        (Some("call-2.txt".into()), txt.to_string()),
        (Some("call-3.srt".into()), srt.to_string()),
        (None, "this is not a transcript at all".to_string()),
    ]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let builtin = files.is_empty();

    let analyzer = Arc::new(Analyzer::new(Config::default())?);
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    // std's Receiver has one consumer: the workers take turns behind a mutex.
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<(usize, Result<Report, warmcall::Error>)>();

    let producer = thread::spawn(move || -> std::io::Result<usize> {
        let calls = if builtin {
            builtin_calls()
        } else {
            files
                .into_iter()
                .map(|p| Ok((std::fs::read_to_string(&p)?, p)))
                .map(|r: std::io::Result<_>| r.map(|(text, p)| (Some(p), text)))
                .collect::<std::io::Result<Vec<_>>>()?
        };
        let n = calls.len();
        for (id, (name, text)) in calls.into_iter().enumerate() {
            // A send fails only when every worker is gone; stop producing then.
            if job_tx.send(Job { id, name, text }).is_err() {
                break;
            }
        }
        Ok(n)
    });

    let workers: Vec<_> = (0..2)
        .map(|_| {
            let analyzer = Arc::clone(&analyzer);
            let job_rx = Arc::clone(&job_rx);
            let out_tx = out_tx.clone();
            thread::spawn(move || loop {
                // The lock is held only while waiting for the next job.
                let next = job_rx.lock().expect("no worker panics while holding the lock").recv();
                let Ok(job) = next else { break };
                let result = warmcall::parse_str(&job.text, job.name.as_deref()).map(|t| {
                    let path = job.name.as_ref().map(|p| p.display().to_string());
                    analyzer.analyze_with_path(&t, path.as_deref())
                });
                if out_tx.send((job.id, result)).is_err() {
                    break;
                }
            })
        })
        .collect();
    // The output channel closes when the last worker drops its sender.
    drop(out_tx);

    let mut reports = 0;
    let mut errors = 0;
    for (id, result) in out_rx {
        let line = match result {
            Ok(r) => {
                reports += 1;
                assert_eq!(r.schema, warmcall::report::SCHEMA);
                json!({
                    "id": id,
                    "path": r.source.path,
                    "language": r.source.language,
                    "agent": r.roles.agent,
                    "warmth": r.score.warmth,
                    "agent_share_of_speech": r.talk.agent_share_of_speech,
                    "pushes": r.pushes.as_ref().map(|p| p.count),
                    "findings": r.findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
                    "outcome": r.outcome.kind,
                })
            }
            Err(e) => {
                errors += 1;
                json!({ "id": id, "error": e.to_string() })
            }
        };
        println!("{line}");
    }

    let sent = producer.join().expect("producer thread")?;
    for w in workers {
        w.join().expect("worker thread");
    }
    // The example runs in CI: it must fail loudly when the pipeline breaks.
    assert_eq!(reports + errors, sent, "every transcript sent gets one result");
    if builtin {
        assert_eq!((reports, errors), (3, 1), "three calls and one bad input");
    }
    Ok(())
}
