//! Line breaks (issue 14): `\n`, `\r\n` and a lone `\r` each end a line, as
//! the Language Server Protocol counts them, and every output (human, JSON,
//! the language server's diagnostics and quick fixes, suppression
//! directives) counts lines the same way.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use common::*;
use serde_json::{json, Value};

/// Line breaks of every kind, mixed: `Kirman` is on lines 3, 5 and 6.
const MIXED: &str = "one\rtwo\r\nKirman here\nfour\rKirman\r\nand Kirman\r";

#[test]
fn json_positions_count_every_kind_of_line_break() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), MIXED).unwrap();
    let (_, json) = check_json(dir.path(), &["a.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 3:1-3:7 «Kirman» -> Kerman",
            "deprecated 5:1-5:7 «Kirman» -> Kerman",
            "deprecated 6:5-6:11 «Kirman» -> Kerman",
        ]
    );
    assert_spans_slice(MIXED, &json);
}

#[test]
fn human_output_shows_the_line_of_a_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "one\rtwo\rKirman here\r").unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--no-default-glossary"])
        .arg("--glossary")
        .arg(test_glossary())
        .arg("a.txt")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("--> a.txt:3:1\n"), "{stdout}");
    assert!(stdout.contains("3 | Kirman here\n"), "{stdout}");
    assert!(
        !stdout.contains("one"),
        "only the finding's line is shown: {stdout}"
    );
}

#[test]
fn a_next_line_directive_covers_the_line_after_a_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kirman\rtermlint-disable-next-line\rKirman\r";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (_, json) = check_json(dir.path(), &["a.txt"]);
    assert_eq!(summarize(&json), ["deprecated 1:1-1:7 «Kirman» -> Kerman"]);
}

#[test]
fn language_server_ranges_and_quick_fixes_count_every_kind_of_line_break() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("termlint.toml"),
        "glossary = [\"glossary.toml\"]\nbuiltin_glossary = false\n",
    )
    .unwrap();
    std::fs::copy(test_glossary(), dir.path().join("glossary.toml")).unwrap();
    let mut server = Server::start(dir.path());
    let uri = format!("file://{}/a.txt", dir.path().display());
    let document = json!({"uri": uri, "languageId": "plaintext", "version": 1, "text": MIXED});
    server.notify("textDocument/didOpen", json!({ "textDocument": document }));
    let diagnostics = server.diagnostics();
    let ranges: Vec<&Value> = diagnostics.iter().map(|d| &d["range"]).collect();
    let range = |line: u32, start: u32| json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": start + 6}});
    assert_eq!(ranges, [&range(2, 0), &range(4, 0), &range(5, 4)]);

    // The quick fix for the cursor on line 4 (0-based), after a lone CR.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 4, "character": 2}, "end": {"line": 4, "character": 2}},
            "context": {"diagnostics": [diagnostics[1]]},
        }),
    );
    let actions = actions["result"].as_array().expect("a list of actions");
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{"range": range(4, 0), "newText": "Kerman"}])
    );
    server.request("shutdown", Value::Null);
    server.notify("exit", Value::Null);
}

/// How long any one answer of the language server may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A bare language client: `termlint lsp` over framed JSON-RPC.
struct Server {
    child: std::process::Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Server {
    /// Starts and initializes `termlint lsp` in `root`.
    fn start(root: &Path) -> Server {
        let mut child = termlint(root)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("termlint lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(message) = read_frame(&mut stdout) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin,
            incoming,
            next_id: 0,
        };
        let root_uri = format!("file://{}", root.display());
        server.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
        );
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The next diagnostics the server publishes.
    fn diagnostics(&mut self) -> Vec<Value> {
        let message = self.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The next message that `wanted` accepts; the others are dropped.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .incoming
                .recv_timeout(TIMEOUT)
                .expect("the language server answers in time");
            if wanted(&message) {
                return message;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one framed message; `None` at the end of the stream.
fn read_frame(input: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    input.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
