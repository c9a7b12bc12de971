//! The page's handle on the doctor. In the page it is a Web Worker running the second wasm
//! module (`onramp-doctor`), started when the doctor is first used or when the browser is
//! idle; the UI tests answer in the page instead. Components hold a [`Checker`] and never
//! know which: the page's own module then never contains the checker.

use crate::doctor::{self, Answer, Message, Request};
use crate::profile::Profile;
use crate::worker::READY;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// What becomes of a request: its answer, or the news that the checker stopped on it.
pub type Reply = Box<dyn FnOnce(Result<Answer, Stopped>)>;

/// The checker stopped (a panic, or its module failed to load) and was started anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Something that answers the doctor's requests.
pub trait DoctorService {
    /// The relay the requests are about: given before the first request, and again only if it
    /// changes.
    fn use_profile(&self, profile: &Profile);

    /// Sends `request` (its id is the service's to give); `reply` is called with its answer.
    /// A request sent while another is being answered waits, and replaces any request
    /// already waiting, whose reply is dropped: only the latest text matters.
    fn send(&self, request: Request, reply: Reply);

    /// Gets ready to answer (loads the worker's module) before the first request.
    fn warm(&self) {}
}

/// The doctor as the components use it.
pub type Checker = Rc<dyn DoctorService>;

/// The doctor answered in the page itself, for the UI tests, which run without the worker's
/// files.
#[derive(Default)]
pub struct InPage {
    profile: RefCell<Option<Profile>>,
}

impl DoctorService for InPage {
    fn use_profile(&self, profile: &Profile) {
        *self.profile.borrow_mut() = Some(profile.clone());
    }

    fn send(&self, request: Request, reply: Reply) {
        let answer = {
            let mut profile = self.profile.borrow_mut();
            doctor::answer(&request, profile.get_or_insert_with(Profile::builtin))
        };
        reply(Ok(answer));
    }
}

/// The doctor in a Web Worker.
pub struct InWorker {
    state: Rc<State>,
}

#[derive(Default)]
struct State {
    worker: RefCell<Option<Worker>>,
    /// The worker said it listens.
    ready: Cell<bool>,
    /// The relay's profile as the message that gives it to the worker.
    profile: RefCell<Option<String>>,
    /// The running worker has been given `profile`.
    profile_sent: Cell<bool>,
    /// The id of the last request sent; ids start at 1 (0 is the worker's, for a message it
    /// could not read).
    last_id: Cell<u64>,
    /// The id of the request being answered, and its reply.
    in_flight: RefCell<Option<(u64, Reply)>>,
    /// The latest request sent while another was in flight.
    waiting: RefCell<Option<(Request, Reply)>>,
}

impl InWorker {
    /// The worker's module loader, next to `index.html` (Trunk writes it unhashed), unless the
    /// page says otherwise ([`super::browser::worker_url`]).
    const LOADER: &'static str = "./onramp-doctor_loader.js";

    pub fn new() -> InWorker {
        InWorker {
            state: Rc::new(State::default()),
        }
    }
}

impl Default for InWorker {
    fn default() -> Self {
        InWorker::new()
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
                if let Some((id, reply)) = in_flight {
                    match serde_json::from_str::<Answer>(&text) {
                        // An answer to another request than the one waited for is stale; id 0
                        // is the worker's answer to a message it could not read (a worker
                        // of another build, say), which is this request's.
                        Ok(answer) if answer.id != id && answer.id != 0 => {
                            *state.in_flight.borrow_mut() = Some((id, reply));
                            return;
                        }
                        Ok(answer) => reply(Ok(answer)),
                        Err(_) => reply(Ok(doctor::unreadable(id))),
                    }
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
        let (Some(json), Some(worker)) = (&*self.profile.borrow(), &*self.worker.borrow()) else {
            return;
        };
        self.profile_sent
            .set(worker.post_message(&JsValue::from_str(json)).is_ok());
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
        let id = request.id;
        let (Ok(json), Some(worker)) = (
            serde_json::to_string(&Message::Request(request)),
            &*self.worker.borrow(),
        ) else {
            return;
        };
        if worker.post_message(&JsValue::from_str(&json)).is_ok() {
            *self.in_flight.borrow_mut() = Some((id, reply));
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
            .map(|(_, reply)| reply)
            .or(waiting.map(|(_, reply)| reply))
        {
            reply(Err(Stopped));
        }
    }
}

impl DoctorService for InWorker {
    fn use_profile(&self, profile: &Profile) {
        let Ok(json) = serde_json::to_string(&Message::Profile(Box::new(profile.clone()))) else {
            return;
        };
        if self.state.profile.borrow().as_ref() == Some(&json) {
            return;
        }
        *self.state.profile.borrow_mut() = Some(json);
        self.state.profile_sent.set(false);
        self.state.send_profile();
    }

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
