//! The progress bar of `termlint check`: drawn on standard error from the
//! counters the engine updates ([`Progress`]), by a thread that polls them.
//! Only on a terminal, and only for runs that last: it appears after a short
//! delay, so that a quick check prints nothing of it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use termlint::i18n::{Localizer, Message};
use termlint::lint::Progress;

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_millis(500);
/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Whether to show progress: standard error is a terminal and the run is
/// not quiet.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Runs `work` while a thread draws the bar for `progress`; the bar is
/// cleared when `work` returns.
pub fn with_bar<T>(progress: &Arc<Progress>, localizer: &Localizer, work: impl FnOnce() -> T) -> T {
    let finished = AtomicBool::new(false);
    thread::scope(|scope| {
        scope.spawn(|| draw(progress, localizer, &finished));
        let result = work();
        finished.store(true, Ordering::Relaxed);
        result
    })
}

/// Polls `progress` until `finished`, drawing once the delay has passed.
fn draw(progress: &Progress, localizer: &Localizer, finished: &AtomicBool) {
    let started = Instant::now();
    let mut bar: Option<ProgressBar> = None;
    while !finished.load(Ordering::Relaxed) {
        thread::sleep(TICK);
        if started.elapsed() < DELAY {
            continue;
        }
        let bar = bar.get_or_insert_with(new_bar);
        let total = progress.files_total();
        bar.set_length(total as u64);
        bar.set_position(progress.files_done() as u64);
        let message = Message::new("summary-progress")
            .number("done", progress.files_done())
            .number("total", total)
            .number("kilobytes", progress.bytes_done() / 1024);
        bar.set_message(localizer.render(&message));
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}

fn new_bar() -> ProgressBar {
    let style = ProgressStyle::with_template("{bar:30} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("█▌ ");
    ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr()).with_style(style)
}
