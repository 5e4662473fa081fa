//! A loopback HTTP/1.1 server for the fetch tests: one thread per server, hand-written
//! responses, one request per connection. It binds 127.0.0.1 on an ephemeral port, never
//! sends anything anywhere else, and stops when dropped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How long the server waits on a silent client before it gives up on the connection.
const CLIENT_PATIENCE: Duration = Duration::from_secs(5);
/// The most bytes a trickling reply sends before it stops by itself.
const TRICKLE_BYTES: usize = 200;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete response; `length` adds a `Content-Length` (else the body runs to the close).
    Full {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
        length: bool,
    },
    /// Nothing at all: the request is read and never answered.
    Silent,
    /// The status line and headers (announcing a body), then nothing until the client leaves.
    Stall,
    /// The headers, then one byte of body every `interval` until the client leaves.
    Trickle { interval: Duration },
}

impl Reply {
    /// `200 OK` with a `Content-Type` (none when `None`) and a `Content-Length`.
    pub fn ok(content_type: Option<&str>, body: impl Into<Vec<u8>>) -> Reply {
        let headers = content_type
            .map(|value| vec![("Content-Type", value.to_owned())])
            .unwrap_or_default();
        Reply::Full {
            status: 200,
            headers,
            body: body.into(),
            length: true,
        }
    }

    /// `200 OK` with the body compressed by `encoding` (`gzip`, `br`, `deflate`).
    pub fn compressed(content_type: &str, encoding: &str, body: Vec<u8>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![
                ("Content-Type", content_type.to_owned()),
                ("Content-Encoding", encoding.to_owned()),
            ],
            body,
            length: true,
        }
    }

    /// A bare status with a short HTML body.
    pub fn status(status: u16) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type", "text/html".to_owned())],
            body: format!("<html><body><h1>{status}</h1></body></html>").into_bytes(),
            length: true,
        }
    }

    /// `302 Found` to `location`.
    pub fn redirect(location: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("Location", location.to_owned())],
            body: Vec::new(),
            length: true,
        }
    }
}

/// A running server; dropping it stops the thread.
pub struct Server {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(routes: Vec<(&'static str, Reply)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let address = listener.local_addr().expect("the bound address");
        let routes: HashMap<&'static str, Reply> = routes.into_iter().collect();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (stop, requests) = (Arc::clone(&stop), Arc::clone(&requests));
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        serve(stream, &routes, &requests);
                    }
                }
            })
        };
        Server {
            address,
            stop,
            requests,
            thread: Some(thread),
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The request heads received so far, lowercased.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("requests lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one request and closes the connection.
fn serve(mut stream: TcpStream, routes: &HashMap<&'static str, Reply>, log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(CLIENT_PATIENCE));
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    log.lock()
        .expect("requests lock")
        .push(head.to_ascii_lowercase());
    let not_found = Reply::status(404);
    match routes.get(path.as_str()).unwrap_or(&not_found) {
        Reply::Full {
            status,
            headers,
            body,
            length,
        } => {
            let mut response = status_line(*status);
            for (name, value) in headers {
                let _ = write!(response, "{name}: {value}\r\n");
            }
            if *length {
                let _ = write!(response, "Content-Length: {}\r\n", body.len());
            }
            response.push_str("Connection: close\r\n\r\n");
            let _ = stream.write_all(response.as_bytes());
            let _ = stream.write_all(body);
        }
        Reply::Silent => wait_for_close(&mut stream),
        Reply::Stall => {
            let head = "Content-Type: text/html\r\nContent-Length: 100000\r\n\r\n";
            let _ = stream.write_all(format!("{}{head}", status_line(200)).as_bytes());
            wait_for_close(&mut stream);
        }
        Reply::Trickle { interval } => {
            let head = "Content-Type: text/html\r\nContent-Length: 100000\r\n\r\n";
            let _ = stream.write_all(format!("{}{head}", status_line(200)).as_bytes());
            for _ in 0..TRICKLE_BYTES {
                thread::sleep(*interval);
                if stream.write_all(b" ").is_err() {
                    break;
                }
            }
        }
    }
}

fn status_line(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    format!("HTTP/1.1 {status} {reason}\r\n")
}

/// Reads up to the blank line that ends the request head.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 || head.len() > 16 * 1024 {
            return None;
        }
        head.push(byte[0]);
    }
    String::from_utf8(head).ok()
}

/// Blocks until the client closes the connection (or the patience runs out).
fn wait_for_close(stream: &mut TcpStream) {
    let mut buffer = [0u8; 256];
    while matches!(stream.read(&mut buffer), Ok(n) if n > 0) {}
}
