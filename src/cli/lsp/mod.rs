//! `termlint lsp`: a Language Server over standard input and output.
//!
//! The server is synchronous and single-threaded: it reads one message,
//! answers it, and reads the next. Documents are synchronized whole
//! (`TextDocumentSyncKind::FULL`); after every open, change and save the
//! document is checked again and its diagnostics published. Code actions
//! offer each finding's fix as a quick fix that replaces exactly the fix's
//! byte range, converted to the agreed position encoding: UTF-8 when the
//! client offers it, else the protocol's default UTF-16.
//!
//! Messages are in the interface language: `--ui-lang` if given, else the
//! client's `locale`, else the environment, as for the other commands.
//!
//! When a `termlint.toml` or a glossary file changes on disk (a watched-file
//! notification, or the save of such a file in the editor), the projects are
//! rebuilt and every open document is checked again; a glossary that fails
//! to load is shown as an error message and the previous one stays in use.
//!
//! No input makes the server stop other than `exit` or the end of its
//! input: a bad frame gets an error response (see [`transport`]), a request
//! with bad parameters an `InvalidParams` error, and a panic while handling
//! a message an `InternalError`.

mod convert;
mod projects;
mod transport;

use std::collections::BTreeMap;
use std::io::{self, BufReader, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use lsp_server::{ErrorCode, Message as RpcMessage, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    InitializeResult, MessageType, PositionEncodingKind, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    Uri,
};
use serde_json::Value;
use termlint::i18n::{self, Localizer, Message};
use termlint::text::ColumnUnit;

use self::convert::{document_format, file_path, malformed, touches, Positions, Wording};
use self::projects::Projects;
use self::transport::{write_message, write_value, Incoming, Reader};
use super::{GlossaryArgs, EXIT_CLEAN};

#[derive(clap::Args)]
pub struct LspArgs {
    #[command(flatten)]
    source: GlossaryArgs,
    // Accepted because clients add it; standard input and output are the
    // only transport.
    #[arg(long)]
    stdio: bool,
}

/// A document the client has open.
struct OpenDocument {
    uri: Uri,
    language_id: String,
    text: String,
}

/// The state of a running server.
struct Server<W: Write> {
    output: W,
    ui_lang_flag: Option<String>,
    localizer: Localizer,
    unit: ColumnUnit,
    projects: Projects,
    /// Open documents by URI.
    documents: BTreeMap<String, OpenDocument>,
    initialized: bool,
    shutting_down: bool,
    /// Whether the client lets the server register file watchers.
    can_watch: bool,
    next_request: i32,
}

/// What to do after a message.
enum Flow {
    Continue,
    /// `exit` arrived: stop with this status.
    Exit(u8),
}

/// Runs the server until `exit` or the end of standard input. The status is
/// 0 after `shutdown` then `exit`, 1 (as the protocol asks) otherwise.
pub fn run(args: LspArgs, ui_lang_flag: Option<&str>) -> Result<u8, Vec<Message>> {
    let _ = args.stdio;
    let mut reader = Reader::new(BufReader::new(io::stdin().lock()));
    let mut server = Server::new(io::stdout().lock(), args.source, ui_lang_flag);
    server.serve(&mut reader).map_err(|err| {
        let reason = i18n::io_reason(&err);
        vec![Message::new("error-write-stdout").message("reason", reason)]
    })
}

/// The interface language: the flag, else the client's locale, else the
/// environment.
fn ui_tag(flag: Option<&str>, client_locale: Option<&str>) -> &'static str {
    match (flag, client_locale.and_then(i18n::parse_locale)) {
        (None, Some(language)) => i18n::negotiate(&language),
        _ => i18n::ui_locale(flag, |name| std::env::var(name).ok()),
    }
}

/// The localizer of an editor: no bidi isolation marks, which editors
/// would show as they are.
fn editor_localizer(tag: &str) -> Localizer {
    Localizer::new(tag).with_isolation(false)
}

