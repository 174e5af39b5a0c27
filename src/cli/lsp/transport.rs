//! JSON-RPC messages over a byte stream with `Content-Length` framing, as
//! the Language Server Protocol sends them over standard input and output.
//!
//! lsp-server's own stdio transport ends the connection on the first frame
//! it cannot decode. Here a bad frame is answered and skipped instead: a body
//! that is not JSON gets a `ParseError` response, JSON that is not a
//! JSON-RPC message an `InvalidRequest` one (with the request's id when it
//! has a readable one, else `null`), and the next frame is read. Only the
//! end of the input or a failing read ends the stream.

use std::io::{self, BufRead, Read, Write};

use lsp_server::{ErrorCode, Message};
use serde_json::{json, Value};

/// The largest body read; a longer one is skipped and answered with an error.
const MAX_BODY: usize = 64 << 20;
/// The longest header line read.
const MAX_HEADER_LINE: u64 = 8 << 10;

/// One frame read from the client.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed request, response or notification.
    Message(Message),
    /// A frame that could not be read as a message, with the error response
    /// to send back.
    Invalid(Value),
}

/// Reads the frames of `input` one at a time.
pub struct Reader<R> {
    input: R,
}

impl<R: BufRead> Reader<R> {
    /// A reader of `input`.
    pub fn new(input: R) -> Self {
        Reader { input }
    }

    /// The next frame, or `None` at the end of the input (also in the
    /// middle of a frame: the client is gone).
    pub fn next(&mut self) -> io::Result<Option<Incoming>> {
        let Some(length) = self.read_headers()? else {
            return Ok(None);
        };
        let length = match length {
            Ok(length) => length,
            Err(problem) => {
                return Ok(Some(Incoming::Invalid(error_response(
                    Value::Null,
                    parse_error(&problem),
                ))))
            }
        };
        if length > MAX_BODY {
            let skipped = io::copy(&mut (&mut self.input).take(length as u64), &mut io::sink())?;
            if skipped < length as u64 {
                return Ok(None);
            }
            let problem = format!("message of {length} bytes is longer than {MAX_BODY}");
            return Ok(Some(Incoming::Invalid(error_response(
                Value::Null,
                parse_error(&problem),
            ))));
        }
        let mut body = vec![0; length];
        match self.input.read_exact(&mut body) {
            Ok(()) => Ok(Some(decode(&body))),
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Reads a header block: `None` at the end of the input, else the
    /// `Content-Length` or what is wrong with the block.
    fn read_headers(&mut self) -> io::Result<Option<Result<usize, String>>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut seen_any = false;
        loop {
            let mut line = Vec::new();
            let read = (&mut self.input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)?;
            if read == 0 {
                return Ok(None);
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !seen_any {
                    // Blank lines between frames are tolerated.
                    continue;
                }
                let length = length.unwrap_or_else(|| Err("no Content-Length header".to_string()));
                return Ok(Some(length));
            }
            seen_any = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = Some(
                        value
                            .trim()
                            .parse()
                            .map_err(|_| format!("bad Content-Length: {value}")),
                    );
                }
            } else {
                length = Some(Err(format!("malformed header: {line}")));
            }
        }
    }
}

/// A frame's body as a message, or the error response it deserves.
fn decode(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => return Incoming::Invalid(error_response(Value::Null, parse_error(&err.to_string()))),
    };
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    if !looks_like_a_message(&value) {
        let problem = "neither a request, a notification nor a response".to_string();
        return Incoming::Invalid(error_response(id, (ErrorCode::InvalidRequest, problem)));
    }
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(err) => Incoming::Invalid(error_response(
            id,
            (
                ErrorCode::InvalidRequest,
                format!("not a JSON-RPC message: {err}"),
            ),
        )),
    }
}

/// Whether `value` has the shape of a message: an object with a string
/// `method` (a request or notification), or with an `id` and a `result` or
/// `error` (a response). lsp-server's untagged decoding alone would take
/// `{"id": 1, "method": 5}` for a response.
fn looks_like_a_message(value: &Value) -> bool {
    match value.get("method") {
        Some(method) => method.is_string(),
        None => value.get("id").is_some() && (value.get("result").is_some() || value.get("error").is_some()),
    }
}

fn parse_error(problem: &str) -> (ErrorCode, String) {
    (
        ErrorCode::ParseError,
        format!("cannot read the message: {problem}"),
    )
}

/// A JSON-RPC error response (which may have a `null` id, unlike
/// lsp-server's responses).
fn error_response(id: Value, (code, message): (ErrorCode, String)) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// Writes one message and flushes.
pub fn write_message(output: &mut impl Write, message: Message) -> io::Result<()> {
    message.write(output)?;
    output.flush()
}

/// Writes one raw JSON-RPC value and flushes.
pub fn write_value(output: &mut impl Write, value: &Value) -> io::Result<()> {
    let text = value.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Incoming> {
        let mut reader = Reader::new(input.as_bytes());
        let mut all = Vec::new();
        while let Some(frame) = reader.next().expect("reading from memory") {
            all.push(frame);
        }
        all
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn error_code(frame: &Incoming) -> (i64, Value) {
        match frame {
            Incoming::Invalid(value) => (value["error"]["code"].as_i64().unwrap(), value["id"].clone()),
            Incoming::Message(message) => panic!("expected an error, got {message:?}"),
        }
    }

    #[test]
    fn bad_frames_are_answered_and_skipped() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            "Content-Type: x\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
        ]
        .concat();
        let all = frames(&input);
        assert_eq!(all.len(), 4, "{all:?}");
        assert_eq!(error_code(&all[0]), (-32700, Value::Null));
        assert_eq!(error_code(&all[1]), (-32600, json!(7)));
        assert_eq!(error_code(&all[2]), (-32700, Value::Null));
        assert!(matches!(&all[3], Incoming::Message(Message::Request(r)) if r.method == "shutdown"));
    }

    #[test]
    fn a_cut_frame_ends_the_stream() {
        assert!(frames("Content-Length: 50\r\n\r\n{\"jsonrpc\"").is_empty());
        assert!(frames("").is_empty());
    }

    #[test]
    fn written_frames_read_back() {
        let mut out = Vec::new();
        write_value(&mut out, &json!({"jsonrpc": "2.0", "method": "exit"})).unwrap();
        let all = frames(std::str::from_utf8(&out).unwrap());
        assert!(matches!(&all[0], Incoming::Message(Message::Notification(n)) if n.method == "exit"));
    }
}
