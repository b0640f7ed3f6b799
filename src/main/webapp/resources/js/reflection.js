/*
 * Reflection editor: autosave with no lost text.
 * - Every keystroke is copied to this browser's localStorage at once; the copy is removed only when the server
 *   confirms it has the text. A killed server, a lost connection or an expired session therefore loses nothing,
 *   and the copy is sent as soon as the page is open and signed in again.
 * - Saves go 1.5 s after typing stops, and immediately when the tab is hidden or closed (fetch keepalive).
 * - Each save names the revision it was based on; if another tab or browser saved in between, the server
 *   refuses and the student chooses which text to keep. Nothing is silently overwritten.
 */
(function () {
    "use strict";
    var root = document.getElementById("reflection");
    if (!root) {
        return;
    }
    var api = root.dataset.api;
    var storagePrefix = root.dataset.storageKey;
    var DEBOUNCE_MS = 1500;
    var RETRY_MS = 5000;
    /* A refusal of a save that worked a moment ago (403, 404, 429, 5xx) is taken as passing: retried after 1, 2,
       4 ... up to 30 seconds, the text kept in this browser meanwhile. Only 401 means the session is gone. */
    var BACKOFF_MAX_MS = 30000;
    var MAX = 100000;
    var editors = [];

    function msg(name) {
        return root.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || name;
    }

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return pattern.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
    }

    function timeOf(iso) {
        var d = iso ? new Date(iso) : new Date();
        return d.toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    }

    function store(key, value) {
        try {
            if (value === null) {
                localStorage.removeItem(key);
            } else {
                localStorage.setItem(key, JSON.stringify(value));
            }
        } catch (e) {
            /* Storage full or disabled: the server copy is still the safety net. */
        }
    }

    function load(key) {
        try {
            return JSON.parse(localStorage.getItem(key) || "null");
        } catch (e) {
            return null;
        }
    }

    function Editor(textarea) {
        this.ta = textarea;
        this.prompt = textarea.dataset.prompt;
        this.revision = parseInt(textarea.dataset.revision, 10) || 0;
        this.minLength = parseInt(textarea.dataset.minLength, 10) || 0;
        this.key = storagePrefix + this.prompt;
        this.block = textarea.closest("[data-prompt-block]");
        this.status = document.getElementById("status-" + this.prompt);
        this.count = document.getElementById("count-" + this.prompt);
        this.conflictBox = this.block.querySelector(".conflict");
        this.timer = null;
        this.inFlight = null;
        this.dirty = false;
        this.blocked = false;
        var savedAt = this.status.dataset.savedAt;
        if (savedAt) {
            this.setStatus(format(msg("saved"), timeOf(savedAt)));
        }
        this.restoreLocalCopy();
        this.updateCount();
        var self = this;
        textarea.addEventListener("input", function () { self.onInput(); });
    }

    Editor.prototype.setStatus = function (text, cls) {
        this.status.textContent = text;
        this.status.className = "save-status" + (cls ? " " + cls : "");
    };

    Editor.prototype.updateCount = function () {
        var n = this.ta.value.trim().length;
        this.count.textContent = format(msg("count"), n, this.minLength);
        this.count.classList.toggle("count-short", n < this.minLength);
    };

    /* A copy left by an earlier page (server down, session expired, tab closed): put it back and send it. */
    Editor.prototype.restoreLocalCopy = function () {
        var local = load(this.key);
        if (!local || local.text === this.ta.value) {
            store(this.key, null);
            return;
        }
        if (local.revision === this.revision) {
            this.ta.value = local.text;
            this.dirty = true;
            this.setStatus(msg("restored"), "status-warn");
            this.schedule(0);
        } else {
            /* The server moved on since that copy was made: let the student decide. */
            this.showConflict({ text: this.ta.value, revision: this.revision }, local.text);
        }
    };

    Editor.prototype.onInput = function () {
        this.dirty = true;
        store(this.key, { text: this.ta.value, revision: this.revision, at: Date.now() });
        this.updateCount();
        if (this.ta.value.length > MAX) {
            this.setStatus(format(msg("tooLong"), this.ta.value.length - MAX, MAX), "status-error");
            return;
        }
        if (!this.blocked) {
            this.setStatus(msg("unsaved"));
            this.schedule(DEBOUNCE_MS);
        }
    };

    Editor.prototype.schedule = function (delay) {
        var self = this;
        clearTimeout(this.timer);
        this.timer = setTimeout(function () { self.save(false); }, delay);
    };

    /* Saves now; resolves when the server has answered (or failed). */
    Editor.prototype.save = function (keepalive) {
        var self = this;
        clearTimeout(this.timer);
        if (!this.dirty || this.blocked) {
            return Promise.resolve(true);
        }
        if (this.ta.value.length > MAX) {
            return Promise.resolve(false);
        }
        if (this.inFlight) {
            /* One save at a time per answer; the latest text goes once the current one returns. */
            return this.inFlight.then(function () { return self.save(keepalive); });
        }
        var text = this.ta.value;
        this.setStatus(msg("saving"));
        this.inFlight = fetch(api + "/drafts/" + encodeURIComponent(this.prompt), {
            method: "PUT",
            credentials: "same-origin",
            keepalive: keepalive && text.length < 60000,
            headers: { "Content-Type": "application/json", "Accept": "application/json" },
            body: JSON.stringify({ text: text, revision: this.revision })
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                return self.handle(response.status, body, text);
            });
        }, function () {
            self.setStatus(msg("offline"), "status-error");
            self.schedule(RETRY_MS);
            return false;
        }).finally(function () {
            self.inFlight = null;
        });
        return this.inFlight;
    };

    Editor.prototype.handle = function (status, body, sentText) {
        if (status === 200) {
            this.failures = 0;
            this.revision = body.revision;
            this.ta.dataset.revision = body.revision;
            if (this.ta.value === sentText) {
                this.dirty = false;
                store(this.key, null);
                this.setStatus(format(msg("saved"), timeOf(body.savedAt)), "status-ok");
            } else {
                store(this.key, { text: this.ta.value, revision: this.revision, at: Date.now() });
                this.schedule(DEBOUNCE_MS);
            }
            return true;
        }
        if (status === 401) {
            this.setStatus(msg("expired"), "status-error");
            showSignIn();
            return false;
        }
        if (status === 409 && body.reason === "conflict") {
            this.showConflict(body, this.ta.value);
            return false;
        }
        if (status === 409 && body.reason === "submitted") {
            store(this.key, null);
            window.location.reload();
            return false;
        }
        if (status === 409 && body.reason === "retry") {
            this.schedule(500);
            return false;
        }
        if (status === 413) {
            this.setStatus(format(msg("tooLong"), this.ta.value.length - MAX, MAX), "status-error");
            return false;
        }
        if (status === 403 || status === 404 || status === 429 || status >= 500) {
            this.failures = (this.failures || 0) + 1;
            this.setStatus(msg("notSavedYet"), "status-warn");
            this.schedule(Math.min(BACKOFF_MAX_MS, 1000 * Math.pow(2, this.failures - 1)));
            return false;
        }
        this.setStatus(msg("error"), "status-error");
        this.schedule(RETRY_MS);
        return false;
    };

    /* Another tab or browser saved this answer. Show both; write nothing until the student chooses. */
    Editor.prototype.showConflict = function (server, mine) {
        var self = this;
        this.blocked = true;
        clearTimeout(this.timer);
        var box = this.conflictBox;
        box.textContent = "";
        var p = document.createElement("p");
        p.textContent = format(msg("conflict"), server.savedAt ? timeOf(server.savedAt) : "");
        var theirs = document.createElement("button");
        theirs.type = "button";
        theirs.className = "conflict-use-theirs";
        theirs.textContent = msg("useTheirs");
        var keep = document.createElement("button");
        keep.type = "button";
        keep.className = "conflict-keep-mine";
        keep.textContent = msg("keepMine");
        box.appendChild(p);
        var other = document.createElement("blockquote");
        other.className = "conflict-other";
        other.setAttribute("aria-label", msg("otherVersion"));
        other.textContent = server.text.length > 600 ? server.text.slice(0, 600) + "…" : server.text;
        box.appendChild(other);
        box.appendChild(theirs);
        box.appendChild(keep);
        box.hidden = false;
        this.setStatus(msg("unsaved"), "status-warn");
        theirs.addEventListener("click", function () {
            self.ta.value = server.text;
            self.revision = server.revision;
            self.dirty = false;
            self.blocked = false;
            store(self.key, null);
            box.hidden = true;
            self.updateCount();
            self.setStatus(format(msg("saved"), timeOf(server.savedAt)), "status-ok");
            self.ta.focus();
        });
        keep.addEventListener("click", function () {
            self.ta.value = mine;
            self.revision = server.revision;
            self.dirty = true;
            self.blocked = false;
            box.hidden = true;
            self.updateCount();
            self.save(false);
            self.ta.focus();
        });
        theirs.focus();
    };

    var signInShown = false;

    function showSignIn() {
        if (signInShown) {
            return;
        }
        signInShown = true;
        var out = document.getElementById("submit-status");
        out.textContent = msg("expired") + " ";
        var a = document.createElement("a");
        a.href = root.dataset.loginUrl;
        a.textContent = msg("signin");
        out.appendChild(a);
    }

    function flushAll(keepalive) {
        return Promise.all(editors.map(function (e) { return e.save(keepalive); }));
    }

    var submitButton = document.getElementById("submit-reflection");
    var submitting = false;
    submitButton.addEventListener("click", function () {
        if (submitting) {
            return;
        }
        submitting = true;
        submitButton.disabled = true;
        var out = document.getElementById("submit-status");
        out.textContent = msg("submitting");
        flushAll(false).then(function (results) {
            if (results.indexOf(false) >= 0 || editors.some(function (e) { return e.dirty; })) {
                throw new Error("unsaved");
            }
            return fetch(api + "/submission", {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/json", "Accept": "application/json" }, body: "{}"
            });
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (response.status === 200) {
                    editors.forEach(function (e) { store(e.key, null); });
                    window.location.reload();
                    return;
                }
                if (response.status === 401) {
                    showSignIn();
                } else if (response.status === 422 && body.reason === "tooShort") {
                    out.textContent = format(msg("tooShort"), body.prompts.length);
                    body.prompts.forEach(function (id) {
                        var e = editors.find(function (x) { return x.prompt === id; });
                        if (e) { e.count.classList.add("count-short"); }
                    });
                    var first = editors.find(function (x) { return body.prompts.indexOf(x.prompt) >= 0; });
                    if (first) { first.ta.focus(); }
                } else {
                    out.textContent = msg("error");
                }
                submitting = false;
                submitButton.disabled = false;
            });
        }).catch(function () {
            if (!signInShown) {
                out.textContent = msg("error");
            }
            submitting = false;
            submitButton.disabled = false;
        });
    });

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
            flushAll(true);
        }
    });
    window.addEventListener("pagehide", function () { flushAll(true); });

    Array.prototype.forEach.call(root.querySelectorAll("textarea[data-prompt]"), function (ta) {
        editors.push(new Editor(ta));
    });
})();