impl<W: Write> Server<W> {
    fn new(output: W, args: GlossaryArgs, ui_lang_flag: Option<&str>) -> Self {
        Server {
            output,
            ui_lang_flag: ui_lang_flag.map(str::to_string),
            localizer: editor_localizer(ui_tag(ui_lang_flag, None)),
            unit: ColumnUnit::Utf16,
            projects: Projects::new(args, None),
            documents: BTreeMap::new(),
            initialized: false,
            shutting_down: false,
            can_watch: false,
            next_request: 0,
        }
    }

    /// Reads and answers messages until `exit` or the end of the input.
    fn serve(&mut self, reader: &mut Reader<impl io::BufRead>) -> io::Result<u8> {
        while let Some(incoming) = reader.next()? {
            let flow = match incoming {
                Incoming::Invalid(error) => write_value(&mut self.output, &error).map(|()| Flow::Continue),
                Incoming::Message(message) => self.handle_guarded(message),
            }?;
            if let Flow::Exit(status) = flow {
                return Ok(status);
            }
        }
        Ok(if self.shutting_down { EXIT_CLEAN } else { 1 })
    }

    /// Handles a message; a panic becomes an `InternalError` response to a
    /// request, and is otherwise dropped with the message.
    fn handle_guarded(&mut self, message: RpcMessage) -> io::Result<Flow> {
        let id = match &message {
            RpcMessage::Request(request) => Some(request.id.clone()),
            _ => None,
        };
        match catch_unwind(AssertUnwindSafe(|| self.handle(message))) {
            Ok(flow) => flow,
            Err(_) => {
                if let Some(id) = id {
                    self.respond_error(id, ErrorCode::InternalError, "termlint failed on this request")?;
                }
                Ok(Flow::Continue)
            }
        }
    }

    fn handle(&mut self, message: RpcMessage) -> io::Result<Flow> {
        match message {
            RpcMessage::Request(request) => self.handle_request(request).map(|()| Flow::Continue),
            RpcMessage::Notification(notification) => self.handle_notification(notification),
            // Answers to the server's own requests (watcher registration).
            RpcMessage::Response(_) => Ok(Flow::Continue),
        }
    }

    fn handle_request(&mut self, request: Request) -> io::Result<()> {
        let method = request.method.as_str();
        if !self.initialized && method != "initialize" {
            return self.respond_error(request.id, ErrorCode::ServerNotInitialized, "initialize first");
        }
        if self.shutting_down {
            return self.respond_error(
                request.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            );
        }
        match method {
            "initialize" if self.initialized => {
                self.respond_error(request.id, ErrorCode::InvalidRequest, "already initialized")
            }
            "initialize" => self.on_initialize(request),
            "shutdown" => {
                self.shutting_down = true;
                self.send(Response::new_ok(request.id, Value::Null))
            }
            CodeActionRequest::METHOD => self.on_code_action(request),
            _ => self.respond_error(request.id, ErrorCode::MethodNotFound, "unknown method"),
        }
    }

