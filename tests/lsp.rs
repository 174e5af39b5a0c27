//! `termlint lsp` driven as an editor would: the real binary, real JSON-RPC
//! frames with `Content-Length` headers over its standard input and output.
//! Every wait has a timeout, so a hung server fails the test.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

/// How long any one answer may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A language client talking to a `termlint lsp` process.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another one.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `termlint lsp ARGS` in `cwd`.
    fn start(cwd: &Path, args: &[&str]) -> Client {
        let mut child = termlint(cwd)
            .arg("lsp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("termlint lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut stdout) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            pending: Vec::new(),
            next_id: 0,
        }
    }

    /// Writes raw bytes as one frame's body.
    fn send_body(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let message = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_body(message.to_string().as_bytes());
    }

    /// Sends a request and returns its response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_body(message.to_string().as_bytes());
        self.wait_for(&format!("the response to {method}"), |m| {
            m["id"] == json!(id) && m.get("method").is_none()
        })
    }

    /// The next notification of `method` from the server.
    fn notification(&mut self, method: &str) -> Value {
        self.wait_for(method, |m| m["method"] == method && m.get("id").is_none())
    }

    /// The first message (already read or still to come) that `wanted`
    /// accepts; the others are kept for later.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.pending.iter().position(&wanted) {
            return self.pending.remove(index);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {what} within {TIMEOUT:?}; got {:#?}", self.pending));
            if wanted(&message) {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The diagnostics published next for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let uri = uri.to_string();
        let message = self.wait_for(&format!("diagnostics of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("a list of diagnostics in {message}"))
    }

    /// `initialize` (with `capabilities` and `extra` parameters) then
    /// `initialized`; returns the server's result.
    fn initialize(&mut self, root: &Path, capabilities: Value, extra: Value) -> Value {
        let mut params = json!({
            "processId": null,
            "rootUri": file_uri(root),
            "capabilities": capabilities,
        });
        for (key, value) in extra.as_object().into_iter().flatten() {
            params[key] = value.clone();
        }
        let response = self.request("initialize", params);
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        let document = json!({"uri": uri, "languageId": language_id, "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    /// `shutdown` then `exit`; returns the exit status.
    fn shut_down(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "termlint lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
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
    let mut body = vec![0; length.expect("every frame has a Content-Length")];
    input.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("every frame is JSON"))
}

/// The `file:` URI of a path (the test folders need no escapes but spaces).
fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

/// A folder with a `termlint.toml` that uses only `glossary.toml`, a copy
/// of the test glossary.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("termlint.toml"),
        "glossary = [\"glossary.toml\"]\nbuiltin_glossary = false\n",
    )
    .unwrap();
    std::fs::copy(test_glossary(), root.join("glossary.toml")).unwrap();
    dir
}

const DOCUMENT: &str = "# Travel\n\nThe road 😀 to Kirman is long.\n";

/// Each diagnostic as `line:character-line:character code: message`, and
/// every one from termlint.
fn described(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "termlint", "{d}");
            let (start, end) = (&d["range"]["start"], &d["range"]["end"]);
            format!(
                "{}:{}-{}:{} {}: {}",
                start["line"],
                start["character"],
                end["line"],
                end["character"],
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

/// The diagnostic of `Kirman` in [`DOCUMENT`], in UTF-16 positions.
const KIRMAN: &str = "2:15-2:21 deprecated: “Kirman” is a deprecated spelling of Kerman\nwrite “Kerman”";

#[test]
fn diagnostics_in_utf16_quick_fix_and_clean_exit() {
    let dir = project();
    let mut client = Client::start(dir.path(), &[]);
    let result = client.initialize(dir.path(), json!({}), json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16", "{result}");
    assert_eq!(result["serverInfo"]["name"], "termlint");

    let uri = file_uri(&dir.path().join("notes/travel.md"));
    client.open(&uri, "markdown", DOCUMENT);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let diagnostic = &diagnostics[0];
    // “The road 😀 to ” is 13 UTF-16 code units: the emoji counts two.
    let range = json!({"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 21}});
    assert_eq!(diagnostic["range"], range);
    assert_eq!(diagnostic["code"], "deprecated");
    assert_eq!(diagnostic["severity"], 1);
    assert_eq!(diagnostic["source"], "termlint");
    assert_eq!(
        diagnostic["message"],
        "“Kirman” is a deprecated spelling of Kerman\nwrite “Kerman”"
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 2, "character": 17}, "end": {"line": 2, "character": 17}},
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    let actions = actions["result"].as_array().expect("a list of actions").clone();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["title"], "Replace “Kirman” with “Kerman”");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{"range": range, "newText": "Kerman"}])
    );

    let nothing_here = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}},
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(nothing_here["result"], json!([]));

    let fixed = DOCUMENT.replace("Kirman", "Kerman");
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": fixed}],
        }),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn utf8_positions_and_the_client_locale_are_honoured() {
    let dir = project();
    let mut client = Client::start(dir.path(), &[]);
    let capabilities = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let result = client.initialize(dir.path(), capabilities, json!({"locale": "ru"}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let uri = file_uri(&dir.path().join("travel.md"));
    client.open(&uri, "markdown", DOCUMENT);
    // “The road 😀 to ” is 17 bytes: the emoji takes four.
    assert_eq!(
        described(&client.diagnostics(&uri)),
        ["2:17-2:23 deprecated: «Kirman» — нерекомендуемый вариант написания; в глоссарии: Kerman\nзамените на «Kerman»"]
    );
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn command_line_glossary_and_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = test_glossary();
    let args = [
        "--no-config",
        "--no-default-glossary",
        "--glossary",
        glossary.to_str().unwrap(),
    ];
    let mut client = Client::start(dir.path(), &args);
    client.initialize(dir.path(), json!({}), json!({}));
    let po = file_uri(&dir.path().join("names.po"));
    client.open(
        &po,
        "po",
        "msgid \"Abu Hudhaifa al-Ansari \\\"spoke\\\"\"\nmsgstr \"\"\n",
    );
    assert_eq!(
        described(&client.diagnostics(&po)),
        ["0:7-0:29 deprecated: “Abu Hudhaifa al-Ansari” is a deprecated spelling of Abu Hudhayfah al-Ansari\n\
          write “Abu Hudhayfah al-Ansari”"]
    );
    let html = file_uri(&dir.path().join("page.html"));
    client.open(&html, "html", "<p>Kirman &amp; <b>Kerman</b></p>\n");
    assert_eq!(
        described(&client.diagnostics(&html)),
        ["0:3-0:9 deprecated: “Kirman” is a deprecated spelling of Kerman\nwrite “Kerman”"]
    );
    let rust = file_uri(&dir.path().join("main.rs"));
    client.open(&rust, "rust", "// Kirman\n");
    assert_eq!(client.diagnostics(&rust), Vec::<Value>::new());
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn glossary_changes_reload_and_a_broken_glossary_keeps_the_previous_one() {
    let dir = project();
    let mut client = Client::start(dir.path(), &[]);
    let capabilities = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    client.initialize(dir.path(), capabilities, json!({}));
    let registration = client.wait_for("a watcher registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let watcher = &registration["params"]["registrations"][0];
    assert_eq!(watcher["method"], "workspace/didChangeWatchedFiles");
    let reply = json!({"jsonrpc": "2.0", "id": registration["id"], "result": null});
    client.send_body(reply.to_string().as_bytes());

    let uri = file_uri(&dir.path().join("travel.md"));
    client.open(&uri, "markdown", DOCUMENT);
    assert_eq!(described(&client.diagnostics(&uri)), [KIRMAN]);

    let glossary = dir.path().join("glossary.toml");
    let changed = json!({"changes": [{"uri": file_uri(&glossary), "type": 2}]});
    std::fs::write(&glossary, "[[concept]]\nid = \"broken\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let shown = client.notification("window/showMessage");
    assert_eq!(shown["params"]["type"], 1, "{shown}");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("previous") && text.contains("glossary.toml"),
        "{text}"
    );
    assert_eq!(
        described(&client.diagnostics(&uri)),
        [KIRMAN],
        "the previous glossary stays"
    );

    let without_kirman = std::fs::read_to_string(test_glossary())
        .unwrap()
        .replace("deprecated = [\"Kirman\"]", "");
    std::fs::write(&glossary, without_kirman).unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed);
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());

    // Saving the configuration in the editor reloads too.
    let config = dir.path().join("termlint.toml");
    let original = format!("glossary = [{:?}]\nbuiltin_glossary = false\n", test_glossary());
    std::fs::write(&config, original).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": file_uri(&config)}}),
    );
    assert_eq!(described(&client.diagnostics(&uri)), [KIRMAN]);
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn malformed_input_gets_error_responses_and_the_server_goes_on() {
    let dir = project();
    let mut client = Client::start(dir.path(), &[]);
    let early = client.request("textDocument/codeAction", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    client.initialize(dir.path(), json!({}), json!({}));

    client.send_body(b"{this is not json");
    let error = client.wait_for("a parse error", |m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    client.send_body(br#"{"jsonrpc":"2.0","id":99,"method":7}"#);
    let error = client.wait_for("an invalid request error", |m| m["id"] == 99);
    assert_eq!(error["error"]["code"], -32600);
    client.send_body(&[0xff, 0xfe, b'{']);
    let error = client.wait_for("a parse error", |m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);

    let bad_params = client.request("textDocument/codeAction", json!({"textDocument": 5}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    let unknown = client.request("textDocument/hover", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    client.notify("textDocument/didOpen", json!({"textDocument": "nonsense"}));
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": "file:///nowhere.md", "version": 3},
            "contentChanges": [{"text": "x"}],
        }),
    );

    // Still answering.
    let uri = file_uri(&dir.path().join("travel.md"));
    client.open(&uri, "markdown", DOCUMENT);
    assert_eq!(described(&client.diagnostics(&uri)), [KIRMAN]);
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_status_one() {
    let dir = project();
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(dir.path(), json!({}), json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(1));
}

/// The editor and the command line run one pipeline: on the same files and
/// configuration (suppression comments, `[[ignore]]` rules by file and by
/// phrase) they give the same findings at the same places.
#[test]
fn the_editor_and_the_command_line_give_the_same_findings() {
    let dir = project();
    let root = dir.path();
    let mut config = std::fs::read_to_string(root.join("termlint.toml")).unwrap();
    config.push_str(
        "[[ignore]]\nfiles = \"quotes/**\"\nconcepts = [\"kerman\"]\n\n\
         [[ignore]]\nphrases = [\"Abu Hudhayfa al-Ansari\"]\n",
    );
    std::fs::write(root.join("termlint.toml"), config).unwrap();
    let text = "Kirman, Abu Hudhaifa al-Ansari and Abu Hudhayfa al-Ansari.\n\
                <!-- termlint-disable-next-line -->\nKirman again, and Khurasan.\n\nKhorasan.\n";
    for folder in ["quotes", "notes"] {
        std::fs::create_dir(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join("a.md"), text).unwrap();
    }

    let output = termlint(root)
        .args(["check", "--format", "json", "quotes/a.md", "notes/a.md"])
        .output()
        .unwrap();
    let json = parse_json(&output);
    // ASCII text: JSON columns (from 1) and UTF-16 characters (from 0) agree.
    let from_cli = |path: &str| -> Vec<String> {
        let findings = json["findings"].as_array().expect("findings");
        let mut places: Vec<String> = findings
            .iter()
            .filter(|f| f["path"] == path)
            .map(|f| {
                let at = |p: &Value| {
                    format!(
                        "{}:{}",
                        p["line"].as_u64().unwrap() - 1,
                        p["column"].as_u64().unwrap() - 1
                    )
                };
                format!(
                    "{}-{} {}",
                    at(&f["start"]),
                    at(&f["end"]),
                    f["check"].as_str().unwrap()
                )
            })
            .collect();
        places.sort();
        places
    };

    let mut client = Client::start(root, &[]);
    client.initialize(root, json!({}), json!({}));
    let mut from_editor = |folder: &str| -> Vec<String> {
        let uri = file_uri(&root.join(folder).join("a.md"));
        client.open(&uri, "markdown", text);
        let mut places: Vec<String> = client
            .diagnostics(&uri)
            .iter()
            .map(|d| {
                let at = |p: &Value| format!("{}:{}", p["line"], p["character"]);
                format!(
                    "{}-{} {}",
                    at(&d["range"]["start"]),
                    at(&d["range"]["end"]),
                    d["code"].as_str().unwrap()
                )
            })
            .collect();
        places.sort();
        places
    };
    let quotes = from_editor("quotes");
    let notes = from_editor("notes");
    assert_eq!(quotes, from_cli("quotes/a.md"));
    assert_eq!(notes, from_cli("notes/a.md"));
    // What the rules and the comment leave: `Kirman` only outside quotes/,
    // the ignored phrase nowhere, the commented line not at all.
    assert_eq!(quotes, ["0:8-0:30 deprecated"]);
    assert_eq!(notes, ["0:0-0:6 deprecated", "0:8-0:30 deprecated"]);
    assert_eq!(client.shut_down().code(), Some(0));
}

/// A configuration naming `/dev/zero` as its glossary is an error the
/// editor is shown, not a read that never ends: the server still answers
/// `shutdown` (issue 14).
#[test]
fn a_device_named_as_glossary_is_shown_as_an_error_and_shutdown_is_answered() {
    let dir = project();
    std::fs::write(dir.path().join("termlint.toml"), "glossary = [\"/dev/zero\"]\n").unwrap();
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(dir.path(), json!({}), json!({}));
    client.open(&file_uri(&dir.path().join("travel.md")), "markdown", DOCUMENT);
    let shown = client.notification("window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("/dev/zero") && text.contains("not a regular file"),
        "{text}"
    );
    assert_eq!(client.shut_down().code(), Some(0));
}

/// Lines ended by LF, CRLF and a lone CR, each with a name to find.
const MIXED_LINE_BREAKS: &str = "one\rtwo\r\nKirman here\nfour\rKirman\r\nand Kirman\r";

#[test]
fn language_server_ranges_and_quick_fixes_count_every_kind_of_line_break() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("termlint.toml"),
        "glossary = [\"glossary.toml\"]\nbuiltin_glossary = false\n",
    )
    .unwrap();
    std::fs::copy(test_glossary(), dir.path().join("glossary.toml")).unwrap();
    let mut server = Client::start(dir.path(), &[]);
    server.initialize(dir.path(), json!({}), json!({}));
    let uri = file_uri(&dir.path().join("a.txt"));
    server.open(&uri, "plaintext", MIXED_LINE_BREAKS);
    let diagnostics = server.diagnostics(&uri);
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
    assert_eq!(server.shut_down().code(), Some(0));
}
