/*
 * The studio's module editor: CodeMirror over the module file's textarea, with nothing lost.
 * - Every change is copied to this browser's localStorage at once, and removed only when the server confirms it
 *   has the text; a killed server or an expired session loses nothing, and the copy is offered on return.
 * - Saves go 1.5 s after typing stops (and when the tab is hidden), naming the revision last seen. If another author
 *   or tab saved in between, the server refuses and the author chooses: load theirs, or keep mine (saved over theirs
 *   knowingly). Nothing is overwritten silently.
 * - Each save's answer carries the validator's problems by line: they are marked in the gutter and listed as buttons
 *   that move the cursor to the line. Publishing first saves what is pending.
 */
(function () {
    "use strict";
    var root = document.getElementById("studio-editor");
    if (!root || !window.CodeMirror) {
        return;
    }
    var textarea = document.getElementById("source");
    var status = document.getElementById("save-status");
    var problemsList = document.getElementById("problems");
    var cuesList = document.getElementById("cues");
    var conflictBox = root.querySelector(".conflict");
    var revisionField = document.getElementById("actions:revision");
    var storageKey = root.dataset.storageKey;
    var revision = Number(root.dataset.revision || "0");
    var problems = [];
    var timer = null;
    var saving = null;
    var dirty = false;
    var DEBOUNCE_MS = 1500;

    function msg(name) {
        return root.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || name;
    }

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return pattern.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
    }

    function store(value) {
        try {
            if (value === null) {
                localStorage.removeItem(storageKey);
            } else {
                localStorage.setItem(storageKey, JSON.stringify(value));
            }
        } catch (e) { /* storage full or off: the server copy remains */ }
    }

    function stored() {
        try {
            return JSON.parse(localStorage.getItem(storageKey) || "null");
        } catch (e) {
            return null;
        }
    }

    var editor = CodeMirror.fromTextArea(textarea, {
        mode: "yaml",
        lineNumbers: true,
        lineWrapping: true,
        indentUnit: 2,
        tabSize: 2,
        // Tab indents with spaces (YAML forbids tabs); Escape then Tab leaves the editor, for keyboard users.
        extraKeys: { "Tab": function (cm) { cm.replaceSelection("  "); }, "Esc": function (cm) { cm.getInputField().blur(); } },
        gutters: ["CodeMirror-lint-markers", "CodeMirror-linenumbers"],
        screenReaderLabel: document.querySelector("label[for=source]").textContent,
        lint: {
            getAnnotations: function () {
                return problems.filter(function (p) { return p.line > 0; }).map(function (p) {
                    var line = Math.min(p.line - 1, editor.lineCount() - 1);
                    return { from: CodeMirror.Pos(line, 0), to: CodeMirror.Pos(line, editor.getLine(line).length),
                        message: p.message, severity: "error" };
                });
            }
        }
    });
    root.classList.add("enhanced");

    function goTo(line) {
        var index = Math.max(0, Math.min(line - 1, editor.lineCount() - 1));
        editor.focus();
        editor.setCursor({ line: index, ch: 0 });
        editor.scrollIntoView({ line: index, ch: 0 }, 100);
    }

    function showProblems(list, cues) {
        problems = list || [];
        problemsList.textContent = "";
        if (problems.length === 0) {
            var none = document.createElement("li");
            none.className = "none";
            none.textContent = msg("noProblems");
            problemsList.appendChild(none);
        }
        problems.forEach(function (p) {
            var li = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "goto-line";
            button.dataset.line = p.line;
            button.textContent = msg("line") + " " + p.line;
            li.appendChild(button);
            li.appendChild(document.createTextNode(" " + p.message));
            problemsList.appendChild(li);
        });
        if (cues) {
            cuesList.textContent = "";
            cues.forEach(function (c) {
                var li = document.createElement("li");
                li.textContent = msg("stage") + " " + c.stage + ": " + c.message;
                cuesList.appendChild(li);
            });
        }
        editor.performLint();
    }

    problemsList.addEventListener("click", function (e) {
        var button = e.target.closest ? e.target.closest(".goto-line") : null;
        if (button) {
            goTo(Number(button.dataset.line || "1"));
        }
    });
    var initial = [];
    problemsList.querySelectorAll(".goto-line").forEach(function (b) {
        var text = b.parentNode.textContent.replace(b.textContent, "").trim();
        initial.push({ line: Number(b.dataset.line), message: text });
    });
    problems = initial;
    editor.performLint();

    function setRevision(r) {
        revision = r;
        root.dataset.revision = String(r);
        if (revisionField) {
            revisionField.value = String(r);
        }
    }

    function save(force) {
        if (!dirty && !force) {
            return Promise.resolve(true);
        }
        if (saving) {
            return saving.then(function () { return save(force); });
        }
        var text = editor.getValue();
        status.textContent = msg("saving");
        saving = fetch(root.dataset.api, {
            method: "PUT",
            credentials: "same-origin",
            keepalive: text.length < 60000,
            headers: { "Content-Type": "application/json", "Accept": "application/json",
                "Accept-Language": document.documentElement.lang || "en" },
            body: JSON.stringify({ source: text, revision: revision })
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                return { status: response.status, body: body };
            });
        }).then(function (r) {
            saving = null;
            if (r.status === 200) {
                setRevision(r.body.revision);
                if (editor.getValue() === text) {
                    dirty = false;
                    store(null);
                }
                status.textContent = format(msg("saved"), new Date(r.body.savedAt).toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
                showProblems(r.body.problems, r.body.cues);
                return true;
            }
            if (r.status === 409 && r.body.reason === "conflict") {
                showConflict(r.body);
                return false;
            }
            if (r.status === 409 && r.body.reason === "retry") {
                return save(true);
            }
            status.textContent = r.status === 401 ? msg("expired") : msg("unsaved");
            return false;
        }, function () {
            saving = null;
            status.textContent = msg("offline");
            schedule(5000);
            return false;
        });
        return saving;
    }

    function showConflict(server) {
        conflictBox.textContent = "";
        conflictBox.hidden = false;
        var p = document.createElement("p");
        p.textContent = format(msg("conflict"), server.savedBy || "?",
            server.savedAt ? new Date(server.savedAt).toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" }) : "");
        conflictBox.appendChild(p);
        var theirs = document.createElement("button");
        theirs.type = "button";
        theirs.className = "conflict-use-theirs";
        theirs.textContent = msg("useTheirs");
        theirs.addEventListener("click", function () {
            store(null);
            setRevision(server.revision);
            editor.setValue(server.text || "");
            dirty = false;
            conflictBox.hidden = true;
            save(true);
        });
        var mine = document.createElement("button");
        mine.type = "button";
        mine.className = "conflict-keep-mine";
        mine.textContent = msg("keepMine");
        mine.addEventListener("click", function () {
            setRevision(server.revision);
            conflictBox.hidden = true;
            dirty = true;
            save(true);
        });
        conflictBox.appendChild(theirs);
        conflictBox.appendChild(document.createTextNode(" "));
        conflictBox.appendChild(mine);
        theirs.focus();
    }

    function schedule(ms) {
        clearTimeout(timer);
        timer = setTimeout(function () { save(false); }, ms);
    }

    editor.on("change", function () {
        dirty = true;
        store({ text: editor.getValue(), revision: revision });
        status.textContent = msg("unsaved");
        schedule(DEBOUNCE_MS);
    });

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
            save(false);
        }
    });

    // A copy this browser kept that the server never confirmed: put it back and save it (on its revision, so a
    // newer save by someone else still meets the conflict choice).
    var kept = stored();
    if (kept && typeof kept.text === "string" && kept.text !== editor.getValue()) {
        editor.setValue(kept.text);
        setRevision(kept.revision || revision);
        status.textContent = msg("restored");
        dirty = true;
        save(true);
    }

    var form = document.getElementById("actions");
    if (form) {
        form.addEventListener("submit", function (e) {
            if (!dirty && !saving) {
                if (revisionField) {
                    revisionField.value = String(revision);
                }
                return;
            }
            e.preventDefault();
            var submitter = e.submitter;
            save(true).then(function (ok) {
                if (ok) {
                    if (revisionField) {
                        revisionField.value = String(revision);
                    }
                    form.requestSubmit ? form.requestSubmit(submitter) : form.submit();
                }
            });
        });
    }
}());
