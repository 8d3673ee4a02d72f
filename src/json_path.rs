//! Where in JSON text a value could not be read, as the field's path (`rows[3].amount`,
//! `fields[1]`, `asOf`): found after the fact from serde_json's line and column, by reading the
//! text's brackets, keys and commas up to that place. Inputs are read with plain serde_json, and
//! only a fault pays for its path: tracking the path while reading (serde_path_to_error) copied
//! its tracking code into every input type, a sixth of the .wasm (README, "Performance", "Size").
//!
//! The path is the one serde_path_to_error gave (the tests compare the two over every fault of
//! a spoiled document and options): keys joined by `.`, indices as `[i]`, nothing for the whole
//! value. serde_json places a data error just past what it had read when the error came: past
//! the value a field's reader refused (so the field's key is the last one read in its object),
//! past the `}` of an object missing a field (so the path is the object's), past the `]` of an
//! array of the wrong length; an object or array given where something else was expected, at
//! its `{` or `[`. An error a type raises after its value was read whole (an internally tagged
//! enum checking its content; a type that reads a `String`, then parses it) is placed past the
//! container's `,` or closing bracket: past a `]` it is taken as the last element's, but before
//! the next element it cannot be told from that element's own. Types read from inputs
//! therefore check each value as they read it (`calendar::Month` in its visitor,
//! `model::EffectEntry` field by field), as serde's own do.
//!
//! Not here: reading the value (serde_json), the error's code and message (the callers).

/// The path of the value `error` (serde_json's, reading `text`) is about, or `None` for the
/// whole value (and for an error without a place).
pub fn path_of(text: &str, error: &serde_json::Error) -> Option<String> {
    let (line, column) = (error.line(), error.column());
    if line == 0 {
        return None;
    }
    let bytes = text.as_bytes();
    let start_of_line = match line {
        1 => 0,
        _ => bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1),
    };
    let mut end = floor_char_boundary(text, (start_of_line + column).min(bytes.len()));
    let message = error.to_string();
    let refused_container =
        message.starts_with("invalid type: map") || message.starts_with("invalid type: sequence");
    if refused_container && matches!(bytes.get(end), Some(b'{' | b'[')) {
        // Placed at the `{` or `[` of the refused value, not past it: the value has begun.
        end += 1;
    } else if end > 0 && bytes[end - 1] == b']' && !message.starts_with("invalid length") {
        // Past an array's `]`, only a wrong length is the array's own fault: any other was
        // raised by its last element once read whole.
        end -= 1;
    }
    let frames = open_frames(&text[..end]);
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { started } if *started > 0 => {
                path.push_str(&format!("[{}]", started - 1));
            }
            _ => {}
        }
    }
    (!path.is_empty()).then_some(path)
}

/// An object or array still open at the place: the object's last key read, or how many of the
/// array's elements have begun.
enum Frame {
    Object { key: Option<String>, in_key: bool },
    Array { started: usize },
}

/// The objects and arrays open at the end of `text` (JSON cut anywhere), outermost first.
fn open_frames(text: &str) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b':') {
            i += 1;
            continue;
        }
        match b {
            b',' => {
                if let Some(Frame::Object { in_key, .. }) = frames.last_mut() {
                    *in_key = true;
                }
                i += 1;
                continue;
            }
            b'}' | b']' => {
                frames.pop();
                i += 1;
                continue;
            }
            _ => {}
        }
        // A key, or the start of a value.
        if let Some(Frame::Object { key, in_key }) = frames.last_mut() {
            if *in_key {
                let end = string_end(bytes, i);
                // A key cut off by the place was not read yet.
                if end < bytes.len() {
                    *key = Some(unquote(&text[i..=end]));
                    *in_key = false;
                }
                i = end + 1;
                continue;
            }
        }
        if let Some(Frame::Array { started }) = frames.last_mut() {
            *started += 1;
        }
        match b {
            b'{' => frames.push(Frame::Object {
                key: None,
                in_key: true,
            }),
            b'[' => frames.push(Frame::Array { started: 0 }),
            b'"' => i = string_end(bytes, i),
            // A number, `true`, `false` or `null`: up to the next delimiter.
            _ => {
                while i + 1 < bytes.len() && !b",:]} \n\t\r".contains(&bytes[i + 1]) {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    frames
}

/// The index of the `"` closing the string that opens at `start` (or the text's length when it
/// is cut off).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key's text, its escapes undone (`"a\"b"` is `a"b`, as serde_json reads it).
fn unquote(quoted: &str) -> String {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.contains('\\') {
        serde_json::from_str(quoted).unwrap_or_else(|_| inner.to_string())
    } else {
        inner.to_string()
    }
}

/// The largest index up to `end` that is not inside a UTF-8 character.
fn floor_char_boundary(text: &str, mut end: usize) -> usize {
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

#[cfg(test)]
#[path = "json_path_tests.rs"]
mod tests;
