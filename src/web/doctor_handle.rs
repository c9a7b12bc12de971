//! The page's handle on the doctor. In the page it is a Web Worker running the second wasm
//! module (`onramp-doctor`), started when the doctor is first used or when the browser is
//! idle; the UI tests answer in the page instead. Components hold a [`DoctorHandle`] and
//! never know which: the page's own module then never contains the checkers.

use crate::doctor::{self, Answer, Message, Request};
use crate::profile::Profile;
use crate::worker::READY;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// What becomes of a request: its answer, with the text it is about (the one sent, unless
/// the task made another: the worker sends a text back only then), or the news that the
/// doctor stopped on it.
pub type Reply = Box<dyn FnOnce(Result<Answer, Stopped>)>;

/// The checker stopped (a panic, or its module failed to load) and was started anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Something that answers the doctor's requests, about the relay it was made for.
pub trait DoctorService {
    /// Sends `request` (its id is the service's to give); `reply` is called with its answer.
    /// A request sent while another is being answered waits, and replaces any request
    /// already waiting, whose reply is dropped: only the latest text matters.
    fn send(&self, request: Request, reply: Reply);

    /// Gets ready to answer (loads the worker's module) before the first request.
    fn warm(&self) {}
}

/// The doctor as the components use it.
pub type DoctorHandle = Rc<dyn DoctorService>;

/// The doctor answered in the page itself, for the UI tests, which run without the worker's
/// files, and for the first view rendered at build time, which never asks it.
pub struct InPage {
    profile: Profile,
}

impl InPage {
    pub fn new(profile: Profile) -> InPage {
        InPage { profile }
    }
}

impl DoctorService for InPage {
    fn send(&self, request: Request, reply: Reply) {
        let mut answer = doctor::answer(&request, &self.profile);
        answer.text.get_or_insert(request.text);
        reply(Ok(answer));
    }
}

/// The doctor in a Web Worker.
pub struct InWorker {
    state: Rc<State>,
}

struct State {
    worker: RefCell<Option<Worker>>,
    /// The worker said it listens.
    ready: Cell<bool>,
    /// The relay's profile as the message that gives it to the worker.
    profile: String,
    /// The running worker has been given `profile`.
    profile_sent: Cell<bool>,
    /// The id of the last request sent; ids start at 1 (0 is the worker's, for a message it
    /// could not read).
    last_id: Cell<u64>,
    /// The id and the text of the request being answered, and its reply.
    in_flight: RefCell<Option<(u64, String, Reply)>>,
    /// The latest request sent while another was in flight.
    waiting: RefCell<Option<(Request, Reply)>>,
}

impl InWorker {
    /// The worker's module loader, next to `index.html` (Trunk writes it unhashed), unless the
    /// page says otherwise ([`super::browser::worker_url`]).
    const LOADER: &'static str = "./onramp-doctor_loader.js";

    /// A doctor for the relay whose profile is `profile_json`: the JSON text the page read its
    /// profile from (the operator's `profile.json`, or the built-in one). The text is what
    /// the worker is given, so that the page need not write a profile out again (that code
    /// would be 1.7 KB of the page's module).
    pub fn new(profile_json: &str) -> InWorker {
        InWorker {
            state: Rc::new(State {
                worker: RefCell::default(),
                ready: Cell::default(),
                profile: doctor::profile_message(profile_json),
                profile_sent: Cell::default(),
                last_id: Cell::default(),
                in_flight: RefCell::default(),
                waiting: RefCell::default(),
            }),
        }
    }
}

impl State {
    /// The worker, started if it is not running.
    fn start(self: &Rc<Self>) {
        if self.worker.borrow().is_some() {
            return;
        }
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let url = super::browser::worker_url();
        let url = url.as_deref().unwrap_or(InWorker::LOADER);
        let Ok(worker) = Worker::new_with_options(url, &options) else {
            return;
        };
        let state = Rc::clone(self);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if text == READY {
                state.ready.set(true);
                state.send_profile();
            } else {
                // Taken out before the reply runs: it may well send the next request.
                let in_flight = state.in_flight.borrow_mut().take();
                if let Some((id, sent, reply)) = in_flight {
                    let mut answer = match serde_json::from_str::<Answer>(&text) {
                        // An answer to another request than the one waited for is stale; id 0
                        // is the worker's answer to a message it could not read (a worker
                        // of another build, say), which is this request's.
                        Ok(answer) if answer.id != id && answer.id != 0 => {
                            *state.in_flight.borrow_mut() = Some((id, sent, reply));
                            return;
                        }
                        Ok(answer) => answer,
                        Err(_) => doctor::unreadable(id),
                    };
                    answer.text.get_or_insert(sent);
                    reply(Ok(answer));
                }
            }
            state.send_waiting();
        });
        let state = Rc::clone(self);
        let on_error = Closure::<dyn Fn()>::new(move || state.stopped());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Both live as long as the page: a worker started anew gets handlers of its own.
        on_message.forget();
        on_error.forget();
        *self.worker.borrow_mut() = Some(worker);
    }

    /// Gives the worker the relay's profile, if it listens and does not have it yet.
    fn send_profile(&self) {
        if !self.ready.get() || self.profile_sent.get() {
            return;
        }
        let Some(worker) = &*self.worker.borrow() else {
            return;
        };
        self.profile_sent.set(
            worker
                .post_message(&JsValue::from_str(&self.profile))
                .is_ok(),
        );
    }

    /// Posts the waiting request, if the worker listens and answers nothing else.
    fn send_waiting(&self) {
        self.send_profile();
        if !self.ready.get() || self.in_flight.borrow().is_some() {
            return;
        }
        let Some((request, reply)) = self.waiting.borrow_mut().take() else {
            return;
        };
        let message = Message::Request(request);
        let (Ok(json), Some(worker)) = (serde_json::to_string(&message), &*self.worker.borrow())
        else {
            return;
        };
        // The text stays here, for the answer: the worker sends back only a text it made.
        let Message::Request(Request { id, text, .. }) = message else {
            return;
        };
        if worker.post_message(&JsValue::from_str(&json)).is_ok() {
            *self.in_flight.borrow_mut() = Some((id, text, reply));
        }
    }

    /// The worker died, or never loaded: end it and tell whoever waited for it. The next
    /// request starts a new one (not this one, which may be what killed it); starting one
    /// here would loop when its module cannot load at all.
    fn stopped(&self) {
        if let Some(worker) = self.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.ready.set(false);
        self.profile_sent.set(false);
        let in_flight = self.in_flight.borrow_mut().take();
        let waiting = self.waiting.borrow_mut().take();
        if let Some(reply) = in_flight
            .map(|(_, _, reply)| reply)
            .or(waiting.map(|(_, reply)| reply))
        {
            reply(Err(Stopped));
        }
    }
}

impl DoctorService for InWorker {
    fn send(&self, mut request: Request, reply: Reply) {
        self.state.start();
        let id = self.state.last_id.get() + 1;
        self.state.last_id.set(id);
        request.id = id;
        *self.state.waiting.borrow_mut() = Some((request, reply));
        self.state.send_waiting();
    }

    fn warm(&self) {
        self.state.start();
    }
}