    fn handle_notification(&mut self, notification: Notification) -> io::Result<Flow> {
        if notification.method == "exit" {
            return Ok(Flow::Exit(if self.shutting_down { EXIT_CLEAN } else { 1 }));
        }
        if !self.initialized || self.shutting_down {
            return Ok(Flow::Continue);
        }
        let params = notification.params;
        match notification.method.as_str() {
            "initialized" => self.on_initialized()?,
            DidOpenTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidOpenTextDocumentParams>(params) {
                    self.open(p.text_document)?;
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidChangeTextDocumentParams>(params) {
                    self.change(p)?;
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidSaveTextDocumentParams>(params) {
                    self.saved(p)?;
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidCloseTextDocumentParams>(params) {
                    self.close(&p.text_document.uri)?;
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Some(p) = parse::<lsp_types::DidChangeWatchedFilesParams>(params) {
                    let paths: Vec<PathBuf> = p.changes.iter().filter_map(|c| file_path(&c.uri)).collect();
                    self.files_changed(&paths)?;
                }
            }
            _ => {}
        }
        Ok(Flow::Continue)
    }

    /// `initialize`: agrees on the interface language and the position
    /// encoding, remembers the workspace folder, and states the
    /// capabilities.
    fn on_initialize(&mut self, request: Request) -> io::Result<()> {
        let params: InitializeParams = match serde_json::from_value(request.params) {
            Ok(params) => params,
            Err(err) => return self.respond_error(request.id, ErrorCode::InvalidParams, &err.to_string()),
        };
        self.localizer = editor_localizer(ui_tag(self.ui_lang_flag.as_deref(), params.locale.as_deref()));
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        let (unit, encoding) = match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => {
                (ColumnUnit::Utf8, PositionEncodingKind::UTF8)
            }
            _ => (ColumnUnit::Utf16, PositionEncodingKind::UTF16),
        };
        self.unit = unit;
        self.can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.projects.set_root(workspace_root(&params));
        self.initialized = true;
        let result = InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "termlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        self.send(Response::new_ok(request.id, result))
    }

    /// `initialized`: asks the client to report changes of TOML files (the
    /// configuration and glossaries), when it lets servers ask.
    fn on_initialized(&mut self) -> io::Result<()> {
        if !self.can_watch {
            return Ok(());
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".to_string()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "termlint-watched-files".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("termlint-{}", self.next_request));
        self.send(Request::new(id, RegisterCapability::METHOD.to_string(), params))
    }

    fn open(&mut self, document: lsp_types::TextDocumentItem) -> io::Result<()> {
        let key = document.uri.as_str().to_string();
        let open = OpenDocument {
            uri: document.uri,
            language_id: document.language_id,
            text: document.text,
        };
        self.documents.insert(key.clone(), open);
        self.publish(&key)
    }

    /// Applies the changes in order: a change without a range replaces the
    /// whole text (the sync kind the server asks for); one with a range
    /// replaces that range.
    fn change(&mut self, params: lsp_types::DidChangeTextDocumentParams) -> io::Result<()> {
        let key = params.text_document.uri.as_str().to_string();
        let unit = self.unit;
        let Some(document) = self.documents.get_mut(&key) else {
            return Ok(());
        };
        for change in params.content_changes {
            match change.range {
                None => document.text = change.text,
                Some(range) => {
                    let positions = Positions::new(&document.text, unit);
                    let bytes = positions.offset(range.start)..positions.offset(range.end);
                    let bytes = bytes.start.min(bytes.end)..bytes.end.max(bytes.start);
                    document.text.replace_range(bytes, &change.text);
                }
            }
        }
        self.publish(&key)
    }

    /// A save checks the document again; the save of a configuration or
    /// glossary file reloads the projects first.
    fn saved(&mut self, params: lsp_types::DidSaveTextDocumentParams) -> io::Result<()> {
        let key = params.text_document.uri.as_str().to_string();
        if let (Some(text), Some(document)) = (params.text, self.documents.get_mut(&key)) {
            document.text = text;
        }
        match file_path(&params.text_document.uri) {
            Some(path) if self.projects.is_watched(&path) => self.files_changed(&[path]),
            _ => self.publish(&key),
        }
    }

    /// Forgets a closed document and clears its diagnostics.
    fn close(&mut self, uri: &Uri) -> io::Result<()> {
        self.documents.remove(uri.as_str());
        self.send_diagnostics(uri.clone(), Vec::new())
    }

    /// Reloads the projects when a changed file is a configuration or
    /// glossary, shows what failed, and checks every open document again.
    fn files_changed(&mut self, paths: &[PathBuf]) -> io::Result<()> {
        if !paths.iter().any(|path| self.projects.is_watched(path)) {
            return Ok(());
        }
        let errors = self.projects.reload();
        self.show_errors("lsp-reload-failed", &errors)?;
        let keys: Vec<String> = self.documents.keys().cloned().collect();
        for key in keys {
            self.publish(&key)?;
        }
        Ok(())
    }

    /// Checks an open document and publishes its diagnostics.
    fn publish(&mut self, key: &str) -> io::Result<()> {
        let Some(document) = self.documents.get(key) else {
            return Ok(());
        };
        let uri = document.uri.clone();
        let path = file_path(&uri);
        let (project, errors) = self.projects.project_for(path.as_deref());
        let diagnostics = project.map_or_else(Vec::new, |project| {
            let format = document_format(project.config.format, &uri, &document.language_id);
            let Some(format) = format else {
                return Vec::new();
            };
            let positions = Positions::new(&document.text, self.unit);
            let language = project.language_of(path.as_deref());
            match project
                .linter
                .check_document_text(path.as_deref(), &document.text, format, language)
            {
                Ok(findings) => {
                    let wording = Wording {
                        localizer: &self.localizer,
                        glossary: project.linter.matcher().glossary(),
                    };
                    findings
                        .iter()
                        .map(|f| wording.diagnostic(f, &positions))
                        .collect()
                }
                Err(error) => vec![malformed(
                    &self.localizer,
                    &error.detail,
                    positions.position(error.offset),
                )],
            }
        });
        self.show_errors("lsp-load-failed", &errors)?;
        self.send_diagnostics(uri, diagnostics)
    }

    /// `textDocument/codeAction`: the quick fixes of the findings that touch
    /// the requested range.
    fn on_code_action(&mut self, request: Request) -> io::Result<()> {
        let params: CodeActionParams = match serde_json::from_value(request.params) {
            Ok(params) => params,
            Err(err) => return self.respond_error(request.id, ErrorCode::InvalidParams, &err.to_string()),
        };
        let actions = self.quick_fixes(&params);
        self.send(Response::new_ok(request.id, actions))
    }

    fn quick_fixes(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let wants_quick_fixes = params.context.only.as_ref().is_none_or(|kinds| {
            kinds
                .iter()
                .any(|k| k.as_str() == "quickfix" || k.as_str().is_empty())
        });
        let Some(document) = self.documents.get(params.text_document.uri.as_str()) else {
            return Vec::new();
        };
        if !wants_quick_fixes {
            return Vec::new();
        }
        let path = file_path(&document.uri);
        let (Some(project), _) = self.projects.project_for(path.as_deref()) else {
            return Vec::new();
        };
        let Some(format) = document_format(project.config.format, &document.uri, &document.language_id)
        else {
            return Vec::new();
        };
        let language = project.language_of(path.as_deref());
        let findings = project
            .linter
            .check_document_text(path.as_deref(), &document.text, format, language)
            .unwrap_or_default();
        let positions = Positions::new(&document.text, self.unit);
        let wording = Wording {
            localizer: &self.localizer,
            glossary: project.linter.matcher().glossary(),
        };
        findings
            .iter()
            .filter(|f| touches(&positions.range(&f.range), &params.range))
            .filter_map(|f| wording.quick_fix(&document.uri, f, &positions))
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    /// Shows load errors as one error message, if there are any.
    fn show_errors(&mut self, id: &'static str, errors: &[Message]) -> io::Result<()> {
        if errors.is_empty() {
            return Ok(());
        }
        let rendered: Vec<String> = errors.iter().map(|e| self.localizer.render(e)).collect();
        let message = Message::new(id).text("errors", rendered.join("\n"));
        let params = ShowMessageParams {
            typ: MessageType::ERROR,
            message: self.localizer.render(&message),
        };
        self.send(Notification::new(ShowMessage::METHOD.to_string(), params))
    }

    fn send_diagnostics(&mut self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> io::Result<()> {
        let params = PublishDiagnosticsParams::new(uri, diagnostics, None);
        self.send(Notification::new(PublishDiagnostics::METHOD.to_string(), params))
    }

    fn respond_error(&mut self, id: RequestId, code: ErrorCode, message: &str) -> io::Result<()> {
        self.send(Response::new_err(id, code as i32, message.to_string()))
    }

    fn send(&mut self, message: impl Into<RpcMessage>) -> io::Result<()> {
        write_message(&mut self.output, message.into())
    }
}

/// Parameters of a notification; ones that do not fit are dropped (a
/// notification has no response to carry an error).
fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Option<T> {
    serde_json::from_value(params).ok()
}

/// The folder of the first workspace folder, else of the root URI.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
    #[allow(deprecated)]
    let root = params.root_uri.as_ref();
    folders.chain(root).find_map(file_path)
}

/// What the server does.
fn capabilities(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(true),
            })),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}
